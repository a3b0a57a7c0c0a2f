import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DocumentEventSchema } from '../shared/events';
import { importPlainTexts } from '../shared/formats/import-text';
import {
  DocumentStateSchema,
  DocumentSummarySchema,
  ERROR_CODES,
  LIMITS,
  type DocumentState,
  type Flag,
  type Segment,
} from '../shared/schemas';
import { SAMPLE_ID, seedSample } from './sample';
import {
  SAMPLES_DIR,
  authHeaders,
  call,
  json,
  makeSandbox,
  readSample,
  startServer,
  tree,
  type TestServer,
} from './test-helpers';

// ---- Fixtures -------------------------------------------------------------------------------------

const SOURCE = readSample('source.ar.txt');
const TARGET = readSample('target.fr.txt');
const ZINEB = 'Zineb Ù';
/** call()'s actor for a request without a session. */
const NO_SESSION = null;

const importBody = (over: Record<string, unknown> = {}) => ({
  title: 'Laftit–Darmanin',
  sourceLang: 'ar',
  targetLang: 'fr',
  sourceText: SOURCE,
  targetText: TARGET,
  ...over,
});

const createBody = (over: Record<string, unknown> = {}) => ({
  title: 'Petit document',
  sourceLang: 'en',
  targetLang: 'fr',
  segments: [
    { source: 'The cat sat on the mat', target: 'Le chat est assis sur le tapis' },
    { source: 'Second', target: '' },
  ],
  ...over,
});

function expectError(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = json(res as never);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.trim()).not.toBe('');
  return body.error as { code: string; message: string; details?: unknown };
}

interface Snapshot {
  document: DocumentState;
  events: unknown[];
  list: unknown;
}

async function snapshot(app: FastifyInstance, id: string): Promise<Snapshot> {
  const doc = await call(app, 'GET', `/api/documents/${id}`);
  expect(doc.statusCode).toBe(200);
  const events = await call(app, 'GET', `/api/documents/${id}/events`);
  expect(events.statusCode).toBe(200);
  const list = await call(app, 'GET', '/api/documents');
  return { document: json(doc).document, events: json(events).events, list: json(list) };
}

async function expectUnchanged(app: FastifyInstance, before: Snapshot) {
  expect(await snapshot(app, before.document.id)).toEqual(before);
}

async function importSample(
  app: FastifyInstance,
  actor = 'Tester',
  over: Record<string, unknown> = {},
): Promise<DocumentState> {
  const res = await call(app, 'POST', '/api/documents/import-text', importBody(over), actor);
  expect(res.statusCode, res.body).toBe(201);
  return json(res).document;
}

/** Opens a fresh sandbox + server for a describe block. */
function useServer() {
  const ctx = {} as { server: TestServer; sandbox: string; dataDir: string; app: FastifyInstance };
  beforeAll(async () => {
    const { sandbox, dataDir } = await makeSandbox();
    ctx.sandbox = sandbox;
    ctx.dataDir = dataDir;
    ctx.server = await startServer(dataDir);
    ctx.app = ctx.server.app;
  });
  afterAll(async () => {
    await ctx.server?.close();
    if (ctx.sandbox) await fs.rm(ctx.sandbox, { recursive: true, force: true });
  });
  return ctx;
}

const seg = (doc: DocumentState, i: number): Segment => {
  const s = doc.segments[i];
  if (!s) throw new Error(`no segment ${i}`);
  return s;
};

async function createFlag(
  app: FastifyInstance,
  doc: DocumentState,
  segment: Segment,
  words: string,
  over: Record<string, unknown> = {},
): Promise<Flag> {
  const start = segment.target.indexOf(words);
  expect(start, `"${words}" in segment`).toBeGreaterThanOrEqual(0);
  const res = await call(app, 'POST', `/api/documents/${doc.id}/flags`, {
    segmentId: segment.id,
    side: 'target',
    start,
    end: start + words.length,
    quote: words,
    category: 'fluency/spelling',
    severity: 'major',
    baseVersion: segment.version,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).flag;
}

// ---- Health, listing, creation --------------------------------------------------------------------

describe('GET /api/health', () => {
  const ctx = useServer();
  it('answers ok', async () => {
    const res = await call(ctx.app, 'GET', '/api/health', undefined, NO_SESSION);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ status: 'ok' });
  });
});

