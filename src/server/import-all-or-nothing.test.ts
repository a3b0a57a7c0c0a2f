import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/schemas';
import { WMT_COLUMNS } from '../shared/formats/wmt-tsv';
import { buildApp } from './app';
import { openAuthStore, type AuthStore } from './auth/auth-store';
import { importDocuments, parseWmtFile } from './domain/import-mqm';
import { AppError } from './errors';
import type { DocumentStore } from './store/document-store';
import { openJsonFileStore, type JsonFileStore } from './store/json-file-store';
import { json, login, makeSandbox, TEST_PASSWORD, TEST_SCRYPT } from './test-helpers';

/**
 * A WMT MQM import is all or nothing (issue #8, item 3): everything is checked before the first write
 * (4xx with line numbers), and when a write fails midway the documents already written are removed.
 */

const silent = { info() {}, warn() {}, error() {} };
const HEADER = WMT_COLUMNS.join('\t');
const row = (system: string, seg: number, target: string) =>
  [system, 'talk', '1', String(seg), 'rater1', `Source ${seg}.`, target, 'Fluency/Grammar', 'Minor', ''].join('\t');
const GOOD = [HEADER, row('A', 1, '<v>Ziel</v> eins.'), row('A', 2, 'Ziel <v>zwei</v>.'), row('B', 1, '<v>Z</v>.')];

/** The store, with one create or append (counted from 1, over all documents) failing like a full disk. */
function flaky(store: DocumentStore, fail: { create?: number; append?: number }): DocumentStore {
  let creates = 0;
  let appends = 0;
  const diskFull = () => Promise.reject(new Error('ENOSPC: no space left on device (test)'));
  return {
    list: () => store.list(),
    get: (id) => store.get(id),
    events: (id, after) => store.events(id, after),
    subscribe: (id, l) => store.subscribe(id, l),
    remove: (id) => store.remove(id),
    close: () => store.close(),
    create: (e, actor) => (++creates === fail.create ? diskFull() : store.create(e, actor)),
    append: (id, actor, decide) => (++appends === fail.append ? diskFull() : store.append(id, actor, decide)),
  };
}

let sandbox: string;
let store: JsonFileStore;
let auth: AuthStore;
let app: FastifyInstance | undefined;

beforeEach(async () => {
  const made = await makeSandbox();
  sandbox = made.sandbox;
  store = await openJsonFileStore({ dataDir: made.dataDir, logger: silent });
  auth = await openAuthStore({ dataDir: store.dataDir, logger: silent, scrypt: TEST_SCRYPT });
  await auth.users.create({ login: 'ada', displayName: 'Ada', password: TEST_PASSWORD, roles: ['admin'] });
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await auth.close();
  await store.close();
  await fs.rm(sandbox, { recursive: true, force: true });
});

async function importMqm(documentStore: DocumentStore, lines: string[]) {
  app = await buildApp({ store: documentStore, auth });
  await app.ready();
  const { headers } = await login(app, 'ada');
  return app.inject({
    method: 'POST',
    url: '/api/documents/import-mqm',
    headers,
    payload: { file: 'all-or-nothing.tsv', tsv: lines.join('\n') + '\n' },
  });
}

const documentDirs = () => fs.readdir(path.join(store.dataDir, 'documents'));

describe('POST /api/documents/import-mqm is all or nothing', () => {
  it('one good system and one bad row → 400 with the line, and the good system is not created', async () => {
    const long = `<v>x</v>${'y'.repeat(LIMITS.segmentChars)}`;
    const res = await importMqm(store, [HEADER, row('A', 1, '<v>Ziel</v>.'), row('B', 1, long)]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    const { error } = json(res);
    expect(error.code).toBe('SEGMENT_TOO_LONG');
    expect(error.message).toBe('Line 3: the target has 100,001 characters; the limit is 100,000.');
    expect(error.details.violations).toEqual([expect.objectContaining({ line: 3, code: 'SEGMENT_TOO_LONG' })]);
    expect(await store.list()).toEqual([]);
    expect(await documentDirs()).toEqual([]);
  });

  it.each([
    ['the second document cannot be created', { create: 2 }],
    ['the first flags cannot be written', { append: 1 }],
    ['the last flags cannot be written', { append: 2 }],
  ])('%s → 5xx, and every document of the import is removed', async (_, fail) => {
    const res = await importMqm(flaky(store, fail), GOOD);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(500);
    expect(await store.list()).toEqual([]);
    expect(await documentDirs()).toEqual([]);
  });

  it('the same file imports whole when nothing fails', async () => {
    const res = await importMqm(store, GOOD);
    expect(res.statusCode, res.body).toBe(201);
    expect((await store.list()).map((d) => d.origin?.system).sort()).toEqual(['A', 'B']);
  });
});

describe('importDocuments', () => {
  it('never removes a document it did not create (an id already taken)', async () => {
    const [a, b] = parseWmtFile(GOOD.join('\n'), { file: 'f.tsv', sourceLang: 'en', targetLang: 'de' }).documents;
    await importDocuments(store, [a!], 'ada');
    const taken = a!.document.id;
    const again = parseWmtFile(GOOD.join('\n'), { file: 'f.tsv', sourceLang: 'en', targetLang: 'de' }).documents;
    const clash = { ...again[0]!, document: { ...again[0]!.document, id: taken } };
    const err = await importDocuments(store, [b!, clash], 'ada').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DOCUMENT_EXISTS');
    // b was written and removed again; the document that had the id is untouched.
    expect((await store.list()).map((d) => d.id)).toEqual([taken]);
    expect((await store.get(taken))?.flags.size).toBe(a!.flags.length);
  });
});
