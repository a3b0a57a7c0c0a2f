import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MqmCategory, Severity } from './mqm';
import {
  DEFAULT_SCORING,
  ScoringSettingsSchema,
  WMT_SCORING,
  flagWeight,
  mapWmtCategory,
  mapWmtSeverity,
  scoreDocument,
  toWmtCategory,
  wmtLabels,
  type ScoringSettings,
} from './mqm-score';
import { foldAll, toDocumentState } from './reducer';
import type { DocumentState, Flag, FlagStatus, Segment } from './schemas';
import { buildDocuments, importEvents, parseWmtTsv } from './formats/wmt-tsv';

const AT = '2024-01-01T00:00:00.000Z';
const words = (n: number, w = 'word'): string => Array.from({ length: n }, () => w).join(' ');

function segment(id: string, source: string, target: string, extra: Partial<Segment> = {}): Segment {
  return { id, index: 0, source, target, version: 1, status: 'translated', updatedAt: AT, updatedBy: 't', ...extra };
}

let nextFlag = 0;
interface FlagSpec {
  seg?: string;
  cat?: MqmCategory;
  sev: Severity;
  status?: FlagStatus;
  by?: string;
  original?: Flag['original'];
  orphaned?: boolean;
}
function flag({
  seg = 's1',
  cat = 'accuracy/mistranslation',
  sev,
  status = 'open',
  by = 'rev',
  original,
  orphaned = false,
}: FlagSpec): Flag {
  return {
    id: `f${++nextFlag}`,
    segmentId: seg,
    side: 'target',
    anchor: { start: 0, end: 4, quote: 'word', prefix: '', suffix: '' },
    quote: 'word',
    orphaned,
    category: cat,
    severity: sev,
    correction: '',
    comment: '',
    ...(original ? { original } : {}),
    status,
    reason: null,
    comments: [],
    version: 1,
    createdBy: by,
    createdAt: AT,
    updatedBy: by,
    updatedAt: AT,
  };
}

function doc(segments: Segment[], flags: Flag[]): DocumentState {
  return {
    id: 'd1',
    title: 'Test',
    sourceLang: 'en',
    targetLang: 'fr',
    createdAt: AT,
    createdBy: 't',
    updatedAt: AT,
    status: 'in-review',
    statusReason: null,
    seq: 1,
    segments: segments.map((s, index) => ({ ...s, index })),
    flags,
  };
}

// 1,000 source words, 500 target words, one segment.
const THOUSAND = [segment('s1', words(1000), words(500, 'mot'))];
const target = (s: ScoringSettings): ScoringSettings => ({ ...s, wordBasis: 'target' });

