/**
 * The length model of Gale & Church (1993, "A program for aligning sentences in bilingual corpora"):
 * the translation of l source characters has about c·l characters, with a variance s²·l; a bead's cost is
 * −log of the two-sided tail probability of the observed difference.
 */

/** −log erfc(x) for x ≥ 0, from Abramowitz & Stegun 7.1.26 (erfc error below 1.5e-7), without underflow. */
function minusLogErfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  // Capped where erfc falls below 1e-30, as before: one wildly unequal bead must not outweigh all else.
  return Math.min(x * x - Math.log(poly), 69.0776);
}

/** −log P(|δ| ≥ observed) for a source of `ls` and a target of `lt` characters. */
export function lengthCost(ls: number, lt: number, ratio: number, variance: number): number {
  if (ls === 0 && lt === 0) return 0;
  const mean = (ls + lt / ratio) / 2;
  const delta = Math.abs(lt - ls * ratio) / Math.sqrt(Math.max(mean, 1) * variance);
  // Two-sided tail of the standard normal: 2(1 − Φ(δ)) = erfc(δ/√2).
  return minusLogErfc(delta / Math.SQRT2);
}
