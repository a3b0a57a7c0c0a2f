import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { JsonStateFile } from './json-state-file';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-state-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const Schema = z.object({ n: z.number() });
const quiet = { info() {}, warn() {}, error() {} };

describe('JsonStateFile on a full disk', () => {
  it.each(['ENOSPC', 'EDQUOT'])('%s: 507 STORAGE_FULL, the file and memory unchanged', async (code) => {
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, '{"n":1}\n');
    let full = true;
    const state = new JsonStateFile(file, Schema, async (f, data) => {
      if (full) throw Object.assign(new Error(`${code}: simulated`), { code });
      await fs.writeFile(f, data);
    });
    let memory = 1;
    const change = () => state.exclusive(() => ({ data: { n: 2 }, result: 'ok', commit: () => (memory = 2) }));
    const err = await change().then(
      () => expect.unreachable('should fail'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ statusCode: 507, code: 'STORAGE_FULL' });
    expect((err as Error).message).toMatch(/state\.json was not saved/);
    expect(memory).toBe(1);
    expect(await state.read(quiet)).toEqual({ n: 1 });
    full = false;
    await expect(change()).resolves.toBe('ok');
    expect(memory).toBe(2);
    expect(await state.read(quiet)).toEqual({ n: 2 });
  });

  it('other write errors are passed on as they are', async () => {
    const state = new JsonStateFile(path.join(dir, 'x.json'), Schema, async () => {
      throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
    });
    await expect(state.exclusive(() => ({ data: { n: 1 }, result: 1 }))).rejects.toMatchObject({ code: 'EIO' });
  });
});
