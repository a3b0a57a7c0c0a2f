import fs from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/permissions';
import { CSRF_HEADER } from '../../shared/users';
import {
  TEST_PASSWORD,
  ensureUser,
  json,
  login,
  makeSandbox,
  startServer,
  storedText,
  type Credentials,
  type StartOptions,
  type TestServer,
} from '../test-helpers';
import { SESSION_COOKIE } from './auth-hooks';

const DAY = 24 * 60 * 60 * 1000;

/** A fresh server per test, with a clock the test moves. */
function useServer(opts: StartOptions = {}) {
  const ctx = { clock: Date.parse('2026-03-01T10:00:00Z') } as {
    server: TestServer;
    app: FastifyInstance;
    sandbox: string;
    dataDir: string;
    clock: number;
  };
  const start = async () => {
    ctx.server = await startServer(ctx.dataDir, { ...opts, auth: { now: () => ctx.clock, ...opts.auth } });
    ctx.app = ctx.server.app;
  };
  beforeAll(async () => {
    ({ sandbox: ctx.sandbox, dataDir: ctx.dataDir } = await makeSandbox());
    await start();
  });
  afterAll(async () => {
    await ctx.server?.close();
    await fs.rm(ctx.sandbox, { recursive: true, force: true });
  });
  return Object.assign(ctx, {
    async restart() {
      await ctx.server.close();
      await start();
    },
  });
}

function signInRequest(app: FastifyInstance, loginName: string, password: string, ip = '127.0.0.1') {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { login: loginName, password },
    remoteAddress: ip,
  });
}

function expectError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(json(res as never).error.code).toBe(code);
  return json(res as never).error as { code: string; message: string; details?: unknown };
}

