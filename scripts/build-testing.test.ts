import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
let dir: string | undefined;
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

it('visavis/testing loads from a QA team’s node_modules (JavaScript: no TypeScript is compiled there)', async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-qa-team-'));
  const pkg = path.join(dir, 'node_modules', 'visavis');
  await fs.mkdir(path.join(dir, 'node_modules', '@playwright'), { recursive: true });
  await fs.symlink(path.join(root, 'node_modules/@playwright/test'), path.join(dir, 'node_modules/@playwright/test'));
  await fs.mkdir(pkg, { recursive: true });
  await fs.copyFile(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
  await run(process.execPath, [path.join(root, 'scripts/build-testing.mjs'), path.join(pkg, 'build')], { cwd: root });
  await fs.writeFile(
    path.join(dir, 'check.mjs'),
    "import * as t from 'visavis/testing';\nconsole.log(Object.keys(t).sort().join(' '));\n",
  );
  const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: dir });
  expect(stdout.trim()).toBe('AppPage DocumentsPage FindTools VisavisApi WorkspacePage');
});
