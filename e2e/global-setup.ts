import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeLocalSmokeToken } from './smoke-token';

const ROOT = path.resolve(import.meta.dirname, '..');
// Not part of the app a server needs at run time (node_modules is linked, not copied).
const SKIP = new Set(['.git', 'node_modules', 'data', 'test-results', 'playwright-report', 'e2e', '.ci', '.tmp']);

/** Assets dist/index.html refers to that are not (yet) on disk: non-empty while `vite build` is writing. */
async function missingAssets(dist: string): Promise<string[]> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.filter((r) => !existsSync(path.join(dist, r)));
}

/**
 * The server serves the built UI from dist/: without it every page is blank and every test fails obscurely.
 * The suite then runs against a frozen copy of the app (src/, dist/, samples/…, node_modules linked), so a
 * `vite build` started elsewhere in this working tree during the run (it empties dist/) cannot break it.
 * E2E_IN_PLACE=1 runs the working tree itself.
 */
export default async function globalSetup() {
  await makeLocalSmokeToken();
  const dist = path.join(ROOT, 'dist');
  const index = path.join(dist, 'index.html');
  // Against a deployment (E2E_BASE_URL given), the smoke project needs no build of its own: a QA team's
  // clone runs `npm ci && npx playwright test --project smoke` as it is. Only the other project starts servers.
  const deployed = process.env.E2E_SMOKE_LOCAL !== '1';
  if (deployed && (!existsSync(index) || !existsSync(path.join(ROOT, 'build', 'main.js')))) {
    console.warn('Not built: only the smoke project (against E2E_BASE_URL) can run; `npm run build` for the rest.');
    return;
  }
  if (!existsSync(index)) {
    throw new Error(
      `The UI is not built: ${index} is missing.\n` +
        'Run `npm run build` before `npx playwright test`; `npm test` does both.',
    );
  }
  if (!existsSync(path.join(ROOT, 'build', 'main.js'))) {
    throw new Error(
      'The server is not built: build/main.js is missing.\nRun `npm run build` before `npx playwright test`; `npm test` does both.',
    );
  }
  if (process.env.E2E_IN_PLACE === '1') {
    process.env.E2E_APP_ROOT = ROOT;
    return;
  }
  // A build running right now: wait for it to finish writing.
  for (let i = 0; ; i++) {
    const missing = existsSync(index) ? await missingAssets(dist) : ['index.html'];
    if (missing.length === 0) break;
    if (i >= 60)
      throw new Error(`dist/ is incomplete (missing ${missing.join(', ')}): rebuild with \`npx vite build\`.`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const copy = await mkdtemp(path.join(os.tmpdir(), 'visavis-e2e-app-'));
  await cp(ROOT, copy, {
    recursive: true,
    filter: (src) => path.dirname(src) !== ROOT || !SKIP.has(path.basename(src)),
  });
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  if ((await missingAssets(path.join(copy, 'dist'))).length > 0) {
    await rm(copy, { recursive: true, force: true });
    throw new Error('dist/ changed while it was being copied (a `vite build` is running?): run the tests again.');
  }
  process.env.E2E_APP_ROOT = copy;
  return async () => {
    await rm(copy, { recursive: true, force: true });
  };
}
