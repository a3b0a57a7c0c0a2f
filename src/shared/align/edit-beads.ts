/**
 * A reviewer's fixes to a proposed alignment before import (pure): merge a pair with the next, split a pair
 * of several units (its first units on each side stay, the rest become the next pair), unpair (each unit on
 * its own). Every unit stays exactly once and in order. A fixed pair is marked sure (score 1).
 */
export interface EditableBead {
  source: number[];
  target: number[];
  score: number;
}

export function mergeBeadWithNext<B extends EditableBead>(beads: readonly B[], i: number): B[] {
  const a = beads[i];
  const b = beads[i + 1];
  if (!a || !b) return [...beads];
  const merged = { ...a, source: [...a.source, ...b.source], target: [...a.target, ...b.target], score: 1 };
  return [...beads.slice(0, i), merged, ...beads.slice(i + 2)];
}

export function splitBead<B extends EditableBead>(beads: readonly B[], i: number): B[] {
  const a = beads[i];
  if (!a || (a.source.length < 2 && a.target.length < 2)) return [...beads];
  const first = { ...a, source: a.source.slice(0, 1), target: a.target.slice(0, 1), score: 1 };
  const rest = { ...a, source: a.source.slice(1), target: a.target.slice(1), score: 1 };
  return [...beads.slice(0, i), first, rest, ...beads.slice(i + 1)];
}

export function unpairBead<B extends EditableBead>(beads: readonly B[], i: number): B[] {
  const a = beads[i];
  if (!a || a.source.length === 0 || a.target.length === 0) return [...beads];
  const alone = [
    ...a.source.map((s) => ({ ...a, source: [s], target: [], score: 1 })),
    ...a.target.map((t) => ({ ...a, source: [], target: [t], score: 1 })),
  ];
  return [...beads.slice(0, i), ...alone, ...beads.slice(i + 1)];
}

/** Pairs below this score are shown for review. */
export const LOW_CONFIDENCE = 0.5;