describe('scoreDocument: MQM preset (hand-computed)', () => {
  it.each<
    [
      string,
      FlagSpec[],
      ScoringSettings,
      { points: number; per1000: number; quality: number; pass: boolean; flags: number },
    ]
  >([
    ['no flags', [], DEFAULT_SCORING, { points: 0, per1000: 0, quality: 100, pass: true, flags: 0 }],
    ['one minor', [{ sev: 'minor' }], DEFAULT_SCORING, { points: 1, per1000: 1, quality: 99, pass: true, flags: 1 }],
    [
      'one major: exactly at the cut score passes',
      [{ sev: 'major' }],
      DEFAULT_SCORING,
      { points: 5, per1000: 5, quality: 95, pass: true, flags: 1 },
    ],
    [
      'major + minor: below the cut score',
      [{ sev: 'major' }, { sev: 'minor' }],
      DEFAULT_SCORING,
      { points: 6, per1000: 6, quality: 94, pass: false, flags: 2 },
    ],
    [
      'critical',
      [{ sev: 'critical' }],
      DEFAULT_SCORING,
      { points: 25, per1000: 25, quality: 75, pass: false, flags: 1 },
    ],
    [
      'neutral counts as a flag, weighs 0',
      [{ sev: 'neutral' }],
      DEFAULT_SCORING,
      { points: 0, per1000: 0, quality: 100, pass: true, flags: 1 },
    ],
    [
      'rejected and withdrawn flags are not errors',
      [{ sev: 'minor' }, { sev: 'critical', status: 'rejected' }, { sev: 'major', status: 'withdrawn' }],
      DEFAULT_SCORING,
      { points: 1, per1000: 1, quality: 99, pass: true, flags: 1 },
    ],
    [
      'accepted, resolved and disputed flags count, orphaned too',
      [
        { sev: 'minor', status: 'accepted' },
        { sev: 'minor', status: 'resolved' },
        { sev: 'minor', status: 'disputed' },
        { sev: 'minor', orphaned: true },
      ],
      DEFAULT_SCORING,
      { points: 4, per1000: 4, quality: 96, pass: true, flags: 4 },
    ],
    [
      'a rejected orphan does not count',
      [{ sev: 'major', orphaned: true, status: 'rejected' }],
      DEFAULT_SCORING,
      { points: 0, per1000: 0, quality: 100, pass: true, flags: 0 },
    ],
    [
      'target word basis: 500 words',
      [{ sev: 'minor' }],
      target(DEFAULT_SCORING),
      { points: 1, per1000: 2, quality: 98, pass: true, flags: 1 },
    ],
    [
      'custom weights and cut score',
      [{ sev: 'major' }, { sev: 'minor' }],
      { ...DEFAULT_SCORING, weights: { neutral: 0, minor: 2, major: 10, critical: 100 }, cutScore: 90 },
      { points: 12, per1000: 12, quality: 88, pass: false, flags: 2 },
    ],
    [
      'not clamped: far below zero',
      Array.from({ length: 50 }, () => ({ sev: 'critical' as const })),
      DEFAULT_SCORING,
      { points: 1250, per1000: 1250, quality: -1150, pass: false, flags: 50 },
    ],
    // The MQM preset weighs punctuation like any minor error and non-translation by its severity.
    [
      'MQM preset ignores WMT exceptions',
      [
        { sev: 'minor', cat: 'fluency/punctuation' },
        { sev: 'major', cat: 'non-translation' },
      ],
      DEFAULT_SCORING,
      { points: 6, per1000: 6, quality: 94, pass: false, flags: 2 },
    ],
  ])('%s', (_name, specs, settings, want) => {
    const s = scoreDocument(doc(THOUSAND, specs.map(flag)), settings);
    expect(s.evaluatedWords).toBe(settings.wordBasis === 'source' ? 1000 : 500);
    expect(s.penaltyPoints).toBe(want.points);
    expect(s.penaltyPer1000).toBe(want.per1000);
    expect(s.qualityScore).toBe(want.quality);
    expect(s.pass).toBe(want.pass);
    expect(s.flagCount).toBe(want.flags);
  });

  it('counts words of the chosen side in its language', () => {
    const d = doc(
      [segment('s1', 'The Minister of the Interior spoke.', 'Le ministre de l’Intérieur a parlé.')],
      [flag({ sev: 'minor' })],
    );
    expect(scoreDocument(d, DEFAULT_SCORING).evaluatedWords).toBe(6);
    const t = scoreDocument(d, target(DEFAULT_SCORING));
    expect(t.evaluatedWords).toBe(7); // l’ + Intérieur
    expect(t.penaltyPer1000).toBeCloseTo(1000 / 7, 9);
  });

  it('breaks points down by category × severity and by segment', () => {
    const d = doc(
      [segment('s1', words(10), words(10)), segment('s2', words(30), words(30))],
      [
        flag({ seg: 's1', cat: 'terminology', sev: 'major' }),
        flag({ seg: 's1', cat: 'terminology', sev: 'major' }),
        flag({ seg: 's2', cat: 'style', sev: 'minor' }),
        flag({ seg: 's2', cat: 'style', sev: 'critical', status: 'rejected' }),
      ],
    );
    const s = scoreDocument(d);
    expect(s.breakdown.terminology.major).toEqual({ count: 2, points: 10 });
    expect(s.breakdown.style.minor).toEqual({ count: 1, points: 1 });
    expect(s.breakdown.style.critical).toEqual({ count: 0, points: 0 });
    expect(s.breakdown.other.neutral).toEqual({ count: 0, points: 0 });
    expect(s.perSegment).toEqual([
      { segmentId: 's1', words: 10, points: 10 },
      { segmentId: 's2', words: 30, points: 1 },
    ]);
    expect(s.penaltyPer1000).toBe(275); // 11 points / 40 words
  });

  it('has nothing to divide by without words', () => {
    const s = scoreDocument(doc([segment('s1', '', '…')], [flag({ sev: 'minor' })]));
    expect(s).toMatchObject({
      evaluatedWords: 0,
      penaltyPoints: 1,
      penaltyPer1000: null,
      qualityScore: null,
      pass: null,
    });
  });
});

