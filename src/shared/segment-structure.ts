import type { List } from 'immutable';
import { makeAnchor } from './anchor';
import { CodeAllocator, type InlineCodes } from './inline-codes';
import type { EventOf } from './events';
import type { Flag, Segment } from './schemas';
import { byId, positionOf } from './state-index';

/**
 * Split, merge, delete and re-insert segments (pure; the reducer's structural events). Ids stay: a split keeps
 * the id for the first part, a merge the first segment's. `index` is the position, renumbered after every
 * change. Flags follow their words into whichever segment holds them; a flag whose words a cut crosses is
 * orphaned, as an edit that removed them would. These events build new arrays and lists (not the shared
 * id → position indexes of state-index.ts, which assume positions never move): they are rare.
 */

export interface Structure {
  segments: readonly Segment[];
  flags: List<Flag>;
}

type Side = 'source' | 'target';

export class StructureError extends Error {}

const renumber = (segments: Segment[]): Segment[] =>
  segments.map((s, index) => (s.index === index ? s : { ...s, index }));

function segmentAt(segments: readonly Segment[], id: string): { segment: Segment; position: number } {
  const position = positionOf(segments, id);
  if (position < 0) throw new StructureError(`no segment ${id}`);
  return { segment: segments[position]!, position };
}

/** Where a side is cut: the first part without trailing spaces, the second without leading ones. */
export function cutText(text: string, at: number): { first: string; second: string; gap: string; secondStart: number } {
  const first = text.slice(0, at).trimEnd();
  const rest = text.slice(at);
  const second = rest.trimStart();
  const secondStart = at + (rest.length - second.length);
  return { first, second, gap: text.slice(first.length, secondStart), secondStart };
}

const statusFor = (segment: Segment, target: string): Segment['status'] =>
  target.trim() === '' ? 'draft' : segment.status === 'draft' ? 'translated' : segment.status;

export function splitSegment(doc: Structure, event: EventOf<'SegmentSplit'>): Structure {
  const p = event.payload;
  const { segment, position } = segmentAt(doc.segments, p.segmentId);
  if (byId(doc.segments, p.newSegmentId)) throw new StructureError(`segment ${p.newSegmentId} exists`);
  if (p.sourceAt > segment.source.length || p.targetAt > segment.target.length)
    throw new StructureError('split offset past the end of the text');
  const cuts = { source: cutText(segment.source, p.sourceAt), target: cutText(segment.target, p.targetAt) };
  const stamp = { updatedAt: event.at, updatedBy: event.actor };
  const first: Segment = {
    ...segment,
    ...stamp,
    source: cuts.source.first,
    target: cuts.target.first,
    version: segment.version + 1,
    status: statusFor(segment, cuts.target.first),
  };
  const second: Segment = {
    id: p.newSegmentId,
    index: position + 1,
    source: cuts.source.second,
    target: cuts.target.second,
    version: 1,
    status: cuts.target.second.trim() === '' ? 'draft' : 'translated',
    // Both halves keep the whole map: a paired code the cut separates has one half in each.
    ...(segment.codes ? { codes: segment.codes } : {}),
    ...(segment.readOnly ? { readOnly: true } : {}),
    gap: { source: p.sourceGap, target: p.targetGap },
    ...stamp,
  };
  const segments = renumber([...doc.segments.slice(0, position), first, second, ...doc.segments.slice(position + 1)]);
  const flags = doc.flags.map((f) => {
    if (f.segmentId !== segment.id) return f;
    const cut = cuts[f.side as Side];
    if (f.orphaned) return f;
    if (f.anchor.end <= cut.first.length) return { ...f, anchor: makeAnchor(cut.first, f.anchor.start, f.anchor.end) };
    if (f.anchor.start >= cut.secondStart) {
      const shift = cut.secondStart;
      return {
        ...f,
        segmentId: second.id,
        anchor: makeAnchor(cut.second, f.anchor.start - shift, f.anchor.end - shift),
      };
    }
    return { ...f, orphaned: true };
  });
  return { segments, flags };
}

/** The separator that joins two parts of a side: none when either is empty. */
export const joined = (a: string, b: string, separator: string): string =>
  a === '' || b === '' ? a + b : a + separator + b;

