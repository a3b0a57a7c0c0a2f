import type { QaSegment, RawFinding } from './types';

/*
 * Completeness: an empty translation; a source paragraph left without one after the last paired paragraph (the
 * aligner ran out of target paragraphs); a target paragraph without source (scraped page furniture such as
 * "Laisser un commentaire", or an addition); a translation identical to its source; and a length far from the
 * document's usual target/source ratio (half or less, or two and a half times or more the median).
 */

/** Ratios are only taken on segments this long (characters): short lines vary too much. */
const MIN_CHARS = 20;
/** Fewer paired segments than this: no median, no length check. */
const MIN_SEGMENTS = 5;
const TOO_LONG = 2.5;
const TOO_SHORT = 0.5;

const blank = (s: string) => !/\S/.test(s);
// Lengths in UTF-16 units: spaces are about as frequent on both sides, and this costs nothing per segment.
const chars = (s: string) => s.length;

export function lengthRatio(seg: Pick<QaSegment, 'source' | 'target'>): number | null {
  const s = chars(seg.source);
  const t = chars(seg.target);
  return s >= MIN_CHARS && t > 0 ? t / s : null;
}

export function medianLengthRatio(segments: readonly Pick<QaSegment, 'source' | 'target'>[]): number | null {
  const ratios: number[] = [];
  for (const s of segments) {
    const r = lengthRatio(s);
    if (r !== null) ratios.push(r);
  }
  if (ratios.length < MIN_SEGMENTS) return null;
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  return ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

/** Index of the last segment with both a source and a target (−1 if none). */
export function lastPairedIndex(segments: readonly QaSegment[]): number {
  let last = -1;
  for (const s of segments) if (!blank(s.source) && !blank(s.target) && s.index > last) last = s.index;
  return last;
}

// Letters that are all in capitalised words, or none at all: names, codes, numbers (legitimately the same).
const onlyNamesOrCodes = (s: string) =>
  !/\p{L}/u.test(s) || s.split(/[^\p{L}\p{N}]+/u).every((w) => w === '' || !/^\p{Ll}/u.test(w));

export interface CompletenessContext {
  medianRatio: number | null;
  lastPaired: number;
}

export function checkCompleteness(seg: QaSegment, ctx: CompletenessContext): RawFinding[] {
  const { source, target } = seg;
  if (blank(source) && blank(target)) return [];
  if (blank(source)) {
    return [{ checkId: 'target-only', side: 'target', start: 0, end: target.length, variant: 'default', fix: '' }];
  }
  if (blank(target)) {
    const trailing = seg.index > ctx.lastPaired;
    return [
      {
        checkId: trailing ? 'source-only' : 'empty-target',
        side: 'source',
        start: 0,
        end: source.length,
        variant: 'default',
      },
    ];
  }
  const identical =
    source === target || (Math.abs(source.length - target.length) < 16 && source.trim() === target.trim());
  if (identical && !onlyNamesOrCodes(target)) {
    return [{ checkId: 'identical', side: 'target', start: 0, end: target.length, variant: 'default' }];
  }
  const r = lengthRatio(seg);
  if (r !== null && ctx.medianRatio !== null) {
    const rel = r / ctx.medianRatio;
    if (rel >= TOO_LONG || rel <= TOO_SHORT) {
      const long = rel >= TOO_LONG;
      return [
        {
          checkId: 'length-ratio',
          side: 'target',
          start: 0,
          end: target.length,
          variant: long ? 'long' : 'short',
          params: { ratio: Math.round(rel * 10) / 10 },
          category: long ? 'accuracy/addition' : 'accuracy/omission',
        },
      ];
    }
  }
  return [];
}
