import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../server/pg/test-database';
import { openPgBackend } from '../server/pg/pg-backend';
import { authHeaders, json, login, makeSandbox, signIn, startServer, TEST_SCRYPT } from '../server/test-helpers';
import { buildApp } from '../server/app';
import { toDocumentState } from '../shared/reducer';
import { capture } from './test-io';
import { run } from './visavis';

const skipped = inject('postgresSkipped') !== '';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.skipIf(skipped)('visavis migrate-store', () => {
  let db: TestDatabase;
  let sandbox: string;
  let dataDir: string;
  let docId: string;
  let original: unknown;
  let youssefCookie: string;
  let tokenSecret: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ sandbox, dataDir } = await makeSandbox());
    // An embedded store with a document that has edits, a flag, a comment with a mention, read by its user.
    const server = await startServer(dataDir);
    const headers = await authHeaders(server.app, 'amina');
    await signIn(server.app, 'youssef');
    const youssef = (await server.auth.users.byLogin('youssef'))!;
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: {
        title: 'À migrer',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [
          { source: 'Hi', target: 'Salut' },
          { source: 'Two words.', target: 'Deux  mots.' },
        ],
      },
    });
    const doc = json(created).document;
    docId = doc.id;
    const seg = doc.segments[0];
    await server.app.inject({
      method: 'PATCH',
      url: `/api/documents/${docId}/segments/${seg.id}`,
      headers,
      payload: { target: 'Bonjour', baseVersion: seg.version },
    });
    const flag = json(
      await server.app.inject({
        method: 'POST',
        url: `/api/documents/${docId}/flags`,
        headers,
        payload: {
          segmentId: seg.id,
          side: 'target',
          start: 0,
          end: 7,
          category: 'accuracy/mistranslation',
          severity: 'minor',
          comment: 'hm',
          baseVersion: seg.version + 1,
        },
      }),
    ).flag;
    const commented = await server.app.inject({
      method: 'POST',
      url: `/api/documents/${docId}/flags/${flag.id}/comments`,
      headers,
      payload: { text: '@youssef ?', mentions: [youssef.id] },
    });
    expect(commented.statusCode, commented.body).toBe(201);
    const y = await login(server.app, 'youssef');
    const mentions = json(await server.app.inject({ url: '/api/mentions', headers: y.headers })).mentions;
    await server.app.inject({
      method: 'POST',
      url: '/api/mentions/read',
      headers: y.headers,
      payload: { ids: [mentions[0].id] },
    });
    // A dismissed finding and changed settings (both events) travel with the document.
    const qa = json(await server.app.inject({ url: `/api/documents/${docId}/qa`, headers })).findings;
    expect(qa.length).toBeGreaterThan(0);
    const dismissed = await server.app.inject({
      method: 'POST',
      url: `/api/documents/${docId}/findings/${encodeURIComponent(qa[0].id)}/dismiss`,
      headers,
      payload: { reason: 'fine' },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const settings = await server.app.inject({
      method: 'POST',
      url: `/api/documents/${docId}/scoring`,
      headers,
      payload: { cutScore: 90 },
    });
    expect(settings.statusCode, settings.body).toBeLessThan(300);
    youssefCookie = y.cookie;
    // An API token and a webhook move too.
    const made = await server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: y.headers,
      payload: { name: 'ci', expiresInDays: 30, permissions: ['document.read'] },
    });
    expect(made.statusCode, made.body).toBe(201);
    tokenSecret = JSON.parse(made.body).secret;
    const hook = await server.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers,
      payload: {
        url: 'http://127.0.0.1:9/h',
        events: ['flag.created'],
        secret: 'a secret of 16+ chars',
        active: false,
      },
    });
    expect(hook.statusCode, hook.body).toBe(201);
    expect((original = toDocumentState((await server.store.get(docId))!)).dismissed).toHaveLength(1);
    await server.close();
  });
  afterAll(async () => {
    await db?.drop();
    if (sandbox) await fs.rm(sandbox, { recursive: true, force: true });
  });

  it('moves DATA_DIR into PostgreSQL: same documents (fold compared), same accounts and passwords, read mentions', async () => {
    const c = capture();
    expect(await run(['migrate-store', '--from', dataDir, '--to', db.url], c.io), c.stderr()).toBe(0);
    expect(c.stdout()).toMatch(/Migrated 1 document\(s\) \(\d+ events\), 2 user\(s\) and [2-9] session\(s\)/);
    const pg = await openPgBackend({ url: db.url, logger: quiet, scrypt: TEST_SCRYPT });
    try {
      expect(toDocumentState((await pg.store.get(docId))!)).toEqual(original);
      const app = await buildApp({ store: pg.store, auth: pg.auth });
      const y = await login(app, 'youssef'); // the same password hash
      const mentions = json(await app.inject({ url: '/api/mentions', headers: y.headers })).mentions;
      expect(mentions.map((m: { read: boolean }) => m.read)).toEqual([true]);
      // youssef's session from the embedded store is still signed in on PostgreSQL.
      const me = await app.inject({ url: '/api/session', headers: { cookie: youssefCookie } });
      expect(json(me).user.login).toBe('youssef');
      const viaToken = await app.inject({
        url: `/api/documents/${docId}`,
        headers: { authorization: `Bearer ${tokenSecret}` },
      });
      expect(viaToken.statusCode).toBe(200);
      expect((await pg.auth.webhooks.hooks()).map((h) => h.url)).toEqual(['http://127.0.0.1:9/h']);
      await app.close();
    } finally {
      await pg.close();
    }
  });

  it('refuses a target that is not empty, changing nothing', async () => {
    const c = capture();
    expect(await run(['migrate-store', '--from', dataDir, '--to', db.url], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/already holds 1 document\(s\) and 2 user\(s\)/);
  });

  it('and back: PostgreSQL into an empty data directory', async () => {
    const back = (await makeSandbox()).dataDir;
    const c = capture();
    expect(await run(['migrate-store', '--from', db.url, '--to', back], c.io), c.stderr()).toBe(0);
    const server = await startServer(back);
    try {
      expect(toDocumentState((await server.store.get(docId))!)).toEqual(original);
      const me = await server.app.inject({ url: '/api/session', headers: { cookie: youssefCookie } });
      expect(json(me).user.login).toBe('youssef');
      const viaToken = await server.app.inject({
        url: `/api/documents/${docId}`,
        headers: { authorization: `Bearer ${tokenSecret}` },
      });
      expect(viaToken.statusCode).toBe(200);
      expect((await server.auth.webhooks.hooks()).length).toBe(1);
    } finally {
      await server.close();
    }
  });
});
