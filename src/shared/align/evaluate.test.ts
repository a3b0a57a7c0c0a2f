import { describe, expect, it } from 'vitest';
import { parseGoldAlignment, scoreAlignment } from './evaluate';

describe('scoreAlignment', () => {
  const gold = parseGoldAlignment('[0]:[0]\n[1]:[1, 2]\n[]:[3]\n[2, 3]:[4]\n');

  it('parses the Bleualign gold format', () => {
    expect(gold).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1, 2] },
      { source: [], target: [3] },
      { source: [2, 3], target: [4] },
    ]);
  });

  it('scores a perfect alignment 1', () => {
    const s = scoreAlignment(gold, gold);
    expect(s.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.lax).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('counts a bead sharing a link as a lax hit only, and ignores 1–0/0–1 beads in recall', () => {
    const predicted = [
      { source: [0], target: [0] },
      { source: [1], target: [1] }, // lax: shares 1–1 with gold [1]:[1,2]
      { source: [], target: [2] }, // neither
      { source: [], target: [3] }, // strict
      { source: [2, 3], target: [4] }, // strict
    ];
    const s = scoreAlignment(predicted, gold);
    expect(s.strict.precision).toBeCloseTo(3 / 5);
    expect(s.lax.precision).toBeCloseTo(4 / 5);
    // Recall: gold's three paired beads against the prediction's three paired beads.
    expect(s.strict.recall).toBeCloseTo(2 / 3);
    expect(s.lax.recall).toBeCloseTo(1);
  });
});
