import { describe, expect, it } from 'vitest';
import { mergeBeadWithNext, splitBead, unpairBead } from './edit-beads';

const beads = [
  { source: [0], target: [0], score: 0.9 },
  { source: [1, 2], target: [1], score: 0.3 },
  { source: [], target: [2], score: 0.3 },
];
const shape = (bs: { source: number[]; target: number[] }[]) => bs.map((b) => [b.source, b.target]);

describe('editing proposed pairs', () => {
  it('merges a pair with the next', () => {
    expect(shape(mergeBeadWithNext(beads, 1))).toEqual([
      [[0], [0]],
      [
        [1, 2],
        [1, 2],
      ],
    ]);
    expect(mergeBeadWithNext(beads, 1)[1]!.score).toBe(1);
    expect(shape(mergeBeadWithNext(beads, 2))).toEqual(shape(beads));
  });

  it('splits a pair of several units after its first units', () => {
    expect(shape(splitBead(beads, 1))).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], []],
      [[], [2]],
    ]);
    expect(shape(splitBead(beads, 0))).toEqual(shape(beads));
  });

  it('unpairs a pair into units on their own, in order', () => {
    expect(shape(unpairBead(beads, 1))).toEqual([
      [[0], [0]],
      [[1], []],
      [[2], []],
      [[], [1]],
      [[], [2]],
    ]);
    expect(shape(unpairBead(beads, 2))).toEqual(shape(beads));
  });
});
