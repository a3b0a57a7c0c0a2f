import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../shared/events';
import type { Finding } from '../shared/qa/types';
import type { DocumentState, Flag, Segment } from '../shared/schemas';
import { SAMPLE_ID, seedSample } from './sample';
import {
  EDITOR,
  REVIEWER,
  ROLE_USERS,
  SAMPLES_DIR,
  TRANSLATOR,
  VIEWER,
  call,
  json,
  useRoleServer,
} from './test-helpers';

/**
 * Automatic QA through the API (src/server/routes/qa.ts): the findings of the seeded Laftit–Darmanin sample
 * (with its glossary), dismissing and confirming findings, uploading and removing a glossary (CSV and TBX),
 * and per-document check settings. Each request is made by a user holding the role the permission table
 * (shared/permissions.ts) asks for; refused requests must change nothing (the document's seq stays put).
 */

const LOGINS = new Set(ROLE_USERS.map(([l]) => l));

const DOC = SAMPLE_ID;
const QA_URL = `/api/documents/${DOC}/qa`;
const GLOSSARY_URL = `/api/documents/${DOC}/glossary`;
const SETTINGS_URL = `/api/documents/${DOC}/qa-settings`;
const dismissUrl = (findingId: string) => `/api/documents/${DOC}/findings/${encodeURIComponent(findingId)}/dismiss`;

/** The seed writes DocumentCreated and GlossarySet (actor "Vis-à-vis"). */
const SEED_SEQ = 2;

