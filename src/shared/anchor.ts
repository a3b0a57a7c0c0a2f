import { diffChars } from 'diff';
import type { Anchor } from './schemas';

/** How much context (UTF-16 code units) is kept on each side of a quote to disambiguate it later. */
export const CONTEXT_CHARS = 32;
/** Quote + matching context (in characters) needed to re-attach a detached flag to its words. */
const CONTEXT_NEEDED = 16;

export interface Reanchored {
  anchor: Anchor;
  orphaned: boolean;
}

// One shared segmenter: constructing Intl objects is far more expensive than using them.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const inRange = (text: string, start: number, end: number): boolean =>
  Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;

// Largest grapheme boundary <= i (so a span start never cuts a cluster).
function snapLeft(segs: Intl.Segments, len: number, i: number): number {
  if (i <= 0 || i >= len) return i;
  return segs.containing(i)?.index ?? i;
}

// Smallest grapheme boundary >= i (so a span end never cuts a cluster).
function snapRight(segs: Intl.Segments, len: number, i: number): number {
  if (i <= 0 || i >= len) return i;
  const seg = segs.containing(i);
  return seg && seg.index < i ? seg.index + seg.segment.length : i;
}

/** Builds an anchor for [start,end) of text, snapped outward to grapheme-cluster boundaries (Intl.Segmenter), with quote/prefix/suffix. Throws RangeError if start>end or out of range. */
export function makeAnchor(text: string, start: number, end: number): Anchor {
  if (!inRange(text, start, end))
    throw new RangeError(`Invalid span [${start}, ${end}) for a text of length ${text.length}`);
  const segs = graphemes.segment(text);
  const s = snapLeft(segs, text.length, start);
  const e = snapRight(segs, text.length, end);
  let from = Math.max(0, s - CONTEXT_CHARS);
  // Context must not begin or end with half a surrogate pair (it is persisted as JSON).
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, e + CONTEXT_CHARS);
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  return { start: s, end: e, quote: text.slice(s, e), prefix: text.slice(from, s), suffix: text.slice(e, to) };
}

/** Returns text with [anchor.start, anchor.end) replaced by replacement. */
export function replaceSpan(text: string, anchor: Pick<Anchor, 'start' | 'end'>, replacement: string): string {
  const { start, end } = anchor;
  // Fail loudly rather than splice a stale span into the wrong place.
  if (!inRange(text, start, end))
    throw new RangeError(`Invalid span [${start}, ${end}) for a text of length ${text.length}`);
  return text.slice(0, start) + replacement + text.slice(end);
}

/** True when anchor.start/end are within text and text.slice(start,end) === anchor.quote. */
export function anchorMatches(text: string, anchor: Anchor): boolean {
  return inRange(text, anchor.start, anchor.end) && text.slice(anchor.start, anchor.end) === anchor.quote;
}

/** kind: 0 = kept, 1 = inserted, -1 = deleted; len in UTF-16 code units. */
interface Op {
  kind: 0 | 1 | -1;
  len: number;
}

// Edit script oldText -> newText; common prefix/suffix are trimmed first so a small edit costs O(n) + O(edit²).
function editOps(a: string, b: string): Op[] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--; // never trim through a surrogate pair
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  const ops: Op[] = [{ kind: 0, len: p }];
  for (const c of diffChars(a.slice(p, a.length - s), b.slice(p, b.length - s))) {
    // value.length, not count: count is in code points, offsets are UTF-16.
    ops.push({ kind: c.added ? 1 : c.removed ? -1 : 0, len: c.value.length });
  }
  ops.push({ kind: 0, len: s });
  return ops;
}

// Maps a span boundary through the edit. Pure insertions at the start land before the span, at the end after it;
// a deletion straddling a boundary moves it to the deletion point; text replacing chars of the span stays inside.
function mapPos(ops: Op[], pos: number, isStart: boolean, spanStart: number): number {
  const orig = pos;
  let o = 0;
  let n = 0;
  let delFrom = -1; // old offset where the deletion ending at o began; -1 if the previous op was not a deletion
  for (const op of ops) {
    if (op.len === 0) continue;
    if (op.kind === 0) {
      if (pos < o + op.len) return n + pos - o;
      o += op.len;
      n += op.len;
      delFrom = -1;
    } else if (op.kind === -1) {
      if (isStart && pos === o) return n; // the span's first chars are replaced: the new text is part of the span
      if (pos < o + op.len) pos = o + op.len; // pos was deleted: continue from the deletion point
      delFrom = o;
      o += op.len;
    } else {
      // End boundary: inserted text stays outside unless it replaces chars that were inside the span.
      if (!isStart && pos === o && !(orig === o && delFrom >= spanStart)) return n;
      n += op.len;
    }
  }
  return n + pos - o;
}

