import fs from 'node:fs/promises';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMIT_CODES } from '../shared/limits';
import { ERROR_CODES, LIMITS } from '../shared/schemas';
import { WMT_COLUMNS } from '../shared/formats/wmt-tsv';
import { call, json, makeSandbox, startServer, type TestServer } from './test-helpers';

/**
 * Every limit of LIMITS answers 4xx with its own code and a message saying the limit and where, at the
 * edge, on every way in (issue #8, items 2 and 5): nothing a route accepts may fail later in the event
 * schemas with a 500, and no way in creates more segments than POST /api/documents allows.
 */

let server: TestServer;
let sandbox: string;
const app = () => server.app;

beforeAll(async () => {
  const made = await makeSandbox();
  sandbox = made.sandbox;
  server = await startServer(made.dataDir);
});
afterAll(async () => {
  await server?.close();
  await fs.rm(sandbox, { recursive: true, force: true });
});

function expectLimit(res: LightMyRequestResponse, code: string, message?: string | RegExp) {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
  const { error } = json(res);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error as { code: string; message: string; details: { violations: { line?: number; message: string }[] } };
}

const documentIds = async (): Promise<string[]> =>
  json(await call(app(), 'GET', '/api/documents'))
    .documents.map((d: { id: string }) => d.id)
    .sort();

const textBody = (over: Record<string, unknown>) => ({
  title: 'Limits',
  sourceLang: 'en',
  targetLang: 'fr',
  sourceText: 'One.\nTwo.',
  targetText: 'Un.\nDeux.',
  ...over,
});