describe('scoreDocument: WMT preset (hand-computed)', () => {
  it.each<[string, FlagSpec, number]>([
    ['Major', { sev: 'major' }, 5],
    ['Minor', { sev: 'minor' }, 1],
    ['Neutral', { sev: 'neutral' }, 0],
    ['Critical (not in WMT data) weighs 25', { sev: 'critical' }, 25],
    ['Minor Fluency/Punctuation', { sev: 'minor', cat: 'fluency/punctuation' }, 0.1],
    ['Major Fluency/Punctuation: standard weight', { sev: 'major', cat: 'fluency/punctuation' }, 5],
    ['Non-translation (Major)', { sev: 'major', cat: 'non-translation' }, 25],
    ['Non-translation (Minor)', { sev: 'minor', cat: 'non-translation' }, 25],
    [
      'original labels',
      { sev: 'minor', cat: 'fluency/punctuation', original: { category: 'Fluency/Punctuation', severity: 'Minor' } },
      0.1,
    ],
    [
      'original Non-translation!',
      { sev: 'major', cat: 'non-translation', original: { category: 'Non-translation!', severity: 'Major' } },
      25,
    ],
    // The flag was re-classified in the app: the stale original no longer applies.
    [
      'edited since import',
      { sev: 'minor', cat: 'style', original: { category: 'Fluency/Punctuation', severity: 'Minor' } },
      1,
    ],
  ])('%s → %d', (_name, spec, weight) => {
    expect(flagWeight(flag(spec), WMT_SCORING)).toBe(weight);
  });

  it('averages over (segment, rater) items', () => {
    const d = doc(
      [
        segment('s1', words(10), words(10), { ratedBy: ['r1', 'r2'] }),
        segment('s2', words(10), words(10)), // no ratedBy, no flags: one error-free item
        segment('s3', words(10), words(10), { ratedBy: ['r1'] }),
        segment('s4', words(10), words(10), { ratedBy: [] }), // rated by nobody: no item
      ],
      [
        flag({ seg: 's1', by: 'r1', sev: 'major' }),
        flag({ seg: 's1', by: 'r1', sev: 'minor', cat: 'fluency/punctuation' }),
        flag({ seg: 's3', by: 'r1', sev: 'minor' }),
        flag({ seg: 's3', by: 'r9', sev: 'minor' }), // an author outside ratedBy is one more item
        flag({ seg: 's3', by: 'r1', sev: 'critical', status: 'rejected' }),
      ],
    );
    const s = scoreDocument(d, WMT_SCORING);
    // Items: s1/r1 5.1, s1/r2 0, s2 0, s3/r1 1, s3/r9 1 → 7.1 / 5.
    expect(s.itemCount).toBe(5);
    expect(s.wmtScore).toBeCloseTo(1.42, 12);
    expect(s.penaltyPoints).toBe(7.1);
    expect(s.flagCount).toBe(4);
    expect(s.penaltyPer1000).toBe(177.5); // 7.1 / 40 words
  });

  it('uses the distinct flag authors when a segment has no ratedBy', () => {
    const d = doc(
      [segment('s1', words(5), words(5))],
      [flag({ by: 'a', sev: 'major' }), flag({ by: 'b', sev: 'minor' }), flag({ by: 'b', sev: 'minor' })],
    );
    const s = scoreDocument(d, WMT_SCORING);
    expect(s.itemCount).toBe(2);
    expect(s.wmtScore).toBe(3.5); // (5 + 2) / 2
  });

  it('gives no WMT score without items', () => {
    expect(scoreDocument(doc([], []), WMT_SCORING)).toMatchObject({ itemCount: 0, wmtScore: null, evaluatedWords: 0 });
  });
});

