import { describe, expect, it } from 'vitest';
import { appended, byId, flagsOnSegment, positionOf, replaceAt } from './state-index';

const f = (id: string, segmentId: string) => ({ id, segmentId });

describe('state-index', () => {
  it('finds by id in arrays it has never seen', () => {
    const arr = [f('a', 's1'), f('b', 's2')];
    expect(byId(arr, 'b')).toBe(arr[1]);
    expect(byId(arr, 'zz')).toBeUndefined();
    expect(flagsOnSegment(arr, 's1')).toEqual([arr[0]]);
  });

  it('shares the index across versions without leaking later items into earlier ones', () => {
    const v1 = [f('a', 's1')];
    const v2 = appended(v1, f('b', 's1'));
    const v3 = replaceAt(v2, 0, f('a', 's1'));
    expect(byId(v1, 'b')).toBeUndefined();
    expect(flagsOnSegment(v1, 's1').map((x) => x.id)).toEqual(['a']);
    expect(flagsOnSegment(v3, 's1').map((x) => x.id)).toEqual(['a', 'b']);
    expect(byId(v3, 'a')).toBe(v3[0]);
    expect(positionOf(v3, 'b')).toBe(1);
  });

  it('stays right when two versions branch from the same array', () => {
    const base = [f('a', 's1')];
    const left = appended(base, f('x', 's1'));
    const right = appended(base, f('y', 's2'));
    expect(byId(left, 'x')).toBe(left[1]);
    expect(byId(right, 'y')).toBe(right[1]);
    expect(byId(left, 'y')).toBeUndefined();
    expect(byId(right, 'x')).toBeUndefined();
    expect(flagsOnSegment(left, 's2')).toEqual([]);
    expect(flagsOnSegment(right, 's1').map((x) => x.id)).toEqual(['a']);
  });

  it('does not mutate its inputs', () => {
    const arr = Object.freeze([f('a', 's1')]);
    const next = replaceAt(arr, 0, f('a2', 's1'));
    expect(arr[0]?.id).toBe('a');
    expect(next[0]?.id).toBe('a2');
  });
});
