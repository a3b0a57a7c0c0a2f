import { MQM_CATEGORIES, SEVERITIES, type MqmCategory, type Severity } from './mqm';
import type { DocumentState, Flag, FlagStatus } from './schemas';
import { DEFAULT_SCORING, type ScoringSettings } from './scoring-settings';
import { countWords } from './word-count';

export { DEFAULT_SCORING, ScoringSettingsSchema, SeverityWeightsSchema, WMT_SCORING } from './scoring-settings';
export type { ScoringSettings, SeverityWeights } from './scoring-settings';

/*
 * MQM scorecard (DESIGN.md, "MQM in one paragraph"; https://themqm.org/error-types-2/the-mqm-scoring-models/).
 *
 * Rules decided here:
 * - Which flags count: `open`, `disputed`, `accepted` and `resolved` ones. A resolved (or accepted) flag was
 *   dealt with, but it was an error of the translation as delivered; a disputed one stands until the reviewer
 *   withdraws it. `rejected` ("not an error") and `withdrawn` (the reviewer agreed it was not one) never
 *   count. Orphaned flags (their words were edited away) still count unless rejected or withdrawn.
 * - Quality score = 100 − penalty points per 1,000 evaluated words. It is NOT clamped: −250 says how far
 *   below the bar a short, badly translated text is, which 0 would hide. With no evaluated words there is
 *   nothing to divide by: per-1000, quality and pass are null.
 * - Pass = quality ≥ cut score. Default cut score 95: at most 5 penalty points per 1,000 words, i.e. one
 *   major (or five minor) errors per 1,000 words.
 * - Word basis defaults to the source: the same for every translation of a text (systems compare over the
 *   same denominator) and known before translating.
 * - The MQM preset sums every counted flag (all reviewers together). The WMT preset (the convention of the
 *   public WMT MQM data, samples/wmt-mqm/README.md) weighs Major 5, Minor 1, Minor Fluency/Punctuation
 *   0.1, Non-translation 25 (any severity but Neutral), Neutral 0, and its headline `wmtScore` averages, over
 *   (segment, rater) items, the sum of that rater's weights on that segment (lower is better).
 */

export const WMT_MINOR_PUNCTUATION_WEIGHT = 0.1;
export const WMT_NON_TRANSLATION_WEIGHT = 25;

/** Statuses whose flags are errors for scoring. */
export const COUNTED_STATUSES: ReadonlySet<FlagStatus> = new Set<FlagStatus>([
  'open',
  'disputed',
  'accepted',
  'resolved',
]);

// ---- WMT ↔ our categories -------------------------------------------------------------------------

const WMT_TO_OURS: Record<string, MqmCategory> = {
  'accuracy/mistranslation': 'accuracy/mistranslation',
  'accuracy/omission': 'accuracy/omission',
  'accuracy/addition': 'accuracy/addition',
  'accuracy/untranslated text': 'accuracy/untranslated',
  'accuracy/untranslated': 'accuracy/untranslated',
  'fluency/grammar': 'fluency/grammar',
  'fluency/spelling': 'fluency/spelling',
  'fluency/punctuation': 'fluency/punctuation',
  'fluency/inconsistency': 'fluency/inconsistency',
  'fluency/register': 'fluency/register',
  'non-translation!': 'non-translation',
  'non-translation': 'non-translation',
  'source error': 'source-error',
  other: 'other',
};

const WMT_FAMILIES: [prefix: string, category: MqmCategory][] = [
  ['terminology', 'terminology'],
  ['style', 'style'],
  ['locale convention', 'locale-convention'],
];

/** WMT category path → ours. Unknown ones (e.g. "Fluency/Display") are `other`; keep the original beside it. */
export function mapWmtCategory(wmt: string): MqmCategory {
  const key = wmt.trim().toLowerCase();
  const exact = WMT_TO_OURS[key];
  if (exact) return exact;
  for (const [prefix, category] of WMT_FAMILIES) {
    if (key === prefix || key.startsWith(prefix + '/')) return category;
  }
  return 'other';
}

/** Severity → ours. Unknown ones become `minor` (the least that is still an error); keep the original. */
export function mapWmtSeverity(wmt: string): Severity {
  const key = wmt.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(key) ? (key as Severity) : 'minor';
}