describe('settings', () => {
  it('defaults', () => {
    expect(ScoringSettingsSchema.parse({})).toEqual(DEFAULT_SCORING);
    expect(ScoringSettingsSchema.parse({ preset: 'wmt', weights: WMT_SCORING.weights })).toEqual(WMT_SCORING);
    expect(ScoringSettingsSchema.safeParse({ wordBasis: 'both' }).success).toBe(false);
    expect(
      ScoringSettingsSchema.safeParse({ weights: { neutral: 0, minor: -1, major: 5, critical: 25 } }).success,
    ).toBe(false);
  });
});

describe('WMT ↔ our categories', () => {
  it.each<[string, MqmCategory]>([
    ['Accuracy/Mistranslation', 'accuracy/mistranslation'],
    ['Accuracy/Omission', 'accuracy/omission'],
    ['Accuracy/Addition', 'accuracy/addition'],
    ['Accuracy/Untranslated text', 'accuracy/untranslated'],
    ['Fluency/Spelling', 'fluency/spelling'],
    ['Fluency/Grammar', 'fluency/grammar'],
    ['Fluency/Punctuation', 'fluency/punctuation'],
    ['Fluency/Inconsistency', 'fluency/inconsistency'],
    ['Fluency/Register', 'fluency/register'],
    ['Terminology/Inappropriate for context', 'terminology'],
    ['Terminology/Inconsistent use of terminology', 'terminology'],
    ['Style/Awkward', 'style'],
    ['Locale convention/Currency format', 'locale-convention'],
    ['Non-translation!', 'non-translation'],
    ['Source error', 'source-error'],
    ['Other', 'other'],
    ['Fluency/Display', 'other'],
    ['Accuracy/Creative Reinterpretation', 'other'],
    ['Stylistics', 'other'], // not Style/…
    ['  fluency/grammar ', 'fluency/grammar'],
  ])('%s → %s', (wmt, ours) => {
    expect(mapWmtCategory(wmt)).toBe(ours);
  });

  it.each<[string, Severity]>([
    ['Major', 'major'],
    ['Minor', 'minor'],
    ['Neutral', 'neutral'],
    ['Critical', 'critical'],
    ['major', 'major'],
    ['Serious', 'minor'], // unknown: the least that is still an error; the original is kept beside it
  ])('severity %s → %s', (wmt, ours) => {
    expect(mapWmtSeverity(wmt)).toBe(ours);
  });

  it('maps every category of ours to a WMT path that maps back', () => {
    for (const c of [
      'accuracy/untranslated',
      'terminology',
      'style',
      'locale-convention',
      'non-translation',
      'other',
    ] as const) {
      expect(mapWmtCategory(toWmtCategory(c))).toBe(c);
    }
  });

  it('exports the original labels while they still fit, ours otherwise', () => {
    const original = { category: 'Fluency/Display', severity: 'Major' };
    expect(wmtLabels({ category: 'other', severity: 'major', original })).toEqual(original);
    expect(wmtLabels({ category: 'other', severity: 'minor', original })).toEqual({
      category: 'Fluency/Display',
      severity: 'Minor',
    });
    expect(wmtLabels({ category: 'style', severity: 'major', original })).toEqual({
      category: 'Style/Awkward',
      severity: 'Major',
    });
    expect(wmtLabels({ category: 'fluency/grammar', severity: 'critical' })).toEqual({
      category: 'Fluency/Grammar',
      severity: 'Critical',
    });
  });
});

