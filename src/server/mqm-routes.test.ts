import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../shared/events';
import { DEFAULT_SEVERITY_WEIGHTS } from '../shared/mqm';
import { scoreDocument, WMT_SCORING } from '../shared/mqm-score';
import type { DocumentState, DocumentSummary } from '../shared/schemas';
import { parseWmtTsv, WMT_COLUMNS, WMT_FORMAT, type WmtRow } from '../shared/formats/wmt-tsv';
import { ADMIN, EDITOR, REVIEWER, TRANSLATOR, VIEWER, call, json, useRoleServer } from './test-helpers';

/**
 * MQM routes (src/server/routes/mqm.ts): WMT TSV import and export, the comparison of systems, and
 * per-document scoring settings. The import uses the first 300 lines of the public TED file
 * (samples/wmt-mqm/mqm_ted_ende.tsv from the repository root).
 */

const TED_PATH = fileURLToPath(new URL('../../samples/wmt-mqm/mqm_ted_ende.tsv', import.meta.url));
const FILE = 'mqm_ted_ende-300.tsv';
const HEADER = WMT_COLUMNS.join('\t');

/** Lines 1–300 of the TED file (header + 299 rows), then two malformed rows: lines 301 and 302. */
function tedSample(): { text: string; good: string } {
  // Throws (and fails every test below) when the file is missing.
  const lines = readFileSync(TED_PATH, 'utf8').split('\n').slice(0, 300);
  expect(lines[0]).toBe(HEADER);
  expect(lines).toHaveLength(300);
  const good = lines.join('\n') + '\n';
  const text =
    good +
    'broken\trow\tthree\n' + // line 301: 3 columns
    ['sysX', 'talk.1', '1', '1', 'rater1', 'Hello.', 'Hallo <v>Welt</v>.', 'Fluency/Grammar', 'Horrible', ''].join(
      '\t',
    ) + // line 302
    '\n';
  return { text, good };
}

function useServer() {
  const ctx = useRoleServer();
  const req = (who: string, method: InjectOptions['method'], url: string, body?: unknown) =>
    call(ctx.app, method, url, body, who);
  return { ctx, req };
}

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json(res);
  expect(body.error.code, res.body).toBe(code);
  return body.error as { code: string; message: string; details?: unknown };
}

/** A row without its line number, as a comparable string. */
const rowKey = ({ line: _line, ...r }: WmtRow): string => JSON.stringify(r);
const multiset = (rows: readonly WmtRow[]): string[] => rows.map(rowKey).sort();

/** What the sample holds per system, counted from the raw lines (not with the parser under test). */
function expectedBySystem(good: string) {
  const out = new Map<string, { errors: number; segments: Set<string>; raters: Set<string> }>();
  for (const line of good.split('\n').slice(1)) {
    if (line === '') continue;
    const cells = line.split('\t');
    expect(cells).toHaveLength(10);
    const [system, doc, docId, segId, rater, , , category] = cells as string[];
    let e = out.get(system!);
    if (!e) out.set(system!, (e = { errors: 0, segments: new Set(), raters: new Set() }));
    e.segments.add(`${doc}\t${docId}\t${segId}`);
    e.raters.add(rater!);
    if (category !== 'No-error') e.errors++;
  }
  return out;
}

