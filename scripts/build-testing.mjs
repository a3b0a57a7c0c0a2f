// Builds `visavis/testing` (e2e/testing/index.ts: the page objects and the API client) into
// build/testing.js, plain ESM JavaScript: a QA team's Playwright does not compile TypeScript that comes
// from node_modules. Run by `npm run build` and by `prepare` (so an install from git builds it too);
// @playwright/test stays an import (the QA team's own). Types come from the TypeScript source.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Without dev dependencies (`npm ci --omit=dev` runs `prepare` too) there is nothing to build it with.
const esbuild = await import('esbuild').catch(() => null);
if (!esbuild) {
  console.log('esbuild is not installed (no dev dependencies): visavis/testing not built.');
  process.exit(0);
}
const { build } = esbuild;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Where to write it: build/ unless given (scripts/build-testing.test.ts builds into a temporary package).
const outdir = process.argv[2] ?? 'build';

await build({
  absWorkingDir: root,
  entryPoints: [{ in: 'e2e/testing/index.ts', out: 'testing' }],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  logLevel: 'warning',
});
console.log(`Built ${path.join(outdir, 'testing.js')} (visavis/testing).`);
