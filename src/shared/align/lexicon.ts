import { foldedWords, type SentenceFeatures, type Vocabulary } from './features';

/**
 * A lexicon learned from a first alignment, as hunalign's automatic dictionary: a source word and a target
 * word that keep landing in the same beads (Dice coefficient over the paired beads) become an anchor for the
 * second pass. Words found in more than `maxShare` of the beads are left out (function words).
 */
export interface LexiconOptions {
  minCount: number;
  minDice: number;
  maxShare: number;
}

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = { minCount: 2, minDice: 0.5, maxShare: 0.1 };

export function learnLexicon(
  beads: readonly { source: readonly number[]; target: readonly number[] }[],
  source: readonly string[],
  target: readonly string[],
  opts: LexiconOptions = DEFAULT_LEXICON_OPTIONS,
): [string, string][] {
  const paired = beads.filter((b) => b.source.length > 0 && b.target.length > 0);
  const srcWords = source.map((s) => new Set(foldedWords(s)));
  const tgtWords = target.map((t) => new Set(foldedWords(t)));
  const sCount = new Map<string, number>();
  const tCount = new Map<string, number>();
  const pairs = new Map<string, number>();
  const limit = Math.max(2, opts.maxShare * paired.length);
  const bagS = paired.map((b) => new Set(b.source.flatMap((i) => [...srcWords[i]!])));
  const bagT = paired.map((b) => new Set(b.target.flatMap((j) => [...tgtWords[j]!])));
  for (const bag of bagS) for (const w of bag) sCount.set(w, (sCount.get(w) ?? 0) + 1);
  for (const bag of bagT) for (const w of bag) tCount.set(w, (tCount.get(w) ?? 0) + 1);
  paired.forEach((_, k) => {
    const ws = [...bagS[k]!].filter((w) => sCount.get(w)! >= opts.minCount && sCount.get(w)! <= limit);
    const wt = [...bagT[k]!].filter((w) => tCount.get(w)! >= opts.minCount && tCount.get(w)! <= limit);
    for (const s of ws)
      for (const t of wt) {
        const key = `${s}\u0000${t}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  });
  // Keep mutual best pairs only: a word's most associated partner, and vice versa.
  const bestS = new Map<string, [string, number]>();
  const bestT = new Map<string, [string, number]>();
  for (const [key, c] of pairs) {
    if (c < opts.minCount) continue;
    const [s, t] = key.split('\u0000') as [string, string];
    const dice = (2 * c) / (sCount.get(s)! + tCount.get(t)!);
    if (dice < opts.minDice) continue;
    if ((bestS.get(s)?.[1] ?? 0) < dice) bestS.set(s, [t, dice]);
    if ((bestT.get(t)?.[1] ?? 0) < dice) bestT.set(t, [s, dice]);
  }
  return [...bestS].filter(([s, [t]]) => bestT.get(t)?.[0] === s).map(([s, [t]]) => [s, t]);
}

/** Adds one shared feature per learned pair to the units holding its words. */
export function addLexiconFeatures(
  lexicon: readonly [string, string][],
  source: readonly string[],
  target: readonly string[],
  sf: SentenceFeatures[],
  tf: SentenceFeatures[],
  vocab: Vocabulary,
): void {
  const bySource = new Map<string, number[]>();
  const byTarget = new Map<string, number[]>();
  for (const [s, t] of lexicon) {
    const key = `l:${s}\u0000${t}`;
    let id = vocab.ids.get(key);
    if (id === undefined) {
      id = vocab.kinds.length;
      vocab.ids.set(key, id);
      vocab.kinds.push('lexicon');
    }
    (bySource.get(s) ?? bySource.set(s, []).get(s)!).push(id);
    (byTarget.get(t) ?? byTarget.set(t, []).get(t)!).push(id);
  }
  const add = (texts: readonly string[], feats: SentenceFeatures[], index: Map<string, number[]>) =>
    texts.forEach((text, i) => {
      const f = feats[i]!;
      for (const w of new Set(foldedWords(text)))
        for (const id of index.get(w) ?? []) {
          f.ids.push(id);
          f.counts.push(1);
        }
    });
  add(source, sf, bySource);
  add(target, tf, byTarget);
}
