import type { Flag } from '../schemas';

/*
 * A finding is covered when a flag a reviewer made (or confirmed) already marks some of its words: confirming it
 * would put a second flag on the same words, counted twice in the score. Withdrawn and rejected flags and flags
 * whose words are gone (orphaned) cover nothing.
 */

type FlagLike = Pick<Flag, 'segmentId' | 'side' | 'anchor' | 'status' | 'orphaned' | 'id'>;
interface Span {
  segmentId: string;
  side: 'source' | 'target';
  start: number;
  end: number;
}

const COUNTS: ReadonlySet<Flag['status']> = new Set(['open', 'disputed', 'accepted', 'resolved']);

/** The first live flag on the same segment and side whose words overlap the span, if any. */
export function coveringFlag(flags: Iterable<FlagLike>, span: Span): FlagLike | null {
  for (const f of flags) {
    if (f.segmentId !== span.segmentId || f.side !== span.side || f.orphaned || !COUNTS.has(f.status)) continue;
    const { start, end } = f.anchor;
    if (start < span.end && span.start < end) return f;
    if (start === end && span.start <= start && start <= span.end) return f;
  }
  return null;
}

/** The findings with `covered: true` on those a live flag already covers. */
export function markCovered<T extends Span>(
  findings: readonly T[],
  flags: readonly FlagLike[],
): (T & { covered?: true })[] {
  if (flags.length === 0) return [...findings];
  return findings.map((f) => (coveringFlag(flags, f) ? { ...f, covered: true as const } : f));
}
