import { makeBeadCost, type Available, type Side } from './bead-cost';
import {
  DEFAULT_FEATURE_OPTIONS,
  newVocabulary,
  sentenceFeatures,
  type Dictionary,
  type FeatureOptions,
} from './features';
import { anchorMatrix, type AnchorMatrix } from './anchor-matrix';
import { makeBand, type Band } from './band';
import { unitWords } from './features';
import { availableWeight, beadRanges, induceLexicon, type LexiconOptions, type PathBead } from './second-pass';

/**
 * Sentence alignment: dynamic programming over beads (1–1, 1–0, 0–1, 2–1, 1–2, … up to `maxSide` units a
 * side) inside a band around the diagonal. A bead's cost (bead-cost.ts) is the Gale–Church length cost plus
 * a cost per unit past one a side, minus the anchors it pairs (numbers, Roman numerals included, names and
 * cognates, punctuation; a bead of several units counts each anchor as often as its smaller side holds it,
 * not once per pair of units), plus a penalty per number one side has and the other lacks, plus a cost
 * when one side's last unit ends on a weak stop (; : ,) and the other's does not (the sentence goes on in
 * the next unit: the cut is likely misplaced). Leaving a unit unpaired costs a base and so much per
 * character, more for a fragment (a unit cut at a weak stop). `passes: 2` adds a second search in the same
 * band where a bead also pays for the anchors its units share with the neighbours of their first-pass
 * bead, and optionally a lexicon induced from the first pass: off by default (README). Also measured and
 * neutral by default (README): runs of up to `skipRun` unpaired units as one step, an extra cost for
 * many-to-many beads, and an optional bilingual dictionary (`dictionary`, data the caller loads; nothing is
 * shipped) whose pairs are anchors too.
 */

export interface Bead {
  source: number[];
  target: number[];
  /** 0–1: how sure the aligner is of this bead (low scores are shown for review). */
  score: number;
}

export interface AlignOptions extends FeatureOptions, LexiconOptions {
  /** Gale–Church variance per character. */
  variance: number;
  /** Weight of the anchors against the length cost. */
  anchorWeight: number;
  /** Cost per number present on one side of a bead and missing on the other. */
  numberMismatch: number;
  /** Cost of leaving a unit unpaired: a base, plus so much per character. */
  skipBase: number;
  skipPerChar: number;
  /** Runs of up to `skipRun` unpaired units on one side pay `skipBase` once and `skipExtra` per unit after
   * the first: a run of captions or page furniture is cheap, a lone short sentence left out is not. */
  skipRun: number;
  skipExtra: number;
  /** 1: a bead of three units or more shares each anchor as many times as the smaller side holds it (its
   * two sides as bags), not once per pair of units: a word in both sentences of a 2–2 counts twice, not
   * four times. 0: once per pair of units. */
  bagShared: number;
  /** Cost of a bead of more than one unit a side, per extra unit. */
  mergeCost: number;
  /** Further cost of a bead of more than one unit on both sides (2–2, 2–3, …), added to `mergeCost`'s. */
  manyCost: number;
  /** Cost of a bead whose last unit ends on a weak stop (; : ,) on one side only. */
  weakEndCost: number;
  /** Cost of leaving a fragment unpaired: a unit that starts in lower case, ends on a weak stop, or follows
   * one that does (the rest of its sentence has a counterpart, so it belongs with it). */
  fragmentSkipCost: number;
  /** Cost of a bead that joins units across a paragraph mark (when the caller says where paragraphs start). */
  paragraphCost: number;
  /** Largest number of units on one side of a bead. */
  maxSide: number;
  /** Largest number of units in a bead, both sides together. */
  maxBead: number;
  /** Half-width of the search band, in units (widened automatically when the path touches its edge). */
  band: number;
  /** Words that share too many sentences are not anchors (share of all units). */
  maxDocFrequency: number;
  /** 1: one pass; 2 or more: further passes in the same band (missed anchors, induced lexicon). */
  passes: number;
  /** Second pass: cost per unit of anchor weight a bead leaves unpaired though it lies within `missWindow`. */
  missWeight: number;
  missWindow: number;
  /** An optional bilingual dictionary (`buildDictionary`, `parseDictionary`): its pairs are anchors too. */
  dictionary?: Dictionary;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  ...DEFAULT_FEATURE_OPTIONS,
  numberWeight: 3,
  punctWeight: 0.6,
  variance: 6.8,
  anchorWeight: 2,
  numberMismatch: 1,
  skipBase: 1,
  skipPerChar: 0.08,
  skipRun: 1,
  skipExtra: 0,
  mergeCost: 3,
  bagShared: 1,
  manyCost: 0,
  paragraphCost: 3,
  weakEndCost: 2,
  fragmentSkipCost: 0.5,
  maxSide: 6,
  maxBead: 7,
  band: 40,
  maxDocFrequency: 0.15,
  passes: 1,
  missWeight: 1,
  missWindow: 3,
  lexMaxCost: 3,
  lexMinCount: 3,
  lexMinDice: 0.5,
  lexMinLength: 3,
};