describe('GET/POST /api/documents', () => {
  const ctx = useServer();

  it('lists nothing on an empty data dir', async () => {
    const res = await call(ctx.app, 'GET', '/api/documents');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ documents: [] });
  });

  it('creates a document (201) with segments at version 1, recording a non-ASCII actor', async () => {
    const res = await call(ctx.app, 'POST', '/api/documents', createBody(), ZINEB);
    expect(res.statusCode, res.body).toBe(201);
    const doc: DocumentState = json(res).document;
    expect(() => DocumentStateSchema.parse(doc)).not.toThrow();
    expect(doc).toMatchObject({
      title: 'Petit document',
      sourceLang: 'en',
      targetLang: 'fr',
      createdBy: ZINEB,
      seq: 1,
      flags: [],
    });
    expect(doc.segments.map((s) => [s.index, s.source, s.target, s.version, s.status, s.updatedBy])).toEqual([
      [0, 'The cat sat on the mat', 'Le chat est assis sur le tapis', 1, 'translated', ZINEB],
      [1, 'Second', '', 1, 'draft', ZINEB],
    ]);
    expect(new Set(doc.segments.map((s) => s.id)).size).toBe(2);

    const got = await call(ctx.app, 'GET', `/api/documents/${doc.id}`);
    expect(got.statusCode).toBe(200);
    expect(json(got).document).toEqual(doc);
  });

  it('lists summaries of every document', async () => {
    const second = json(await call(ctx.app, 'POST', '/api/documents', createBody({ title: 'Deuxième' }))).document;
    const res = await call(ctx.app, 'GET', '/api/documents');
    expect(res.statusCode).toBe(200);
    const docs = json(res).documents as unknown[];
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(() => DocumentSummarySchema.parse(d)).not.toThrow();
    expect(docs).toContainEqual(
      expect.objectContaining({ id: second.id, title: 'Deuxième', segmentCount: 2, openFlagCount: 0, seq: 1 }),
    );
    expect(docs).toContainEqual(expect.objectContaining({ title: 'Petit document', createdBy: ZINEB }));
  });

  it('ignores a client-chosen id, trims the title and the actor', async () => {
    const res = await call(
      ctx.app,
      'POST',
      '/api/documents',
      createBody({ id: 'chosen', title: '  Espacé  ' }),
      '  Ana  ',
    );
    expect(res.statusCode, res.body).toBe(201);
    const doc = json(res).document;
    expect(doc.id).not.toBe('chosen');
    expect(doc.title).toBe('Espacé');
    expect(doc.createdBy).toBe('Ana');
    expectError(await call(ctx.app, 'GET', '/api/documents/chosen'), 404, 'DOCUMENT_NOT_FOUND');
  });

  it('lists the most recently changed document first', async () => {
    const a = json(await call(ctx.app, 'POST', '/api/documents', createBody({ title: 'A' }))).document as DocumentState;
    await new Promise((r) => setTimeout(r, 5));
    const b = json(await call(ctx.app, 'POST', '/api/documents', createBody({ title: 'B' }))).document as DocumentState;
    let ids = json(await call(ctx.app, 'GET', '/api/documents')).documents.map((d: { id: string }) => d.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    await new Promise((r) => setTimeout(r, 5));
    const draft = seg(a, 1);
    const res = await call(ctx.app, 'PATCH', `/api/documents/${a.id}/segments/${draft.id}`, {
      target: 'Deuxième',
      baseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    // A draft segment that gets text is translated.
    expect(json(res).segment).toMatchObject({ status: 'translated', version: 2, target: 'Deuxième' });
    ids = json(await call(ctx.app, 'GET', '/api/documents')).documents.map((d: { id: string }) => d.id);
    expect(ids[0]).toBe(a.id);
  });

  it.each([
    ['no title', { title: undefined }, 'VALIDATION_FAILED'],
    ['blank title', { title: '   ' }, 'VALIDATION_FAILED'],
    ['title too long', { title: 'x'.repeat(LIMITS.titleChars + 1) }, 'TITLE_TOO_LONG'],
    ['bad source language', { sourceLang: 'Arabic' }, 'VALIDATION_FAILED'],
    ['no segments', { segments: [] }, 'VALIDATION_FAILED'],
    ['segment without target', { segments: [{ source: 'x' }] }, 'VALIDATION_FAILED'],
    [
      'segment too long',
      { segments: [{ source: 'x', target: 'y'.repeat(LIMITS.segmentChars + 1) }] },
      'SEGMENT_TOO_LONG',
    ],
  ])('refuses %s with 400 %s and creates nothing', async (_, over, code) => {
    const before = json(await call(ctx.app, 'GET', '/api/documents'));
    const res = await call(ctx.app, 'POST', '/api/documents', createBody(over));
    const error = expectError(res, 400, code);
    // A limit lists what exceeded it (shared/limits.ts); other problems list zod's issues.
    expect(error.details).toMatchObject(
      code === 'VALIDATION_FAILED' ? { issues: expect.any(Array) } : { violations: expect.any(Array) },
    );
    expect(json(await call(ctx.app, 'GET', '/api/documents'))).toEqual(before);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"hello"'],
  ])('refuses a JSON body that is %s', async (_, payload) => {
    const before = json(await call(ctx.app, 'GET', '/api/documents'));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { ...(await authHeaders(ctx.app)), 'content-type': 'application/json' },
      payload,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(json(await call(ctx.app, 'GET', '/api/documents'))).toEqual(before);
  });
});

// ---- Import ---------------------------------------------------------------------------------------

describe('POST /api/documents/import-text', () => {
  const ctx = useServer();

  it('imports the real sample: 13 segments, 9 paired, 4 target-only', async () => {
    const doc = await importSample(ctx.app, ZINEB);
    expect(() => DocumentStateSchema.parse(doc)).not.toThrow();
    expect(doc).toMatchObject({
      title: 'Laftit–Darmanin',
      sourceLang: 'ar',
      targetLang: 'fr',
      createdBy: ZINEB,
      seq: 1,
    });
    expect(doc.segments).toHaveLength(13);
    expect(doc.segments.slice(0, 9).every((s) => s.source !== '' && s.target !== '')).toBe(true);
    expect(doc.segments.slice(9).every((s) => s.source === '' && s.target !== '')).toBe(true);
    expect(doc.segments.map((s) => s.index)).toEqual([...Array(13).keys()]);
    expect(seg(doc, 0).target.startsWith('Lafetet discute avec son homologue français')).toBe(true);
    expect(seg(doc, 12).target).toBe('close button');
    expect(doc.segments.every((s) => s.version === 1 && s.status === 'translated')).toBe(true);
    expect(doc.segments.map(({ source, target }) => ({ source, target }))).toEqual(importPlainTexts(SOURCE, TARGET));
  });

  it("paragraphBreak 'blank-line' keeps single line breaks inside paragraphs", async () => {
    const doc = await importSample(ctx.app, 'Tester', { paragraphBreak: 'blank-line' });
    expect(doc.segments.map(({ source, target }) => ({ source, target }))).toEqual(
      importPlainTexts(SOURCE, TARGET, 'blank-line'),
    );
    expect(doc.segments).toHaveLength(12);
    expect(seg(doc, 11).target).toBe('Bouton retour en haut de la page\nclose button');
  });

  it('refuses two empty texts with 400 VALIDATION_FAILED', async () => {
    const before = json(await call(ctx.app, 'GET', '/api/documents'));
    const res = await call(
      ctx.app,
      'POST',
      '/api/documents/import-text',
      importBody({ sourceText: ' \n', targetText: '' }),
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(json(await call(ctx.app, 'GET', '/api/documents'))).toEqual(before);
  });

  it.each([
    ['unknown paragraphBreak', { paragraphBreak: 'sentence' }],
    ['missing targetText', { targetText: undefined }],
    ['bad target language', { targetLang: 'FR' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_, over) => {
    const before = json(await call(ctx.app, 'GET', '/api/documents'));
    expectError(await call(ctx.app, 'POST', '/api/documents/import-text', importBody(over)), 400, 'VALIDATION_FAILED');
    expect(json(await call(ctx.app, 'GET', '/api/documents'))).toEqual(before);
  });
});

// ---- Reading: document, export, events ------------------------------------------------------------

describe('GET /api/documents/:id, /export, /events', () => {
  const ctx = useServer();
  let doc: DocumentState;

  beforeAll(async () => {
    doc = await importSample(ctx.app, ZINEB);
    await createFlag(ctx.app, doc, seg(doc, 0), 'Lafetet', { correction: 'Laftit' });
    const s1 = seg(doc, 1);
    const res = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${s1.id}`, {
      target: `${s1.target} Fin.`,
      baseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    doc = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}`)).document;
  });

  it('GET document returns the folded state', async () => {
    const res = await call(ctx.app, 'GET', `/api/documents/${doc.id}`);
    expect(res.statusCode).toBe(200);
    const got: DocumentState = json(res).document;
    expect(() => DocumentStateSchema.parse(got)).not.toThrow();
    expect(got.seq).toBe(3);
    expect(got.flags).toHaveLength(1);
    expect(seg(got, 1).version).toBe(2);
  });

  it('export returns the document and every event, as an attachment', async () => {
    const res = await call(ctx.app, 'GET', `/api/documents/${doc.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`${doc.id}.json`);
    const body = json(res);
    expect(body).toMatchObject({ format: 'visavis-document', formatVersion: 1, document: doc });
    expect(Number.isNaN(Date.parse(body.exportedAt))).toBe(false);
    expect(body.events.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual([
      [1, 'DocumentCreated'],
      [2, 'FlagCreated'],
      [3, 'SegmentEdited'],
    ]);
    for (const e of body.events) expect(() => DocumentEventSchema.parse(e)).not.toThrow();
    expect(body.events[0]).toMatchObject({ actor: ZINEB, payload: { id: doc.id, title: 'Laftit–Darmanin' } });
  });

  it('events?after=SEQ returns only later events, each with seq/at/actor/type/payload', async () => {
    const all = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events`));
    expect(all.seq).toBe(3);
    expect(all.events).toHaveLength(3);

    const res = await call(ctx.app, 'GET', `/api/documents/${doc.id}/events?after=1`);
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.seq).toBe(3);
    expect(body.events.map((e: { seq: number }) => e.seq)).toEqual([2, 3]);
    for (const e of body.events) {
      expect(Object.keys(e).sort()).toEqual(['actor', 'at', 'payload', 'seq', 'type']);
      expect(() => DocumentEventSchema.parse(e)).not.toThrow();
      expect(e.actor).toBe('Tester');
    }
    expect(body.events).toEqual(all.events.slice(1));

    expect(json(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events?after=3`)).events).toEqual([]);
    expect(json(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events?after=99`)).events).toEqual([]);
    expect(json(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events?after=0`)).events).toEqual(all.events);
  });

  it.each(['-1', 'abc', '1.5', '1&after=2'])('events?after=%s is 400 VALIDATION_FAILED', async (after) => {
    expectError(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events?after=${after}`), 400, 'VALIDATION_FAILED');
  });

  it.each(['', '/export', '/events'])('unknown document%s is 404 DOCUMENT_NOT_FOUND', async (suffix) => {
    expectError(await call(ctx.app, 'GET', `/api/documents/nope${suffix}`), 404, 'DOCUMENT_NOT_FOUND');
  });
});

