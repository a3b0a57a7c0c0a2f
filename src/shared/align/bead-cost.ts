import type { AnchorMatrix } from './anchor-matrix';
import type { AlignOptions } from './align';
import { lengthCost } from './gale-church';

/** What the cost of a bead needs to know of one side, as prefix sums over its units. */
export interface Side {
  length: Float64Array; // prefix sums of lengths
  numbers: Float64Array; // prefix sums of number counts
  starts: Float64Array; // prefix sums of paragraph starts
  fragments: Float64Array; // prefix sums of fragments: units that start in lower case, end weakly or follow one that does
  weak: Uint8Array; // 1 where a unit ends with a weak stop (; : ,), the sentence going on in the next unit
}

/** Anchor weight each unit could pair near its first-pass bead (second pass only). */
export interface Available {
  source: Float64Array;
  target: Float64Array;
}

/**
 * The cost of a bead of units i … i+a−1 of the source and j … j+b−1 of the target: the Gale–Church length cost
 * plus a cost per unit past one a side, minus the anchors it pairs, plus the penalties described in
 * `AlignOptions`. Lower is better; the search sums it over the path.
 */
export function makeBeadCost(
  src: Side,
  tgt: Side,
  anchors: AnchorMatrix,
  opts: AlignOptions,
  ratio: number,
  available?: Available,
): (i: number, j: number, a: number, b: number, bound?: number) => number {
  // Scratch counts per feature id, for beads of three units or more (see `bagShared`).
  const size = anchors.featureWeight.length;
  const countS = new Float64Array(size);
  const countT = new Float64Array(size);
  const touched: number[] = [];
  /** Anchor weight and shared numbers of the bead's two sides as bags: a feature counts min(source, target). */
  const bag = (i: number, j: number, a: number, b: number): [number, number] => {
    touched.length = 0;
    for (let x = i; x < i + a; x++) {
      const f = anchors.source[x]!;
      for (let k = 0; k < f.ids.length; k++) {
        const id = f.ids[k]!;
        if (anchors.featureWeight[id] === 0) continue;
        if (countS[id] === 0 && countT[id] === 0) touched.push(id);
        countS[id] += f.counts[k]!;
      }
    }
    for (let y = j; y < j + b; y++) {
      const f = anchors.target[y]!;
      for (let k = 0; k < f.ids.length; k++) {
        const id = f.ids[k]!;
        if (anchors.featureWeight[id] === 0 || countS[id] === 0) continue;
        countT[id] += f.counts[k]!;
      }
    }
    let weight = 0;
    let numbers = 0;
    for (const id of touched) {
      const shared = Math.min(countS[id]!, countT[id]!);
      weight += anchors.featureWeight[id]! * shared;
      if (anchors.isNumber[id]) numbers += shared;
      countS[id] = 0;
      countT[id] = 0;
    }
    return [weight, numbers];
  };
  // `bound`: the search only needs the cost if it is below it; a bead found at or above it is returned with
  // a partial cost, itself at or above the bound (counting a bead's sides as bags can only raise its cost).
  return (i, j, a, b, bound = Infinity) => {
    // Merge costs against all the anchors these units could share: past the bound, nothing to count.
    if (a + b > 2 && !available && b > 0 && a > 0) {
      const floor =
        opts.mergeCost * (a + b - 2) +
        (a > 1 && b > 1 ? opts.manyCost : 0) -
        opts.anchorWeight *
          Math.min(
            anchors.rowTotals[i + a]! - anchors.rowTotals[i]!,
            anchors.columnTotals[j + b]! - anchors.columnTotals[j]!,
          );
      if (floor >= bound) return floor;
    }
    const ls = src.length[i + a] - src.length[i];
    const lt = tgt.length[j + b] - tgt.length[j];
    let shared = 0;
    let sharedNumbers = 0;
    let missed = 0;
    for (let x = i; x < i + a; x++) {
      const hit = anchors.rowWeight(x, j, j + b);
      shared += hit;
      if (available) missed += Math.max(0, available.source[x] - hit);
    }
    if (available)
      for (let y = j; y < j + b; y++) {
        let hit = 0;
        for (let x = i; x < i + a; x++) hit += anchors.weight(x, y);
        missed += Math.max(0, available.target[y] - hit);
      }
    if (a === 0 || b === 0) {
      const fragments = src.fragments[i + a] - src.fragments[i] + tgt.fragments[j + b] - tgt.fragments[j];
      return (
        opts.skipBase +
        opts.skipExtra * (a + b - 1) +
        opts.skipPerChar * (ls + lt) +
        opts.missWeight * missed +
        opts.fragmentSkipCost * fragments
      );
    }
    // The terms that cannot be negative come last: a bead the rest already puts at the bound is not
    // worth its length cost.
    const base =
      opts.mergeCost * (a + b - 2) +
      (a > 1 && b > 1 ? opts.manyCost : 0) +
      opts.missWeight * missed -
      opts.anchorWeight * shared;
    if (base >= bound) return base;
    for (let x = i; x < i + a; x++) sharedNumbers += anchors.rowNumbers(x, j, j + b);
    const numbers = src.numbers[i + a] - src.numbers[i] + tgt.numbers[j + b] - tgt.numbers[j];
    // Paragraph marks inside the bead (a unit after the first that starts a paragraph).
    const crossed = src.starts[i + a] - src.starts[i + 1] + tgt.starts[j + b] - tgt.starts[j + 1];
    // One side's last unit ends on a weak stop and the other's does not: the cut is likely in the wrong place.
    const weakEnd = src.weak[i + a - 1] !== tgt.weak[j + b - 1] ? opts.weakEndCost : 0;
    const rest =
      base +
      opts.anchorWeight * shared +
      weakEnd +
      lengthCost(ls, lt, ratio, opts.variance) +
      opts.paragraphCost * crossed;
    const pairwise = rest - opts.anchorWeight * shared + opts.numberMismatch * Math.max(0, numbers - 2 * sharedNumbers);
    if (!opts.bagShared || a + b <= 2 || pairwise >= bound) return pairwise;
    const [w, n] = bag(i, j, a, b);
    return rest - opts.anchorWeight * w + opts.numberMismatch * Math.max(0, numbers - 2 * n);
  };
}
