import type { DocumentEvent } from '../../../../shared/events';
import type { FoldState } from '../../../../shared/reducer';
import type { Flag } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';

/** Something another person did that concerns me, to tell me while I am online. */
export interface Notice {
  /** The event's seq: one notice per event. */
  id: number;
  /** The i18n key under `live.notice`. */
  kind:
    | 'accepted'
    | 'rejected'
    | 'resolved'
    | 'disputed'
    | 'withdrawn'
    | 'maintained'
    | 'withdrawnDispute'
    | 'maintainedDispute'
    | 'flaggedMine'
    | 'commentOnMine'
    | 'reply'
    | 'mentioned'
    | 'changesRequested';
  actor: string;
  segmentId: string;
  /** 1-based, as the table numbers segments. */
  segment: number;
  flagId?: string;
}

/** A flag's dispute and the reviewer's answer (shared schema). */
export type { Dispute } from '../../../../shared/schemas';
export type FlagWithDispute = Flag;

const STATUS_KINDS = {
  FlagAccepted: 'accepted',
  FlagRejected: 'rejected',
  FlagResolved: 'resolved',
  FlagDisputed: 'disputed',
} as const;

/**
 * The notice an event makes for me (`me` = my login, `myId` = my user id, which mentions record), or null.
 * `before` is the document as it was just before the event.
 */
export function noticeFor(event: DocumentEvent, before: FoldState, me: string, myId: string): Notice | null {
  if (!me || event.actor === me) return null;
  const p = event.payload as { flagId?: string; segmentId?: string };
  const flag = p.flagId ? (byId(before.flags, p.flagId) as FlagWithDispute | undefined) : undefined;
  const segmentId = p.segmentId ?? flag?.segmentId;
  const segment = segmentId ? byId(before.segments, segmentId) : undefined;
  if (!segmentId || !segment) return null;
  const make = (kind: Notice['kind']): Notice => ({
    id: event.seq,
    kind,
    actor: event.actor,
    segmentId,
    segment: segment.index + 1,
    ...(flag ? { flagId: flag.id } : {}),
  });
  switch (event.type) {
    case 'FlagAccepted':
    case 'FlagRejected':
    case 'FlagResolved':
    case 'FlagDisputed':
      return flag?.createdBy === me ? make(STATUS_KINDS[event.type]) : null;
    case 'FlagWithdrawn':
    case 'FlagMaintained': {
      const kind = event.type === 'FlagWithdrawn' ? 'withdrawn' : 'maintained';
      if (
        flag?.dispute?.by === me ||
        (flag?.status === 'disputed' && flag.dispute === undefined && flag.updatedBy === me)
      )
        return make(kind === 'withdrawn' ? 'withdrawnDispute' : 'maintainedDispute');
      return flag?.createdBy === me ? make(kind) : null;
    }
    case 'CommentAdded': {
      const mentions = (event.payload as { mentions?: string[] }).mentions ?? [];
      if (myId && mentions.includes(myId)) return make('mentioned');
      if (!flag) return null;
      if (flag.comments.some((c) => c.author === me)) return make('reply');
      return flag.createdBy === me ? make('commentOnMine') : null;
    }
    case 'FlagCreated':
      return segment.updatedBy === me && event.payload.side === 'target' ? make('flaggedMine') : null;
    case 'SegmentStatusChanged':
      return event.payload.status === 'changes-requested' && segment.updatedBy === me ? make('changesRequested') : null;
    default:
      return null;
  }
}