const me = (app: FastifyInstance, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/session', headers });

async function userWith(app: FastifyInstance, name: string, roles: Role[]) {
  await ensureUser(app, name, roles);
  return login(app, name);
}

describe('sign-in, session and sign-out', () => {
  const ctx = useServer();
  let amina: Credentials;
  beforeAll(async () => {
    await ensureUser(ctx.app, 'Amina', ['translator']);
  });

  it('POST /api/session signs in: the user, a CSRF token, and an httpOnly SameSite=Strict cookie', async () => {
    const res = await signInRequest(ctx.app, 'amina', TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        login: 'Amina',
        displayName: 'Amina',
        roles: ['translator'],
        mustChangePassword: false,
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 14 * 24 * 3600 });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only a hash of the token is stored.
    const sessions = await storedText(ctx.server, 'sessions');
    expect(sessions).not.toContain(cookie.value);
    expect(sessions).toMatch(/"id":\s*"[0-9a-f]{64}"/);
  });

  it('GET /api/session answers who is signed in, with the same CSRF token; 401 without a session', async () => {
    amina = await login(ctx.app, 'Amina');
    const res = await me(ctx.app, { cookie: amina.cookie });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ user: { login: 'Amina', roles: ['translator'] }, csrfToken: amina.csrfToken });
    expectError(await me(ctx.app, {}), 401, 'UNAUTHENTICATED');
  });

  it('each session has its own CSRF token', async () => {
    const other = await login(ctx.app, 'Amina');
    expect(other.csrfToken).not.toBe(amina.csrfToken);
    expect(other.cookie).not.toBe(amina.cookie);
  });

  it.each([
    ['a wrong password', 'Amina', 'wrong password'],
    ['an unknown login', 'Nobody', TEST_PASSWORD],
    ['an empty password', 'Amina', ''],
  ])('%s → 401 INVALID_CREDENTIALS with one generic message, and no cookie', async (_, name, password) => {
    const res = await signInRequest(ctx.app, name, password, '10.0.0.9');
    const error = expectError(res, 401, 'INVALID_CREDENTIALS');
    expect(error.message).toBe('Wrong login or password.');
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('a missing field is 400 VALIDATION_FAILED; a form post is 415', async () => {
    expectError(
      await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'Amina' } }),
      400,
      'VALIDATION_FAILED',
    );
    const form = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `login=Amina&password=${encodeURIComponent(TEST_PASSWORD)}`,
    });
    expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('sessions survive a server restart', async () => {
    await ctx.restart();
    const res = await me(ctx.app, { cookie: amina.cookie });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).user.login).toBe('Amina');
  });

  it('DELETE /api/session signs out: 204, the cookie is cleared, the token stops working', async () => {
    const session = await login(ctx.app, 'Amina');
    expectError(
      await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: session.cookie } }),
      403,
      'CSRF',
    );
    const res = await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: session.headers });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now());
    expectError(await me(ctx.app, { cookie: session.cookie }), 401, 'UNAUTHENTICATED');
    // Other sessions of the same user are not affected.
    expect((await me(ctx.app, { cookie: amina.cookie })).statusCode).toBe(200);
    // And after a restart it is still gone.
    await ctx.restart();
    expectError(await me(ctx.app, { cookie: session.cookie }), 401, 'UNAUTHENTICATED');
  });

  it('an unknown or signed-out cookie is told to go (cleared), and is 401', async () => {
    const res = await me(ctx.app, { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` });
    expectError(res, 401, 'UNAUTHENTICATED');
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
  });

  it('signing in again replaces the session the browser had', async () => {
    const first = await login(ctx.app, 'Amina');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: first.cookie },
      payload: { login: 'Amina', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expectError(await me(ctx.app, { cookie: first.cookie }), 401, 'UNAUTHENTICATED');
  });
});

describe('session expiry', () => {
  const ctx = useServer();

  it('slides while the session is used, and ends after 14 idle days', async () => {
    await ensureUser(ctx.app, 'Zineb', ['reviewer']);
    const s = await login(ctx.app, 'Zineb');
    ctx.clock += 13 * DAY;
    const used = await me(ctx.app, { cookie: s.cookie });
    expect(used.statusCode).toBe(200);
    // The cookie's lifetime is renewed with the session's.
    expect(used.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      maxAge: 14 * 24 * 3600,
      httpOnly: true,
      sameSite: 'Strict',
    });
    // The renewal is written in the background; thirteen days do not pass in a millisecond in real use,
    // so wait for it here (on PostgreSQL the next lookup reads the table and could overtake the write).
    await ctx.server.auth.sessions.flush();
    ctx.clock += 13 * DAY;
    expect((await me(ctx.app, { cookie: s.cookie })).statusCode).toBe(200);
    // The renewal is on disk: a restart keeps it.
    await ctx.server.auth.sessions.flush();
    await ctx.restart();
    expect((await me(ctx.app, { cookie: s.cookie })).statusCode).toBe(200);
    ctx.clock += 14 * DAY + 1;
    expectError(await me(ctx.app, { cookie: s.cookie }), 401, 'UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  const ctx = useServer();
  let a: Credentials;
  let b: Credentials;
  beforeAll(async () => {
    a = await userWith(ctx.app, 'Editor A', ['editor']);
    b = await userWith(ctx.app, 'Editor B', ['editor']);
  });
  const create = (headers: Record<string, string>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: { title: 'T', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'a', target: 'b' }] },
    });

  it.each([
    ['no token', () => ({ cookie: a.cookie })],
    ['an empty token', () => ({ cookie: a.cookie, [CSRF_HEADER]: '' })],
    ['a made-up token', () => ({ cookie: a.cookie, [CSRF_HEADER]: 'x'.repeat(43) })],
    ['another session’s token', () => ({ cookie: a.cookie, [CSRF_HEADER]: b.csrfToken })],
  ])('a mutating request with %s → 403 CSRF, nothing created', async (_, headers) => {
    expectError(await create(headers()), 403, 'CSRF');
    const list = await ctx.app.inject({ method: 'GET', url: '/api/documents', headers: { cookie: a.cookie } });
    expect(json(list).documents).toEqual([]);
  });

  it('reads need no token; writes with the session’s token go through', async () => {
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/documents', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(200);
    expect((await create(a.headers)).statusCode).toBe(201);
  });
});

describe('sign-in rate limit', () => {
  const ctx = useServer();
  beforeAll(async () => {
    await ensureUser(ctx.app, 'Amina', ['translator']);
    await ensureUser(ctx.app, 'Zineb', ['reviewer']);
  });
  afterEach(() => {
    ctx.clock += 16 * 60 * 1000;
  });

  it('10 failures per IP and login in 15 minutes; the 11th attempt is 429 RATE_LIMITED even with the right password', async () => {
    for (let i = 0; i < 10; i++)
      expectError(await signInRequest(ctx.app, 'Amina', `wrong ${i}`), 401, 'INVALID_CREDENTIALS');
    const res = await signInRequest(ctx.app, 'amina', TEST_PASSWORD);
    const error = expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(error.details).toEqual({ retryAfter: Number(res.headers['retry-after']) });
    // Another login from the same address, and the same login from another address, still work.
    expect((await signInRequest(ctx.app, 'Zineb', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await signInRequest(ctx.app, 'Amina', TEST_PASSWORD, '192.0.2.7')).statusCode).toBe(200);
    // After the window, the right password works again.
    ctx.clock += 15 * 60 * 1000;
    expect((await signInRequest(ctx.app, 'Amina', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a success clears the count of that login', async () => {
    for (let i = 0; i < 9; i++) await signInRequest(ctx.app, 'Amina', 'wrong');
    expect((await signInRequest(ctx.app, 'Amina', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await signInRequest(ctx.app, 'Amina', 'wrong');
    expect((await signInRequest(ctx.app, 'Amina', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('spraying many logins from one address is limited too (50 failures)', async () => {
    for (let i = 0; i < 50; i++) await signInRequest(ctx.app, `guess${i}`, 'password', '198.51.100.1');
    expectError(await signInRequest(ctx.app, 'Zineb', TEST_PASSWORD, '198.51.100.1'), 429, 'RATE_LIMITED');
    expect((await signInRequest(ctx.app, 'Zineb', TEST_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
  });
});

describe('PATCH /api/session/password', () => {
  const ctx = useServer();

  it('changes one’s own password: checks the current one, signs out the other sessions, keeps this one', async () => {
    await ensureUser(ctx.app, 'Camille', ['reviewer']);
    await ctx.server.auth.users.update((await ctx.server.auth.users.byLogin('Camille'))!.id, {
      mustChangePassword: true,
    });
    const here = await login(ctx.app, 'Camille');
    const elsewhere = await login(ctx.app, 'Camille');
    const change = (body: unknown, headers = here.headers) =>
      ctx.app.inject({ method: 'PATCH', url: '/api/session/password', headers, payload: body as object });

    expectError(await change({ currentPassword: 'wrong', newPassword: 'a new password' }), 400, 'INVALID_CREDENTIALS');
    expectError(await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' }), 400, 'VALIDATION_FAILED');
    expectError(await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }), 400, 'VALIDATION_FAILED');
    expectError(
      await change({ currentPassword: TEST_PASSWORD, newPassword: 'a new password' }, { cookie: here.cookie }),
      403,
      'CSRF',
    );

    const res = await change({ currentPassword: TEST_PASSWORD, newPassword: 'a new password' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({
      user: expect.objectContaining({ login: 'Camille', mustChangePassword: false }),
      csrfToken: here.csrfToken,
    });
    expect((await me(ctx.app, { cookie: here.cookie })).statusCode).toBe(200);
    expectError(await me(ctx.app, { cookie: elsewhere.cookie }), 401, 'UNAUTHENTICATED');
    expectError(await signInRequest(ctx.app, 'Camille', TEST_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await signInRequest(ctx.app, 'Camille', 'a new password')).statusCode).toBe(200);
  });
});

describe('a password set by an admin opens nothing but the way to change it', () => {
  const ctx = useServer();

  it('403 PASSWORD_CHANGE_REQUIRED on every route but reading the session, changing the password and signing out', async () => {
    const admin = await userWith(ctx.app, 'Boss', ['admin']);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: admin.headers,
      payload: { title: 'T', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'a', target: 'b' }] },
    });
    const doc = json(created).document;
    await ctx.server.auth.users.create({
      login: 'Newcomer',
      displayName: 'Newcomer',
      password: 'temporary password',
      roles: ['translator', 'admin'],
      mustChangePassword: true,
    });
    const c = await login(ctx.app, 'Newcomer', 'temporary password');
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: c.headers, ...(payload ? { payload } : {}) });

    const segmentUrl = `/api/documents/${doc.id}/segments/${doc.segments[0].id}`;
    for (const [method, url, payload] of [
      ['PATCH', segmentUrl, { target: 'edited', baseVersion: 1 }],
      ['GET', '/api/documents'],
      ['GET', `/api/documents/${doc.id}`],
      ['GET', `/api/documents/${doc.id}/export`],
      ['GET', '/api/users'],
      ['POST', '/api/users', { login: 'x', displayName: 'x', password: 'long enough', roles: ['viewer'] }],
      ['GET', '/api/no-such-route'],
    ] as const) {
      const error = expectError(await send(method, url, payload), 403, 'PASSWORD_CHANGE_REQUIRED');
      expect(error.message).toMatch(/new password/);
    }
    // Nothing was changed by the refused write.
    expect(
      json(await ctx.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: admin.headers })).document
        .segments[0].target,
    ).toBe('b');

    expect(json(await send('GET', '/api/session')).user.mustChangePassword).toBe(true);
    const changed = await send('PATCH', '/api/session/password', {
      currentPassword: 'temporary password',
      newPassword: 'my own password',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await send('PATCH', segmentUrl, { target: 'edited', baseVersion: 1 })).statusCode).toBe(200);
    expect((await send('GET', '/api/documents')).statusCode).toBe(200);
    expect((await send('DELETE', '/api/session')).statusCode).toBe(204);
  });

  it('signing out works before the change; an admin reset applies to the next request', async () => {
    await ctx.server.auth.users.create({
      login: 'Shy',
      displayName: 'Shy',
      password: 'temporary password',
      roles: ['viewer'],
      mustChangePassword: true,
    });
    const c = await login(ctx.app, 'Shy', 'temporary password');
    expect((await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: c.headers })).statusCode).toBe(204);

    const d = await userWith(ctx.app, 'Reader', ['viewer']);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/documents', headers: d.headers })).statusCode).toBe(200);
    await ctx.server.auth.users.update((await ctx.server.auth.users.byLogin('Reader'))!.id, {
      mustChangePassword: true,
    });
    expectError(
      await ctx.app.inject({ method: 'GET', url: '/api/documents', headers: d.headers }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );
  });
});

describe('users: admins manage them, everyone sees names', () => {
  const ctx = useServer();
  let admin: Credentials;
  let translator: Credentials;
  beforeAll(async () => {
    admin = await userWith(ctx.app, 'admin', ['admin']);
    translator = await userWith(ctx.app, 'Amina', ['translator']);
  });
  const users = (c: Credentials) => ctx.app.inject({ method: 'GET', url: '/api/users', headers: c.headers });
  const create = (c: Credentials, body: unknown) =>
    ctx.app.inject({ method: 'POST', url: '/api/users', headers: c.headers, payload: body as object });
  const patch = (c: Credentials, id: string, body: unknown) =>
    ctx.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: c.headers, payload: body as object });

  it('admins list every user, without password hashes; others get ids, logins and display names only', async () => {
    const all = json(await users(admin)).users;
    expect(all.map((u: { login: string }) => u.login)).toEqual(['admin', 'Amina']);
    expect(all[1]).toEqual({
      id: expect.any(String),
      login: 'Amina',
      displayName: 'Amina',
      roles: ['translator'],
      createdAt: expect.any(String),
      disabled: false,
      mustChangePassword: false,
    });
    expect(JSON.stringify(all)).not.toContain('scrypt');
    expect(json(await users(translator)).users).toEqual([
      { id: all[0].id, login: 'admin', displayName: 'admin' },
      { id: all[1].id, login: 'Amina', displayName: 'Amina' },
    ]);
  });

  it('POST /api/users creates a user who can then sign in with those roles', async () => {
    const res = await create(admin, {
      login: ' Rev One ',
      displayName: 'Reviewer One',
      password: 'rev one password',
      roles: ['reviewer', 'translator', 'reviewer'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).user).toMatchObject({
      login: 'Rev One',
      displayName: 'Reviewer One',
      roles: ['translator', 'reviewer'],
      mustChangePassword: false,
    });
    const signedIn = await signInRequest(ctx.app, 'rev one', 'rev one password');
    expect(json(signedIn).user).toMatchObject({ login: 'Rev One', roles: ['translator', 'reviewer'] });
    expect(await storedText(ctx.server, 'users')).not.toContain('rev one password');
  });

  it('look-alike logins are refused: NFKC first, then the UTS #39 skeleton; other scripts stay welcome', async () => {
    const body = (login: string) => ({ login, displayName: login, password: 'long enough', roles: ['viewer'] });
    // Fullwidth Ａｄｍｉｎ is Admin once NFKC-normalized: the same account as admin.
    expectError(await create(admin, body('\uFF21\uFF44\uFF4D\uFF49\uFF4E')), 409, 'USER_EXISTS');
    for (const login of ['\u0430dmin', 'Am\u0456na', 'admin\uFE0F', '\u0391MINA']) {
      const error = expectError(await create(admin, body(login)), 409, 'LOGIN_CONFUSABLE');
      expect(error.message).toMatch(/looks like the existing login "(admin|Amina)"/);
      expect(error.details).toEqual({ existing: expect.stringMatching(/^(admin|Amina)$/) });
    }
    const logins = json(await users(admin)).users.map((u: { login: string }) => u.login);
    expect(logins.filter((l: string) => /dmin|mina/i.test(l))).toEqual(['admin', 'Amina']);
    for (const login of ['やまだ太郎', '山田', 'فاطمة', 'Amína']) {
      expect((await create(admin, body(login))).statusCode).toBe(201);
    }
    // Sign-in takes the login as typed on a fullwidth keyboard too.
    const signedIn = await signInRequest(ctx.app, '\uFF21\uFF4D\uFF49\uFF4E\uFF41', TEST_PASSWORD);
    expect(json(signedIn).user).toMatchObject({ login: 'Amina' });
  });

  it.each([
    ['a taken login (any case)', { login: 'AMINA' }, 409, 'USER_EXISTS'],
    ['no roles', { roles: [] }, 400, 'VALIDATION_FAILED'],
    ['an unknown role', { roles: ['owner'] }, 400, 'VALIDATION_FAILED'],
    ['a short password', { password: 'short' }, 400, 'VALIDATION_FAILED'],
    ['a login with a slash', { login: 'a/b' }, 400, 'VALIDATION_FAILED'],
    ['a login with two spaces', { login: 'a  b' }, 400, 'VALIDATION_FAILED'],
    ['a login too long', { login: 'x'.repeat(65) }, 400, 'VALIDATION_FAILED'],
    ['a blank display name', { displayName: '  ' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_, over, status, code) => {
    const before = json(await users(admin)).users;
    expectError(
      await create(admin, { login: 'New', displayName: 'New', password: 'new password', roles: ['viewer'], ...over }),
      status,
      code,
    );
    expect(json(await users(admin)).users).toEqual(before);
  });

  it('role changes apply to sessions already open', async () => {
    const c = await userWith(ctx.app, 'Switcher', ['translator']);
    const id = (await ctx.server.auth.users.byLogin('Switcher'))!.id;
    const doc = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: admin.headers,
        payload: { title: 'T', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'a', target: 'b' }] },
      }),
    ).document;
    const edit = (target: string, baseVersion: number) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/documents/${doc.id}/segments/${doc.segments[0].id}`,
        headers: c.headers,
        payload: { target, baseVersion },
      });
    expect((await edit('b1', 1)).statusCode).toBe(200);
    expect(json(await patch(admin, id, { roles: ['viewer'] })).user.roles).toEqual(['viewer']);
    const refused = expectError(await edit('b2', 2), 403, 'FORBIDDEN');
    expect(refused.message).toContain('segment.edit');
    expect(json(await me(ctx.app, { cookie: c.cookie })).user.roles).toEqual(['viewer']);
  });

  it('disabling a user ends their sessions and their sign-ins', async () => {
    const c = await userWith(ctx.app, 'Leaver', ['reviewer']);
    const id = (await ctx.server.auth.users.byLogin('Leaver'))!.id;
    expect(json(await patch(admin, id, { disabled: true })).user.disabled).toBe(true);
    expectError(await me(ctx.app, { cookie: c.cookie }), 401, 'UNAUTHENTICATED');
    expectError(await signInRequest(ctx.app, 'Leaver', TEST_PASSWORD), 401, 'INVALID_CREDENTIALS');
    await patch(admin, id, { disabled: false });
    expect((await signInRequest(ctx.app, 'Leaver', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a password reset signs the user out everywhere and asks for a new password at next sign-in', async () => {
    const c = await userWith(ctx.app, 'Forgetful', ['reviewer']);
    const id = (await ctx.server.auth.users.byLogin('Forgetful'))!.id;
    const res = await patch(admin, id, { password: 'temporary password' });
    expect(json(res).user.mustChangePassword).toBe(true);
    expectError(await me(ctx.app, { cookie: c.cookie }), 401, 'UNAUTHENTICATED');
    expect(json(await signInRequest(ctx.app, 'Forgetful', 'temporary password')).user.mustChangePassword).toBe(true);
  });

  it('refuses unknown users, empty changes, unknown fields, and leaving no active admin', async () => {
    expectError(await patch(admin, 'u-missing', { disabled: true }), 404, 'USER_NOT_FOUND');
    expectError(await patch(admin, '..%2Fx', { disabled: true }), 400, 'INVALID_ID');
    const id = (await ctx.server.auth.users.byLogin('Amina'))!.id;
    expectError(await patch(admin, id, {}), 400, 'VALIDATION_FAILED');
    expectError(await patch(admin, id, { login: 'renamed' }), 400, 'VALIDATION_FAILED');
    const adminId = (await ctx.server.auth.users.byLogin('admin'))!.id;
    const error = expectError(await patch(admin, adminId, { roles: ['editor'] }), 400, 'VALIDATION_FAILED');
    expect(error.message).toContain('admin');
  });
});

describe('events record the signed-in user', () => {
  const ctx = useServer();

  it('the actor is the session’s login, whatever an X-Actor header says; old free-typed actors still read back', async () => {
    const legacy = await ctx.server.store.create(
      {
        type: 'DocumentCreated',
        payload: {
          id: 'legacy',
          title: 'Old',
          sourceLang: 'en',
          targetLang: 'fr',
          segments: [{ id: 's1', source: 'a', target: 'b' }],
        },
      },
      'Zineb (typed her name)',
    );
    expect(legacy.state.createdBy).toBe('Zineb (typed her name)');
    const amina = await userWith(ctx.app, 'Amina', ['translator']);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/documents/legacy/segments/s1',
      headers: { ...amina.headers, 'x-actor': 'Mallory' },
      payload: { target: 'c', baseVersion: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const events = json(
      await ctx.app.inject({ method: 'GET', url: '/api/documents/legacy/events', headers: amina.headers }),
    ).events;
    expect(events.map((e: { actor: string }) => e.actor)).toEqual(['Zineb (typed her name)', 'Amina']);
  });
});

describe('Secure cookies behind an https proxy', () => {
  const ctx = useServer({ trustProxy: true });

  it('sets Secure when the request came over https', async () => {
    await ensureUser(ctx.app, 'Amina', ['translator']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { login: 'Amina', password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
    });
  });
});
