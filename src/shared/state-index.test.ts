import { List } from 'immutable';
import { describe, expect, it } from 'vitest';
import { appended, byId, flagsOnSegment, positionOf, replaceAt, setAt } from './state-index';

const f = (id: string, segmentId: string) => ({ id, segmentId });

describe('state-index', () => {
  it('finds by id in arrays and lists it has never seen', () => {
    const arr = [f('a', 's1'), f('b', 's2')];
    expect(byId(arr, 'b')).toBe(arr[1]);
    expect(byId(arr, 'zz')).toBeUndefined();
    expect(flagsOnSegment(arr, 's1')).toEqual([arr[0]]);
    const list = List(arr);
    expect(byId(list, 'b')).toBe(arr[1]);
    expect(positionOf(list, 'zz')).toBe(-1);
    expect(flagsOnSegment(list, 's2')).toEqual([arr[1]]);
  });

  it('shares the index across versions without leaking later items into earlier ones', () => {
    const v1 = List([f('a', 's1')]);
    const v2 = appended(v1, f('b', 's1'));
    const v3 = setAt(v2, 0, f('a', 's1'));
    expect(v1.size).toBe(1);
    expect(byId(v1, 'b')).toBeUndefined();
    expect(flagsOnSegment(v1, 's1').map((x) => x.id)).toEqual(['a']);
    expect(flagsOnSegment(v3, 's1').map((x) => x.id)).toEqual(['a', 'b']);
    expect(byId(v3, 'a')).toBe(v3.get(0));
    expect(positionOf(v3, 'b')).toBe(1);
  });

  it('stays right when two versions branch from the same list', () => {
    const base = List([f('a', 's1')]);
    const left = appended(base, f('x', 's1'));
    const right = appended(base, f('y', 's2'));
    expect(byId(left, 'x')).toBe(left.get(1));
    expect(byId(right, 'y')).toBe(right.get(1));
    expect(byId(left, 'y')).toBeUndefined();
    expect(byId(right, 'x')).toBeUndefined();
    expect(flagsOnSegment(left, 's2')).toEqual([]);
    expect(flagsOnSegment(right, 's1').map((x) => x.id)).toEqual(['a']);
  });

  it('keeps creation order on a segment after a write was rolled back and new flags branch off', () => {
    const durable = List([f('a', 's1')]);
    // A failed write had appended x and z; the store rolls back to `durable`.
    appended(appended(durable, f('x', 's2')), f('z', 's1'));
    const head = appended(appended(durable, f('y', 's1')), f('w', 's1'));
    expect(flagsOnSegment(head, 's1').map((x) => x.id)).toEqual(['a', 'y', 'w']);
    expect(flagsOnSegment(head, 's2')).toEqual([]);
    expect(byId(head, 'z')).toBeUndefined();
    expect(byId(head, 'w')).toBe(head.get(2));
  });

  it('refuses to replace at a position that is not in the list (List.set(-1) would hit the last flag)', () => {
    const list = List([f('a', 's1'), f('b', 's1')]);
    expect(() => setAt(list, positionOf(list, 'zz'), f('zz', 's1'))).toThrow(RangeError);
    expect(() => setAt(list, 2, f('c', 's1'))).toThrow(RangeError);
    expect(list.get(1)?.id).toBe('b');
  });

  it('keeps every version of a list of thousands intact as it grows', () => {
    const versions = [List<ReturnType<typeof f>>()];
    for (let i = 0; i < 3000; i++) versions.push(appended(versions[i]!, f(`f${i}`, `s${i % 7}`)));
    for (const n of [0, 1, 31, 32, 33, 1024, 1025, 3000]) {
      const v = versions[n]!;
      expect(v.size).toBe(n);
      expect(byId(v, `f${n}`)).toBeUndefined();
      if (n > 0) expect(byId(v, `f${n - 1}`)?.id).toBe(`f${n - 1}`);
      expect(flagsOnSegment(v, 's3').length).toBe(Math.floor((n + 3) / 7));
    }
  });

  it('does not mutate its inputs', () => {
    const arr = Object.freeze([f('a', 's1')]);
    const next = replaceAt(arr, 0, f('a2', 's1'));
    expect(arr[0]?.id).toBe('a');
    expect(next[0]?.id).toBe('a2');
    const list = List([f('a', 's1')]);
    const changed = setAt(list, 0, f('a2', 's1'));
    expect(list.get(0)?.id).toBe('a');
    expect(changed.get(0)?.id).toBe('a2');
  });
});
