import type { FeatureOptions, SentenceFeatures, Vocabulary } from './features';

/** Anchors shared by source unit x and target unit y, for the pairs inside the search band. */
export interface AnchorMatrix {
  weight(x: number, y: number): number;
  /** Anchor weight, and shared numbers, of source unit x with target units y0 … y1−1 (prefix sums). */
  rowWeight(x: number, y0: number, y1: number): number;
  rowNumbers(x: number, y0: number, y1: number): number;
  /** Weight of each feature id as an anchor (0: not an anchor). */
  featureWeight: Float64Array;
  /** The features of each unit, and which feature ids are numbers (for a bead's shared anchors as bags). */
  source: readonly SentenceFeatures[];
  target: readonly SentenceFeatures[];
  isNumber: Uint8Array;
  /** Prefix sums over source units of all the anchor weight each unit shares within its stored row: an
   * upper bound on what units x0 … x1−1 can share with any target span, `rowTotals[x1] − rowTotals[x0]`. */
  rowTotals: Float64Array;
  /** The same over target units, for spans of the target side. */
  columnTotals: Float64Array;
}

interface BandRows {
  lo: Int32Array;
  hi: Int32Array;
}

export interface AnchorOptions extends FeatureOptions {
  maxDocFrequency: number;
  maxSide: number;
}

/**
 * Shared features weighted by rarity: a feature found in one unit on each side weighs its kind's weight,
 * one found in many weighs less (log inverse document frequency), and words in more than
 * `maxDocFrequency` of the units are not anchors at all (accidental cognates such as short function words),
 * unless found in only one unit a side.
 */
export function anchorMatrix(
  sf: readonly SentenceFeatures[],
  tf: readonly SentenceFeatures[],
  vocab: Vocabulary,
  rows: BandRows,
  opts: AnchorOptions,
): AnchorMatrix {
  const n = sf.length;
  const m = tf.length;
  const df = new Float64Array(vocab.kinds.length);
  for (const f of sf) for (const id of f.ids) df[id]++;
  for (const f of tf) for (const id of f.ids) df[id]++;
  const total = n + m;
  const norm = Math.log(Math.max(total / 2, 2));
  const kindWeight = {
    number: opts.numberWeight,
    word: opts.wordWeight,
    punct: opts.punctWeight,
    lex: opts.lexWeight,
    dict: opts.dictWeight,
  };
  const featureWeight = new Float64Array(df.length);
  for (let id = 0; id < df.length; id++) {
    const kind = vocab.kinds[id]!;
    // A feature found once on each side stays an anchor however short the document.
    if ((kind === 'word' || kind === 'lex' || kind === 'dict') && df[id] > 2 && df[id] / total > opts.maxDocFrequency)
      continue;
    featureWeight[id] = kindWeight[kind] * Math.max(0.1, Math.log(total / Math.max(df[id], 2)) / norm);
  }
  // Postings of the target side: feature → [unit, count, unit, count, …].
  const postings = new Map<number, number[]>();
  tf.forEach((f, y) => {
    f.ids.forEach((id, k) => {
      if (featureWeight[id] === 0) return;
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push(y, f.counts[k]);
    });
  });
  // Unit x is in beads that start at rows x − maxSide + 1 … x; their targets reach maxSide past the band.
  const start = (x: number) => rows.lo[Math.max(0, x - opts.maxSide)];
  const end = (x: number) => Math.min(m, rows.hi[x] + opts.maxSide);
  const offsets = new Int32Array(n + 1);
  for (let x = 0; x < n; x++) offsets[x + 1] = offsets[x] + end(x) - start(x);
  const weights = new Float32Array(offsets[n]);
  const numbers = new Float32Array(offsets[n]);
  sf.forEach((f, x) => {
    const from = start(x);
    const to = from + offsets[x + 1] - offsets[x];
    f.ids.forEach((id, k) => {
      const list = postings.get(id);
      if (!list) return;
      const isNumber = vocab.kinds[id] === 'number';
      for (let p = 0; p < list.length; p += 2) {
        const y = list[p];
        if (y < from || y >= to) continue;
        const shared = Math.min(f.counts[k], list[p + 1]);
        weights[offsets[x] + y - from] += featureWeight[id] * shared;
        if (isNumber) numbers[offsets[x] + y - from] += shared;
      }
    });
  });
  // Prefix sums of each row (a row of k cells has k + 1 sums, from offsets[x] + x).
  const sums = (cells: Float32Array) => {
    const out = new Float64Array(offsets[n] + n);
    for (let x = 0; x < n; x++) {
      const base = offsets[x] + x;
      for (let k = 0; k < offsets[x + 1] - offsets[x]; k++) out[base + k + 1] = out[base + k] + cells[offsets[x] + k];
    }
    return out;
  };
  const weightSums = sums(weights);
  const numberSums = sums(numbers);
  const starts = Int32Array.from({ length: n }, (_, x) => start(x));
  const rowSum = (table: Float64Array, x: number, y0: number, y1: number) => {
    const from = starts[x]!;
    const len = offsets[x + 1]! - offsets[x]!;
    const a = Math.min(Math.max(y0 - from, 0), len);
    const b = Math.min(Math.max(y1 - from, 0), len);
    const base = offsets[x] + x;
    return table[base + b] - table[base + a];
  };
  const at = (x: number, y: number): number => {
    const from = start(x);
    const i = y - from;
    return i >= 0 && i < offsets[x + 1] - offsets[x] ? offsets[x] + i : -1;
  };
  return {
    featureWeight,
    source: sf,
    target: tf,
    isNumber: Uint8Array.from(vocab.kinds, (k) => (k === 'number' ? 1 : 0)),
    columnTotals: (() => {
      const out = new Float64Array(m + 1);
      for (let x = 0; x < n; x++) {
        const from = starts[x]!;
        for (let k = 0; k < offsets[x + 1]! - offsets[x]!; k++) out[from + k + 1] += weights[offsets[x]! + k]!;
      }
      for (let y = 0; y < m; y++) out[y + 1] += out[y]!;
      return out;
    })(),
    rowTotals: (() => {
      const out = new Float64Array(n + 1);
      for (let x = 0; x < n; x++) out[x + 1] = out[x] + rowSum(weightSums, x, 0, m);
      return out;
    })(),
    rowWeight: (x, y0, y1) => rowSum(weightSums, x, y0, y1),
    rowNumbers: (x, y0, y1) => rowSum(numberSums, x, y0, y1),
    weight: (x, y) => {
      const i = at(x, y);
      return i < 0 ? 0 : weights[i];
    },
  };
}
