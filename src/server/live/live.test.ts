import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginSchema } from '../../shared/users';
import type { Role } from '../../shared/permissions';
import { buildApp } from '../app';
import { openAuthStore, type AuthStore } from '../auth/auth-store';
import { openJsonFileStore, type JsonFileStore } from '../store/json-file-store';
import { login, makeSandbox, TEST_PASSWORD, TEST_SCRYPT, type Credentials } from '../test-helpers';
import { SseClient } from './sse-test-client';

/**
 * GET /api/documents/:id/stream and PUT …/presence on a real listening server (127.0.0.1, port 0): the
 * stream is read as it arrives. No timing is asserted: each test waits for what it expects to arrive.
 */

const silent = { info() {}, warn() {}, error() {} };

interface Live {
  app: FastifyInstance;
  store: JsonFileStore;
  auth: AuthStore;
  base: string;
  sandbox: string;
  as(login: string): Promise<Credentials>;
  /** PATCHes the segment's text as `who` (a translator); returns the event's seq. */
  edit(who: string, docId: string, segmentId: string, target: string): Promise<number>;
  newDoc(segments?: number): Promise<{ id: string; seq: number; segments: { id: string; version: number }[] }>;
  open(
    docId: string,
    who: string | null,
    opts?: { query?: string; headers?: Record<string, string> },
  ): Promise<SseClient>;
  clients: SseClient[];
}

const USERS: [string, string, Role[]][] = [
  ['amina', 'Amina Benali', ['translator', 'reviewer', 'editor']],
  ['youssef', 'Youssef Alaoui', ['translator', 'reviewer']],
  ['victor', 'Victor Viewer', ['viewer']],
];

