// The server `npm test` runs the Playwright smoke project against (playwright.config.ts webServer): the
// built app (`node build/main.js`) on a fresh temporary DATA_DIR, removed when it stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'visavis-smoke-'));
const child = spawn(process.execPath, ['build/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, SEED_SAMPLE: '0', HOST: '127.0.0.1' },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