describe('POST /api/documents/import-text', () => {
  it('a paragraph over the limit → 400 SEGMENT_TOO_LONG naming the paragraph and the side, nothing created', async () => {
    const before = await documentIds();
    const long = 'x'.repeat(LIMITS.segmentChars + 23_456);
    const res = await call(app(), 'POST', '/api/documents/import-text', textBody({ sourceText: `One.\n${long}` }));
    const error = expectLimit(
      res,
      'SEGMENT_TOO_LONG',
      'Paragraph 2 of the source has 123,456 characters; the limit is 100,000.',
    );
    expect(error.details.violations).toHaveLength(1);
    expect(await documentIds()).toEqual(before);
  });

  it('a paragraph of exactly the limit is accepted', async () => {
    const res = await call(
      app(),
      'POST',
      '/api/documents/import-text',
      textBody({ targetText: `Un.\n${'y'.repeat(LIMITS.segmentChars)}` }),
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(json(res).document.segments[1].target).toHaveLength(LIMITS.segmentChars);
  });

  it('one line more than segmentsPerDocument → 400 TOO_MANY_SEGMENTS, nothing created', async () => {
    const before = await documentIds();
    const lines = Array.from({ length: LIMITS.segmentsPerDocument + 1 }, (_, i) => `Line ${i + 1}.`).join('\n');
    const res = await call(app(), 'POST', '/api/documents/import-text', textBody({ sourceText: lines }));
    expectLimit(
      res,
      'TOO_MANY_SEGMENTS',
      'The source (a segment per paragraph) has more than 20,000 segments; the limit is 20,000.',
    );
    expect(res.body.length).toBeLessThan(10_000);
    expect(await documentIds()).toEqual(before);
  }, 30_000);

  it('100,000 lines → 400 TOO_MANY_SEGMENTS, not a 15.9 MB answer', async () => {
    const lines = 'x\n'.repeat(100_000);
    const res = await call(
      app(),
      'POST',
      '/api/documents/import-text',
      textBody({ sourceText: lines, targetText: lines }),
    );
    expectLimit(res, 'TOO_MANY_SEGMENTS', /more than 20,000 segments; the limit is 20,000\./);
  }, 30_000);
});

describe('POST /api/documents', () => {
  it('segmentsPerDocument + 1 segments → 400 TOO_MANY_SEGMENTS (the same limit as import-text)', async () => {
    const segments = Array.from({ length: LIMITS.segmentsPerDocument + 1 }, () => ({ source: 'a', target: 'b' }));
    const res = await call(app(), 'POST', '/api/documents', {
      title: 'T',
      sourceLang: 'en',
      targetLang: 'fr',
      segments,
    });
    expectLimit(res, 'TOO_MANY_SEGMENTS', 'The document has 20,001 segments; the limit is 20,000.');
  }, 30_000);

  it("names the segment and side: segment 2's source", async () => {
    const segments = [
      { source: 'a', target: 'b' },
      { source: 'x'.repeat(LIMITS.segmentChars + 1), target: 'b' },
    ];
    const res = await call(app(), 'POST', '/api/documents', {
      title: 'T',
      sourceLang: 'en',
      targetLang: 'fr',
      segments,
    });
    expectLimit(res, 'SEGMENT_TOO_LONG', "Segment 2's source has 100,001 characters; the limit is 100,000.");
  });
});

describe('accepting a correction that would make the segment too long', () => {
  it('→ 400 SEGMENT_TOO_LONG (was 500: the event schema refused the resulting text), nothing changed', async () => {
    const target = 'y'.repeat(LIMITS.segmentChars - 10);
    const created = json(
      await call(app(), 'POST', '/api/documents', {
        title: 'Accept',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [{ source: 'x', target }],
      }),
    ).document;
    const segment = created.segments[0];
    const flagRes = await call(app(), 'POST', `/api/documents/${created.id}/flags`, {
      segmentId: segment.id,
      side: 'target',
      start: 0,
      end: 1,
      category: 'style',
      severity: 'minor',
      correction: 'z'.repeat(100),
      baseVersion: segment.version,
    });
    expect(flagRes.statusCode, flagRes.body).toBe(201);
    const flag = json(flagRes).flag;
    const seq = json(await call(app(), 'GET', `/api/documents/${created.id}/events`)).seq;
    const res = await call(app(), 'PATCH', `/api/documents/${created.id}/flags/${flag.id}`, {
      action: 'accept',
      baseVersion: flag.version,
    });
    expectLimit(
      res,
      'SEGMENT_TOO_LONG',
      "With this correction, segment 1's translation has 100,089 characters; the limit is 100,000.",
    );
    expect(json(await call(app(), 'GET', `/api/documents/${created.id}/events`)).seq).toBe(seq);
  });
});

// ---- WMT MQM import --------------------------------------------------------------------------------

const HEADER = WMT_COLUMNS.join('\t');
const row = (system: string, seg: number, target: string, extra: Partial<Record<'rater' | 'comment', string>> = {}) =>
  [
    system,
    'talk',
    '1',
    String(seg),
    extra.rater ?? 'rater1',
    `Source ${seg}.`,
    target,
    'Fluency/Grammar',
    'Minor',
    extra.comment ?? '',
  ].join('\t');
const tsv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const importMqm = (file: string, text: string) =>
  call(app(), 'POST', '/api/documents/import-mqm', { file, tsv: text, sourceLang: 'en', targetLang: 'de' });

describe('POST /api/documents/import-mqm: limits, with line numbers', () => {
  it.each([
    [
      'a target over the limit',
      tsv(row('A', 1, '<v>Ziel</v>.'), row('B', 1, `<v>x</v>${'y'.repeat(LIMITS.segmentChars)}`)),
      'SEGMENT_TOO_LONG',
      'Line 3: the target has 100,001 characters; the limit is 100,000.',
    ],
    [
      'a comment over the limit',
      tsv(row('A', 1, '<v>Ziel</v>.', { comment: 'c'.repeat(LIMITS.commentChars + 1) })),
      'COMMENT_TOO_LONG',
      'Line 2: the comment has 10,001 characters; the limit is 10,000.',
    ],
    [
      'a rater name over the limit',
      tsv(row('A', 1, '<v>Ziel</v>.'), row('A', 2, '<v>Ziel</v>.', { rater: 'r'.repeat(LIMITS.actorChars + 1) })),
      'ACTOR_TOO_LONG',
      'Line 3: the rater has 81 characters; the limit is 80.',
    ],
  ])('%s → 400 %s, nothing created', async (_, text, code, message) => {
    const before = await documentIds();
    const error = expectLimit(await importMqm('limits.tsv', text), code, message);
    expect(error.details.violations[0]!.line).toBe(Number(/^Line (\d+)/.exec(message)![1]));
    expect(await documentIds()).toEqual(before);
  });

  it('more systems than documentsPerImport → 400 TOO_MANY_DOCUMENTS, nothing created', async () => {
    const before = await documentIds();
    const rows = Array.from({ length: LIMITS.documentsPerImport + 1 }, (_, i) => row(`sys${i}`, 1, '<v>Z</v>.'));
    expectLimit(
      await importMqm('many.tsv', tsv(...rows)),
      'TOO_MANY_DOCUMENTS',
      'The file (one document per system) has 201 documents; the limit is 200.',
    );
    expect(await documentIds()).toEqual(before);
  });

  it('a system with more segments than segmentsPerDocument → 400 TOO_MANY_SEGMENTS, nothing created', async () => {
    const before = await documentIds();
    const rows = Array.from({ length: LIMITS.segmentsPerDocument + 1 }, (_, i) => row('big', i + 1, '<v>Z</v>.'));
    expectLimit(
      await importMqm('big.tsv', tsv(row('small', 1, '<v>Z</v>.'), ...rows)),
      'TOO_MANY_SEGMENTS',
      'System "big" has 20,001 segments; the limit is 20,000.',
    );
    expect(await documentIds()).toEqual(before);
  }, 30_000);

  it('a file name over the limit → 400 FILE_NAME_TOO_LONG', async () => {
    expectLimit(
      await importMqm('f'.repeat(LIMITS.fileNameChars + 1), tsv(row('A', 1, '<v>Z</v>.'))),
      'FILE_NAME_TOO_LONG',
      'The file name has 301 characters; the limit is 300.',
    );
  });
});

// ---- Every write route, every field too long: 4xx with a known code, never 500 ----------------------

describe('every write route with an over-long field', () => {
  const LONG = 'x'.repeat(LIMITS.segmentChars + 1);
  let doc: { id: string; segments: { id: string; version: number }[] };
  let flag: { id: string; version: number };
  let commentId: string;

  beforeAll(async () => {
    doc = json(
      await call(app(), 'POST', '/api/documents', {
        title: 'Fuzz',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [
          { source: 'One two.', target: 'Un deux.' },
          { source: 'Three.', target: 'Trois.' },
        ],
      }),
    ).document;
    flag = json(
      await call(app(), 'POST', `/api/documents/${doc.id}/flags`, {
        segmentId: doc.segments[0]!.id,
        side: 'target',
        start: 0,
        end: 2,
        category: 'style',
        severity: 'minor',
        baseVersion: 1,
      }),
    ).flag;
    const commented = json(
      await call(app(), 'POST', `/api/documents/${doc.id}/flags/${flag.id}/comments`, { text: 'A comment.' }),
    );
    commentId = commented.flag.comments[0].id;
  });

  type Case = [
    label: string,
    method: InjectOptions['method'],
    url: () => string,
    body: () => Record<string, unknown>,
    field: string,
    /** The limit's code, or null when the field has no limit of LIMITS (then any known 4xx code). */
    code: string | null,
  ];
  const seg0 = () => doc.segments[0]!.id;
  const flagUrl = () => `/api/documents/${doc.id}/flags/${flag.id}`;
  const newDoc = () => ({ title: 'T', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'a', target: 'b' }] });
  const newFlag = () => ({
    segmentId: seg0(),
    side: 'target',
    start: 0,
    end: 2,
    category: 'style',
    severity: 'minor',
    baseVersion: 1,
  });
  const reasoned = (action: string) => () => ({ action, baseVersion: flag.version, reason: 'why' });
  const CASES: Case[] = [
    ['create', 'POST', () => '/api/documents', newDoc, 'title', 'TITLE_TOO_LONG'],
    ['create', 'POST', () => '/api/documents', newDoc, 'segments.0.source', 'SEGMENT_TOO_LONG'],
    ['create', 'POST', () => '/api/documents', newDoc, 'segments.0.target', 'SEGMENT_TOO_LONG'],
    ['create', 'POST', () => '/api/documents', newDoc, 'sourceLang', null],
    ['import-text', 'POST', () => '/api/documents/import-text', () => textBody({}), 'title', 'TITLE_TOO_LONG'],
    ['import-text', 'POST', () => '/api/documents/import-text', () => textBody({}), 'sourceText', 'SEGMENT_TOO_LONG'],
    ['import-text', 'POST', () => '/api/documents/import-text', () => textBody({}), 'targetText', 'SEGMENT_TOO_LONG'],
    [
      'import-mqm',
      'POST',
      () => '/api/documents/import-mqm',
      () => ({ file: 'f.tsv', tsv: tsv(row('A', 1, '<v>Z</v>.')) }),
      'file',
      'FILE_NAME_TOO_LONG',
    ],
    [
      'edit segment',
      'PATCH',
      () => `/api/documents/${doc.id}/segments/${seg0()}`,
      () => ({ target: 'Un.', baseVersion: 1 }),
      'target',
      'SEGMENT_TOO_LONG',
    ],
    ['create flag', 'POST', () => `/api/documents/${doc.id}/flags`, newFlag, 'correction', 'SEGMENT_TOO_LONG'],
    ['create flag', 'POST', () => `/api/documents/${doc.id}/flags`, newFlag, 'comment', 'COMMENT_TOO_LONG'],
    ['create flag', 'POST', () => `/api/documents/${doc.id}/flags`, newFlag, 'findingId', null],
    ['create flag', 'POST', () => `/api/documents/${doc.id}/flags`, newFlag, 'quote', null],
    [
      'edit flag',
      'PATCH',
      flagUrl,
      () => ({ action: 'edit', baseVersion: flag.version }),
      'correction',
      'SEGMENT_TOO_LONG',
    ],
    [
      'edit flag',
      'PATCH',
      flagUrl,
      () => ({ action: 'edit', baseVersion: flag.version }),
      'comment',
      'COMMENT_TOO_LONG',
    ],
    ...['accept', 'reject', 'resolve', 'dispute', 'withdraw', 'maintain'].map((action): Case => [
      `${action} flag`,
      'PATCH',
      flagUrl,
      reasoned(action),
      'reason',
      'COMMENT_TOO_LONG',
    ]),
    ['add comment', 'POST', () => `${flagUrl()}/comments`, () => ({ text: 'c' }), 'text', 'COMMENT_TOO_LONG'],
    [
      'edit comment',
      'PATCH',
      () => `${flagUrl()}/comments/${commentId}`,
      () => ({ text: 'c' }),
      'text',
      'COMMENT_TOO_LONG',
    ],
    [
      'segment status',
      'POST',
      () => `/api/documents/${doc.id}/segments/${seg0()}/status`,
      () => ({ action: 'request-changes', reason: 'r' }),
      'reason',
      'COMMENT_TOO_LONG',
    ],
    [
      'document status',
      'POST',
      () => `/api/documents/${doc.id}/status`,
      () => ({ action: 'submit', reason: 'r' }),
      'reason',
      'COMMENT_TOO_LONG',
    ],
    ['scoring', 'POST', () => `/api/documents/${doc.id}/scoring`, () => ({ preset: 'mqm' }), 'preset', null],
    [
      'glossary',
      'POST',
      () => `/api/documents/${doc.id}/glossary`,
      () => ({ format: 'csv', text: 'source,target\nA,B\n', fileName: 'g.csv' }),
      'fileName',
      'FILE_NAME_TOO_LONG',
    ],
    [
      'dismiss finding',
      'POST',
      () => `/api/documents/${doc.id}/findings/x1/dismiss`,
      () => ({ reason: 'r' }),
      'reason',
      'COMMENT_TOO_LONG',
    ],
    ['presence', 'PUT', () => `/api/documents/${doc.id}/presence`, () => ({ segmentId: seg0() }), 'segmentId', null],
    [
      'create user',
      'POST',
      () => '/api/users',
      () => ({ login: 'newbie', displayName: 'N', password: 'long enough', roles: ['viewer'] }),
      'login',
      null,
    ],
    [
      'create user',
      'POST',
      () => '/api/users',
      () => ({ login: 'newbie', displayName: 'N', password: 'long enough', roles: ['viewer'] }),
      'displayName',
      null,
    ],
    [
      'create user',
      'POST',
      () => '/api/users',
      () => ({ login: 'newbie', displayName: 'N', password: 'long enough', roles: ['viewer'] }),
      'password',
      null,
    ],
    [
      'change password',
      'PATCH',
      () => '/api/session/password',
      () => ({ currentPassword: 'test password', newPassword: 'another one' }),
      'newPassword',
      null,
    ],
  ];

  function withLong(body: Record<string, unknown>, field: string): Record<string, unknown> {
    const copy = structuredClone(body);
    const keys = field.split('.');
    let at: Record<string, unknown> = copy;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    at[keys[keys.length - 1]!] = LONG;
    return copy;
  }

  it.each(CASES)('%s (%s), %#: an over-long %s → 4xx, changes nothing', async (...c) => {
    const [, method, url, body, field, code] = c;
    const events = json(await call(app(), 'GET', `/api/documents/${doc.id}/events`)).seq;
    const before = await documentIds();
    const res = await call(app(), method, url(), withLong(body(), field));
    expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
    const { error } = json(res);
    expect(ERROR_CODES as readonly string[]).toContain(error.code);
    if (code) {
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/has 100,001 characters; the limit is \d{1,3}(,\d{3})*\.$/);
    }
    expect(json(await call(app(), 'GET', `/api/documents/${doc.id}/events`)).seq).toBe(events);
    expect(await documentIds()).toEqual(before);
  });

  it('every limit of LIMITS has its own code, and every code is an error code', () => {
    expect(Object.keys(LIMIT_CODES).sort()).toEqual(Object.keys(LIMITS).sort());
    expect(new Set(Object.values(LIMIT_CODES)).size).toBe(Object.keys(LIMITS).length);
    for (const code of Object.values(LIMIT_CODES)) expect(ERROR_CODES as readonly string[]).toContain(code);
  });
});