const OURS_TO_WMT: Record<MqmCategory, string> = {
  'accuracy/mistranslation': 'Accuracy/Mistranslation',
  'accuracy/omission': 'Accuracy/Omission',
  'accuracy/addition': 'Accuracy/Addition',
  'accuracy/untranslated': 'Accuracy/Untranslated text',
  'fluency/grammar': 'Fluency/Grammar',
  'fluency/spelling': 'Fluency/Spelling',
  'fluency/punctuation': 'Fluency/Punctuation',
  'fluency/inconsistency': 'Fluency/Inconsistency',
  'fluency/register': 'Fluency/Register',
  // WMT's only Style subcategory and its usual Terminology one.
  terminology: 'Terminology/Inappropriate for context',
  style: 'Style/Awkward',
  'locale-convention': 'Locale convention',
  'non-translation': 'Non-translation!',
  'source-error': 'Source error',
  other: 'Other',
};

/** Our category → a WMT category path (used when a flag has no original, or it was edited since). */
export function toWmtCategory(category: MqmCategory): string {
  return OURS_TO_WMT[category];
}

export function toWmtSeverity(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

/**
 * The flag's category and severity as WMT writes them: the imported original while it still maps to the
 * flag's current category and severity (an edit in the app wins over the file), else ours mapped back.
 */
export function wmtLabels(flag: Pick<Flag, 'category' | 'severity' | 'original'>): {
  category: string;
  severity: string;
} {
  const o = flag.original;
  const category = o && mapWmtCategory(o.category) === flag.category ? o.category : toWmtCategory(flag.category);
  const severity = o && mapWmtSeverity(o.severity) === flag.severity ? o.severity : toWmtSeverity(flag.severity);
  return { category, severity };
}

// ---- Weights ----------------------------------------------------------------------------------------

/** Penalty points of one flag under the settings (whatever its status: callers filter). */
export function flagWeight(flag: Pick<Flag, 'category' | 'severity' | 'original'>, settings: ScoringSettings): number {
  const base = settings.weights[flag.severity];
  if (settings.preset !== 'wmt') return base;
  // Applied to the WMT labels; while they are consistent with ours (wmtLabels) this is the same decision.
  const category = mapWmtCategory(wmtLabels(flag).category);
  if (category === 'non-translation' && flag.severity !== 'neutral') return WMT_NON_TRANSLATION_WEIGHT;
  if (category === 'fluency/punctuation' && flag.severity === 'minor') return WMT_MINOR_PUNCTUATION_WEIGHT;
  return base;
}

// ---- Scoring ----------------------------------------------------------------------------------------

export interface CellScore {
  count: number;
  points: number;
}

export interface DocumentScore {
  preset: ScoringSettings['preset'];
  wordBasis: ScoringSettings['wordBasis'];
  cutScore: number;
  evaluatedWords: number;
  /** Flags that count (not rejected or withdrawn). */
  flagCount: number;
  penaltyPoints: number;
  /** null when there are no evaluated words. */
  penaltyPer1000: number | null;
  qualityScore: number | null;
  pass: boolean | null;
  /** Every category × severity, zeros included. */
  breakdown: Record<MqmCategory, Record<Severity, CellScore>>;
  perSegment: { segmentId: string; words: number; points: number }[];
  /** Mean over (segment, rater) items of that rater's points on the segment; null with no items. */
  wmtScore: number | null;
  itemCount: number;
}

// Sums of 0.1s drift (0.30000000000000004): reported figures are rounded to 1e-9.
const tidy = (x: number): number => Math.round(x * 1e9) / 1e9;

function emptyBreakdown(): Record<MqmCategory, Record<Severity, CellScore>> {
  const out = {} as Record<MqmCategory, Record<Severity, CellScore>>;
  for (const c of MQM_CATEGORIES) {
    out[c] = {} as Record<Severity, CellScore>;
    for (const s of SEVERITIES) out[c][s] = { count: 0, points: 0 };
  }
  return out;
}

/**
 * Scores a document from its flags. Items for `wmtScore`: the segment's `ratedBy` plus any other author of a
 * flag on it; without `ratedBy`, the distinct flag authors, or one error-free item when nobody flagged it.
 */
// A segment's evaluated words, remembered on the segment object (segments are immutable: an edit makes a new
// one), so rescoring a long document after an edit counts only the edited segment's words.
const wordCache = new WeakMap<object, { basis: string; lang: string; words: number }>();
function wordsOf(seg: DocumentState['segments'][number], basis: ScoringSettings['wordBasis'], lang: string): number {
  const known = wordCache.get(seg);
  if (known && known.basis === basis && known.lang === lang) return known.words;
  const words = countWords(basis === 'source' ? seg.source : seg.target, lang);
  wordCache.set(seg, { basis, lang, words });
  return words;
}

// The last score per document (by its first segment's id: segment ids are unique across documents), for reuse.
const EMPTY_KEY = '';
const lastRun = new Map<
  string,
  { lang: string; basis: string; segments: readonly object[]; perSegment: DocumentScore['perSegment'] }
>();
const LAST_RUN_MAX = 8;

export function scoreDocument(doc: DocumentState, settings: ScoringSettings = DEFAULT_SCORING): DocumentScore {
  const breakdown = emptyBreakdown();
  const lang = settings.wordBasis === 'source' ? doc.sourceLang : doc.targetLang;
  const bySegment = new Map<string, Flag[]>();
  for (const f of doc.flags) {
    const list = bySegment.get(f.segmentId);
    if (list) list.push(f);
    else bySegment.set(f.segmentId, [f]);
  }
  let words = 0;
  let points = 0;
  let flagCount = 0;
  let itemPoints = 0;
  let itemCount = 0;
  const perSegment: DocumentScore['perSegment'] = [];
  // The previous score of these segments (same word basis): an unflagged segment that is the same object as
  // then keeps its entry, so rescoring a long document after one edit allocates and counts almost nothing.
  const prev = lastRun.get(doc.segments.length === 0 ? EMPTY_KEY : doc.segments[0]!.id);
  const reuse = prev && prev.lang === lang && prev.basis === settings.wordBasis ? prev : undefined;
  doc.segments.forEach((seg, i) => {
    const flags = bySegment.size === 0 ? undefined : bySegment.get(seg.id);
    if (!flags && !seg.ratedBy) {
      // Nobody flagged it: one error-free item (the common case, kept cheap for long documents).
      const before = reuse && reuse.segments[i] === seg ? reuse.perSegment[i] : undefined;
      const entry =
        before && before.points === 0
          ? before
          : { segmentId: seg.id, words: wordsOf(seg, settings.wordBasis, lang), points: 0 };
      words += entry.words;
      itemCount++;
      perSegment.push(entry);
      return;
    }
    const segWords = wordsOf(seg, settings.wordBasis, lang);
    words += segWords;
    const raters = new Map<string, number>((seg.ratedBy ?? []).map((r) => [r, 0]));
    let segPoints = 0;
    for (const f of flags ?? []) {
      if (!raters.has(f.createdBy)) raters.set(f.createdBy, 0);
      if (!COUNTED_STATUSES.has(f.status)) continue;
      const w = flagWeight(f, settings);
      const cell = breakdown[f.category][f.severity];
      cell.count++;
      cell.points += w;
      segPoints += w;
      flagCount++;
      raters.set(f.createdBy, raters.get(f.createdBy)! + w);
    }
    if (raters.size === 0 && !seg.ratedBy) raters.set('', 0); // nobody flagged it: one error-free item
    for (const p of raters.values()) itemPoints += p;
    itemCount += raters.size;
    points += segPoints;
    perSegment.push({ segmentId: seg.id, words: segWords, points: tidy(segPoints) });
  });
  if (lastRun.size >= LAST_RUN_MAX) lastRun.clear();
  lastRun.set(doc.segments.length === 0 ? EMPTY_KEY : doc.segments[0]!.id, {
    lang,
    basis: settings.wordBasis,
    segments: doc.segments,
    perSegment,
  });
  for (const c of MQM_CATEGORIES) for (const s of SEVERITIES) breakdown[c][s].points = tidy(breakdown[c][s].points);
  const per1000 = words > 0 ? tidy((points / words) * 1000) : null;
  const quality = per1000 === null ? null : tidy(100 - per1000);
  return {
    preset: settings.preset,
    wordBasis: settings.wordBasis,
    cutScore: settings.cutScore,
    evaluatedWords: words,
    flagCount,
    penaltyPoints: tidy(points),
    penaltyPer1000: per1000,
    qualityScore: quality,
    pass: quality === null ? null : quality >= settings.cutScore,
    breakdown,
    perSegment,
    wmtScore: itemCount > 0 ? itemPoints / itemCount : null,
    itemCount,
  };
}