// ---- Segments -------------------------------------------------------------------------------------

describe('PATCH /api/documents/:id/segments/:segmentId', () => {
  const ctx = useServer();
  let doc: DocumentState;
  beforeEach(async () => {
    doc = await importSample(ctx.app);
  });

  it('saves the new text and answers the new version (200)', async () => {
    const s = seg(doc, 2);
    const res = await call(
      ctx.app,
      'PATCH',
      `/api/documents/${doc.id}/segments/${s.id}`,
      { target: 'Nouveau texte', baseVersion: 1 },
      ZINEB,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.segment).toEqual({
      ...s,
      target: 'Nouveau texte',
      version: 2,
      updatedBy: ZINEB,
      updatedAt: expect.any(String),
    });
    expect(body.flags).toEqual([]);
    expect(body.seq).toBe(2);
    const after = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}`)).document;
    expect(seg(after, 2)).toEqual(body.segment);
    expect(after.segments.filter((_: Segment, i: number) => i !== 2)).toEqual(doc.segments.filter((_, i) => i !== 2));
  });

  it('an edit that changes nothing appends no event', async () => {
    const s = seg(doc, 2);
    const res = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${s.id}`, {
      target: s.target,
      baseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ segment: s, seq: 1 });
  });

  it('re-anchors the flags of the segment and returns them', async () => {
    const s = seg(doc, 0);
    const flag = await createFlag(ctx.app, doc, s, 'homologue');
    const res = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${s.id}`, {
      target: `Info : ${s.target}`,
      baseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [moved] = json(res).flags as Flag[];
    expect(moved?.id).toBe(flag.id);
    expect(moved?.anchor).toMatchObject({ start: flag.anchor.start + 7, end: flag.anchor.end + 7, quote: 'homologue' });
    expect(moved?.orphaned).toBe(false);
  });

  it('a stale baseVersion is 409 SEGMENT_VERSION_CONFLICT with the current segment, and changes nothing', async () => {
    const s = seg(doc, 3);
    const first = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${s.id}`, {
      target: 'Version A',
      baseVersion: 1,
    });
    expect(first.statusCode).toBe(200);
    const before = await snapshot(ctx.app, doc.id);
    const res = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${s.id}`, {
      target: 'Version B',
      baseVersion: 1,
    });
    const error = expectError(res, 409, 'SEGMENT_VERSION_CONFLICT');
    expect(error.details).toEqual({ current: json(first).segment });
    expect((error.details as { current: Segment }).current).toMatchObject({ target: 'Version A', version: 2 });
    await expectUnchanged(ctx.app, before);
  });

  it('two concurrent edits on the same version: exactly one wins, the other gets 409', async () => {
    const s = seg(doc, 4);
    const url = `/api/documents/${doc.id}/segments/${s.id}`;
    const results = await Promise.all([
      call(ctx.app, 'PATCH', url, { target: 'Concurrent A', baseVersion: 1 }),
      call(ctx.app, 'PATCH', url, { target: 'Concurrent B', baseVersion: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = json(results.find((r) => r.statusCode === 200)!).segment as Segment;
    const after = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}`)).document as DocumentState;
    expect(seg(after, 4)).toEqual(winner);
    expect(after.seq).toBe(2);
  });

  it.each([
    ['missing baseVersion', { target: 'x' }, 'VALIDATION_FAILED'],
    ['baseVersion 0', { target: 'x', baseVersion: 0 }, 'VALIDATION_FAILED'],
    ['baseVersion as string', { target: 'x', baseVersion: '1' }, 'VALIDATION_FAILED'],
    ['target not a string', { target: 42, baseVersion: 1 }, 'VALIDATION_FAILED'],
    ['target too long', { target: 'x'.repeat(LIMITS.segmentChars + 1), baseVersion: 1 }, 'SEGMENT_TOO_LONG'],
  ])('refuses %s with 400 %s, changes nothing', async (_, body, code) => {
    const before = await snapshot(ctx.app, doc.id);
    expectError(await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${seg(doc, 0).id}`, body), 400, code);
    await expectUnchanged(ctx.app, before);
  });

  it('unknown segment is 404 SEGMENT_NOT_FOUND, changes nothing', async () => {
    const before = await snapshot(ctx.app, doc.id);
    expectError(
      await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/s-missing`, { target: 'x', baseVersion: 1 }),
      404,
      'SEGMENT_NOT_FOUND',
    );
    await expectUnchanged(ctx.app, before);
  });

  it('unknown document is 404 DOCUMENT_NOT_FOUND', async () => {
    expectError(
      await call(ctx.app, 'PATCH', `/api/documents/d-missing/segments/${seg(doc, 0).id}`, {
        target: 'x',
        baseVersion: 1,
      }),
      404,
      'DOCUMENT_NOT_FOUND',
    );
  });
});

