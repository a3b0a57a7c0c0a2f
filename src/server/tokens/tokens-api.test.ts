import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../shared/users';
import {
  ensureUser,
  json,
  login,
  makeSandbox,
  startServer,
  storedText,
  type Credentials,
  type TestServer,
} from '../test-helpers';

/** Personal API tokens (README: API tokens), on both stores (the node-postgres project runs this again). */
describe('API tokens', () => {
  let sandbox: string;
  let server: TestServer;
  let clock = Date.parse('2026-03-01T10:00:00Z');
  let amina: Credentials;
  let admin: Credentials;
  let docId: string;

  beforeAll(async () => {
    let dataDir: string;
    ({ sandbox, dataDir } = await makeSandbox());
    server = await startServer(dataDir, { auth: { now: () => clock } });
    await ensureUser(server.app, 'amina', ['translator', 'reviewer']);
    await ensureUser(server.app, 'boss', ['admin']);
    amina = await login(server.app, 'amina');
    admin = await login(server.app, 'boss');
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: admin.headers,
      payload: { title: 'Tokens', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'Hi', target: 'Salut' }] },
    });
    docId = json(created).document.id;
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  const make = async (who: Credentials, body: object) =>
    server.app.inject({ method: 'POST', url: '/api/tokens', headers: who.headers, payload: body });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const full = { name: 'ci', expiresInDays: 30, permissions: ['document.read', 'segment.edit'] };

  it('is created with a name, an expiry and a subset of the user’s permissions, shown once, stored hashed', async () => {
    const res = await make(amina, full);
    expect(res.statusCode, res.body).toBe(201);
    const { secret, token } = json(res);
    expect(secret).toMatch(/^vv_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'ci', permissions: ['document.read', 'segment.edit'], lastUsedAt: null });
    expect(token.expiresAt).toBe(new Date(clock + 30 * 86_400_000).toISOString());
    // Never listed again, never stored in the clear.
    const list = json(await server.app.inject({ url: '/api/tokens', headers: amina.headers })).tokens;
    expect(list.map((t: { id: string }) => t.id)).toEqual([token.id]);
    expect(JSON.stringify(list)).not.toContain(secret);
    const stored = server.sql
      ? JSON.stringify(await server.sql`SELECT * FROM api_tokens`)
      : await fs.readFile(`${server.dataDir}/api-tokens.json`, 'utf8');
    expect(stored).not.toContain(secret);
    expect(stored).toContain(token.id);
  });

  it('refuses permissions the user does not have (a token is a subset)', async () => {
    const res = await make(amina, { ...full, permissions: ['document.read', 'users.manage'] });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.details).toEqual({ permissions: ['users.manage'] });
  });

  it('works as Authorization: Bearer without a CSRF token, never sets a cookie, records user and token name', async () => {
    const { secret, token } = json(await make(amina, { ...full, name: 'pipeline' }));
    const doc = json(await server.app.inject({ url: `/api/documents/${docId}`, headers: bearer(secret) })).document;
    const seg = doc.segments[0];
    const res = await server.app.inject({
      method: 'PATCH',
      url: `/api/documents/${docId}/segments/${seg.id}`,
      headers: bearer(secret),
      payload: { target: 'Bonjour', baseVersion: seg.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const events = json(
      await server.app.inject({ url: `/api/documents/${docId}/events`, headers: admin.headers }),
    ).events;
    expect(events.at(-1)).toMatchObject({ type: 'SegmentEdited', actor: 'amina', token: 'pipeline' });
    // Last used is recorded.
    await expect
      .poll(async () => {
        const listed = json(await server.app.inject({ url: '/api/tokens', headers: amina.headers })).tokens;
        return listed.find((t: { id: string }) => t.id === token.id).lastUsedAt;
      })
      .toBe(new Date(clock).toISOString());
  });

  it('is limited to its permissions (scope): a read-only token reads but cannot write', async () => {
    const { secret } = json(await make(amina, { ...full, name: 'read only', permissions: ['document.read'] }));
    expect((await server.app.inject({ url: `/api/documents/${docId}`, headers: bearer(secret) })).statusCode).toBe(200);
    const doc = json(await server.app.inject({ url: `/api/documents/${docId}`, headers: bearer(secret) })).document;
    const res = await server.app.inject({
      method: 'PATCH',
      url: `/api/documents/${docId}/segments/${doc.segments[0].id}`,
      headers: bearer(secret),
      payload: { target: 'Non', baseVersion: doc.segments[0].version },
    });
    expect(res.statusCode).toBe(403);
    expect(json(res).error).toMatchObject({ code: 'TOKEN_SCOPE', details: { permission: 'segment.edit' } });
  });

  it('cannot sign in or out, change the password or make tokens', async () => {
    const { secret } = json(await make(amina, full));
    for (const [method, url] of [
      ['POST', '/api/session'],
      ['DELETE', '/api/session'],
      ['PATCH', '/api/session/password'],
      ['POST', '/api/tokens'],
      ['GET', '/api/tokens'],
    ] as const) {
      const res = await server.app.inject({ method, url, headers: bearer(secret), payload: full });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(json(res).error.code).toBe('FORBIDDEN');
    }
    // Still signed in: DELETE /api/session did not end anything.
    expect((await server.app.inject({ url: '/api/session', headers: amina.headers })).statusCode).toBe(200);
  });

  it('GET /api/session answers a bearer request with the token’s user and the token (read-only: no cookie, no CSRF token)', async () => {
    const { secret, token } = json(await make(amina, { ...full, name: 'browser' }));
    const res = await server.app.inject({ url: '/api/session', headers: bearer(secret) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(json(res)).toEqual({
      user: {
        id: expect.any(String),
        login: 'amina',
        displayName: expect.any(String),
        roles: ['translator', 'reviewer'],
        mustChangePassword: false,
      },
      csrfToken: null,
      token: {
        id: token.id,
        name: 'browser',
        permissions: ['document.read', 'segment.edit'],
        expiresAt: token.expiresAt,
      },
    });
    // A session's answer names no token.
    const mine = json(await server.app.inject({ url: '/api/session', headers: amina.headers }));
    expect(mine.token).toBeUndefined();
    expect(typeof mine.csrfToken).toBe('string');
    // A revoked token is no one.
    await server.app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: amina.headers });
    const gone = await server.app.inject({ url: '/api/session', headers: bearer(secret) });
    expect(gone.statusCode).toBe(401);
    expect(json(gone).error.code).toBe('UNAUTHENTICATED');
  });

  it('expires', async () => {
    const { secret } = json(await make(amina, { ...full, expiresInDays: 1 }));
    expect((await server.app.inject({ url: '/api/documents', headers: bearer(secret) })).statusCode).toBe(200);
    clock += 86_400_000 + 1;
    const res = await server.app.inject({ url: '/api/documents', headers: bearer(secret) });
    expect(res.statusCode).toBe(401);
    expect(json(res).error.code).toBe('UNAUTHENTICATED');
  });

  it('is revoked by its owner, and by an admin for anyone; others cannot see or revoke it', async () => {
    const mine = json(await make(amina, full));
    const other = json(await make(amina, full));
    await ensureUser(server.app, 'youssef', ['translator']);
    const youssef = await login(server.app, 'youssef');
    const stranger = await server.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${mine.token.id}`,
      headers: youssef.headers,
    });
    expect(stranger.statusCode).toBe(404);
    const revoke = (who: Credentials, id: string) =>
      server.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: who.headers });
    expect((await revoke(amina, mine.token.id)).statusCode).toBe(204);
    expect((await server.app.inject({ url: '/api/documents', headers: bearer(mine.secret) })).statusCode).toBe(401);
    // The admin lists everyone's (with the login) and revokes one.
    const all = json(await server.app.inject({ url: '/api/tokens?all=1', headers: admin.headers })).tokens;
    expect(all.find((t: { id: string }) => t.id === other.token.id)).toMatchObject({ login: 'amina' });
    expect((await server.app.inject({ url: '/api/tokens?all=1', headers: amina.headers })).statusCode).toBe(403);
    expect((await revoke(admin, other.token.id)).statusCode).toBe(204);
    expect((await server.app.inject({ url: '/api/documents', headers: bearer(other.secret) })).statusCode).toBe(401);
  });

  it('stops at once when its user is disabled, and works again when enabled', async () => {
    const user = await ensureUser(server.app, 'zineb', ['viewer']);
    const z = await login(server.app, 'zineb');
    const { secret } = json(await make(z, { ...full, permissions: ['document.read'] }));
    expect((await server.app.inject({ url: '/api/documents', headers: bearer(secret) })).statusCode).toBe(200);
    const patch = (disabled: boolean) =>
      server.app.inject({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        headers: admin.headers,
        payload: { disabled },
      });
    expect((await patch(true)).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/documents', headers: bearer(secret) })).statusCode).toBe(401);
    expect((await patch(false)).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/documents', headers: bearer(secret) })).statusCode).toBe(200);
  });

  it('a malformed or unknown bearer is 401, and a session request still needs its CSRF token', async () => {
    for (const h of ['Bearer nope', 'Bearer vv_' + 'a'.repeat(43), 'Basic abc']) {
      const res = await server.app.inject({ url: '/api/documents', headers: { authorization: h } });
      expect(res.statusCode, h).toBe(401);
    }
    const noCsrf = { ...amina.headers };
    delete noCsrf[CSRF_HEADER];
    const res = await make({ ...amina, headers: noCsrf }, full);
    expect(res.statusCode).toBe(403);
  });

  it('users and sessions files are untouched by tokens', async () => {
    expect(await storedText(server, 'sessions')).not.toContain('vv_');
  });
});