function prefixSums(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i] + values[i];
  return out;
}

const WEAK_END = /[;:,\u061B\u060C]\s*$/u;
const LOWER_START = /^[^\p{L}\p{N}]*\p{Ll}/u;

interface Step {
  a: number;
  b: number;
}

function steps(opts: AlignOptions): Step[] {
  const out: Step[] = [];
  for (let k = 1; k <= Math.max(1, opts.skipRun); k++) out.push({ a: k, b: 0 }, { a: 0, b: k });
  for (let a = 1; a <= opts.maxSide; a++)
    for (let b = 1; b <= opts.maxSide; b++) if (a + b <= opts.maxBead) out.push({ a, b });
  return out;
}

interface Path {
  beads: PathBead[];
  touchesEdge: boolean;
}

function search(
  n: number,
  m: number,
  src: Side,
  tgt: Side,
  anchors: AnchorMatrix,
  band: Band,
  opts: AlignOptions,
  ratio: number,
  available?: Available,
): Path {
  const all = steps(opts);
  const cost = new Float64Array(band.size).fill(Infinity);
  const back = new Int8Array(band.size).fill(-1);
  cost[0] = 0;
  const beadCost = makeBeadCost(src, tgt, anchors, opts, ratio, available);
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i]; j <= band.hi[i]; j++) {
      const here = band.offset[i] + j - band.lo[i];
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestStep = -1;
      for (let s = 0; s < all.length; s++) {
        const { a, b } = all[s];
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0 || pj < band.lo[pi] || pj > band.hi[pi]) continue;
        const prev = cost[band.offset[pi] + pj - band.lo[pi]];
        if (prev === Infinity) continue;
        const c = prev + beadCost(pi, pj, a, b, best - prev);
        if (c < best) {
          best = c;
          bestStep = s;
        }
      }
      cost[here] = best;
      back[here] = bestStep;
    }
  }
  const beads: Path['beads'] = [];
  let touchesEdge = false;
  for (let i = n, j = m; i > 0 || j > 0;) {
    const s = back[band.offset[i] + j - band.lo[i]];
    if (s < 0) throw new Error('alignment band has no path');
    const { a, b } = all[s];
    if ((j === band.lo[i] && band.lo[i] > 0) || (j === band.hi[i] && band.hi[i] < m)) touchesEdge = true;
    const cost = beadCost(i - a, j - b, a, b);
    // A run of unpaired units is one step of the search but one bead per unit (as in the gold format).
    if (a === 0 || b === 0)
      for (let k = a + b - 1; k >= 0; k--)
        beads.push({ i: i - (a && a - k), j: j - (b && b - k), a: a && 1, b: b && 1, cost: cost / (a + b) });
    else beads.push({ i: i - a, j: j - b, a, b, cost });
    i -= a;
    j -= b;
  }
  beads.reverse();
  return { beads, touchesEdge };
}

/** Confidence of a bead from its cost: 1 for a cheap bead rich in anchors, towards 0 for an expensive one. */
const confidence = (cost: number, a: number, b: number): number =>
  a === 0 || b === 0 ? 0.3 : 1 / (1 + Math.exp(cost - 3));