function useLive(): Live {
  const ctx = { clients: [] as SseClient[] } as unknown as Live;
  const creds = new Map<string, Promise<Credentials>>();
  beforeAll(async () => {
    const { sandbox, dataDir } = await makeSandbox();
    const store = await openJsonFileStore({ dataDir, logger: silent });
    const auth = await openAuthStore({ dataDir: store.dataDir, logger: silent, scrypt: TEST_SCRYPT });
    for (const [l, displayName, roles] of USERS) {
      await auth.users.create({ login: LoginSchema.parse(l), displayName, password: TEST_PASSWORD, roles });
    }
    const app = await buildApp({ store, auth, live: { heartbeatMs: 100 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    Object.assign(ctx, { app, store, auth, sandbox, base: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    for (const c of ctx.clients) c.close();
    await ctx.app?.close();
    await ctx.auth?.close();
    await ctx.store?.close();
    if (ctx.sandbox) await fs.rm(ctx.sandbox, { recursive: true, force: true });
  });
  ctx.as = (name) => {
    let c = creds.get(name);
    if (!c) creds.set(name, (c = login(ctx.app, name)));
    return c;
  };
  ctx.newDoc = async (n = 3) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: (await ctx.as('amina')).headers,
      payload: {
        title: 'Live',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: Array.from({ length: n }, (_, i) => ({ source: `Source ${i}`, target: `Cible ${i}` })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return JSON.parse(res.body).document;
  };
  const versions = new Map<string, number>();
  ctx.edit = async (who, docId, segmentId, target) => {
    const key = `${docId}/${segmentId}`;
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/documents/${docId}/segments/${segmentId}`,
      headers: (await ctx.as(who)).headers,
      payload: { target, baseVersion: versions.get(key) ?? 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body);
    versions.set(key, body.segment.version);
    return body.seq;
  };
  ctx.open = async (docId, who, opts = {}) => {
    const headers = { ...(who ? { cookie: (await ctx.as(who)).cookie } : {}), ...opts.headers };
    const client = await SseClient.open(`${ctx.base}/api/documents/${docId}/stream${opts.query ?? ''}`, headers);
    ctx.clients.push(client);
    return client;
  };
  return ctx;
}

const seqs = (c: SseClient) => c.events().map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('GET /api/documents/:id/stream', () => {
  const live = useLive();

  it('refuses without a session (401) and for an unknown document (404), before any stream opens', async () => {
    const doc = await live.newDoc();
    const anon = await live.open(doc.id, null);
    expect(anon.status).toBe(401);
    await anon.untilEnded();
    expect(JSON.parse(anon.body).error.code).toBe('UNAUTHENTICATED');
    const missing = await live.open('nope', 'victor');
    expect(missing.status).toBe(404);
    await missing.untilEnded();
    expect(JSON.parse(missing.body).error.code).toBe('DOCUMENT_NOT_FOUND');
    const bad = await live.open('..%2Fx', 'victor');
    expect(bad.status).toBe(400);
  });

  it('sends each event as it happens, uncompressed, as GET …/events has it; a viewer may follow', async () => {
    const doc = await live.newDoc();
    const stream = await live.open(doc.id, 'victor', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(stream.status).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream');
    expect(stream.res.headers['cache-control']).toBe('no-cache, no-transform');
    expect(stream.res.headers['x-accel-buffering']).toBe('no');
    expect(stream.res.headers['content-encoding']).toBeUndefined();
    // Nothing given: from the document's seq on; first comes the presence list.
    await stream.until(() => stream.of('presence').length > 0, 'presence');
    expect(stream.events()).toEqual([]);
    // One write at a time: each arrives while the stream stays open (nothing buffered until the end).
    for (const text of ['Un', 'Deux', 'Trois']) {
      const seq = await live.edit('amina', doc.id, doc.segments[0]!.id, text);
      await stream.untilSeq(seq);
    }
    const res = await live.app.inject({
      url: `/api/documents/${doc.id}/events?after=${doc.seq}`,
      headers: (await live.as('victor')).headers,
    });
    const { events } = JSON.parse(res.body);
    const sent = stream.messages.filter((m) => m.id !== undefined);
    expect(sent.map((m) => [m.id, m.event])).toEqual(
      events.map((e: { seq: number; type: string }) => [String(e.seq), e.type]),
    );
    expect(sent.map((m) => JSON.parse(m.data))).toEqual(events);
    expect(sent.map((m) => m.data)).toEqual(events.map((e: unknown) => JSON.stringify(e)));
    expect(stream.ended).toBe(false);
  });

  it('resumes exactly: ?after=, and Last-Event-ID (which wins) after a reconnection — no gap, no duplicate', async () => {
    const doc = await live.newDoc();
    const s = doc.segments[1]!.id;
    const first = await live.open(doc.id, 'amina', { query: `?after=${doc.seq}` });
    const written: number[] = [];
    for (let i = 0; i < 5; i++) written.push(await live.edit('amina', doc.id, s, `v${i}`));
    await first.untilSeq(written[4]!);
    expect(seqs(first)).toEqual(written);
    // The tab lost its connection after seq written[1]; three more writes happen meanwhile.
    first.close();
    for (let i = 5; i < 8; i++) written.push(await live.edit('amina', doc.id, s, `v${i}`));
    const again = await live.open(doc.id, 'amina', {
      query: `?after=${written[4]}`, // stale: Last-Event-ID wins
      headers: { 'last-event-id': String(written[1]) },
    });
    await again.untilSeq(written[7]!);
    written.push(await live.edit('amina', doc.id, s, 'live'));
    await again.untilSeq(written[8]!);
    expect(seqs(again)).toEqual(written.slice(2));
    // ?after alone: from there.
    const after = await live.open(doc.id, 'amina', { query: `?after=${written[6]}` });
    await after.untilSeq(written[8]!);
    expect(seqs(after)).toEqual(written.slice(7));
    after.close();
    again.close();
  });

  it('a stream opened while writes pour in misses none and repeats none', async () => {
    const doc = await live.newDoc(8);
    const writes = doc.segments.map(async (seg, i) => {
      const seqs: number[] = [];
      for (let k = 0; k < 6; k++) seqs.push(await live.edit('amina', doc.id, seg.id, `s${i} r${k}`));
      return seqs;
    });
    // Opened (and subscribed) while the writes are being made: replay and live events meet.
    const stream = await live.open(doc.id, 'youssef', { query: `?after=${doc.seq}` });
    const all = (await Promise.all(writes)).flat();
    const last = Math.max(...all);
    await stream.untilSeq(last);
    expect(seqs(stream)).toEqual(range(doc.seq + 1, last));
    stream.close();
  });

  it('cannot resume from the future or from a non-seq: `reset` with the current seq, then live', async () => {
    const doc = await live.newDoc();
    const future = await live.open(doc.id, 'amina', { headers: { 'last-event-id': String(doc.seq + 100) } });
    await future.until(() => future.of('reset').length === 1, 'reset');
    const reset = future.of('reset')[0]!;
    expect(JSON.parse(reset.data)).toEqual({ seq: doc.seq });
    expect(reset.id).toBe(String(doc.seq)); // a browser reconnecting on its own resumes from there
    const seq = await live.edit('amina', doc.id, doc.segments[0]!.id, 'après');
    await future.untilSeq(seq);
    expect(seqs(future)).toEqual([seq]);
    const garbage = await live.open(doc.id, 'amina', { query: '?after=abc' });
    await garbage.until(() => garbage.of('reset').length === 1, 'reset');
    expect(JSON.parse(garbage.of('reset')[0]!.data)).toEqual({ seq });
    future.close();
    garbage.close();
  });

  it('twenty subscribers each receive every event, in order', async () => {
    const doc = await live.newDoc(4);
    const streams = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        live.open(doc.id, i % 2 ? 'amina' : 'victor', { query: `?after=${doc.seq}` }),
      ),
    );
    await Promise.all(streams.map((s) => s.until(() => s.of('presence').length > 0, 'presence')));
    const written = await Promise.all(
      doc.segments.map(async (seg) => {
        const out: number[] = [];
        for (let k = 0; k < 10; k++) out.push(await live.edit('amina', doc.id, seg.id, `t${k}`));
        return out;
      }),
    );
    const last = Math.max(...written.flat());
    expect(last).toBe(doc.seq + 40);
    await Promise.all(streams.map((s) => s.untilSeq(last)));
    for (const s of streams) expect(seqs(s)).toEqual(range(doc.seq + 1, last));
    for (const s of streams) s.close();
  });

  it('sends heartbeat comments', async () => {
    const doc = await live.newDoc();
    const stream = await live.open(doc.id, 'victor');
    await stream.until(() => stream.comments >= 2, 'two pings');
    stream.close();
  });
});

describe('streams end with the session', () => {
  const live = useLive();

  it('signing out ends the streams of that session, and only those', async () => {
    const doc = await live.newDoc();
    const other = await login(live.app, 'youssef'); // another browser of the same user
    const mine = await live.open(doc.id, 'youssef');
    const theirs = await SseClient.open(`${live.base}/api/documents/${doc.id}/stream`, { cookie: other.cookie });
    live.clients.push(theirs);
    await mine.until(() => mine.of('presence').length > 0, 'presence');
    const res = await live.app.inject({ method: 'DELETE', url: '/api/session', headers: other.headers });
    expect(res.statusCode).toBe(204);
    await theirs.untilEnded();
    expect(JSON.parse(theirs.of('closed')[0]!.data)).toEqual({ reason: 'signed-out' });
    expect(mine.ended).toBe(false);
    // The ended session cannot open a new one.
    const retry = await SseClient.open(`${live.base}/api/documents/${doc.id}/stream`, { cookie: other.cookie });
    expect(retry.status).toBe(401);
    retry.close();
    mine.close();
  });

  it('a password change ends the other sessions’ streams; disabling a user ends all of theirs', async () => {
    const doc = await live.newDoc();
    const a = await login(live.app, 'victor');
    const b = await login(live.app, 'victor');
    const sa = await SseClient.open(`${live.base}/api/documents/${doc.id}/stream`, { cookie: a.cookie });
    const sb = await SseClient.open(`${live.base}/api/documents/${doc.id}/stream`, { cookie: b.cookie });
    live.clients.push(sa, sb);
    await sb.until(() => sb.of('presence').length > 0, 'presence');
    const changed = await live.app.inject({
      method: 'PATCH',
      url: '/api/session/password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another password' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await sb.untilEnded();
    expect(sa.ended).toBe(false);
    // An admin disables victor: the remaining stream ends too.
    await live.auth.users.update((await live.auth.users.byLogin('amina'))!.id, { roles: ['translator', 'admin'] });
    const admin = await live.as('amina');
    const id = (await live.auth.users.byLogin('victor'))!.id;
    const res = await live.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    await sa.untilEnded();
  });

  it('an API token (Authorization: Bearer) opens a stream that ends when the token is revoked', async () => {
    const doc = await live.newDoc();
    const youssef = await live.as('youssef');
    const made = await live.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: youssef.headers,
      payload: { name: 'browser', expiresInDays: 1, permissions: ['document.read'] },
    });
    const { secret, token } = JSON.parse(made.body);
    const stream = await live.open(doc.id, null, { headers: { authorization: `Bearer ${secret}` } });
    expect(stream.status).toBe(200);
    await stream.until(() => stream.of('presence').some((m) => m.data.includes('youssef')), 'youssef present');
    const seq = await live.edit('amina', doc.id, doc.segments[0]!.id, 'Vu par le jeton');
    await stream.until(() => seqs(stream).includes(seq), 'the edit');
    const revoked = await live.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${token.id}`,
      headers: youssef.headers,
    });
    expect(revoked.statusCode).toBe(204);
    // The next heartbeat checks the token again.
    await stream.untilEnded();
    expect(JSON.parse(stream.of('closed')[0]!.data)).toEqual({ reason: 'signed-out' });
  });

  it('app.close() ends every open stream instead of waiting for them', async () => {
    const doc = await live.newDoc();
    const stream = await live.open(doc.id, 'youssef');
    await stream.until(() => stream.of('presence').length > 0, 'presence');
    await live.app.close();
    await stream.untilEnded();
    expect(JSON.parse(stream.of('closed')[0]!.data)).toEqual({ reason: 'server-closing' });
  });
});

describe('presence', () => {
  const live = useLive();
  type Users = { users: { login: string; displayName: string; segmentId: string | null }[] };
  const latest = (c: SseClient): Users => JSON.parse(c.of('presence').at(-1)?.data ?? '{"users":[]}');
  const logins = (c: SseClient) => latest(c).users.map((u) => u.login);

  it('lists who has the document open and where, on join, focus change and leave; never journaled', async () => {
    const doc = await live.newDoc();
    const a = await live.open(doc.id, 'amina');
    await a.until(() => logins(a).join() === 'amina', 'amina alone');
    expect(a.of('presence')[0]!.id).toBeUndefined();
    const y = await live.open(doc.id, 'youssef');
    await a.until(() => logins(a).join() === 'amina,youssef', 'both, seen by amina');
    await y.until(() => logins(y).join() === 'amina,youssef', 'both, seen by youssef');
    expect(latest(y).users).toEqual([
      { login: 'amina', displayName: 'Amina Benali', segmentId: null },
      { login: 'youssef', displayName: 'Youssef Alaoui', segmentId: null },
    ]);
    const seg = doc.segments[2]!.id;
    const put = await live.app.inject({
      method: 'PUT',
      url: `/api/documents/${doc.id}/presence`,
      headers: (await live.as('youssef')).headers,
      payload: { segmentId: seg },
    });
    expect(put.statusCode, put.body).toBe(204);
    await a.until(() => latest(a).users.find((u) => u.login === 'youssef')?.segmentId === seg, 'youssef in seg');
    y.close(); // the tab closes: youssef leaves at once
    await a.until(() => logins(a).join() === 'amina', 'youssef gone');
    const events = await live.app.inject({
      url: `/api/documents/${doc.id}/events?after=${doc.seq}`,
      headers: (await live.as('amina')).headers,
    });
    expect(JSON.parse(events.body).events).toEqual([]);
    a.close();
  });

  it('PUT needs the CSRF token, a session, a known document and segment', async () => {
    const doc = await live.newDoc();
    const { cookie, headers } = await live.as('victor');
    const url = `/api/documents/${doc.id}/presence`;
    const put = (h: Record<string, string>, payload: unknown, u = url) =>
      live.app.inject({ method: 'PUT', url: u, headers: h, payload: payload as object });
    expect((await put({ cookie }, { segmentId: null })).statusCode).toBe(403);
    expect((await put({}, { segmentId: null })).statusCode).toBe(401);
    expect((await put(headers, { segmentId: null }, '/api/documents/nope/presence')).statusCode).toBe(404);
    expect((await put(headers, { segmentId: 'nope' })).statusCode).toBe(404);
    expect((await put(headers, { segment: 'x' })).statusCode).toBe(400);
    expect((await put(headers, { segmentId: null })).statusCode).toBe(204);
  });
});