const sameCode = (x: InlineCodes[string] | undefined, y: InlineCodes[string]) =>
  !!x && x.kind === y.kind && x.xml === y.xml && x.key === y.key;

/**
 * The second segment of a merge with its code characters made distinct from the first's: each segment of a file
 * numbers its codes from the start of the private-use area, so the same character may stand for different
 * markup in each. One character for another keeps every offset.
 */
function withCodesApart(a: Segment, b: Segment): { b: Segment; codes: InlineCodes | undefined } {
  if (!b.codes) return { b, codes: a.codes };
  if (!a.codes) return { b, codes: b.codes };
  const alloc = new CodeAllocator([
    a.source,
    a.target,
    b.source,
    b.target,
    ...Object.keys(a.codes),
    ...Object.keys(b.codes),
  ]);
  const rename = new Map<string, string>();
  for (const [ch, code] of Object.entries(b.codes)) {
    if (Object.hasOwn(a.codes, ch) && !sameCode(a.codes[ch], code)) {
      const fresh = alloc.take();
      if (fresh !== null) rename.set(ch, fresh);
    }
  }
  const to = (ch: string) => rename.get(ch) ?? ch;
  const codes: InlineCodes = { ...a.codes };
  for (const [ch, code] of Object.entries(b.codes))
    codes[to(ch)] = code.pair !== undefined ? { ...code, pair: to(code.pair) } : code;
  if (rename.size === 0) return { b, codes };
  const swap = (text: string) => Array.from(text, to).join('');
  return { b: { ...b, source: swap(b.source), target: swap(b.target) }, codes };
}

export function mergeSegments(doc: Structure, event: EventOf<'SegmentsMerged'>): Structure {
  const p = event.payload;
  const { segment: a, position } = segmentAt(doc.segments, p.segmentId);
  const next = doc.segments[position + 1];
  if (!next || next.id !== p.nextSegmentId) throw new StructureError(`${p.nextSegmentId} does not follow ${a.id}`);
  const { b, codes } = withCodesApart(a, next);
  const source = joined(a.source, b.source, p.sourceSeparator);
  const target = joined(a.target, b.target, p.targetSeparator);
  const shift = { source: source.length - b.source.length, target: target.length - b.target.length };
  const text = { source, target };
  const merged: Segment = {
    ...a,
    source,
    target,
    version: a.version + 1,
    status: a.status === b.status ? a.status : statusFor({ ...a, status: 'translated' }, target),
    ...(codes ? { codes } : {}),
    updatedAt: event.at,
    updatedBy: event.actor,
  };
  const segments = renumber([...doc.segments.slice(0, position), merged, ...doc.segments.slice(position + 2)]);
  const flags = doc.flags.map((f) => {
    if (f.segmentId !== a.id && f.segmentId !== b.id) return f;
    const side = f.side as Side;
    const offset = f.segmentId === b.id ? shift[side] : 0;
    if (f.orphaned) return { ...f, segmentId: a.id };
    return {
      ...f,
      segmentId: a.id,
      anchor: makeAnchor(text[side], f.anchor.start + offset, f.anchor.end + offset),
    };
  });
  return { segments, flags };
}

export function deleteSegment(doc: Structure, event: EventOf<'SegmentDeleted'>): Structure {
  const { segment, position } = segmentAt(doc.segments, event.payload.segmentId);
  if (doc.flags.some((f) => f.segmentId === segment.id)) throw new StructureError(`segment ${segment.id} has flags`);
  const segments = renumber([...doc.segments.slice(0, position), ...doc.segments.slice(position + 1)]);
  return { segments, flags: doc.flags };
}

export function insertSegment(doc: Structure, event: EventOf<'SegmentInserted'>): Structure {
  const p = event.payload;
  if (byId(doc.segments, p.segmentId)) throw new StructureError(`segment ${p.segmentId} exists`);
  const position = p.afterSegmentId === null ? 0 : segmentAt(doc.segments, p.afterSegmentId).position + 1;
  const segment: Segment = {
    id: p.segmentId,
    index: position,
    source: p.source,
    target: p.target,
    version: 1,
    status: p.target.trim() === '' ? 'draft' : 'translated',
    updatedAt: event.at,
    updatedBy: event.actor,
  };
  const segments = renumber([...doc.segments.slice(0, position), segment, ...doc.segments.slice(position)]);
  return { segments, flags: doc.flags };
}
