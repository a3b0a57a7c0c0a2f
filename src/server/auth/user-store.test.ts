import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from './bootstrap';
import { UserStore, publicUser } from './user-store';

const CHEAP = { ln: 6, r: 8, p: 1 };
const quiet = { info() {}, warn() {}, error() {} };
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-users-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const open = () => UserStore.open(dir, quiet, CHEAP);
const amina = { login: 'Amina', displayName: 'Amina B.', password: 'amina password', roles: ['translator' as const] };

describe('UserStore', () => {
  it('starts empty without a users.json, and writes none until a user is created', async () => {
    const users = await open();
    expect(await users.list()).toEqual([]);
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });

  it('keeps users in DATA_DIR/users.json: pretty JSON, a scrypt hash, never the password', async () => {
    const users = await open();
    const created = await users.create({ ...amina, mustChangePassword: true });
    const text = await fs.readFile(path.join(dir, 'users.json'), 'utf8');
    expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"users": \[\n/);
    expect(text).not.toContain('amina password');
    if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, 'users.json'))).mode & 0o777).toBe(0o600);
    const file = JSON.parse(text);
    expect(file.users).toEqual([
      {
        id: created.id,
        login: 'Amina',
        displayName: 'Amina B.',
        roles: ['translator'],
        passwordHash: expect.stringMatching(/^\$scrypt\$ln=6,r=8,p=1\$/),
        createdAt: expect.any(String),
        mustChangePassword: true,
      },
    ]);
    expect(publicUser(created)).toEqual({
      id: created.id,
      login: 'Amina',
      displayName: 'Amina B.',
      roles: ['translator'],
      createdAt: created.createdAt,
      disabled: false,
      mustChangePassword: true,
    });
    // And reads it back after a restart.
    const again = await open();
    expect(await again.list()).toEqual(await users.list());
  });

  it('logins are unique whatever their case: a second "amina" is USER_EXISTS, and nothing is written', async () => {
    const users = await open();
    await users.create(amina);
    const before = await fs.readFile(path.join(dir, 'users.json'), 'utf8');
    await expect(users.create({ ...amina, login: 'amina' })).rejects.toMatchObject({
      statusCode: 409,
      code: 'USER_EXISTS',
    });
    expect((await users.byLogin('AMINA'))?.login).toBe('Amina');
    expect(await fs.readFile(path.join(dir, 'users.json'), 'utf8')).toBe(before);
  });

  it('concurrent creations of the same login: exactly one wins', async () => {
    const users = await open();
    const results = await Promise.allSettled([users.create(amina), users.create({ ...amina, login: 'AMINA' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await (await open()).list()).toHaveLength(1);
  });

  it('authenticate: right password → the user; wrong password, unknown login or disabled → undefined', async () => {
    const users = await open();
    const u = await users.create(amina);
    expect((await users.authenticate('amina', 'amina password'))?.id).toBe(u.id);
    expect(await users.authenticate('Amina', 'wrong password')).toBeUndefined();
    expect(await users.authenticate('nobody', 'amina password')).toBeUndefined();
    await users.update(u.id, { disabled: true });
    expect(await users.authenticate('Amina', 'amina password')).toBeUndefined();
  });

  it('update changes only what it is given; a new password replaces the hash', async () => {
    const users = await open();
    const u = await users.create(amina);
    const renamed = await users.update(u.id, { displayName: 'Amina Benali', roles: ['translator', 'reviewer'] });
    expect(renamed).toMatchObject({
      login: 'Amina',
      displayName: 'Amina Benali',
      roles: ['translator', 'reviewer'],
      passwordHash: u.passwordHash,
    });
    const reset = await users.update(u.id, { password: 'another password' });
    expect(reset.passwordHash).not.toBe(u.passwordHash);
    expect(await users.authenticate('Amina', 'another password')).toBeDefined();
    expect(await users.authenticate('Amina', 'amina password')).toBeUndefined();
    await expect(users.update('u-missing', { disabled: true })).rejects.toMatchObject({
      statusCode: 404,
      code: 'USER_NOT_FOUND',
    });
  });

  it('refuses to leave no active admin', async () => {
    const users = await open();
    const admin = await users.create({ ...amina, login: 'admin', roles: ['admin'] });
    await expect(users.update(admin.id, { roles: ['viewer'] })).rejects.toMatchObject({ statusCode: 400 });
    await expect(users.update(admin.id, { disabled: true })).rejects.toMatchObject({ statusCode: 400 });
    const second = await users.create({ ...amina, login: 'admin2', roles: ['admin', 'editor'] });
    await users.update(admin.id, { disabled: true });
    await expect(users.update(second.id, { roles: ['editor'] })).rejects.toMatchObject({ statusCode: 400 });
    expect((await users.byId(second.id))?.roles).toEqual(['admin', 'editor']);
  });

  it('a users.json that is not valid stops the start with a message naming the file and how to recover', async () => {
    const file = path.join(dir, 'users.json');
    await fs.writeFile(file, '{"version":1,"users":[{"id":"u1","login":"a"}]}');
    await expect(open()).rejects.toThrow(file);
    for (const text of ['{"version":1,"users":[', '']) {
      await fs.writeFile(file, text);
      const err = (await open().then(
        () => expect.unreachable('should not open'),
        (e: unknown) => e,
      )) as Error;
      expect(err.message).toContain(`the accounts file ${file} is not valid JSON`);
      expect(err.message).toMatch(/Restore it from a backup/);
      expect(err.message).toMatch(/move it away: the next start creates "admin"/);
    }
    // The file is left as it was, for whoever repairs it.
    expect(await fs.readFile(file, 'utf8')).toBe('');
  });

  it('removes the temp file of a write that a crash interrupted, keeping users.json', async () => {
    const users = await open();
    await users.create(amina);
    await fs.writeFile(path.join(dir, '.users.json.abcd1234.tmp'), '{"version":1,"us');
    const again = await open();
    expect(await again.list()).toHaveLength(1);
    expect(await fs.readdir(dir)).toEqual(['users.json']);
  });
});

describe('ensureFirstAdmin', () => {
  it('with no users and no ADMIN_PASSWORD: an admin with a generated one-time password', async () => {
    const users = await open();
    const first = await ensureFirstAdmin(users, undefined);
    expect(first).toMatchObject({ login: 'admin', generated: true });
    expect(first!.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await users.list()).toEqual([
      expect.objectContaining({ login: 'admin', roles: ['admin'], mustChangePassword: true }),
    ]);
    expect(await users.authenticate('admin', first!.password)).toBeDefined();
    // Never again once there are users.
    expect(await ensureFirstAdmin(users, 'something else')).toBeNull();
    expect(await users.list()).toHaveLength(1);
  });

  it('takes ADMIN_PASSWORD when given (no change asked), and refuses a short one', async () => {
    const users = await open();
    await expect(ensureFirstAdmin(users, 'short')).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await ensureFirstAdmin(users, 'admin password')).toEqual({
      login: 'admin',
      password: 'admin password',
      generated: false,
    });
    expect((await users.byLogin('admin'))?.mustChangePassword).toBeUndefined();
    expect(await users.authenticate('admin', 'admin password')).toBeDefined();
  });
});
