import type { DocumentEvent } from './events';
import { cutText, joined } from './segment-structure';

/** One version of a segment's text, read from the event log. */
export interface Revision {
  seq: number;
  at: string;
  actor: string;
  /**
   * How the text came to be: imported, edited, merged after a conflict, reverted, a flag accepted, the
   * segment split (its first or second part), the next segment joined to it, or a deleted segment restored.
   */
  cause: 'original' | 'edit' | 'merge' | 'revert' | 'flag' | 'split' | 'joined' | 'restored';
  before: string;
  after: string;
  flagId?: string;
  revertOf?: number;
}

export interface SegmentHistory {
  revisions: Revision[];
  /** The translation as first imported. */
  original: string;
  /** The text when the segment was last approved, if it ever was. */
  lastApproved: { seq: number; at: string; actor: string; text: string } | null;
}

/** Every revision of one segment's target, oldest first (history and diffs read the log, nothing else). */
export function segmentHistory(events: readonly DocumentEvent[], segmentId: string): SegmentHistory {
  const revisions: Revision[] = [];
  // Every segment's target: a split or a merge makes this segment's text from another's.
  const texts = new Map<string, string>();
  let lastApproved: SegmentHistory['lastApproved'] = null;
  const flagSegment = new Map<string, string>();
  const record = (e: DocumentEvent, cause: Revision['cause'], before: string, after: string, more = {}) =>
    revisions.push({ seq: e.seq, at: e.at, actor: e.actor, cause, before, after, ...more });
  for (const e of events) {
    switch (e.type) {
      case 'DocumentCreated':
        for (const s of e.payload.segments) texts.set(s.id, s.target);
        if (texts.has(segmentId)) record(e, 'original', '', texts.get(segmentId)!);
        break;
      case 'FlagCreated':
        flagSegment.set(e.payload.flagId, e.payload.segmentId);
        break;
      case 'SegmentEdited': {
        const before = texts.get(e.payload.segmentId);
        if (before === undefined) break;
        texts.set(e.payload.segmentId, e.payload.target);
        if (e.payload.segmentId === segmentId)
          record(
            e,
            e.payload.cause,
            before,
            e.payload.target,
            e.payload.revertOf ? { revertOf: e.payload.revertOf } : {},
          );
        break;
      }
      case 'FlagAccepted': {
        const id = flagSegment.get(e.payload.flagId);
        const before = id === undefined ? undefined : texts.get(id);
        if (e.payload.target === null || id === undefined || before === undefined) break;
        texts.set(id, e.payload.target);
        if (id === segmentId) record(e, 'flag', before, e.payload.target, { flagId: e.payload.flagId });
        break;
      }
      case 'SegmentSplit': {
        const p = e.payload;
        const before = texts.get(p.segmentId);
        if (before === undefined) break;
        const cut = cutText(before, p.targetAt);
        texts.set(p.segmentId, cut.first);
        texts.set(p.newSegmentId, cut.second);
        if (p.segmentId === segmentId) record(e, 'split', before, cut.first);
        if (p.newSegmentId === segmentId) record(e, 'split', '', cut.second);
        break;
      }
      case 'SegmentsMerged': {
        const p = e.payload;
        const a = texts.get(p.segmentId);
        const b = texts.get(p.nextSegmentId);
        if (a === undefined || b === undefined) break;
        const after = joined(a, b, p.targetSeparator);
        texts.set(p.segmentId, after);
        texts.delete(p.nextSegmentId);
        if (p.segmentId === segmentId) record(e, 'joined', a, after);
        break;
      }
      case 'SegmentDeleted':
        texts.delete(e.payload.segmentId);
        break;
      case 'SegmentInserted':
        texts.set(e.payload.segmentId, e.payload.target);
        if (e.payload.segmentId === segmentId) record(e, 'restored', '', e.payload.target);
        break;
      case 'SegmentStatusChanged': {
        const text = texts.get(segmentId);
        if (e.payload.segmentId === segmentId && e.payload.status === 'approved' && text !== undefined) {
          lastApproved = { seq: e.seq, at: e.at, actor: e.actor, text };
        }
        break;
      }
      case 'DocumentStatusChanged': {
        // Approving the document approves the text of every segment in it.
        const text = texts.get(segmentId);
        if (e.payload.status === 'approved' && text !== undefined)
          lastApproved = { seq: e.seq, at: e.at, actor: e.actor, text };
        break;
      }
      default:
        break;
    }
  }
  return { revisions, original: revisions[0]?.after ?? '', lastApproved };
}

/** The segment's text right after event `seq`, or undefined if that event is not one of its revisions. */
export function textAfter(history: SegmentHistory, seq: number): string | undefined {
  return history.revisions.find((r) => r.seq === seq)?.after;
}
