import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionStore } from './session-store';

let dir: string;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-sessions-'));
  vi.clearAllMocks();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('SessionStore', () => {
  it('keeps sessions across a reopen', async () => {
    const sessions = await SessionStore.open(dir, logger);
    const { token } = await sessions.create('u-1');
    const again = await SessionStore.open(dir, logger);
    expect((await again.lookup(token))?.userId).toBe('u-1');
  });

  it.each([
    ['not JSON', '{"version":1,"sess'],
    ['empty', ''],
    ['not sessions', '{"version":1,"sessions":[{"id":"x"}]}'],
  ])('a corrupt sessions.json (%s) does not stop the start: no sessions, logged, rewritten', async (_, text) => {
    const file = path.join(dir, 'sessions.json');
    await fs.writeFile(file, text);
    const sessions = await SessionStore.open(dir, logger);
    expect(await sessions.lookup('A'.repeat(43))).toBeUndefined();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(String(logger.error.mock.calls[0]![0])).toMatch(/sessions\.json .*starting with no sessions/s);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ version: 1, sessions: [] });
    // And it works as usual afterwards.
    const { token } = await sessions.create('u-1');
    expect((await (await SessionStore.open(dir, logger)).lookup(token))?.userId).toBe('u-1');
  });
});
