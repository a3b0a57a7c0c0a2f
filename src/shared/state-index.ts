/**
 * Id → position lookups for a document's segments and flags, so one event costs O(1) in the number of
 * segments and flags instead of a scan. Both arrays are append-only and never reordered, so every version
 * of an array can share one index: a position is trusted only after checking the id found there.
 */
interface Indexed {
  id: string;
}

interface Index {
  byId: Map<string, number>;
  /** For flags: positions of the flags on each segment. */
  byParent: Map<string, number[]>;
}

const indexes = new WeakMap<readonly Indexed[], Index>();

function indexOf(arr: readonly Indexed[]): Index {
  let index = indexes.get(arr);
  if (!index) {
    const built: Index = { byId: new Map(), byParent: new Map() };
    arr.forEach((x, i) => add(built, x, i));
    indexes.set(arr, built);
    index = built;
  }
  return index;
}

function add(index: Index, x: Indexed, i: number) {
  index.byId.set(x.id, i);
  // Flags are also indexed by their segment.
  const parent = (x as Partial<Flagish>).segmentId;
  if (parent === undefined) return;
  const list = index.byParent.get(parent);
  if (list) list.push(i);
  else index.byParent.set(parent, [i]);
}

export function positionOf<T extends Indexed>(arr: readonly T[], id: string): number {
  const i = indexOf(arr).byId.get(id);
  return i !== undefined && i < arr.length && arr[i]!.id === id ? i : -1;
}

export function byId<T extends Indexed>(arr: readonly T[], id: string): T | undefined {
  const i = positionOf(arr, id);
  return i < 0 ? undefined : arr[i];
}

/** A copy with item `i` replaced; the copy shares the index. */
export function replaceAt<T extends Indexed>(arr: readonly T[], i: number, item: T): T[] {
  const copy = arr.slice();
  copy[i] = item;
  const index = indexes.get(arr);
  if (index) indexes.set(copy, index);
  return copy;
}

type Flagish = Indexed & { segmentId: string };

/** A copy with `item` appended; the copy shares (and extends) the index. */
export function appended<T extends Flagish>(arr: readonly T[], item: T): T[] {
  const index = indexOf(arr);
  const copy = [...arr, item];
  add(index, item, copy.length - 1);
  indexes.set(copy, index);
  return copy;
}

/** The flags on one segment, in creation order. */
export function flagsOnSegment<T extends Flagish>(flags: readonly T[], segmentId: string): T[] {
  const positions = indexOf(flags).byParent.get(segmentId) ?? [];
  const out: T[] = [];
  for (const i of positions) {
    const f = flags[i];
    if (f && f.segmentId === segmentId && !out.includes(f)) out.push(f);
  }
  return out;
}
