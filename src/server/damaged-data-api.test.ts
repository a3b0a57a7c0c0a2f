import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { openAuthStore, type AuthStore } from './auth/auth-store';
import { openJsonFileStore, type JsonFileStoreOptions } from './store/json-file-store';
import type { DocumentStore } from './store/document-store';
import { TEST_PASSWORD, TEST_SCRYPT, json, login, makeSandbox } from './test-helpers';

// The HTTP side of damaged data and a full disk (issue #8): the store's own tests cover the files.

const silent = { info() {}, warn() {}, error() {} };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(dataDir: string, io?: JsonFileStoreOptions['io']) {
  const store: DocumentStore = await openJsonFileStore({ dataDir, logger: silent, ...(io ? { io } : {}) });
  const auth: AuthStore = await openAuthStore({ dataDir, logger: silent, scrypt: TEST_SCRYPT });
  const app: FastifyInstance = await buildApp({ store, auth });
  await app.ready();
  cleanups.push(async () => {
    await app.close();
    await auth.close();
    await store.close();
  });
  if (!(await auth.users.byLogin('ed'))) {
    await auth.users.create({ login: 'ed', displayName: 'Ed', password: TEST_PASSWORD, roles: ['admin'] });
  }
  const { headers } = await login(app, 'ed');
  return { app, headers };
}

async function sandbox() {
  const s = await makeSandbox();
  cleanups.push(() => fs.rm(s.sandbox, { recursive: true, force: true }));
  return s.dataDir;
}

const newDocument = (title: string) => ({
  title,
  sourceLang: 'en',
  targetLang: 'fr',
  segments: [{ source: 'Hello', target: 'Bonjour' }],
});

describe('GET /api/documents with a damaged document', () => {
  it('lists it with available: false and the reason; opening it is 503', async () => {
    const dataDir = await sandbox();
    let server = await start(dataDir);
    const create = (title: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: server.headers,
        payload: newDocument(title),
      });
    const good = json(await create('Good')).document;
    const bad = json(await create('Broken')).document;
    await cleanups.pop()!();
    const journal = path.join(dataDir, 'documents', bad.id, 'journal.jsonl');
    await fs.writeFile(journal, (await fs.readFile(journal, 'utf8')) + 'garbage\n{"seq":3}\n');

    server = await start(dataDir);
    const res = await server.app.inject({ method: 'GET', url: '/api/documents', headers: server.headers });
    expect(res.statusCode).toBe(200);
    const byId = new Map(json(res).documents.map((d: { id: string }) => [d.id, d]));
    expect(byId.get(good.id)).toMatchObject({ title: 'Good', available: true });
    expect(byId.get(bad.id)).toMatchObject({
      title: 'Broken',
      available: false,
      error: { code: 'DOCUMENT_UNAVAILABLE', message: expect.stringContaining('line 2 is corrupt') },
    });
    const open = await server.app.inject({ method: 'GET', url: `/api/documents/${bad.id}`, headers: server.headers });
    expect(open.statusCode).toBe(503);
    expect(json(open).error.code).toBe('DOCUMENT_UNAVAILABLE');
  });
});

describe('GET /api/comparisons with a damaged system', () => {
  it('ranks the readable systems and leaves the damaged one out (was 503 for the whole comparison)', async () => {
    const dataDir = await sandbox();
    let server = await start(dataDir);
    const row = (system: string, seg: number) =>
      [system, 'doc', 'd1', String(seg), 'r1', `Source ${seg}.`, `Cible ${seg}.`, 'no-error', 'no-error', ''].join(
        '\t',
      );
    const tsv =
      [
        'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment',
        row('A', 1),
        row('B', 1),
      ].join('\n') + '\n';
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/documents/import-mqm',
      headers: server.headers,
      payload: { file: 'two.tsv', tsv, sourceLang: 'en', targetLang: 'fr' },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const docs = json(imported).documents as { id: string; title: string }[];
    expect(docs).toHaveLength(2);
    await cleanups.pop()!();
    const journal = path.join(dataDir, 'documents', docs[1]!.id, 'journal.jsonl');
    await fs.writeFile(journal, (await fs.readFile(journal, 'utf8')) + 'garbage\n{"seq":99}\n');

    server = await start(dataDir);
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/comparisons?file=two.tsv',
      headers: server.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).systems.map((s: { id: string }) => s.id)).toEqual([docs[0]!.id]);
  });
});

describe('a full disk', () => {
  it('a segment edit answers 507 STORAGE_FULL with a clear message, and nothing changes', async () => {
    let full = false;
    const dataDir = await sandbox();
    const { app, headers } = await start(dataDir, {
      async append(file, buf) {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        await file.write(buf, 0, buf.length);
      },
    });
    const doc = json(
      await app.inject({ method: 'POST', url: '/api/documents', headers, payload: newDocument('D') }),
    ).document;
    const url = `/api/documents/${doc.id}/segments/${doc.segments[0].id}`;
    full = true;
    const res = await app.inject({ method: 'PATCH', url, headers, payload: { target: 'Salut', baseVersion: 1 } });
    expect(res.statusCode, res.body).toBe(507);
    expect(json(res).error).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringMatching(/disk .* is full/) });
    const after = json(await app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers })).document;
    expect(after.segments[0]).toMatchObject({ target: 'Bonjour', version: 1 });
    full = false;
    const retry = await app.inject({ method: 'PATCH', url, headers, payload: { target: 'Salut', baseVersion: 1 } });
    expect(retry.statusCode, retry.body).toBe(200);
  });
});
