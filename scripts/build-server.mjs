// Builds the server, the CLI and the server's worker threads into build/ (plain ESM JavaScript for
// `node`), so that a deployment runs without tsx or any other dev dependency:
//   npm ci && npm run build && npm prune --omit=dev && node build/main.js
// One flat directory: a worker is found beside whichever bundle starts it (src/server/workers/).
// npm packages stay imports (`packages: 'external'`): they are the production dependencies.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workersDir = path.join(root, 'src/server/workers');
let workers = [];
try {
  workers = readdirSync(workersDir)
    .filter((f) => /-worker\.ts$/.test(f))
    .map((f) => path.join(workersDir, f));
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}

await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/server/main.ts', out: 'main' },
    { in: 'src/cli/visavis.ts', out: 'visavis' },
    ...workers.map((w) => ({ in: w, out: path.basename(w, '.ts') })),
  ],
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`Built build/main.js, build/visavis.js and ${workers.length} worker(s).`);
