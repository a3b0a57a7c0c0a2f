import type { SentenceFeatures } from './features';

/**
 * What the second pass learns from the first: a bilingual lexicon induced from the document itself, and how
 * much anchor weight each unit could find near where the first pass put it. Both need no dictionary.
 */

/** A bead of a path: units i … i+a−1 of the source with j … j+b−1 of the target. */
export interface PathBead {
  i: number;
  j: number;
  a: number;
  b: number;
  cost: number;
}

export interface LexiconOptions {
  /** Beads of the first pass above this cost do not teach the lexicon. */
  lexMaxCost: number;
  /** A pair must co-occur in at least so many beads, with at least this Dice coefficient. */
  lexMinCount: number;
  lexMinDice: number;
  /** Shorter words are not learnt. */
  lexMinLength: number;
  /** Letters of a cognate prefix: pairs that already share it are anchors without the lexicon. */
  prefix: number;
}

export interface Lexicon {
  /** Folded word → key of its pair, on each side. */
  source: Map<string, string>;
  target: Map<string, string>;
}

function ids(words: readonly (readonly string[])[], minLength: number, table: Map<string, number>): number[][] {
  return words.map((ws) => {
    const out = new Set<number>();
    for (const w of ws) {
      if (w.length < minLength) continue;
      let id = table.get(w);
      if (id === undefined) table.set(w, (id = table.size));
      out.add(id);
    }
    return [...out];
  });
}

/**
 * Word pairs that co-occur in the first pass's cheap beads far more than chance (Dice over beads), linked
 * competitively: the best pair first, each word in at most one pair (Melamed 2000). The small document
 * bootstraps its own dictionary, as hunalign's realign mode and Bleualign's iterations do.
 */
export function induceLexicon(
  sourceWords: readonly (readonly string[])[],
  targetWords: readonly (readonly string[])[],
  beads: readonly PathBead[],
  opts: LexiconOptions,
): Lexicon {
  const sTable = new Map<string, number>();
  const tTable = new Map<string, number>();
  const sIds = ids(sourceWords, opts.lexMinLength, sTable);
  const tIds = ids(targetWords, opts.lexMinLength, tTable);
  const used = beads.filter((b) => b.a > 0 && b.b > 0 && b.cost <= opts.lexMaxCost);
  const bagOf = (list: number[][], from: number, count: number) => {
    const bag = new Set<number>();
    for (let k = from; k < from + count; k++) for (const id of list[k]!) bag.add(id);
    return [...bag];
  };
  const bags = used.map((b) => ({ s: bagOf(sIds, b.i, b.a), t: bagOf(tIds, b.j, b.b) }));
  const fs = new Float64Array(sTable.size);
  const ft = new Float64Array(tTable.size);
  for (const { s, t } of bags) {
    for (const id of s) fs[id]++;
    for (const id of t) ft[id]++;
  }
  const together = new Map<number, number>();
  const width = tTable.size;
  for (const { s, t } of bags) {
    const ts = t.filter((id) => ft[id] >= opts.lexMinCount);
    for (const a of s) {
      if (fs[a] < opts.lexMinCount) continue;
      for (const b of ts) together.set(a * width + b, (together.get(a * width + b) ?? 0) + 1);
    }
  }
  const sWord = [...sTable.keys()];
  const tWord = [...tTable.keys()];
  const candidates: { a: number; b: number; dice: number; count: number }[] = [];
  for (const [key, count] of together) {
    if (count < opts.lexMinCount) continue;
    const a = Math.floor(key / width);
    const b = key % width;
    const dice = (2 * count) / (fs[a] + ft[b]);
    if (dice >= opts.lexMinDice) candidates.push({ a, b, dice, count });
  }
  candidates.sort((x, y) => y.dice - x.dice || y.count - x.count);
  const lexicon: Lexicon = { source: new Map(), target: new Map() };
  const takenS = new Set<number>();
  const takenT = new Set<number>();
  for (const { a, b } of candidates) {
    if (takenS.has(a) || takenT.has(b)) continue;
    takenS.add(a);
    takenT.add(b);
    const s = sWord[a]!;
    const t = tWord[b]!;
    const cognate =
      s.length >= opts.prefix && t.length >= opts.prefix && s.slice(0, opts.prefix) === t.slice(0, opts.prefix);
    if (cognate || s === t) continue;
    lexicon.source.set(s, `${s}=${t}`);
    lexicon.target.set(t, `${s}=${t}`);
  }
  return lexicon;
}

/**
 * For each unit, the anchor weight it shares with the units of the other side near its first-pass bead
 * (`window` units either side): what a bead that leaves those neighbours out fails to pair.
 */
export function availableWeight(
  own: readonly SentenceFeatures[],
  other: readonly SentenceFeatures[],
  featureWeight: Float64Array,
  ranges: readonly { from: number; to: number }[],
  window: number,
): Float64Array {
  const out = new Float64Array(own.length);
  own.forEach((f, x) => {
    const { from, to } = ranges[x]!;
    const near = new Map<number, number>();
    for (let y = Math.max(0, from - window); y < Math.min(other.length, to + window); y++) {
      const g = other[y]!;
      g.ids.forEach((id, k) => near.set(id, (near.get(id) ?? 0) + g.counts[k]!));
    }
    let sum = 0;
    f.ids.forEach((id, k) => {
      const there = near.get(id);
      if (there !== undefined) sum += featureWeight[id]! * Math.min(f.counts[k]!, there);
    });
    out[x] = sum;
  });
  return out;
}

/** The span of the other side each unit's bead covers (or the point where it was left unpaired). */
export function beadRanges(beads: readonly PathBead[], n: number, m: number) {
  const source = new Array<{ from: number; to: number }>(n);
  const target = new Array<{ from: number; to: number }>(m);
  for (const { i, j, a, b } of beads) {
    for (let x = i; x < i + a; x++) source[x] = { from: j, to: j + b };
    for (let y = j; y < j + b; y++) target[y] = { from: i, to: i + a };
  }
  return { source, target };
}
