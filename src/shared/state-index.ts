import type { List } from 'immutable';

/**
 * Id → position lookups for a document's segments and flags, so one event costs O(1) in the number of
 * segments and flags instead of a scan. Both sequences are append-only and never reordered, so every version
 * of a sequence can share one index: a position is trusted only after checking the id found there.
 *
 * Segments are a plain array (a fixed count, replaced one at a time). Flags grow with every FlagCreated, so in
 * the fold they are an immutable.js List: appending or replacing one shares everything else, where copying
 * an array of 20,000 flags per event made flag creation O(flags) and filled the large-object heap.
 * Documents sent to clients and written to snapshots hold plain arrays (see `toDocumentState`); these
 * lookups work on both.
 */
interface Indexed {
  id: string;
}

/** A plain array (documents on the wire, segments) or an immutable List (flags in the fold). */
export type Sequence<T> = readonly T[] | List<T>;

interface Index {
  byId: Map<string, number>;
  /** For flags: positions of the flags on each segment. */
  byParent: Map<string, number[]>;
}

const indexes = new WeakMap<Sequence<Indexed>, Index>();

function isList<T>(seq: Sequence<T>): seq is List<T> {
  return !Array.isArray(seq);
}

function at<T>(seq: Sequence<T>, i: number): T | undefined {
  return isList(seq) ? seq.get(i) : seq[i];
}

function sizeOf(seq: Sequence<unknown>): number {
  return isList(seq) ? seq.size : seq.length;
}

function indexOf(seq: Sequence<Indexed>): Index {
  let index = indexes.get(seq);
  if (!index) {
    const built: Index = { byId: new Map(), byParent: new Map() };
    let i = 0;
    for (const x of seq) add(built, x, i++);
    // An empty sequence may be a shared singleton (immutable.js 4 had one empty List): its index would be
    // shared by every document. Each non-empty version gets its own, or its parent's.
    if (i > 0) indexes.set(seq, built);
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

export function positionOf<T extends Indexed>(seq: Sequence<T>, id: string): number {
  const i = indexOf(seq).byId.get(id);
  return i !== undefined && i < sizeOf(seq) && at(seq, i)!.id === id ? i : -1;
}

export function byId<T extends Indexed>(seq: Sequence<T>, id: string): T | undefined {
  const i = positionOf(seq, id);
  return i < 0 ? undefined : at(seq, i);
}

/** A copy of the array with item `i` replaced; the copy shares the index. */
export function replaceAt<T extends Indexed>(arr: readonly T[], i: number, item: T): T[] {
  const copy = arr.slice();
  copy[i] = item;
  shareIndex(arr, copy);
  return copy;
}

/** The list with item `i` replaced (sharing all else, O(log n)); it shares the index. */
export function setAt<T extends Indexed>(list: List<T>, i: number, item: T): List<T> {
  // List.set(-1) would replace the last item: never let a failed lookup do that.
  if (!Number.isInteger(i) || i < 0 || i >= list.size) throw new RangeError(`no item at position ${i} of ${list.size}`);
  const next = list.set(i, item);
  shareIndex(list, next);
  return next;
}

function shareIndex(from: Sequence<Indexed>, to: Sequence<Indexed>) {
  const index = indexes.get(from);
  if (index) indexes.set(to, index);
}

type Flagish = Indexed & { segmentId: string };

/** The list with `item` appended (sharing all else, O(1) amortised); it shares (and extends) the index. */
export function appended<T extends Flagish>(list: List<T>, item: T): List<T> {
  const index = indexOf(list);
  const next = list.push(item);
  add(index, item, next.size - 1);
  indexes.set(next, index);
  return next;
}

/**
 * The flags on one segment, in creation order (= position order). The position list is shared by every
 * version: after a write is rolled back, it also holds positions of the abandoned versions, which are
 * checked (the flag found there must be on this segment), deduplicated and put back in order.
 */
export function flagsOnSegment<T extends Flagish>(flags: Sequence<T>, segmentId: string): T[] {
  const positions = indexOf(flags).byParent.get(segmentId) ?? [];
  const size = sizeOf(flags);
  const live: number[] = [];
  let sorted = true;
  for (const i of positions) {
    if (i >= size || at(flags, i)!.segmentId !== segmentId) continue;
    const last = live[live.length - 1];
    if (last !== undefined && i <= last) sorted = false;
    live.push(i);
  }
  const ordered = sorted ? live : [...new Set(live)].sort((a, b) => a - b);
  return ordered.map((i) => at(flags, i)!);
}