// Old-text characters of [s, e) that the edit kept (not deleted).
function keptIn(ops: Op[], s: number, e: number): number {
  let o = 0;
  let kept = 0;
  for (const op of ops) {
    if (op.kind === 1) continue;
    if (op.kind === 0) kept += Math.max(0, Math.min(e, o + op.len) - Math.max(s, o));
    o += op.len;
  }
  return kept;
}

// Words compared loosely (case, accents, harakat ignored), to tell an edited span from a replaced one.
function looseWords(s: string): string[] {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// A span that lost characters AND gained new ones is only "the same words" if one of its words survives whole:
// a char diff happily aligns stray letters ("ministre" -> "secrétaire" keeps "e"), which must not carry the flag.
function sameWords(
  ops: Op[],
  oldText: string,
  os: number,
  oe: number,
  newText: string,
  ns: number,
  ne: number,
): boolean {
  const kept = keptIn(ops, os, oe);
  if (kept === oe - os || kept === ne - ns) return true; // pure insertion or pure deletion: no confusion possible
  const had = new Set(looseWords(oldText.slice(os, oe)));
  return looseWords(newText.slice(ns, ne)).some((w) => had.has(w));
}

// Length of the common suffix of ctx and text[0, at).
function matchBefore(ctx: string, text: string, at: number): number {
  let k = 0;
  while (k < ctx.length && k < at && ctx.charCodeAt(ctx.length - 1 - k) === text.charCodeAt(at - 1 - k)) k++;
  return k;
}

// Length of the common prefix of ctx and text[at, ..).
function matchAfter(ctx: string, text: string, at: number): number {
  let k = 0;
  while (k < ctx.length && at + k < text.length && ctx.charCodeAt(k) === text.charCodeAt(at + k)) k++;
  return k;
}

// Finds the exact original quote in text, best context first, then nearest to `near`; null if absent.
function relocate(text: string, anchor: Anchor, near: number): Anchor | null {
  const q = anchor.quote;
  if (q === '') return null; // an empty quote matches everywhere, i.e. nowhere in particular
  let best = -1;
  let bestScore = -1;
  let bestDist = Infinity;
  // A short quote found elsewhere is likely other words: the shorter it is, the more context must agree.
  const needed = Math.min(Math.max(0, CONTEXT_NEEDED - q.length), anchor.prefix.length + anchor.suffix.length);
  const segs = graphemes.segment(text);
  for (let i = text.indexOf(q); i !== -1; i = text.indexOf(q, i + 1)) {
    const end = i + q.length;
    // A hit cutting a grapheme ("e" inside "é") is a different word, not the flagged one.
    if (snapLeft(segs, text.length, i) !== i || snapRight(segs, text.length, end) !== end) continue;
    const score = matchBefore(anchor.prefix, text, i) + matchAfter(anchor.suffix, text, end);
    const dist = Math.abs(i - near);
    if (score < needed) continue;
    if (score > bestScore || (score === bestScore && dist < bestDist)) {
      best = i;
      bestScore = score;
      bestDist = dist;
    }
  }
  return best === -1 ? null : makeAnchor(text, best, best + q.length);
}

/** Re-anchors after the text changed from oldText to newText. */
export function reanchor(oldText: string, newText: string, anchor: Anchor, orphaned: boolean): Reanchored {
  if (oldText === newText) return { anchor, orphaned };
  const ops = editOps(oldText, newText);
  // Orphaned anchors may carry offsets from an older text: clamp before mapping.
  const clamp = (i: number): number => Math.min(Math.max(0, i), oldText.length);
  const os = clamp(anchor.start);
  const oe = clamp(anchor.end);
  const start = mapPos(ops, os, true, os);
  const end = mapPos(ops, oe, false, os);
  // Still attached and some of its words survive: follow the edit (insertions inside extend the span).
  if (!orphaned && start < end && sameWords(ops, oldText, os, oe, newText, start, end)) {
    return { anchor: makeAnchor(newText, start, end), orphaned: false };
  }
  // All its words are gone (or it was already detached): re-attach only to the exact original words.
  const found = relocate(newText, anchor, start);
  return found ? { anchor: found, orphaned: false } : { anchor, orphaned: true };
}
