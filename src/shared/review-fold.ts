import type { EventOf } from './events';
import type { FoldState } from './reducer';
import type { Flag, FlagChange, ReviewerStats, Segment } from './schemas';
import { positionOf, replaceAt } from './state-index';

/**
 * Reading progress in the fold. A segment's `reviewedBy` lists who marked it; the document keeps running
 * counts (per reviewer, and "by anyone") so that the header's percentages cost O(1) per event, never a pass
 * over 10,000 segments. Marking a segment replaces that segment only: other rows keep their objects.
 */
export function applyReview(state: FoldState, event: EventOf<'SegmentReviewed'>): FoldState {
  const { segmentId, reviewed, activeMs } = event.payload;
  const position = positionOf(state.segments, segmentId);
  const segment = position === -1 ? undefined : state.segments[position];
  if (!segment) throw new Error(`no segment ${segmentId}`);
  const before = segment.reviewedBy ?? [];
  const had = before.includes(event.actor);
  const stats: ReviewerStats = state.reviewers?.[event.actor] ?? { reviewed: 0, activeMs: 0 };
  let segments = state.segments;
  let reviewedCount = state.reviewedCount ?? 0;
  let delta = 0;
  if (reviewed !== had) {
    const after = reviewed ? [...before, event.actor] : before.filter((a) => a !== event.actor);
    const { reviewedBy: _, ...rest } = segment;
    const updated: Segment = after.length > 0 ? { ...rest, reviewedBy: after } : rest;
    segments = replaceAt(state.segments, position, updated);
    delta = reviewed ? 1 : -1;
    if (before.length === 0 && after.length > 0) reviewedCount++;
    if (before.length > 0 && after.length === 0) reviewedCount--;
  }
  const reviewers = {
    ...state.reviewers,
    [event.actor]: { reviewed: stats.reviewed + delta, activeMs: stats.activeMs + activeMs },
  };
  return { ...state, segments, reviewers, reviewedCount };
}

/** After a split, merge or deletion: the marks moved with the segments, so the counts are taken again. */
export function recountReviews(state: FoldState): FoldState {
  if (!state.reviewers && state.reviewedCount === undefined) return state;
  let reviewedCount = 0;
  const byPerson = new Map<string, number>();
  for (const s of state.segments) {
    if (!s.reviewedBy || s.reviewedBy.length === 0) continue;
    reviewedCount++;
    for (const a of s.reviewedBy) byPerson.set(a, (byPerson.get(a) ?? 0) + 1);
  }
  const reviewers = Object.fromEntries(
    Object.entries(state.reviewers ?? {}).map(([a, st]) => [a, { ...st, reviewed: byPerson.get(a) ?? 0 }]),
  );
  return { ...state, reviewers, reviewedCount };
}

/** What an edit changes on a flag, field by field (nothing for a field given its current value). */
export function flagChanges(flag: Flag, p: EventOf<'FlagEdited'>['payload']): FlagChange[] {
  const changes: FlagChange[] = [];
  for (const field of ['category', 'severity', 'correction', 'comment'] as const) {
    const to = p[field];
    if (to !== undefined && to !== flag[field]) changes.push({ field, from: flag[field], to });
  }
  if (p.anchor && (p.anchor.start !== flag.anchor.start || p.anchor.end !== flag.anchor.end)) {
    changes.push({ field: 'span', from: flag.anchor.quote, to: p.anchor.quote });
  }
  return changes;
}

/** The flag after an edit: its new fields, and the edit in its history. */
export function editedFlag(flag: Flag, event: EventOf<'FlagEdited'>): Flag {
  const { flagId: _, anchor, ...fields } = event.payload;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const changes = flagChanges(flag, event.payload);
  const history = [...(flag.history ?? []), { action: 'edited' as const, by: event.actor, at: event.at, changes }];
  return {
    ...flag,
    ...defined,
    ...(anchor ? { anchor, quote: anchor.quote, orphaned: false } : {}),
    history,
  };
}