// ---- Flags ----------------------------------------------------------------------------------------

describe('POST /api/documents/:id/flags', () => {
  const ctx = useServer();
  let doc: DocumentState;
  beforeEach(async () => {
    doc = await importSample(ctx.app);
  });

  const flagBody = (segment: Segment, words: string, over: Record<string, unknown> = {}) => {
    const start = segment.target.indexOf(words);
    return {
      segmentId: segment.id,
      side: 'target',
      start,
      end: start + words.length,
      quote: words,
      category: 'accuracy/mistranslation',
      severity: 'major',
      correction: 'Sahel et du Sahara',
      comment: 'الساحل والصحراء',
      baseVersion: segment.version,
      ...over,
    };
  };

  it('creates an open flag (201) anchored on the span', async () => {
    const s = doc.segments.find((x) => x.target.includes('Sahel et du désert'))!;
    const res = await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, flagBody(s, 'Sahel et du désert'), ZINEB);
    expect(res.statusCode, res.body).toBe(201);
    const { flag, seq } = json(res);
    expect(seq).toBe(2);
    const start = s.target.indexOf('Sahel et du désert');
    expect(flag).toMatchObject({
      segmentId: s.id,
      side: 'target',
      anchor: { start, end: start + 18, quote: 'Sahel et du désert' },
      orphaned: false,
      category: 'accuracy/mistranslation',
      severity: 'major',
      correction: 'Sahel et du Sahara',
      comment: 'الساحل والصحراء',
      status: 'open',
      reason: null,
      version: 1,
      createdBy: ZINEB,
      updatedBy: ZINEB,
    });
    const after: DocumentState = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}`)).document;
    expect(after.flags).toEqual([flag]);
    expect(after.segments).toEqual(doc.segments);
    const list = json(await call(ctx.app, 'GET', '/api/documents')).documents;
    expect(list.find((d: { id: string }) => d.id === doc.id).openFlagCount).toBe(1);
  });

  it('creates a source-side flag; a stale baseVersion does not matter there', async () => {
    const s = seg(doc, 2);
    const res = await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: s.id,
      side: 'source',
      start: 0,
      end: 5,
      category: 'accuracy/omission',
      severity: 'minor',
      baseVersion: 7,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).flag).toMatchObject({
      side: 'source',
      anchor: { start: 0, end: 5, quote: s.source.slice(0, 5) },
      correction: '',
      comment: '',
    });
  });

  it('correction and comment default to empty', async () => {
    const s = seg(doc, 0);
    const { correction: _c, comment: _m, ...body } = flagBody(s, 'Lafetet');
    const res = await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).flag).toMatchObject({ correction: '', comment: '' });
  });

  it.each([
    ['end past the text', (s: Segment) => ({ start: s.target.length - 2, end: s.target.length + 1, quote: undefined })],
    ['empty span', () => ({ start: 3, end: 3, quote: undefined })],
    ['start after end', () => ({ start: 5, end: 2, quote: undefined })],
    [
      'source span past the source text',
      (s: Segment) => ({ side: 'source', start: 0, end: s.source.length + 1, quote: undefined }),
    ],
  ])('%s → 422 SPAN_OUT_OF_RANGE, changes nothing', async (_, over) => {
    const s = seg(doc, 0);
    const before = await snapshot(ctx.app, doc.id);
    expectError(
      await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, flagBody(s, 'Lafetet', over(s))),
      422,
      'SPAN_OUT_OF_RANGE',
    );
    await expectUnchanged(ctx.app, before);
  });

  it('a quote that is not the text at the span → 409 SPAN_MISMATCH, changes nothing', async () => {
    const s = seg(doc, 0);
    const before = await snapshot(ctx.app, doc.id);
    const error = expectError(
      await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, flagBody(s, 'Lafetet', { quote: 'Laftit' })),
      409,
      'SPAN_MISMATCH',
    );
    expect(error.details).toEqual({ current: s });
    await expectUnchanged(ctx.app, before);
  });

  it.each([
    ['invalid category', { category: 'accuracy/typo' }],
    ['invalid severity', { severity: 'catastrophic' }],
    ['invalid side', { side: 'both' }],
    ['negative start', { start: -1 }],
    ['fractional end', { end: 3.5 }],
    ['missing baseVersion', { baseVersion: undefined }],
    ['invalid segment id', { segmentId: '../x' }],
  ])('%s → 400 VALIDATION_FAILED, changes nothing', async (_, over) => {
    const before = await snapshot(ctx.app, doc.id);
    expectError(
      await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, flagBody(seg(doc, 0), 'Lafetet', over)),
      400,
      'VALIDATION_FAILED',
    );
    await expectUnchanged(ctx.app, before);
  });

  it('a stale baseVersion on a target flag → 409 SEGMENT_VERSION_CONFLICT with the current segment', async () => {
    const s = seg(doc, 0);
    const edited = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${s.id}`, {
      target: `${s.target}.`,
      baseVersion: 1,
    });
    expect(edited.statusCode).toBe(200);
    const before = await snapshot(ctx.app, doc.id);
    const error = expectError(
      await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, flagBody(s, 'Lafetet', { baseVersion: 1 })),
      409,
      'SEGMENT_VERSION_CONFLICT',
    );
    expect(error.details).toEqual({ current: json(edited).segment });
    await expectUnchanged(ctx.app, before);
  });

  it('unknown segment → 404 SEGMENT_NOT_FOUND; unknown document → 404 DOCUMENT_NOT_FOUND', async () => {
    const before = await snapshot(ctx.app, doc.id);
    expectError(
      await call(
        ctx.app,
        'POST',
        `/api/documents/${doc.id}/flags`,
        flagBody(seg(doc, 0), 'Lafetet', { segmentId: 'missing' }),
      ),
      404,
      'SEGMENT_NOT_FOUND',
    );
    expectError(
      await call(ctx.app, 'POST', '/api/documents/missing/flags', flagBody(seg(doc, 0), 'Lafetet')),
      404,
      'DOCUMENT_NOT_FOUND',
    );
    await expectUnchanged(ctx.app, before);
  });
});

