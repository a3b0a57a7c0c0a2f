import type { DocumentEvent } from './events';

/** One version of a segment's text, read from the event log. */
export interface Revision {
  seq: number;
  at: string;
  actor: string;
  /** How the text came to be: imported, edited, merged after a conflict, reverted, or a flag accepted. */
  cause: 'original' | 'edit' | 'merge' | 'revert' | 'flag';
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
  let text: string | undefined;
  let lastApproved: SegmentHistory['lastApproved'] = null;
  const flagSegment = new Map<string, string>();
  for (const e of events) {
    switch (e.type) {
      case 'DocumentCreated': {
        const s = e.payload.segments.find((x) => x.id === segmentId);
        if (!s) break;
        text = s.target;
        revisions.push({ seq: e.seq, at: e.at, actor: e.actor, cause: 'original', before: '', after: s.target });
        break;
      }
      case 'FlagCreated':
        flagSegment.set(e.payload.flagId, e.payload.segmentId);
        break;
      case 'SegmentEdited':
        if (e.payload.segmentId !== segmentId || text === undefined) break;
        revisions.push({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          cause: e.payload.cause,
          before: text,
          after: e.payload.target,
          ...(e.payload.revertOf ? { revertOf: e.payload.revertOf } : {}),
        });
        text = e.payload.target;
        break;
      case 'FlagAccepted':
        if (e.payload.target === null || flagSegment.get(e.payload.flagId) !== segmentId || text === undefined) break;
        revisions.push({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          cause: 'flag',
          before: text,
          after: e.payload.target,
          flagId: e.payload.flagId,
        });
        text = e.payload.target;
        break;
      case 'SegmentStatusChanged':
        if (e.payload.segmentId === segmentId && e.payload.status === 'approved' && text !== undefined) {
          lastApproved = { seq: e.seq, at: e.at, actor: e.actor, text };
        }
        break;
      case 'DocumentStatusChanged':
        // Approving the document approves the text of every segment in it.
        if (e.payload.status === 'approved' && text !== undefined)
          lastApproved = { seq: e.seq, at: e.at, actor: e.actor, text };
        break;
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
