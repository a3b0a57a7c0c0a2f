import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginSchema } from '../../shared/users';
import { buildApp } from '../app';
import { ensureFirstAdmin } from '../auth/bootstrap';
import { SseClient } from '../live/sse-test-client';
import { SAMPLES_DIR, TEST_PASSWORD, TEST_SCRYPT, login, type Credentials } from '../test-helpers';
import { seedSample } from '../sample';
import type { StoreLogger } from '../store/logger';
import { openPgBackend, type PgBackend } from './pg-backend';
import { createTestDatabase, type TestDatabase } from './test-database';

// Two app servers on one PostgreSQL database, in this process (two buildApp, two pools, two LISTEN
// connections): what one does, the other sees. The kill -9 run with real processes is kill9.test.ts.

const skipped = inject('postgresSkipped') !== '';
const silent: StoreLogger = { info() {}, warn() {}, error() {} };

interface Server {
  backend: PgBackend;
  app: FastifyInstance;
  base: string;
}

async function startServer(url: string): Promise<Server> {
  const backend = await openPgBackend({ url, logger: silent, scrypt: TEST_SCRYPT, poolSize: 4 });
  const app = await buildApp({
    store: backend.store,
    auth: backend.auth,
    live: { presence: backend.presence, revocations: backend.revocations, heartbeatMs: 200 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { backend, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe.skipIf(skipped)('two app servers on one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: Server;
  let b: Server;
  const clients: SseClient[] = [];
  let amina: Credentials;

  beforeAll(async () => {
    db = await createTestDatabase();
    [a, b] = await Promise.all([startServer(db.url), startServer(db.url)]);
    for (const [l, roles] of [
      ['amina', ['admin', 'translator', 'reviewer', 'editor']],
      ['youssef', ['translator', 'reviewer']],
    ] as const) {
      await a.backend.auth.users.create({
        login: LoginSchema.parse(l),
        displayName: l,
        password: TEST_PASSWORD,
        roles: [...roles],
      });
    }
    amina = await login(a.app, 'amina');
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of [a, b]) {
      await s?.app.close();
      await s?.backend.close();
    }
    await db?.drop();
  });

  const newDoc = async () => {
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: amina.headers,
      payload: {
        title: 'Deux serveurs',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [
          { source: 'One', target: 'Un' },
          { source: 'Two', target: 'Deux' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return JSON.parse(res.body).document as { id: string; seq: number; segments: { id: string; version: number }[] };
  };
  const open = async (server: Server, docId: string, cookie: string) => {
    const client = await SseClient.open(`${server.base}/api/documents/${docId}/stream`, { cookie });
    clients.push(client);
    expect(client.status).toBe(200);
    return client;
  };

  it('a session made through A works on B, and a sign-out through B ends it on A', async () => {
    const youssef = await login(a.app, 'youssef');
    const onB = await b.app.inject({ url: '/api/session', headers: youssef.headers });
    expect(onB.statusCode, onB.body).toBe(200);
    expect(JSON.parse(onB.body).user.login).toBe('youssef');
    const out = await b.app.inject({ method: 'DELETE', url: '/api/session', headers: youssef.headers });
    expect(out.statusCode).toBe(204);
    expect((await a.app.inject({ url: '/api/session', headers: youssef.headers })).statusCode).toBe(401);
  });

  it('50 racing edits of one segment through both servers: 1 succeeds, 49 get 409', async () => {
    const doc = await newDoc();
    const seg = doc.segments[0]!;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? b : a).app.inject({
          method: 'PATCH',
          url: `/api/documents/${doc.id}/segments/${seg.id}`,
          headers: amina.headers,
          payload: { target: `Version ${i}`, baseVersion: seg.version },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(JSON.parse(r.body).error.code).toBe('SEGMENT_VERSION_CONFLICT');
    }
    const winner = JSON.parse(results.find((r) => r.statusCode === 200)!.body);
    for (const s of [a, b]) {
      const res = await s.app.inject({ url: `/api/documents/${doc.id}`, headers: amina.headers });
      const got = (JSON.parse(res.body) as { document: { seq: number; segments: unknown[] } }).document;
      expect(got.seq).toBe(doc.seq + 1);
      expect(got.segments[0]).toMatchObject({ target: winner.segment.target, version: seg.version + 1 });
    }
  });

  it('an edit through A arrives on a stream open on B, and presence set through A shows there too', async () => {
    const doc = await newDoc();
    const stream = await open(b, doc.id, amina.cookie);
    await stream.until(() => stream.of('presence').length > 0, 'presence');
    const res = await a.app.inject({
      method: 'PATCH',
      url: `/api/documents/${doc.id}/segments/${doc.segments[1]!.id}`,
      headers: amina.headers,
      payload: { target: 'Deux, par A', baseVersion: doc.segments[1]!.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { seq } = JSON.parse(res.body);
    await stream.untilSeq(seq);
    expect(stream.events().at(-1)).toMatchObject({ seq, type: 'SegmentEdited', payload: { target: 'Deux, par A' } });

    const youssef = await login(a.app, 'youssef');
    const put = await a.app.inject({
      method: 'PUT',
      url: `/api/documents/${doc.id}/presence`,
      headers: youssef.headers,
      payload: { segmentId: doc.segments[0]!.id },
    });
    expect(put.statusCode, put.body).toBe(204);
    await stream.until(
      () => stream.of('presence').some((m) => m.data.includes('"login":"youssef"')),
      'youssef in the presence list',
    );
  });

  it('a sign-out through A ends the streams its session holds on B', async () => {
    const doc = await newDoc();
    const youssef = await login(b.app, 'youssef');
    const stream = await open(b, doc.id, youssef.cookie);
    await stream.until(() => stream.of('presence').length > 0, 'presence');
    expect((await a.app.inject({ method: 'DELETE', url: '/api/session', headers: youssef.headers })).statusCode).toBe(
      204,
    );
    await stream.untilEnded();
    expect(JSON.parse(stream.of('closed')[0]!.data)).toEqual({ reason: 'signed-out' });
  });
});

describe.skipIf(skipped)('first start of two servers at once on an empty database', () => {
  it('makes one admin, one sample and one schema', async () => {
    const db = await createTestDatabase();
    const backends = await Promise.all([1, 2].map(() => openPgBackend({ url: db.url, logger: silent, poolSize: 2 })));
    try {
      await Promise.all(
        backends.map((backend) =>
          backend.exclusive(async () => {
            await ensureFirstAdmin(backend.auth.users, 'first admin password');
            await seedSample(backend.store, SAMPLES_DIR);
          }),
        ),
      );
      const sql = backends[0]!.sql;
      expect((await backends[1]!.auth.users.list()).map((u) => u.login)).toEqual(['admin']);
      expect((await backends[1]!.store.list()).map((d) => d.id)).toEqual(['laftit-darmanin']);
      expect(await sql`SELECT version FROM schema_migrations ORDER BY version`).toEqual([
        { version: 1 },
        { version: 2 },
        { version: 3 },
      ]);
    } finally {
      await Promise.all(backends.map((x) => x.close()));
      await db.drop();
    }
  });
});