describe('the public WMT TED en→de data', () => {
  // Published system scores (samples/wmt-mqm/README.md, from google/wmt-mqm-human-evaluation).
  const PUBLISHED: Record<string, number> = {
    ref: 0.91,
    'Facebook-AI': 1.06,
    'Online-W': 1.12,
    'VolcTrans-AT': 1.24,
    metricsystem3: 1.44,
    'VolcTrans-GLAT': 1.49,
    HuaweiTSC: 1.5,
    metricsystem1: 1.63,
    metricsystem2: 1.69,
    metricsystem5: 1.72,
    UEdin: 1.77,
    metricsystem4: 1.78,
    eTranslation: 1.96,
    Nemo: 2.14,
  };
  // eTranslation: this file gives 1041.5 points over 529 items = 1.96881, which rounds to 1.97. The source
  // repository's own per-segment scores (ted/ende/mqm_ted_ende.avg_seg_scores.tsv, same commit as the TSV)
  // sum to the same 1041.5 over the same 529 segments: its README table disagrees with its data by 0.01 for
  // this system (it was likely computed on an earlier version). Pinned to the exact value instead.
  const EXACT: Record<string, number> = { eTranslation: 1041.5 / 529 };

  it('scores every system like the published table', () => {
    // Missing file = failure, never a skip.
    const file = new URL('../../samples/wmt-mqm/mqm_ted_ende.tsv', import.meta.url);
    const text = readFileSync(file, 'utf8');
    const t0 = performance.now();
    const parsed = parseWmtTsv(text);
    const built = buildDocuments(parsed.rows, { sourceLang: 'en', targetLang: 'de', file: 'mqm_ted_ende.tsv' });
    const t1 = performance.now();
    console.log(`mqm_ted_ende.tsv: parse + build ${(t1 - t0).toFixed(0)} ms for ${parsed.rows.length} rows`);
    expect(parsed.errors).toEqual([{ line: 6444, message: 'target: <v> without </v>' }]);
    expect(built.errors).toEqual([]);
    expect(built.documents.map((d) => d.system).sort()).toEqual(Object.keys(PUBLISHED).sort());

    const scores: Record<string, number> = {};
    for (const imported of built.documents) {
      const state = toDocumentState(foldAll(importEvents(imported, AT)));
      const s = scoreDocument(state, WMT_SCORING);
      scores[imported.system] = s.wmtScore!;
      // One rater per segment in this file; metricsystem1 loses the segment of the skipped line 6444.
      expect(s.itemCount).toBe(imported.system === 'metricsystem1' ? 528 : 529);
    }
    for (const [system, published] of Object.entries(PUBLISHED)) {
      const score = scores[system]!;
      expect(Math.abs(score - published), system).toBeLessThan(0.01);
      if (EXACT[system] !== undefined) expect(score, system).toBeCloseTo(EXACT[system], 12);
      else expect(score.toFixed(2), system).toBe(published.toFixed(2));
    }
    const ranking = Object.entries(scores)
      .sort((a, b) => a[1] - b[1])
      .map(([s]) => s);
    expect(ranking).toEqual(
      Object.entries(PUBLISHED)
        .sort((a, b) => a[1] - b[1])
        .map(([s]) => s),
    );
  });
});

describe('rescoring after an edit (reuses what did not change)', () => {
  it('gives what a fresh score gives, after edits, new flags, flag changes and a change of word basis', () => {
    const segs = Array.from({ length: 50 }, (_, i) => segment(`r${i}`, words(3 + (i % 7)), words(2 + (i % 5), 'mot')));
    const first = doc(segs, []);
    scoreDocument(first);
    // One segment edited (a new object, more words), two flagged, one flag withdrawn.
    const edited = { ...first.segments[10]!, source: words(40), target: words(30, 'mot') };
    const f1 = flag({ seg: 'r10', sev: 'major' });
    const f2 = flag({ seg: 'r3', sev: 'minor', status: 'withdrawn' });
    const second: DocumentState = {
      ...first,
      segments: first.segments.map((s, i) => (i === 10 ? edited : s)),
      flags: [f1, f2],
    };
    const fresh = (d: DocumentState, s?: ScoringSettings) => scoreDocument(structuredClone(d), s);
    expect(scoreDocument(second)).toEqual(fresh(second));
    // The flag on r10 withdrawn: its segment scores 0 again, reusing nothing stale.
    const third: DocumentState = { ...second, flags: [{ ...f1, status: 'withdrawn' }, f2] };
    expect(scoreDocument(third)).toEqual(fresh(third));
    expect(scoreDocument(third, target(DEFAULT_SCORING))).toEqual(fresh(third, target(DEFAULT_SCORING)));
    expect(scoreDocument(third).evaluatedWords).toBe(fresh(third).evaluatedWords);
  });
});