/** The body of "Confirm as flag" on a finding: its words, category, severity and fix, with its id. */
const confirmBody = (finding: Finding, segment: Pick<Segment, 'version'>) => ({
  segmentId: finding.segmentId,
  side: finding.side,
  start: finding.start,
  end: finding.end,
  quote: finding.quote,
  category: finding.category,
  severity: finding.severity,
  correction: finding.fix?.replacement ?? '',
  findingId: finding.id,
  baseVersion: segment.version,
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

type Method = InjectOptions['method'];

interface QaAnswer {
  findings: Finding[];
  dismissed: { findingId: string; segmentId: string; checkId: string; reason: string | null; by: string; at: string }[];
}

/** The sample's glossary.csv, as shipped. */
const SAMPLE_GLOSSARY = readFileSync(path.join(SAMPLES_DIR, 'laftit-darmanin', 'glossary.csv'), 'utf8');

/** The same glossary without the royal formula (نصره الله). */
const GLOSSARY_WITHOUT_FORMULA = SAMPLE_GLOSSARY.split('\n')
  .filter((l) => !l.startsWith('نصره الله'))
  .join('\n');

/** A TBX-Basic termbase: one concept, ar/fr, with a deprecated French form. */
const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader>
    <fileDesc><sourceDesc><p>Vis-à-vis test termbase</p></sourceDesc></fileDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry id="c1">
        <descrip type="definition">Fixed royal formula</descrip>
        <langSet xml:lang="ar">
          <tig><term>نصره الله</term></tig>
        </langSet>
        <langSet xml:lang="fr-FR">
          <tig>
            <term>que Dieu L'assiste</term>
            <termNote type="administrativeStatus">preferredTerm-admn</termNote>
          </tig>
          <tig>
            <term>que Dieu le glorifie</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn</termNote>
          </tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
`;

/** One sandbox and server per describe block, seeded with the sample, with one user per role (signed in once). */
function useSample() {
  const ctx = useRoleServer(async (server) => {
    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(true);
  });
  const req = (who: string | null, method: Method, url: string, body?: unknown) =>
    call(ctx.app, method, url, body, who);

  const api = {
    req,
    restart: () => ctx.restart(),
    async doc(): Promise<DocumentState> {
      const res = await req(VIEWER, 'GET', `/api/documents/${DOC}`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).document;
    },
    async seq(): Promise<number> {
      return (await api.doc()).seq;
    },
    async qa(who = VIEWER): Promise<QaAnswer> {
      const res = await req(who, 'GET', QA_URL);
      expect(res.statusCode, res.body).toBe(200);
      return json(res);
    },
    async events(after = 0): Promise<DocumentEvent[]> {
      const res = await req(VIEWER, 'GET', `/api/documents/${DOC}/events?after=${after}`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).events;
    },
    async segmentAt(index: number): Promise<Segment> {
      return (await api.doc()).segments.find((s) => s.index === index)!;
    },
    async editSegment(index: number, target: string) {
      const segment = await api.segmentAt(index);
      const res = await req(TRANSLATOR, 'PATCH', `/api/documents/${DOC}/segments/${segment.id}`, {
        target,
        baseVersion: segment.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      return json(res).segment as Segment;
    },
    /** Runs a request that must be refused, and checks that the document did not change. */
    async refused(
      res: Promise<LightMyRequestResponse> | (() => Promise<LightMyRequestResponse>),
      status: number,
      code: string,
    ) {
      const before = await api.doc();
      const r = await (typeof res === 'function' ? res() : res);
      const error = expectError(r, status, code);
      const after = await api.doc();
      expect(after.seq).toBe(before.seq);
      expect(after).toEqual(before);
      return error;
    },
  };
  return { ctx, api };
}

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json(res);
  expect(body.error.code, res.body).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error as { code: string; message: string; details?: unknown };
}

const byCheck = (findings: Finding[], checkId: string) => findings.filter((f) => f.checkId === checkId);
const findQuote = (findings: Finding[], checkId: string, words: string) =>
  findings.find((f) => f.checkId === checkId && f.quote.includes(words));

/** Events after `seq`: each one by the given login. */
async function expectEventsBy(
  api: ReturnType<typeof useSample>['api'],
  after: number,
  expected: [type: string, actor: string][],
) {
  const events = await api.events(after);
  expect(events.map((e) => [e.type, e.actor])).toEqual(expected);
  return events;
}

// ---- Findings of the sample -----------------------------------------------------------------------

describe('GET /qa on the seeded sample', () => {
  const { api } = useSample();
  let doc: DocumentState;
  let findings: Finding[];

  beforeAll(async () => {
    doc = await api.doc();
    expect(doc.seq).toBe(SEED_SEQ);
    expect(doc.glossaryFile).toBe('glossary.csv');
    expect(doc.segments).toHaveLength(13);
    const qa = await api.qa();
    findings = qa.findings;
    expect(qa.dismissed).toEqual([]);
  });

  it('every finding has id, checkId, category, severity, segment, span, quote and message key', () => {
    expect(findings.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const f of findings) {
      expect(f.id).toMatch(/^qa_[0-9a-z]+$/);
      expect(typeof f.checkId).toBe('string');
      expect(typeof f.category).toBe('string');
      expect(['neutral', 'minor', 'major', 'critical']).toContain(f.severity);
      const segment = doc.segments.find((s) => s.id === f.segmentId);
      expect(segment, f.segmentId).toBeDefined();
      expect(f.segmentIndex).toBe(segment!.index);
      expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
      expect(f.start).toBeLessThanOrEqual(f.end);
      const text = f.side === 'source' ? segment!.source : segment!.target;
      expect(text.slice(f.start, f.end)).toBe(f.quote);
      expect(f.message.key).toMatch(new RegExp(`^qa\\.${f.checkId}\\.`));
      ids.add(f.id);
    }
    expect(ids.size).toBe(findings.length);
  });

  it('"Lafetet" in segment 0 is a name near-miss with the fix "Laftit"', () => {
    const f = findQuote(findings, 'name-near-miss', 'Lafetet');
    expect(f).toMatchObject({
      segmentId: doc.segments[0]!.id,
      segmentIndex: 0,
      side: 'target',
      start: 0,
      end: 7,
      quote: 'Lafetet',
      severity: 'major',
      fix: { replacement: 'Laftit' },
    });
    // One problem, one finding: no term-missing for لفتيت on top of it.
    expect(findings.filter((x) => x.segmentIndex === 0 && x.checkId === 'term-missing')).toEqual([]);
  });

  it('the forbidden glossary forms are found', () => {
    const forbidden = byCheck(findings, 'term-forbidden');
    for (const words of ['que Dieu le glorifie', 'désert', 'groupe de contact permanent', 'directives royales']) {
      const f = forbidden.find((x) => x.quote.includes(words));
      expect(f, words).toBeDefined();
      expect(f).toMatchObject({ category: 'terminology', severity: 'major', side: 'target' });
    }
    expect(findQuote(forbidden, 'term-forbidden', 'désert')!.quote).toBe('Sahel et du désert');
    expect(findQuote(forbidden, 'term-forbidden', 'que Dieu le glorifie')!.quote).toBe('que Dieu le glorifie');
  });

  it('the stray closing » is unpaired', () => {
    const f = findQuote(findings, 'unpaired', '»');
    expect(f).toBeDefined();
    expect(f).toMatchObject({ category: 'fluency/punctuation', severity: 'minor', side: 'target' });
    expect(doc.segments[f!.segmentIndex]!.target).toMatch(/Paris 2024\.\s»$/);
    expect(f!.quote.trim()).toBe('»');
  });

  it('the four boilerplate segments (9–12) are target-only', () => {
    const targetOnly = byCheck(findings, 'target-only');
    expect(targetOnly.map((f) => f.segmentIndex)).toEqual([9, 10, 11, 12]);
    for (const f of targetOnly) {
      expect(f).toMatchObject({ category: 'accuracy/addition', side: 'target', start: 0 });
      expect(f.quote).toBe(doc.segments[f.segmentIndex]!.target.trim());
    }
    expect(targetOnly[0]!.quote).toBe('Laisser un commentaire');
  });

  it('any signed-in role may read the findings, the same ones, and reading changes nothing', async () => {
    for (const who of [TRANSLATOR, REVIEWER, EDITOR, VIEWER]) {
      expect((await api.qa(who)).findings).toEqual(findings);
    }
    expect(await api.seq()).toBe(SEED_SEQ);
  });

  it('?checks= gives those checks only (the browser asks for the dictionary ones); an unknown check → 400', async () => {
    const res = await api.req(VIEWER, 'GET', `${QA_URL}?checks=name-near-miss,spelling`);
    expect(res.statusCode, res.body).toBe(200);
    const only = (json(res) as QaAnswer).findings;
    expect(only.length).toBeGreaterThan(0);
    // French has no dictionary: no spelling; the names are those of the full answer.
    expect(only).toEqual(findings.filter((f) => f.checkId === 'name-near-miss'));
    for (const q of ['nope', '', 'spelling,,x'])
      expectError(await api.req(VIEWER, 'GET', `${QA_URL}?checks=${q}`), 400, 'VALIDATION_FAILED');
    expect(await api.seq()).toBe(SEED_SEQ);
  });

  it('anonymous → 401; unknown document → 404; invalid document id → 400', async () => {
    expectError(await api.req(null, 'GET', QA_URL), 401, 'UNAUTHENTICATED');
    expectError(await api.req(VIEWER, 'GET', '/api/documents/no-such-doc/qa'), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await api.req(VIEWER, 'GET', `/api/documents/${encodeURIComponent('../x')}/qa`), 400, 'INVALID_ID');
    expect(await api.seq()).toBe(SEED_SEQ);
  });
});

// ---- Dismissing -----------------------------------------------------------------------------------

describe('dismissing a finding (reviewer)', () => {
  const { api } = useSample();
  let finding: Finding;

  beforeAll(async () => {
    finding = findQuote((await api.qa()).findings, 'term-forbidden', 'directives royales')!;
    expect(finding).toBeDefined();
  });

  it('a translator, an editor or a viewer → 403 (nothing changes)', async () => {
    for (const who of [TRANSLATOR, EDITOR, VIEWER]) {
      const error = await api.refused(
        api.req(who, 'POST', dismissUrl(finding.id), { reason: 'house style' }),
        403,
        'FORBIDDEN',
      );
      expect(error.details).toMatchObject({ permission: 'qa.dismiss' });
    }
    await api.refused(api.req(null, 'POST', dismissUrl(finding.id), { reason: 'x' }), 401, 'UNAUTHENTICATED');
    expect((await api.qa()).findings.map((f) => f.id)).toContain(finding.id);
  });

  it('an invalid finding id (../x) → 400 INVALID_ID', async () => {
    for (const bad of ['../x', 'a.b', 'x'.repeat(65)]) {
      await api.refused(api.req(REVIEWER, 'POST', dismissUrl(bad), { reason: 'x' }), 400, 'INVALID_ID');
    }
  });

  it('an unknown finding id → 404 NOT_FOUND', async () => {
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl('qa_00000000000'), { reason: 'x' }), 404, 'NOT_FOUND');
  });

  it('an unknown document → 404; an invalid body → 400', async () => {
    await api.refused(
      api.req(REVIEWER, 'POST', `/api/documents/no-such-doc/findings/${finding.id}/dismiss`, { reason: 'x' }),
      404,
      'DOCUMENT_NOT_FOUND',
    );
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(finding.id), { reason: 42 }), 400, 'VALIDATION_FAILED');
    await api.refused(
      api.req(REVIEWER, 'POST', dismissUrl(finding.id), { reason: 'x'.repeat(100_000) }),
      400,
      'COMMENT_TOO_LONG',
    );
  });

  it('the reviewer dismisses it with a reason → 200; gone from the findings, listed as dismissed', async () => {
    const seq = await api.seq();
    const res = await api.req(REVIEWER, 'POST', dismissUrl(finding.id), { reason: '  Client asked for it  ' });
    expect(res.statusCode, res.body).toBe(200);
    const doc = json(res).document as DocumentState;
    expect(doc.seq).toBe(seq + 1);
    expect(doc.dismissed).toEqual([
      expect.objectContaining({
        findingId: finding.id,
        segmentId: finding.segmentId,
        checkId: 'term-forbidden',
        reason: 'Client asked for it',
        by: REVIEWER,
      }),
    ]);

    const qa = await api.qa();
    expect(qa.findings.map((f) => f.id)).not.toContain(finding.id);
    expect(qa.dismissed).toHaveLength(1);
    expect(qa.dismissed[0]).toEqual({
      findingId: finding.id,
      segmentId: finding.segmentId,
      checkId: 'term-forbidden',
      reason: 'Client asked for it',
      by: REVIEWER,
      at: expect.stringMatching(ISO),
    });
    // The other findings are still there.
    expect(findQuote(qa.findings, 'term-forbidden', 'groupe de contact permanent')).toBeDefined();

    const [event] = await expectEventsBy(api, seq, [['FindingDismissed', REVIEWER]]);
    expect(event!.payload).toEqual({
      findingId: finding.id,
      segmentId: finding.segmentId,
      checkId: 'term-forbidden',
      reason: 'Client asked for it',
    });
  });

  it('dismissing it again → 404 (nothing changes)', async () => {
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(finding.id), { reason: 'again' }), 404, 'NOT_FOUND');
  });

  it('a dismissal without a reason, or a blank one, is refused (400): the dialog asks why', async () => {
    const qa = await api.qa();
    const a = findQuote(qa.findings, 'target-only', 'close button')!;
    const b = findQuote(qa.findings, 'target-only', 'Laisser un commentaire')!;
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(a.id), {}), 400, 'VALIDATION_FAILED');
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(b.id), { reason: '   ' }), 400, 'VALIDATION_FAILED');
    const after = await api.qa();
    expect(after.dismissed.map((d) => [d.findingId, d.reason, d.by])).toEqual([
      [finding.id, 'Client asked for it', REVIEWER],
    ]);
    expect(byCheck(after.findings, 'target-only').map((f) => f.segmentIndex)).toEqual([9, 10, 11, 12]);
  });

  it('after a restart on the same DATA_DIR, it is still dismissed', async () => {
    const before = await api.qa();
    const seq = await api.seq();
    await api.restart();
    const after = await api.qa();
    expect(after).toEqual(before);
    expect(after.findings.map((f) => f.id)).not.toContain(finding.id);
    expect(after.dismissed.map((d) => d.findingId)).toContain(finding.id);
    expect(await api.seq()).toBe(seq);
    // And still refused a second time.
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(finding.id), { reason: 'again' }), 404, 'NOT_FOUND');
  });
});

// ---- Text changes -----------------------------------------------------------------------------------

describe('a dismissal holds only while the words stay where they were', () => {
  const { api } = useSample();

  it('dismissed "Lafetet", then a word inserted before it → the finding is back under a new id', async () => {
    const original = (await api.segmentAt(0)).target;
    const lafetet = findQuote((await api.qa()).findings, 'name-near-miss', 'Lafetet')!;
    expect(lafetet).toMatchObject({ start: 0, end: 7 });
    const seq0 = await api.seq();
    const res = await api.req(REVIEWER, 'POST', dismissUrl(lafetet.id), { reason: 'spelling used by the client' });
    expect(res.statusCode, res.body).toBe(200);
    expect(findQuote((await api.qa()).findings, 'name-near-miss', 'Lafetet')).toBeUndefined();

    // The translator edits the segment: the same misspelling is now at offset 5.
    await api.editSegment(0, `Hier ${original}`);
    const qa = await api.qa();
    const again = findQuote(qa.findings, 'name-near-miss', 'Lafetet');
    expect(again).toBeDefined();
    expect(again).toMatchObject({
      segmentId: lafetet.segmentId,
      start: 5,
      end: 12,
      quote: 'Lafetet',
      fix: { replacement: 'Laftit' },
    });
    expect(again!.id).not.toBe(lafetet.id);
    // The old dismissal is kept (it no longer matches anything).
    expect(qa.dismissed.map((d) => d.findingId)).toEqual([lafetet.id]);

    // The old id is stale: 404, nothing changes.
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(lafetet.id), { reason: 'x' }), 404, 'NOT_FOUND');

    // The new one can be dismissed in turn.
    const res2 = await api.req(REVIEWER, 'POST', dismissUrl(again!.id), { reason: 'still the client’s spelling' });
    expect(res2.statusCode, res2.body).toBe(200);
    expect(findQuote((await api.qa()).findings, 'name-near-miss', 'Lafetet')).toBeUndefined();

    await expectEventsBy(api, seq0, [
      ['FindingDismissed', REVIEWER],
      ['SegmentEdited', TRANSLATOR],
      ['FindingDismissed', REVIEWER],
    ]);
  });

  it('a fixed problem is simply gone; the text put back brings back the earlier dismissal', async () => {
    const segment = await api.segmentAt(0);
    const fixed = segment.target.replace('Lafetet', 'Laftit');
    await api.editSegment(0, fixed);
    expect(findQuote((await api.qa()).findings, 'name-near-miss', 'Lafetet')).toBeUndefined();
    await api.editSegment(0, segment.target);
    // Same words at the same place: same id, still dismissed.
    expect(findQuote((await api.qa()).findings, 'name-near-miss', 'Lafetet')).toBeUndefined();
  });
});

// ---- Confirming -------------------------------------------------------------------------------------

describe('confirming a finding as a flag', () => {
  const { api } = useSample();

  it('a reviewer flag with findingId hides the finding, and the flag keeps the findingId', async () => {
    const finding = findQuote((await api.qa()).findings, 'term-forbidden', 'groupe de contact permanent')!;
    expect(finding).toBeDefined();
    const segment = (await api.doc()).segments.find((s) => s.id === finding.segmentId)!;
    const seq = await api.seq();
    const res = await api.req(REVIEWER, 'POST', `/api/documents/${DOC}/flags`, confirmBody(finding, segment));
    expect(res.statusCode, res.body).toBe(201);
    const flag = json(res).flag as Flag;
    expect(flag).toMatchObject({
      findingId: finding.id,
      createdBy: REVIEWER,
      status: 'open',
      quote: 'groupe de contact permanent',
    });

    const qa = await api.qa();
    expect(qa.findings.map((f) => f.id)).not.toContain(finding.id);
    expect(findQuote(qa.findings, 'term-forbidden', 'groupe de contact permanent')).toBeUndefined();
    // Confirmed, not dismissed.
    expect(qa.dismissed).toEqual([]);
    expect((await api.doc()).flags.find((f) => f.id === flag.id)?.findingId).toBe(finding.id);

    const [event] = await expectEventsBy(api, seq, [['FlagCreated', REVIEWER]]);
    expect(event!.payload).toMatchObject({ flagId: flag.id, findingId: finding.id });

    // A confirmed finding can no longer be dismissed.
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(finding.id), { reason: 'x' }), 404, 'NOT_FOUND');
  });

  it('a flag without findingId on the same words does not hide another finding', async () => {
    const finding = findQuote((await api.qa()).findings, 'term-forbidden', 'directives royales')!;
    const segment = (await api.doc()).segments.find((s) => s.id === finding.segmentId)!;
    const res = await api.req(REVIEWER, 'POST', `/api/documents/${DOC}/flags`, {
      segmentId: finding.segmentId,
      side: 'target',
      start: finding.start,
      end: finding.end,
      quote: finding.quote,
      category: 'terminology',
      severity: 'major',
      baseVersion: segment.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).flag.findingId).toBeUndefined();
    expect((await api.qa()).findings.map((f) => f.id)).toContain(finding.id);
  });
});

// ---- Glossary ---------------------------------------------------------------------------------------

describe('glossary upload and removal', () => {
  const { api } = useSample();

  it('a translator or a viewer → 403 (upload and delete), nothing changes', async () => {
    for (const who of [TRANSLATOR, VIEWER]) {
      const e1 = await api.refused(
        api.req(who, 'POST', GLOSSARY_URL, { format: 'csv', text: GLOSSARY_WITHOUT_FORMULA, fileName: 'g.csv' }),
        403,
        'FORBIDDEN',
      );
      expect(e1.details).toMatchObject({ permission: 'qa.settings' });
      await api.refused(api.req(who, 'DELETE', GLOSSARY_URL), 403, 'FORBIDDEN');
    }
  });

  it('an invalid body → 400 (format, missing text or file name)', async () => {
    for (const body of [
      { format: 'xlsx', text: SAMPLE_GLOSSARY, fileName: 'g.xlsx' },
      { format: 'csv', fileName: 'g.csv' },
      { format: 'csv', text: SAMPLE_GLOSSARY },
      { format: 'csv', text: SAMPLE_GLOSSARY, fileName: '   ' },
    ]) {
      await api.refused(api.req(EDITOR, 'POST', GLOSSARY_URL, body), 400, 'VALIDATION_FAILED');
    }
    // A limit answers its own code (README, "Limits").
    const long = { format: 'csv', text: SAMPLE_GLOSSARY, fileName: 'x'.repeat(301) };
    await api.refused(api.req(EDITOR, 'POST', GLOSSARY_URL, long), 400, 'FILE_NAME_TOO_LONG');
  });

  it('a CSV with no usable rows → 400 VALIDATION_FAILED with the lines (nothing changes)', async () => {
    // Rows with only delimiters and spaces are skipped as empty (papaparse's greedy mode): these two have a note.
    const noSource = 'source,target,forbidden,note\n,Laftit,,a note\n  ,  ,,another note\n';
    const e1 = await api.refused(
      api.req(EDITOR, 'POST', GLOSSARY_URL, { format: 'csv', text: noSource, fileName: 'bad.csv' }),
      400,
      'VALIDATION_FAILED',
    );
    const errors1 = (e1.details as { errors: { line: number; message: string }[] }).errors;
    expect(errors1.map((e) => e.line)).toEqual([2, 3]);
    for (const e of errors1) expect(e.message).toMatch(/source/);
    expect(e1.message).toMatch(/line 2/);

    const noHeader = 'arabic,french\nلفتيت,Laftit\n';
    const e2 = await api.refused(
      api.req(EDITOR, 'POST', GLOSSARY_URL, { format: 'csv', text: noHeader, fileName: 'bad.csv' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((e2.details as { errors: { line: number; message: string }[] }).errors[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/header/),
    });

    const empty = await api.refused(
      api.req(EDITOR, 'POST', GLOSSARY_URL, { format: 'csv', text: '', fileName: 'empty.csv' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((empty.details as { errors: unknown[] }).errors.length).toBeGreaterThan(0);

    expect((await api.doc()).glossaryFile).toBe('glossary.csv');
  });

  it('malformed XML (TBX) → 400 VALIDATION_FAILED (nothing changes)', async () => {
    const e = await api.refused(
      api.req(EDITOR, 'POST', GLOSSARY_URL, {
        format: 'tbx',
        text: '<martif><text><body><termEntry></body></martif>',
        fileName: 'broken.tbx',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const errors = (e.details as { errors: { line: number; message: string }[] }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/not well-formed XML/);
  });

  it('a TBX without ar/fr terms → 400 saying which languages it has', async () => {
    const enDe = TBX.replace('xml:lang="ar"', 'xml:lang="en"').replace('xml:lang="fr-FR"', 'xml:lang="de"');
    const e = await api.refused(
      api.req(EDITOR, 'POST', GLOSSARY_URL, { format: 'tbx', text: enDe, fileName: 'en-de.tbx' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((e.details as { errors: { message: string }[] }).errors[0]!.message).toMatch(/en, de/);
  });

  it('a CSV without the نصره الله entry replaces the glossary: the "que Dieu le glorifie" finding disappears', async () => {
    const before = (await api.qa()).findings;
    expect(findQuote(before, 'term-forbidden', 'que Dieu le glorifie')).toBeDefined();
    const seq = await api.seq();
    const res = await api.req(EDITOR, 'POST', GLOSSARY_URL, {
      format: 'csv',
      text: GLOSSARY_WITHOUT_FORMULA,
      fileName: 'glossary-v2.csv',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.errors).toEqual([]);
    const doc = body.document as DocumentState;
    expect(doc.seq).toBe(seq + 1);
    expect(doc.glossaryFile).toBe('glossary-v2.csv');
    expect(doc.glossary).toMatchObject({ sourceLang: 'ar', targetLang: 'fr' });
    expect(doc.glossary!.entries).toHaveLength(8);
    expect(doc.glossary!.entries.some((e) => e.source.includes('نصره الله'))).toBe(false);
    expect((await api.doc()).glossaryFile).toBe('glossary-v2.csv');

    const after = (await api.qa()).findings;
    expect(findQuote(after, 'term-forbidden', 'que Dieu le glorifie')).toBeUndefined();
    // The rest of the glossary still applies.
    for (const words of ['désert', 'groupe de contact permanent', 'directives royales']) {
      expect(findQuote(after, 'term-forbidden', words), words).toBeDefined();
    }
    expect(findQuote(after, 'name-near-miss', 'Lafetet')).toBeDefined();

    const [event] = await expectEventsBy(api, seq, [['GlossarySet', EDITOR]]);
    expect(event!.payload).toMatchObject({ fileName: 'glossary-v2.csv' });
  });

  it('a CSV with some bad rows is accepted with the good ones, and the bad lines come back', async () => {
    const text = 'source,target,forbidden\nلفتيت,Laftit,\n,Laftit,\nدارمانان,Darmanin,\n';
    const seq = await api.seq();
    const res = await api.req(REVIEWER, 'POST', GLOSSARY_URL, { format: 'csv', text, fileName: 'partial.csv' });
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.document.glossary.entries).toHaveLength(2);
    expect(body.errors).toEqual([{ line: 3, message: expect.any(String) }]);
    await expectEventsBy(api, seq, [['GlossarySet', REVIEWER]]);
  });

  it('a TBX-Basic termbase works: terms by language, the deprecated term is forbidden', async () => {
    const seq = await api.seq();
    const res = await api.req(REVIEWER, 'POST', GLOSSARY_URL, { format: 'tbx', text: TBX, fileName: 'royal.tbx' });
    expect(res.statusCode, res.body).toBe(200);
    const doc = json(res).document as DocumentState;
    expect(doc.glossaryFile).toBe('royal.tbx');
    expect(doc.glossary).toEqual({
      sourceLang: 'ar',
      targetLang: 'fr',
      entries: [
        {
          source: ['نصره الله'],
          target: ["que Dieu L'assiste"],
          forbidden: ['que Dieu le glorifie'],
          note: 'Fixed royal formula',
        },
      ],
    });
    const findings = (await api.qa()).findings;
    expect(findQuote(findings, 'term-forbidden', 'que Dieu le glorifie')).toMatchObject({
      severity: 'major',
      quote: 'que Dieu le glorifie',
    });
    // Only this concept now: the other forbidden forms are no longer findings.
    expect(byCheck(findings, 'term-forbidden').map((f) => f.quote)).toEqual(['que Dieu le glorifie']);
    await expectEventsBy(api, seq, [['GlossarySet', REVIEWER]]);
  });

  it('DELETE removes the glossary: the terminology findings disappear', async () => {
    const seq = await api.seq();
    const res = await api.req(EDITOR, 'DELETE', GLOSSARY_URL);
    expect(res.statusCode, res.body).toBe(200);
    const doc = json(res).document as DocumentState;
    expect(doc.glossary).toBeNull();
    expect(doc.glossaryFile).toBeNull();
    const findings = (await api.qa()).findings;
    expect(byCheck(findings, 'term-forbidden')).toEqual([]);
    expect(byCheck(findings, 'term-missing')).toEqual([]);
    // The other checks still run.
    expect(byCheck(findings, 'target-only')).toHaveLength(4);
    expect(findQuote(findings, 'unpaired', '»')).toBeDefined();
    const [event] = await expectEventsBy(api, seq, [['GlossarySet', EDITOR]]);
    expect(event!.payload).toEqual({ glossary: null, fileName: null });
  });

  it('unknown document → 404 for upload and delete', async () => {
    expectError(
      await api.req(EDITOR, 'POST', '/api/documents/no-such-doc/glossary', {
        format: 'csv',
        text: SAMPLE_GLOSSARY,
        fileName: 'g.csv',
      }),
      404,
      'DOCUMENT_NOT_FOUND',
    );
    expectError(await api.req(EDITOR, 'DELETE', '/api/documents/no-such-doc/glossary'), 404, 'DOCUMENT_NOT_FOUND');
  });
});

// ---- QA settings ------------------------------------------------------------------------------------

describe('QA settings', () => {
  const { api } = useSample();
  const CHANGE = { checks: { 'fr-spacing': { enabled: false }, unpaired: { severity: 'major' } } };

  it('a translator or a viewer → 403 (nothing changes)', async () => {
    for (const who of [TRANSLATOR, VIEWER]) {
      const e = await api.refused(api.req(who, 'POST', SETTINGS_URL, CHANGE), 403, 'FORBIDDEN');
      expect(e.details).toMatchObject({ permission: 'qa.settings' });
    }
  });

  it('invalid settings (unknown severity, enabled not a boolean) → 400 VALIDATION_FAILED (nothing changes)', async () => {
    for (const body of [
      { checks: { unpaired: { severity: 'catastrophic' } } },
      { checks: { 'fr-spacing': { enabled: 'no' } } },
      { accentInsensitive: 'yes' },
      // A misspelt check id is refused, not silently dropped (which reset every other check to its default).
      { checks: { 'no-such-check': { enabled: false } } },
      [],
    ]) {
      await api.refused(api.req(EDITOR, 'POST', SETTINGS_URL, body), 400, 'VALIDATION_FAILED');
    }
  });

  it('fr-spacing off and unpaired major → those findings disappear / change severity; the rest stays', async () => {
    const before = (await api.qa()).findings;
    expect(byCheck(before, 'fr-spacing').length).toBeGreaterThan(0);
    const unpaired = findQuote(before, 'unpaired', '»')!;
    expect(unpaired.severity).toBe('minor');
    const seq = await api.seq();

    const res = await api.req(REVIEWER, 'POST', SETTINGS_URL, CHANGE);
    expect(res.statusCode, res.body).toBe(200);
    const doc = json(res).document as DocumentState;
    expect(doc.qaSettings!.checks['fr-spacing']).toEqual({ enabled: false, severity: 'minor' });
    expect(doc.qaSettings!.checks.unpaired).toEqual({ enabled: true, severity: 'major' });
    expect(doc.qaSettings!.checks['term-forbidden']).toEqual({ enabled: true, severity: 'major' });
    expect(doc.qaSettings!.accentInsensitive).toBe(false);

    const after = (await api.qa()).findings;
    expect(byCheck(after, 'fr-spacing')).toEqual([]);
    // Same problem, same id: only the severity moved.
    expect(findQuote(after, 'unpaired', '»')).toEqual({ ...unpaired, severity: 'major' });
    const rest = (fs: Finding[]) => fs.filter((f) => f.checkId !== 'fr-spacing' && f.checkId !== 'unpaired');
    expect(rest(after)).toEqual(rest(before));

    await expectEventsBy(api, seq, [['QaSettingsChanged', REVIEWER]]);
  });

  it('settings are replaced, not merged: {} brings back the defaults (editor)', async () => {
    const seq = await api.seq();
    const res = await api.req(EDITOR, 'POST', SETTINGS_URL, {});
    expect(res.statusCode, res.body).toBe(200);
    const findings = (await api.qa()).findings;
    expect(byCheck(findings, 'fr-spacing').length).toBeGreaterThan(0);
    expect(findQuote(findings, 'unpaired', '»')!.severity).toBe('minor');
    await expectEventsBy(api, seq, [['QaSettingsChanged', EDITOR]]);
  });

  it('term-forbidden off → no forbidden-term findings', async () => {
    const res = await api.req(EDITOR, 'POST', SETTINGS_URL, { checks: { 'term-forbidden': { enabled: false } } });
    expect(res.statusCode, res.body).toBe(200);
    const findings = (await api.qa()).findings;
    expect(byCheck(findings, 'term-forbidden')).toEqual([]);
    expect(findQuote(findings, 'name-near-miss', 'Lafetet')).toBeDefined();
  });

  it('every event written in this document after the seed names a signed-in login as actor', async () => {
    const events = await api.events(SEED_SEQ);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(LOGINS.has(e.actor), `${e.type} by ${e.actor}`).toBe(true);
  });
});

describe('dismissing without a body', () => {
  const { api } = useSample();

  it('no body at all is no reason: refused (400), nothing changes', async () => {
    const other = findQuote((await api.qa()).findings, 'term-forbidden', 'groupe de contact permanent')!;
    await api.refused(api.req(REVIEWER, 'POST', dismissUrl(other.id)), 400, 'VALIDATION_FAILED');
  });
});

describe('confirming with a malformed finding id', () => {
  const { api } = useSample();

  it('is refused (400), and nothing changes', async () => {
    const finding = findQuote((await api.qa()).findings, 'term-forbidden', 'directives royales')!;
    const segment = (await api.doc()).segments.find((s) => s.id === finding.segmentId)!;
    const body = {
      segmentId: finding.segmentId,
      side: finding.side,
      start: finding.start,
      end: finding.end,
      category: finding.category,
      severity: finding.severity,
      findingId: '../nonsense',
      baseVersion: segment.version,
    };
    await api.refused(api.req(REVIEWER, 'POST', `/api/documents/${DOC}/flags`, body), 400, 'VALIDATION_FAILED');
  });
});

// ---- Covered findings, the dismissed list, restoring ---------------------------------------------------

describe('a finding a flag already covers', () => {
  const { api } = useSample();

  it('is marked covered, and confirming it as a second flag is refused (409 FINDING_COVERED)', async () => {
    const finding = findQuote((await api.qa()).findings, 'term-forbidden', 'Sahel et du désert')!;
    const segment = (await api.doc()).segments.find((s) => s.id === finding.segmentId)!;
    // A reviewer flags "désert" by hand (no findingId).
    const at = finding.start + finding.quote.indexOf('désert');
    const manual = await api.req(REVIEWER, 'POST', `/api/documents/${DOC}/flags`, {
      segmentId: finding.segmentId,
      side: 'target',
      start: at,
      end: at + 'désert'.length,
      category: 'terminology',
      severity: 'major',
      correction: 'Sahara',
      baseVersion: segment.version,
    });
    expect(manual.statusCode, manual.body).toBe(201);
    const covered = findQuote((await api.qa()).findings, 'term-forbidden', 'Sahel et du désert')!;
    expect(covered.covered).toBe(true);
    const confirm = () => api.req(REVIEWER, 'POST', `/api/documents/${DOC}/flags`, confirmBody(finding, segment));
    await api.refused(confirm(), 409, 'FINDING_COVERED');
    // Other findings are not covered.
    expect((await api.qa()).findings.filter((f) => f.covered).map((f) => f.quote)).toEqual(['Sahel et du désert']);
  });
});

describe('the dismissed findings: listed, and restored', () => {
  const { api } = useSample();
  const listUrl = `/api/documents/${DOC}/findings/dismissed`;
  const restoreUrl = (id: string) => `/api/documents/${DOC}/findings/${encodeURIComponent(id)}/restore`;

  it('lists them newest first; restoring one brings the finding back; restoring again → 404 NOT_DISMISSED', async () => {
    const qa = await api.qa();
    const a = findQuote(qa.findings, 'target-only', 'close button')!;
    const b = findQuote(qa.findings, 'target-only', 'Laisser un commentaire')!;
    for (const [f, reason] of [
      [a, 'page furniture'],
      [b, 'comment form'],
    ] as const)
      expect((await api.req(REVIEWER, 'POST', dismissUrl(f.id), { reason })).statusCode).toBe(200);
    const list = json(await api.req(VIEWER, 'GET', listUrl)) as { dismissed: { findingId: string; reason: string }[] };
    expect(list.dismissed.map((d) => [d.findingId, d.reason])).toEqual([
      [b.id, 'comment form'],
      [a.id, 'page furniture'],
    ]);
    await api.refused(api.req(VIEWER, 'POST', restoreUrl(a.id)), 403, 'FORBIDDEN');
    const seq = await api.seq();
    const res = await api.req(REVIEWER, 'POST', restoreUrl(a.id));
    expect(res.statusCode, res.body).toBe(200);
    const after = await api.qa();
    expect(after.findings.map((f) => f.id)).toContain(a.id);
    expect(after.dismissed.map((d) => d.findingId)).toEqual([b.id]);
    await expectEventsBy(api, seq, [['FindingRestored', REVIEWER]]);
    await api.refused(api.req(REVIEWER, 'POST', restoreUrl(a.id)), 404, 'NOT_DISMISSED');
  });
});