describe('PATCH /api/documents/:id/flags/:flagId', () => {
  const ctx = useServer();
  let doc: DocumentState;
  let title: Segment;
  beforeEach(async () => {
    doc = await importSample(ctx.app);
    title = seg(doc, 0);
  });
  const patch = (flagId: string, body: unknown, actor = 'Tester') =>
    call(ctx.app, 'PATCH', `/api/documents/${doc.id}/flags/${flagId}`, body, actor);

  it('edit changes only the given fields and bumps the version', async () => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet', { comment: 'nom', correction: 'Laftt' });
    const res = await patch(
      flag.id,
      { action: 'edit', baseVersion: 1, correction: 'Laftit', severity: 'critical' },
      ZINEB,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.flag).toEqual({
      ...flag,
      correction: 'Laftit',
      severity: 'critical',
      version: 2,
      updatedBy: ZINEB,
      updatedAt: expect.any(String),
      // What the edit changed, kept in the flag's history (issue #18).
      history: [
        {
          action: 'edited',
          by: ZINEB,
          at: expect.any(String),
          changes: [
            { field: 'severity', from: 'major', to: 'critical' },
            { field: 'correction', from: 'Laftt', to: 'Laftit' },
          ],
        },
      ],
    });
    expect(body.segment).toEqual(title);
    expect(body.flags).toEqual([body.flag]);
    expect(body.seq).toBe(3);
  });

  it('accept replaces exactly the span: "Lafetet" → "Laftit" in the sample title', async () => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet', { correction: 'Laftit' });
    const res = await patch(flag.id, { action: 'accept', baseVersion: 1, reason: 'nom du ministre' }, ZINEB);
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.segment.target.startsWith('Laftit discute')).toBe(true);
    expect(body.segment.target).toBe(`Laftit${title.target.slice('Lafetet'.length)}`);
    expect(body.segment).toMatchObject({ id: title.id, version: 2, updatedBy: ZINEB });
    expect(body.flag).toMatchObject({
      status: 'accepted',
      reason: 'nom du ministre',
      version: 2,
      orphaned: false,
      anchor: { start: 0, end: 6, quote: 'Laftit' },
    });
    const after: DocumentState = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}`)).document;
    expect(seg(after, 0)).toEqual(body.segment);
    expect(after.segments.slice(1)).toEqual(doc.segments.slice(1));
    const events = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events?after=2`)).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'FlagAccepted',
      actor: ZINEB,
      payload: { flagId: flag.id, target: body.segment.target },
    });
  });

  it('accept in the middle of a segment shifts the later flags of that segment', async () => {
    const s = doc.segments.find((x) => x.target.includes('Sahel et du désert'))!;
    const early = await createFlag(ctx.app, doc, s, 'exprimé', { correction: 'exprimé ensemble' });
    const later = await createFlag(ctx.app, doc, s, 'Sahel et du désert', { category: 'accuracy/mistranslation' });
    const res = await patch(early.id, { action: 'accept', baseVersion: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.segment.target).toBe(s.target.replace('exprimé', 'exprimé ensemble'));
    expect(body.flag.anchor).toMatchObject({
      start: early.anchor.start,
      end: early.anchor.start + 16,
      quote: 'exprimé ensemble',
    });
    const moved = (body.flags as Flag[]).find((f) => f.id === later.id)!;
    expect(moved.anchor).toMatchObject({
      start: later.anchor.start + ' ensemble'.length,
      end: later.anchor.end + ' ensemble'.length,
      quote: 'Sahel et du désert',
    });
    expect(moved).toMatchObject({ version: 1, status: 'open', orphaned: false });
  });

  it('accept of a source-side flag records the verdict and leaves the text alone', async () => {
    const res = await call(ctx.app, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: title.id,
      side: 'source',
      start: 0,
      end: 5,
      category: 'accuracy/omission',
      severity: 'minor',
      baseVersion: 1,
    });
    const flag = json(res).flag as Flag;
    const accepted = await patch(flag.id, { action: 'accept', baseVersion: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted).flag).toMatchObject({ status: 'accepted', reason: null, version: 2 });
    expect(json(accepted).segment).toEqual(title);
  });

  it.each([
    ['reject', 'rejected'],
    ['resolve', 'resolved'],
  ] as const)('%s records the status and the (trimmed) reason', async (action, status) => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet', { correction: 'Laftit' });
    const res = await patch(flag.id, { action, baseVersion: 1, reason: '  voir le glossaire  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).flag).toMatchObject({ status, reason: 'voir le glossaire', version: 2 });
    expect(json(res).segment).toEqual(title);
    const list = json(await call(ctx.app, 'GET', '/api/documents')).documents;
    expect(list.find((d: { id: string }) => d.id === doc.id).openFlagCount).toBe(0);
  });

  it('a blank reason is stored as null', async () => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet');
    const res = await patch(flag.id, { action: 'reject', baseVersion: 1, reason: '   ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).flag.reason).toBeNull();
  });

  it.each(['edit', 'accept', 'reject', 'resolve'])(
    '%s with a stale baseVersion → 409 FLAG_VERSION_CONFLICT with the current flag, changes nothing',
    async (action) => {
      const flag = await createFlag(ctx.app, doc, title, 'Lafetet', { correction: 'Laftit' });
      const edited = await patch(flag.id, { action: 'edit', baseVersion: 1, comment: 'v2' });
      expect(edited.statusCode).toBe(200);
      const before = await snapshot(ctx.app, doc.id);
      const error = expectError(
        await patch(flag.id, { action, baseVersion: 1, comment: 'v3' }),
        409,
        'FLAG_VERSION_CONFLICT',
      );
      expect(error.details).toEqual({ current: json(edited).flag });
      await expectUnchanged(ctx.app, before);
    },
  );

  it.each([
    ['accept', 'edit'],
    ['accept', 'accept'],
    ['reject', 'accept'],
    ['reject', 'reject'],
    ['resolve', 'resolve'],
    ['resolve', 'edit'],
  ])('after %s, %s → 409 FLAG_NOT_OPEN, changes nothing', async (first, second) => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet', { correction: 'Laftit' });
    const done = await patch(flag.id, { action: first, baseVersion: 1 });
    expect(done.statusCode, done.body).toBe(200);
    const before = await snapshot(ctx.app, doc.id);
    const error = expectError(await patch(flag.id, { action: second, baseVersion: 2 }), 409, 'FLAG_NOT_OPEN');
    expect(error.details).toEqual({ current: json(done).flag });
    await expectUnchanged(ctx.app, before);
  });

  it('accept on an orphaned flag → 409 FLAG_ORPHANED, changes nothing', async () => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet', { correction: 'Laftit' });
    const edit = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}/segments/${title.id}`, {
      target: title.target.replace('Lafetet ', ''),
      baseVersion: 1,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const orphan = (json(edit).flags as Flag[]).find((f) => f.id === flag.id)!;
    expect(orphan.orphaned).toBe(true);
    const before = await snapshot(ctx.app, doc.id);
    const error = expectError(
      await patch(flag.id, { action: 'accept', baseVersion: orphan.version }),
      409,
      'FLAG_ORPHANED',
    );
    expect(error.details).toEqual({ current: orphan });
    await expectUnchanged(ctx.app, before);
    // It can still be resolved by hand.
    expect(
      (await patch(flag.id, { action: 'resolve', baseVersion: orphan.version, reason: 'corrigé à la main' }))
        .statusCode,
    ).toBe(200);
  });

  it.each([
    ['unknown action', { action: 'delete', baseVersion: 1 }, 'VALIDATION_FAILED'],
    ['no action', { baseVersion: 1 }, 'VALIDATION_FAILED'],
    ['no baseVersion', { action: 'reject' }, 'VALIDATION_FAILED'],
    ['invalid category', { action: 'edit', baseVersion: 1, category: 'spelling' }, 'VALIDATION_FAILED'],
    ['invalid severity', { action: 'edit', baseVersion: 1, severity: 'huge' }, 'VALIDATION_FAILED'],
    [
      'reason too long',
      { action: 'reject', baseVersion: 1, reason: 'x'.repeat(LIMITS.commentChars + 1) },
      'COMMENT_TOO_LONG',
    ],
  ])('%s → 400 %s, changes nothing', async (_, body, code) => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet');
    const before = await snapshot(ctx.app, doc.id);
    expectError(await patch(flag.id, body), 400, code);
    await expectUnchanged(ctx.app, before);
  });

  it('unknown flag → 404 FLAG_NOT_FOUND; unknown document → 404 DOCUMENT_NOT_FOUND', async () => {
    const flag = await createFlag(ctx.app, doc, title, 'Lafetet');
    const before = await snapshot(ctx.app, doc.id);
    expectError(await patch('f-missing', { action: 'reject', baseVersion: 1 }), 404, 'FLAG_NOT_FOUND');
    expectError(
      await call(ctx.app, 'PATCH', `/api/documents/d-missing/flags/${flag.id}`, { action: 'reject', baseVersion: 1 }),
      404,
      'DOCUMENT_NOT_FOUND',
    );
    await expectUnchanged(ctx.app, before);
  });
});

// ---- Bad input across routes ----------------------------------------------------------------------

describe('bad requests', () => {
  const ctx = useServer();
  let doc: DocumentState;
  let flag: Flag;
  let before: Snapshot;
  let files: string[];

  beforeAll(async () => {
    doc = await importSample(ctx.app);
    flag = await createFlag(ctx.app, doc, seg(doc, 0), 'Lafetet', { correction: 'Laftit' });
    doc = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}`)).document;
  });
  beforeEach(async () => {
    before = await snapshot(ctx.app, doc.id);
    files = await tree(ctx.sandbox);
  });
  afterEach(async () => {
    await expectUnchanged(ctx.app, before);
    expect(await tree(ctx.sandbox)).toEqual(files);
  });

  const mutating = () =>
    [
      ['POST', '/api/documents', createBody()],
      ['POST', '/api/documents/import-text', importBody()],
      ['PATCH', `/api/documents/${doc.id}/segments/${seg(doc, 0).id}`, { target: 'x', baseVersion: 1 }],
      [
        'POST',
        `/api/documents/${doc.id}/flags`,
        {
          segmentId: seg(doc, 1).id,
          side: 'target',
          start: 0,
          end: 2,
          category: 'style',
          severity: 'minor',
          baseVersion: 1,
        },
      ],
      ['PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, { action: 'reject', baseVersion: 1 }],
    ] as const;
  const ROUTES = ['POST /api/documents', 'POST import-text', 'PATCH segment', 'POST flag', 'PATCH flag'];

  it.each(ROUTES.map((name, i) => [name, i] as const))('%s: malformed JSON → 400 INVALID_JSON', async (_, i) => {
    const [method, url] = mutating()[i]!;
    const res = await ctx.app.inject({
      method,
      url,
      headers: { ...(await authHeaders(ctx.app)), 'content-type': 'application/json' },
      payload: '{"target":',
    });
    expectError(res, 400, 'INVALID_JSON');
  });

  it.each(ROUTES.map((name, i) => [name, i] as const))('%s: empty JSON body → 400 INVALID_JSON', async (_, i) => {
    const [method, url] = mutating()[i]!;
    const res = await ctx.app.inject({
      method,
      url,
      headers: { ...(await authHeaders(ctx.app)), 'content-type': 'application/json' },
      payload: '',
    });
    expectError(res, 400, 'INVALID_JSON');
  });

  it.each(
    ROUTES.flatMap((name, i) =>
      ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'].map(
        (type) => [name, type, i] as const,
      ),
    ),
  )('%s: content type %s → 415 UNSUPPORTED_MEDIA_TYPE', async (_, type, i) => {
    const [method, url, body] = mutating()[i]!;
    const res = await ctx.app.inject({
      method,
      url,
      headers: { ...(await authHeaders(ctx.app)), 'content-type': type },
      payload: JSON.stringify(body),
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  // Fastify ships a text/plain parser; a JSON-only API should still answer 415 "send JSON", not 400.
  it('content type text/plain → 415 UNSUPPORTED_MEDIA_TYPE on every mutating route', async () => {
    const got: string[] = [];
    for (const [method, url, body] of mutating()) {
      const res = await ctx.app.inject({
        method,
        url,
        headers: { ...(await authHeaders(ctx.app)), 'content-type': 'text/plain' },
        payload: JSON.stringify(body),
      });
      got.push(`${method} ${url.replace(doc.id, ':id')} → ${res.statusCode} ${json(res).error?.code}`);
    }
    expect(got).toEqual(
      mutating().map(([method, url]) => `${method} ${url.replace(doc.id, ':id')} → 415 UNSUPPORTED_MEDIA_TYPE`),
    );
  });

  // Accounts replaced the X-Actor header: who did it is the session's user, and nothing changes without one.
  it.each(
    ROUTES.flatMap((name, i) =>
      [
        ['no session cookie', {}],
        ['an unknown session', { cookie: `visavis_session=${'x'.repeat(43)}` }],
        ['a malformed session cookie', { cookie: 'visavis_session=%E0%A4%A' }],
        ['only the old x-actor header', { 'x-actor': 'Tester' }],
      ].map(([what, headers]) => [name, what as string, headers as Record<string, string>, i] as const),
    ),
  )('%s: %s → 401 UNAUTHENTICATED', async (_, __, headers, i) => {
    const [method, url, body] = mutating()[i]!;
    expectError(await ctx.app.inject({ method, url, headers, payload: body as object }), 401, 'UNAUTHENTICATED');
  });

  it.each(ROUTES.map((name, i) => [name, i] as const))(
    '%s: signed in but without the CSRF token → 403 CSRF',
    async (_, i) => {
      const [method, url, body] = mutating()[i]!;
      const { cookie } = await authHeaders(ctx.app);
      expectError(await ctx.app.inject({ method, url, headers: { cookie }, payload: body as object }), 403, 'CSRF');
    },
  );

  it.each(ROUTES.map((name, i) => [name, i] as const))(
    '%s: body just over 10 MiB → 413 BODY_TOO_LARGE',
    async (_, i) => {
      const [method, url] = mutating()[i]!;
      const prefix = '{"title":"';
      const payload = `${prefix}${'a'.repeat(LIMITS.bodyBytes - prefix.length - 1)}"}`;
      expect(Buffer.byteLength(payload)).toBe(LIMITS.bodyBytes + 1);
      const res = await ctx.app.inject({
        method,
        url,
        headers: { ...(await authHeaders(ctx.app)), 'content-type': 'application/json' },
        payload,
      });
      expectError(res, 413, 'BODY_TOO_LARGE');
    },
  );

  it('a body of exactly 10 MiB is not refused as too large', async () => {
    const prefix = '{"title":"';
    const payload = `${prefix}${'a'.repeat(LIMITS.bodyBytes - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(payload)).toBe(LIMITS.bodyBytes);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { ...(await authHeaders(ctx.app)), 'content-type': 'application/json' },
      payload,
    });
    // Read and parsed: refused for its 10 MiB title, not for its size.
    expectError(res, 400, 'TITLE_TOO_LONG');
  });

  // Ids in every position of every route; they must never reach a path, never cause a 500.
  const BAD_IDS = [
    '..%2Fx',
    '..%2F..%2Fx',
    '%2E%2E%2Fx',
    '..',
    '%2E%2E',
    'a.b',
    '.x',
    'x%00y',
    'a%5Cb',
    '..%5Cx',
    'x'.repeat(65),
    '%20',
  ];
  const idUrls = (bad: string) =>
    [
      ['GET', `/api/documents/${bad}`, undefined],
      ['GET', `/api/documents/${bad}/export`, undefined],
      ['GET', `/api/documents/${bad}/events`, undefined],
      ['PATCH', `/api/documents/${bad}/segments/${seg(doc, 0).id}`, { target: 'x', baseVersion: 1 }],
      ['PATCH', `/api/documents/${doc.id}/segments/${bad}`, { target: 'x', baseVersion: 1 }],
      [
        'POST',
        `/api/documents/${bad}/flags`,
        {
          segmentId: seg(doc, 0).id,
          side: 'target',
          start: 0,
          end: 1,
          category: 'style',
          severity: 'minor',
          baseVersion: 1,
        },
      ],
      ['PATCH', `/api/documents/${bad}/flags/${flag.id}`, { action: 'reject', baseVersion: 1 }],
      ['PATCH', `/api/documents/${doc.id}/flags/${bad}`, { action: 'reject', baseVersion: 1 }],
    ] as const;

  it.each(BAD_IDS)('id %s → 400 INVALID_ID or 404, never 500, no file touched', async (bad) => {
    for (const [method, url, body] of idUrls(bad)) {
      const res = await call(ctx.app, method, url, body);
      expect([400, 404], `${method} ${url}: ${res.body}`).toContain(res.statusCode);
      const code = json(res).error.code;
      expect(
        ['INVALID_ID', 'NOT_FOUND', 'DOCUMENT_NOT_FOUND', 'SEGMENT_NOT_FOUND', 'FLAG_NOT_FOUND'],
        `${method} ${url}`,
      ).toContain(code);
      expect(json(res).error.message).not.toBe('');
    }
    expect(existsSync(path.join(ctx.sandbox, 'x'))).toBe(false);
  });

  it.each([
    ['..%2Fx', 'INVALID_ID'],
    ['a.b', 'INVALID_ID'],
    ['x'.repeat(65), 'INVALID_ID'],
  ])('GET /api/documents/%s → 400 %s', async (bad, code) => {
    expectError(await call(ctx.app, 'GET', `/api/documents/${bad}`), 400, code);
  });

  // A path that is not valid percent-encoding must still answer the { error: { code, message } } shape.
  it("badly percent-encoded ids → 400 with a known error code, never Fastify's own error body", async () => {
    for (const bad of ['%', '%E0%A4%A', '%zz']) {
      for (const [method, url, body] of idUrls(bad)) {
        const res = await call(ctx.app, method, url, body);
        expect(res.statusCode, url).toBe(400);
        const error = json(res).error;
        expect(error, `${method} ${url}: ${res.body}`).toEqual({
          code: expect.any(String),
          message: expect.any(String),
        });
        expect(ERROR_CODES as readonly string[]).toContain(error.code);
      }
    }
  });

  it('a body shorter than its Content-Length → 400 with a known error code', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { ...(await authHeaders(ctx.app)), 'content-type': 'application/json', 'content-length': '5' },
      payload: JSON.stringify(createBody()),
    });
    expect(res.statusCode).toBe(400);
    const body = json(res);
    expect(body.error.message).not.toBe('');
    expect(ERROR_CODES as readonly string[], res.body).toContain(body.error.code);
  });

  it('an id that looks like the data dir itself is not a document', async () => {
    expectError(await call(ctx.app, 'GET', '/api/documents/data'), 404, 'DOCUMENT_NOT_FOUND');
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/nope'],
    ['POST', '/api/documents/x/y'],
    ['DELETE', `/api/documents/${'DOC'}/segments`],
    ['PUT', '/api/documents'],
  ])('%s %s → 404 NOT_FOUND JSON', async (method, url) => {
    const res = await call(ctx.app, method as 'GET', url.replace('DOC', doc.id));
    const error = expectError(res, 404, 'NOT_FOUND');
    expect(error.message).toContain(url.split('?')[0]!.replace('DOC', doc.id));
  });
});

// ---- Restart and seeding --------------------------------------------------------------------------

describe('restart on the same DATA_DIR', () => {
  let sandbox: string;
  let dataDir: string;
  let server: TestServer | undefined;

  beforeAll(async () => {
    ({ sandbox, dataDir } = await makeSandbox());
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  it('serves the same documents and events after close and reopen', async () => {
    server = await startServer(dataDir);
    let app = server.app;
    const doc = await importSample(app, ZINEB);
    const other = json(await call(app, 'POST', '/api/documents', createBody())).document as DocumentState;
    const title = seg(doc, 0);
    const f1 = await createFlag(app, doc, title, 'Lafetet', { correction: 'Laftit' });
    expect(
      (
        await call(
          app,
          'PATCH',
          `/api/documents/${doc.id}/flags/${f1.id}`,
          { action: 'accept', baseVersion: 1, reason: 'nom' },
          ZINEB,
        )
      ).statusCode,
    ).toBe(200);
    const s2 = doc.segments.find((x) => x.target.includes('Sahel et du désert'))!;
    const f2 = await createFlag(app, doc, s2, 'Sahel et du désert', { correction: 'Sahel et du Sahara' });
    expect(
      (
        await call(app, 'PATCH', `/api/documents/${doc.id}/flags/${f2.id}`, {
          action: 'edit',
          baseVersion: 1,
          severity: 'critical',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call(app, 'PATCH', `/api/documents/${doc.id}/flags/${f2.id}`, {
          action: 'reject',
          baseVersion: 2,
          reason: 'non',
        })
      ).statusCode,
    ).toBe(200);
    const s3 = seg(doc, 2);
    expect(
      (
        await call(
          app,
          'PATCH',
          `/api/documents/${doc.id}/segments/${s3.id}`,
          { target: `${s3.target} ✓ 👍🏽`, baseVersion: 1 },
          ZINEB,
        )
      ).statusCode,
    ).toBe(200);
    const f3 = await createFlag(app, doc, { ...s3, target: `${s3.target} ✓ 👍🏽`, version: 2 }, '👍🏽');
    expect(
      (await call(app, 'PATCH', `/api/documents/${doc.id}/flags/${f3.id}`, { action: 'resolve', baseVersion: 1 }))
        .statusCode,
    ).toBe(200);

    const before = await snapshot(app, doc.id);
    const beforeOther = await snapshot(app, other.id);
    const beforeExport = json(await call(app, 'GET', `/api/documents/${doc.id}/export`));
    expect(before.document.seq).toBe(9);

    await server.close();
    server = await startServer(dataDir);
    app = server.app;

    await expectUnchanged(app, before);
    await expectUnchanged(app, beforeOther);
    const afterExport = json(await call(app, 'GET', `/api/documents/${doc.id}/export`));
    expect({ ...afterExport, exportedAt: null }).toEqual({ ...beforeExport, exportedAt: null });
    expect(seg(before.document, 0).target.startsWith('Laftit discute')).toBe(true);

    // And it keeps working: versions continue from where they were.
    const res = await call(app, 'PATCH', `/api/documents/${doc.id}/segments/${s3.id}`, {
      target: 'après redémarrage',
      baseVersion: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ seq: 10, segment: { version: 3 } });

    // Twice in a row, with a write in between, still the same.
    const again = await snapshot(app, doc.id);
    await server.close();
    server = await startServer(dataDir);
    await expectUnchanged(server.app, again);
  });
});

describe('seedSample', () => {
  let sandbox: string;
  let dataDir: string;
  let server: TestServer | undefined;

  beforeAll(async () => {
    ({ sandbox, dataDir } = await makeSandbox());
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  it(`creates ${SAMPLE_ID} once, and not again (nor after a restart)`, async () => {
    server = await startServer(dataDir);
    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(true);
    const list = json(await call(server.app, 'GET', '/api/documents')).documents;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: SAMPLE_ID, segmentCount: 13, openFlagCount: 0, createdBy: 'Vis-à-vis' });
    const doc = json(await call(server.app, 'GET', `/api/documents/${SAMPLE_ID}`)).document as DocumentState;
    expect(doc.title).toBe('Laftit reçoit Darmanin (Rabat, 22 avril 2024)');
    expect(seg(doc, 0).target.startsWith('Lafetet')).toBe(true);

    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(false);
    expect(json(await call(server.app, 'GET', '/api/documents')).documents).toHaveLength(1);
    expect(json(await call(server.app, 'GET', `/api/documents/${SAMPLE_ID}`)).document).toEqual(doc);

    await server.close();
    server = await startServer(dataDir);
    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(false);
    expect(json(await call(server.app, 'GET', '/api/documents')).documents).toHaveLength(1);
  });

  it("works with the relative 'samples' path from the project root", async () => {
    const other = await makeSandbox();
    const s = await startServer(other.dataDir);
    try {
      expect(path.resolve('samples')).toBe(SAMPLES_DIR);
      expect(await seedSample(s.store, 'samples')).toBe(true);
      expect(await seedSample(s.store, 'samples')).toBe(false);
      expect((await s.store.list()).map((d) => d.id)).toEqual([SAMPLE_ID]);
    } finally {
      await s.close();
      await fs.rm(other.sandbox, { recursive: true, force: true });
    }
  });
});