describe('WMT MQM: import, export, comparison', () => {
  const { req } = useServer();
  let sample: { text: string; good: string };
  let imported: {
    documents: DocumentSummary[];
    skipped: { line: number; message: string }[];
    warnings: unknown[];
    rows: number;
  };
  const docs = new Map<string, DocumentState>();

  beforeAll(async () => {
    sample = tedSample();
    const res = await req(EDITOR, 'POST', '/api/documents/import-mqm', { file: FILE, tsv: sample.text });
    expect(res.statusCode, res.body).toBe(201);
    imported = json(res);
    for (const d of imported.documents) {
      const got = await req(VIEWER, 'GET', `/api/documents/${d.id}`);
      expect(got.statusCode, got.body).toBe(200);
      docs.set(d.origin!.system!, json(got).document);
    }
  });

  it('the TED file is where the tests expect it', async () => {
    expect((await fs.stat(TED_PATH)).isFile()).toBe(true);
  });

  it('creates one document per system, titled and tagged with the file and the system', () => {
    const expected = expectedBySystem(sample.good);
    expect(expected.size).toBe(14);
    expect(imported.documents.map((d) => d.origin?.system).sort()).toEqual([...expected.keys()].sort());
    expect(new Set(imported.documents.map((d) => d.id)).size).toBe(14);
    for (const d of imported.documents) {
      const system = d.origin!.system!;
      expect(d).toMatchObject({
        title: `${FILE} — ${system}`,
        sourceLang: 'en',
        targetLang: 'de',
        origin: { format: WMT_FORMAT, system, file: FILE },
        createdBy: EDITOR,
        status: 'in-translation',
        segmentCount: expected.get(system)!.segments.size,
      });
    }
    expect(imported.rows).toBe(299);
    expect(imported.warnings).toEqual([]);
  });

  it('counts the flags: one per error row of the system, all open, each by its rater', () => {
    const expected = expectedBySystem(sample.good);
    let total = 0;
    for (const d of imported.documents) {
      const system = d.origin!.system!;
      const doc = docs.get(system)!;
      const e = expected.get(system)!;
      expect(doc.flags, system).toHaveLength(e.errors);
      expect(d.openFlagCount, system).toBe(e.errors);
      expect(doc.flags.every((f) => f.status === 'open')).toBe(true);
      for (const f of doc.flags) expect(e.raters.has(f.createdBy), `${system}: ${f.createdBy}`).toBe(true);
      total += e.errors;
    }
    expect(total).toBe(168);
  });

  it('reports malformed rows in `skipped` with their line numbers', () => {
    expect(imported.skipped).toEqual([
      { line: 301, message: '3 columns, expected 10' },
      { line: 302, message: expect.stringContaining('Horrible') },
    ]);
    // The malformed row's system got no document.
    expect(imported.documents.some((d) => d.origin?.system === 'sysX')).toBe(false);
  });

  it('the import is journaled: DocumentCreated by the importer, flags under the raters’ names', async () => {
    const doc = docs.get('Facebook-AI')!;
    const res = await req(VIEWER, 'GET', `/api/documents/${doc.id}/events`);
    const events: DocumentEvent[] = json(res).events;
    expect(events[0]).toMatchObject({ type: 'DocumentCreated', actor: EDITOR });
    expect(events.slice(1).every((e) => e.type === 'FlagCreated')).toBe(true);
    expect(events).toHaveLength(1 + doc.flags.length);
  });

  it('GET export.tsv returns, per system, exactly the rows that were imported for it (as a multiset)', async () => {
    const all = parseWmtTsv(sample.good);
    expect(all.errors).toEqual([]);
    for (const [system, doc] of docs) {
      const res = await req(VIEWER, 'GET', `/api/documents/${doc.id}/export.tsv`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/tab-separated-values/);
      expect(String(res.headers['content-disposition'])).toContain(`${doc.id}.tsv`);
      expect(res.body.split('\n')[0]).toBe(HEADER);
      const back = parseWmtTsv(res.body);
      expect(back.errors, system).toEqual([]);
      expect(back.warnings, system).toEqual([]);
      const mine = all.rows.filter((r) => r.system === system);
      expect(back.rows, system).toHaveLength(mine.length);
      expect(multiset(back.rows), system).toEqual(multiset(mine));
    }
  });

  it('GET /api/comparisons ranks the systems by WMT MQM, lowest first, with the scorecard’s numbers', async () => {
    const res = await req(VIEWER, 'GET', `/api/comparisons?file=${encodeURIComponent(FILE)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.file).toBe(FILE);
    const systems = body.systems as {
      id: string;
      system: string;
      title: string;
      segments: number;
      items: number;
      mqm: number | null;
      flags: number;
    }[];
    expect(systems).toHaveLength(14);
    for (let i = 1; i < systems.length; i++) expect(systems[i - 1]!.mqm!).toBeLessThanOrEqual(systems[i]!.mqm!);
    for (const s of systems) {
      const doc = docs.get(s.system)!;
      expect(s.id).toBe(doc.id);
      const score = scoreDocument(doc, WMT_SCORING);
      expect(score.wmtScore).not.toBeNull();
      expect(s).toEqual({
        id: doc.id,
        system: s.system,
        title: doc.title,
        segments: doc.segments.length,
        items: score.itemCount,
        mqm: score.wmtScore,
        flags: score.flagCount,
      });
    }
    // The human reference has the fewest errors in this slice too.
    expect(systems[0]!.system).toBe('ref');
  });

  it('comparisons follow review decisions, and always use WMT scoring whatever the document’s settings', async () => {
    const doc = docs.get('UEdin')!;
    const before = json(await req(VIEWER, 'GET', `/api/comparisons?file=${encodeURIComponent(FILE)}`)).systems;
    const flag = doc.flags.find((f) => f.severity === 'major') ?? doc.flags[0]!;
    const rejected = await req(REVIEWER, 'PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, {
      action: 'reject',
      baseVersion: flag.version,
      reason: 'Pas une erreur',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const scoring = await req(EDITOR, 'POST', `/api/documents/${doc.id}/scoring`, {
      preset: 'mqm',
      weights: { neutral: 1, minor: 3, major: 7, critical: 30 },
    });
    expect(scoring.statusCode, scoring.body).toBe(200);
    const now: DocumentState = json(await req(VIEWER, 'GET', `/api/documents/${doc.id}`)).document;
    const after = json(await req(VIEWER, 'GET', `/api/comparisons?file=${encodeURIComponent(FILE)}`)).systems as {
      system: string;
      mqm: number;
    }[];
    const uedin = after.find((s) => s.system === 'UEdin')!;
    expect(uedin.mqm).toBe(scoreDocument(now, WMT_SCORING).wmtScore);
    expect(uedin.mqm).toBeLessThan(before.find((s: { system: string }) => s.system === 'UEdin').mqm);
    for (let i = 1; i < after.length; i++) expect(after[i - 1]!.mqm).toBeLessThanOrEqual(after[i]!.mqm);
  });

  it('an imported flag proposes no correction: Accept is refused and the words stay; Resolve closes it', async () => {
    const doc: DocumentState = json(await req(VIEWER, 'GET', `/api/documents/${docs.get('UEdin')!.id}`)).document;
    const flag = doc.flags.find((f) => f.side === 'target' && f.status === 'open' && !f.orphaned)!;
    const segment = doc.segments.find((s) => s.id === flag.segmentId)!;
    const accepted = await req(TRANSLATOR, 'PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, {
      action: 'accept',
      baseVersion: flag.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(409);
    expect(json(accepted).error.code).toBe('NO_CORRECTION');
    const now: DocumentState = json(await req(VIEWER, 'GET', `/api/documents/${doc.id}`)).document;
    expect(now.segments.find((s) => s.id === segment.id)!.target).toBe(segment.target);
    const resolved = await req(REVIEWER, 'PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, {
      action: 'resolve',
      baseVersion: flag.version,
      reason: 'Fixed by hand',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
  });

  it('a file imported twice is compared once: the systems of the latest import', async () => {
    const again = await req(EDITOR, 'POST', '/api/documents/import-mqm', { file: FILE, tsv: sample.text });
    expect(again.statusCode, again.body).toBe(201);
    const latest = new Set((json(again).documents as DocumentSummary[]).map((d) => d.id));
    const res = await req(VIEWER, 'GET', `/api/comparisons?file=${encodeURIComponent(FILE)}`);
    const systems = json(res).systems as { id: string; system: string }[];
    expect(systems).toHaveLength(latest.size);
    expect(systems.every((s) => latest.has(s.id))).toBe(true);
    expect(new Set(systems.map((s) => s.system)).size).toBe(systems.length);
  });

  it('comparisons of another file are empty; no file → 400', async () => {
    const res = await req(VIEWER, 'GET', '/api/comparisons?file=other.tsv');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ file: 'other.tsv', systems: [] });
    expectError(await req(VIEWER, 'GET', '/api/comparisons'), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /api/documents/:id/scoring', () => {
  const { req } = useServer();
  let doc: DocumentState;

  const get = async (): Promise<DocumentState> => json(await req(VIEWER, 'GET', `/api/documents/${doc.id}`)).document;

  beforeAll(async () => {
    const res = await req(EDITOR, 'POST', '/api/documents', {
      title: 'Scoring',
      sourceLang: 'en',
      targetLang: 'de',
      segments: [{ source: 'One two three four', target: 'Eins zwei drei vier' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    doc = json(res).document;
    expect(doc.scoring).toBeUndefined();
  });

  it('valid settings change document.scoring (defaults filled in), recorded with the editor as actor', async () => {
    const res = await req(EDITOR, 'POST', `/api/documents/${doc.id}/scoring`, { preset: 'wmt', cutScore: 90 });
    expect(res.statusCode, res.body).toBe(200);
    const want = { preset: 'wmt', weights: DEFAULT_SEVERITY_WEIGHTS, cutScore: 90, wordBasis: 'source' };
    expect(json(res).document.scoring).toEqual(want);
    expect((await get()).scoring).toEqual(want);

    const full = {
      preset: 'mqm',
      weights: { neutral: 0, minor: 2, major: 10, critical: 50 },
      cutScore: 80,
      wordBasis: 'target',
    };
    const res2 = await req(EDITOR, 'POST', `/api/documents/${doc.id}/scoring`, full);
    expect(res2.statusCode, res2.body).toBe(200);
    expect((await get()).scoring).toEqual(full);
    const events: DocumentEvent[] = json(await req(VIEWER, 'GET', `/api/documents/${doc.id}/events`)).events;
    expect(events.at(-1)).toMatchObject({ type: 'ScoringSettingsChanged', actor: EDITOR, payload: { settings: full } });
  });

  it.each([
    ['a negative weight', { weights: { neutral: 0, minor: -1, major: 5, critical: 25 } }],
    ['an unknown preset', { preset: 'lisa' }],
    ['a weight missing', { weights: { neutral: 0, minor: 1, major: 5 } }],
    ['a cut score above 100', { cutScore: 101 }],
    ['an unknown word basis', { wordBasis: 'characters' }],
    ['a string weight', { weights: { neutral: 0, minor: '1', major: 5, critical: 25 } }],
  ])('%s → 400, nothing changed', async (_, body) => {
    const before = await get();
    expectError(await req(EDITOR, 'POST', `/api/documents/${doc.id}/scoring`, body), 400, 'VALIDATION_FAILED');
    expect(await get()).toEqual(before);
  });

  it.each([TRANSLATOR, REVIEWER, VIEWER])('as %s (not an editor) → 403, nothing changed', async (who) => {
    const before = await get();
    expectError(await req(who, 'POST', `/api/documents/${doc.id}/scoring`, { preset: 'wmt' }), 403, 'FORBIDDEN');
    expect(await get()).toEqual(before);
  });

  it('an unknown document → 404', async () => {
    expectError(
      await req(EDITOR, 'POST', '/api/documents/dNOPE/scoring', { preset: 'wmt' }),
      404,
      'DOCUMENT_NOT_FOUND',
    );
  });
});

describe('POST /api/documents/import-mqm: refusals', () => {
  const { req } = useServer();
  const small = `${HEADER}\nsys\ttalk\t1\t1\trater1\tA b c.\tX <v>y</v> z.\tFluency/Grammar\tMinor\t\n`;

  async function documentCount() {
    return json(await req(VIEWER, 'GET', '/api/documents')).documents.length as number;
  }

  it.each([TRANSLATOR, REVIEWER, VIEWER])('as %s (may not create documents) → 403, nothing created', async (who) => {
    expectError(
      await req(who, 'POST', '/api/documents/import-mqm', { file: 'small.tsv', tsv: small }),
      403,
      'FORBIDDEN',
    );
    expect(await documentCount()).toBe(0);
  });

  it.each([
    ['an empty TSV', { file: 'e.tsv', tsv: '' }],
    ['no file name', { tsv: small }],
    ['a blank file name', { file: '   ', tsv: small }],
    ['a bad language tag', { file: 'l.tsv', tsv: small, targetLang: 'German!' }],
  ])('%s → 400 VALIDATION_FAILED, nothing created', async (_, body) => {
    expectError(await req(EDITOR, 'POST', '/api/documents/import-mqm', body), 400, 'VALIDATION_FAILED');
    expect(await documentCount()).toBe(0);
  });

  it.each([
    ['garbage text', 'this is not\na TSV file at all\n', 2],
    ['only a header', `${HEADER}\n`, 0],
    ['a header lacking columns', 'system\tdoc\tsource\ttarget\nsys\td\ta\tb\n', 1],
    ['only malformed rows', `${HEADER}\nsys\ttalk\t1\t1\trater1\tA.\tB.\tFluency/Grammar\tMinor\t\nx\ty\n`, 2],
    ['binary noise', '\u0000\u0001\u0002\t\u00ff\n\t\t\n', 2],
  ])('%s → 400 VALIDATION_FAILED with the skipped lines, nothing created', async (_, tsv, skipped) => {
    const error = expectError(
      await req(EDITOR, 'POST', '/api/documents/import-mqm', { file: 'g.tsv', tsv }),
      400,
      'VALIDATION_FAILED',
    );
    const details = error.details as { skipped: { line: number; message: string }[] };
    expect(details.skipped).toHaveLength(skipped);
    for (const s of details.skipped) expect(s.line).toBeGreaterThanOrEqual(1);
    expect(await documentCount()).toBe(0);
  });

  it('an editor (and an admin) may import', async () => {
    const res = await req(EDITOR, 'POST', '/api/documents/import-mqm', { file: 'small.tsv', tsv: small });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({
      documents: [{ origin: { system: 'sys', file: 'small.tsv' }, segmentCount: 1, openFlagCount: 1 }],
      skipped: [],
      rows: 1,
    });
    const res2 = await req(ADMIN, 'POST', '/api/documents/import-mqm', { file: 'small2.tsv', tsv: small });
    expect(res2.statusCode, res2.body).toBe(201);
    expect(await documentCount()).toBe(2);
  });
});