/** What the search needs of both texts: the units' features and their prefix sums. */
function model(
  source: readonly string[],
  target: readonly string[],
  opts: AlignOptions,
  paragraphs?: { source: readonly boolean[]; target: readonly boolean[] },
) {
  const vocab = newVocabulary();
  const dict = opts.dictionary;
  const sf = source.map((s) => sentenceFeatures(s, vocab, opts, undefined, dict?.source));
  const tf = target.map((t) => sentenceFeatures(t, vocab, opts, undefined, dict?.target));
  const side = (f: typeof sf, starts: readonly boolean[] | undefined): Side => ({
    length: prefixSums(f.map((x) => x.length)),
    numbers: prefixSums(f.map((x) => x.numbers)),
    starts: prefixSums(f.map((_, k) => (starts?.[k] ? 1 : 0))),
    weak: Uint8Array.from(texts(f), (t) => (WEAK_END.test(t) ? 1 : 0)),
    fragments: new Float64Array(0),
  });
  const texts = (f: typeof sf) => (f === sf ? source : target);
  const src = side(sf, paragraphs?.source);
  const tgt = side(tf, paragraphs?.target);
  // A fragment: part of a sentence cut at a weak stop (it ends on one, follows one, or starts in lower case).
  const fragments = (texts: readonly string[], weak: Uint8Array) =>
    prefixSums(texts.map((t, k) => (weak[k] || (k > 0 && weak[k - 1]) || LOWER_START.test(t) ? 1 : 0)));
  src.fragments = fragments(source, src.weak);
  tgt.fragments = fragments(target, tgt.weak);
  const ratio = Math.max(tgt.length[target.length], 1) / Math.max(src.length[source.length], 1);

  return { src, tgt, ratio, sf, tf, vocab };
}

/**
 * The first pass's bead cost for two texts, for error analysis (bench/align-debug.ts): what the search
 * minimises, so that a gold stretch and the returned one can be compared.
 */
export function firstPassCost(
  source: readonly string[],
  target: readonly string[],
  options: Partial<AlignOptions> = {},
): (i: number, j: number, a: number, b: number) => number {
  const opts = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const { src, tgt, ratio, sf, tf, vocab } = model(source, target, opts);
  const n = source.length;
  const m = target.length;
  const band = makeBand(n, m, (i) => (i * m) / n, Math.max(n, m));
  return makeBeadCost(src, tgt, anchorMatrix(sf, tf, vocab, band, opts), opts, ratio);
}

export function alignUnits(
  source: readonly string[],
  target: readonly string[],
  options: Partial<AlignOptions> = {},
  paragraphs?: { source: readonly boolean[]; target: readonly boolean[] },
): Bead[] {
  const opts = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const n = source.length;
  const m = target.length;
  if (n === 0 || m === 0) {
    return [
      ...source.map((_, i) => ({ source: [i], target: [], score: 1 })),
      ...target.map((_, j) => ({ source: [], target: [j], score: 1 })),
    ];
  }
  const { src, tgt, ratio, sf, tf, vocab } = model(source, target, opts, paragraphs);
  const dict = opts.dictionary;

  // First pass: anchors and lengths, in a band around the diagonal.
  let width = opts.band;
  let band: Band;
  let anchors: AnchorMatrix;
  let path: Path;
  for (;;) {
    band = makeBand(n, m, (i) => (i * m) / n, width);
    anchors = anchorMatrix(sf, tf, vocab, band, opts);
    path = search(n, m, src, tgt, anchors, band, opts, ratio);
    // A path along the band's edge may have been pushed there: widen and search again.
    if (!path.touchesEdge || width >= Math.max(n, m)) break;
    width *= 2;
  }

  // Further passes, in the same band: a bead also pays for the anchor weight its units share with units
  // of the other side near where the previous pass put them, but not with its own (what a wrong cut
  // leaves to a neighbour); optionally with a lexicon induced from the previous pass's cheap beads.
  let [sf2, tf2] = [sf, tf];
  if (opts.passes > 1 && opts.lexWeight > 0) {
    const lexicon = induceLexicon(source.map(unitWords), target.map(unitWords), path.beads, opts);
    const vocab2 = newVocabulary();
    sf2 = source.map((s) => sentenceFeatures(s, vocab2, opts, lexicon.source, dict?.source));
    tf2 = target.map((t) => sentenceFeatures(t, vocab2, opts, lexicon.target, dict?.target));
    anchors = anchorMatrix(sf2, tf2, vocab2, band, opts);
  }
  for (let pass = 2; pass <= opts.passes; pass++) {
    const ranges = beadRanges(path.beads, n, m);
    path = search(n, m, src, tgt, anchors, band, opts, ratio, {
      source: availableWeight(sf2, tf2, anchors.featureWeight, ranges.source, opts.missWindow),
      target: availableWeight(tf2, sf2, anchors.featureWeight, ranges.target, opts.missWindow),
    });
  }
  return toBeads(path);
}

function toBeads(path: Path): Bead[] {
  return path.beads.map(({ i, j, a, b, cost }) => ({
    source: Array.from({ length: a }, (_, k) => i + k),
    target: Array.from({ length: b }, (_, k) => j + k),
    score: Math.round(confidence(cost, a, b) * 1000) / 1000,
  }));
}
