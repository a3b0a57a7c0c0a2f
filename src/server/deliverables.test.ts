import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../shared/mqm-score';
import { reviewerTotals } from '../shared/timing';
import { DEFAULT_SCORING } from '../shared/scoring-settings';
import type { DocumentState } from '../shared/schemas';
import { readTmx } from '../shared/formats/tmx';
import { parseTbx } from '../shared/formats/glossary';
import { EDITOR, REVIEWER, SAMPLES_DIR, VIEWER, call, json, useRoleServer } from './test-helpers';
import { SAMPLE_ID, seedSample } from './sample';

/** Issue #14 through the API: export.tmx, export.txt, glossary.tbx, report.html and report.csv on the sample. */

describe('deliverables of the sample after a scripted review', () => {
  const ctx = useRoleServer(async (s) => void (await seedSample(s.store, SAMPLES_DIR)));
  const url = (what: string) => `/api/documents/${SAMPLE_ID}/${what}`;
  const doc = async (): Promise<DocumentState> =>
    json(await call(ctx.app, 'GET', url('').slice(0, -1), undefined, VIEWER)).document;

  const review = async () => {
    const d = await doc();
    const flags: [number, string, string, string][] = [
      [0, 'accuracy/mistranslation', 'major', 'Correction A'],
      [1, 'fluency/spelling', 'minor', ''],
      [1, 'style', 'critical', 'Correction C'],
    ];
    for (const [k, category, severity, correction] of flags) {
      const seg = (await doc()).segments[k]!;
      const words = seg.target.split(' ').slice(0, 2).join(' ');
      const res = await call(
        ctx.app,
        'POST',
        url('flags'),
        {
          segmentId: seg.id,
          side: 'target',
          start: 0,
          end: words.length,
          quote: words,
          category,
          severity,
          correction,
          comment: `about ${k}`,
          baseVersion: seg.version,
        },
        REVIEWER,
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    // The reviewer read two segments, 90 s and 30 s of active time (issue #18's timing).
    for (const [k, activeMs] of [
      [0, 90_000],
      [1, 30_000],
    ] as const) {
      const read = await call(
        ctx.app,
        'POST',
        url(`segments/${d.segments[k]!.id}/review`),
        { reviewed: true, activeMs },
        REVIEWER,
      );
      expect(read.statusCode, read.body).toBe(200);
    }
    const res = await call(ctx.app, 'POST', url(`segments/${d.segments[3]!.id}/status`), { action: 'approve' }, EDITOR);
    expect(res.statusCode, res.body).toBe(200);
  };

  it('report.csv and report.html give the scorecard’s figures, every issue, who reviewed and approved', async () => {
    await review();
    const state = await doc();
    const score = scoreDocument(state, state.scoring ?? DEFAULT_SCORING);
    const csvRes = await call(ctx.app, 'GET', url('report.csv'), undefined, VIEWER);
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csvRes.headers['content-disposition']).toContain('.csv');
    expect(csvRes.body.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csvRes.body.slice(1)).data;
    const field = (name: string) => rows.find((r) => r[0] === name)?.[1];
    expect(field('Quality score')).toBe(score.qualityScore!.toFixed(2));
    expect(field('Result')).toBe(score.pass ? 'pass' : 'fail');
    expect(field('Cut score')).toBe(String(score.cutScore));
    expect(field('Evaluated words')).toBe(String(score.evaluatedWords));
    expect(field('Word basis')).toBe(score.wordBasis);
    expect(field('Issues counted')).toBe('3');
    const header = rows.findIndex((r) => r[0] === 'Segment' && r[2] === 'Translation as delivered');
    const issues = rows.slice(header + 1).filter((r) => r.length > 1);
    expect(issues).toHaveLength(3);
    expect(issues.map((r) => [r[0], r[5], r[6], r[9]])).toEqual([
      ['1', 'accuracy/mistranslation', 'major', REVIEWER],
      ['2', 'fluency/spelling', 'minor', REVIEWER],
      ['2', 'style', 'critical', REVIEWER],
    ]);
    const style = rows.find((r) => r[0] === 'style')!;
    expect(style.slice(1)).toEqual(['0', '0', '0', '1', '1']);
    expect(rows.some((r) => r[0] === 'Approver (segments)' && r[1] === EDITOR)).toBe(true);
    // Each reviewer's time, as the scorecard's per-reviewer table has it.
    const totals = reviewerTotals(state, score.evaluatedWords).find((t) => t.reviewer === REVIEWER)!;
    expect(rows.find((r) => r[0] === REVIEWER && r.length === 6)).toEqual([
      REVIEWER,
      '3',
      '2',
      '120000',
      String(Math.round(totals.msPer1000Words!)),
      totals.flagsPer1000Words!.toFixed(2),
    ]);

    const html = await call(ctx.app, 'GET', url('report.html'), undefined, VIEWER);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain(`<dd>${score.qualityScore!.toFixed(2)}</dd>`);
    expect(html.body).toContain('<link rel="stylesheet" href="/api/report.css"/>');
    expect(html.body).not.toMatch(/\sstyle=/);
    expect(html.body).not.toContain('<style');
    expect(html.body).toContain('<h2>Review time</h2>');
    expect(html.body).toContain('2 min 00 s');
    expect((await call(ctx.app, 'GET', '/api/report.css', undefined, VIEWER)).headers['content-type']).toMatch(
      /^text\/css/,
    );
  });

  it('export.tmx holds the approved segments; export.txt the translation; glossary.tbx the glossary', async () => {
    const state = await doc();
    const tmx = await call(ctx.app, 'GET', url('export.tmx'), undefined, VIEWER);
    expect(tmx.statusCode).toBe(200);
    expect(tmx.headers['content-disposition']).toContain('.tmx');
    const read = readTmx(tmx.body);
    expect(read.ok && read.value.pairs.map((p) => p.target)).toEqual(
      state.segments.filter((s) => s.status === 'approved').map((s) => s.target),
    );
    const txt = await call(ctx.app, 'GET', url('export.txt'), undefined, VIEWER);
    expect(txt.body.split('\n').slice(0, -1)).toEqual(state.segments.map((s) => s.target.trim()));
    const tbx = await call(ctx.app, 'GET', url('glossary.tbx'), undefined, VIEWER);
    expect(tbx.statusCode).toBe(200);
    expect(parseTbx(tbx.body, { sourceLang: 'ar', targetLang: 'fr' }).entries).toEqual(state.glossary!.entries);
  });

  it('needs a session like every export', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: url('report.csv') });
    expect(res.statusCode).toBe(401);
  });
});
