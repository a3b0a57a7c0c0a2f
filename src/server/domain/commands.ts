import { coveringFlag } from '../../shared/qa/covered';
import { anchorMatches, makeAnchor, replaceSpan } from '../../shared/anchor';
import type { NewEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import { formatCount, overLimit } from '../../shared/limits';
import type { FoldState } from '../../shared/reducer';
import { byId, flagsOnSegment } from '../../shared/state-index';
import {
  proposesCorrection,
  UNSETTLED_FLAG_STATUSES,
  type CreateFlagBody,
  type DocumentState,
  type EditSegmentBody,
  type Flag,
  type FlagStatus,
  type PatchFlagBody,
  type Segment,
  type StatusBody,
} from '../../shared/schemas';
import { AppError, conflict, notFound } from '../errors';
import { limitError } from '../limit-errors';
import type { Decide } from '../store/document-store';

/** Command handlers: check a request against the current state and say which events it produces. */

export function segmentOf(state: FoldState, segmentId: string): Segment {
  const segment = byId(state.segments, segmentId);
  if (!segment) throw notFound('SEGMENT_NOT_FOUND', `Segment ${segmentId} is not in document ${state.id}.`);
  return segment;
}

function flagOf(state: FoldState, flagId: string): Flag {
  const flag = byId(state.flags, flagId);
  if (!flag) throw notFound('FLAG_NOT_FOUND', `Flag ${flagId} is not in document ${state.id}.`);
  return flag;
}

export function segmentConflict(segment: Segment, baseVersion: number) {
  return conflict(
    'SEGMENT_VERSION_CONFLICT',
    `Segment ${segment.index + 1} changed since version ${baseVersion}: it is now at version ${segment.version}.`,
    { current: segment },
  );
}

/** Approval locks the text until an editor reopens it. */
export function assertWritable(state: FoldState, segment?: Segment) {
  if (state.status === 'approved') {
    throw conflict('DOCUMENT_LOCKED', 'The document is approved: an editor must reopen it before it changes.');
  }
  if (segment?.readOnly) {
    throw conflict(
      'SEGMENT_LOCKED',
      `Segment ${segment.index + 1} is not to be translated (translate="no" in the file it came from).`,
      { current: segment },
    );
  }
  if (segment?.status === 'approved') {
    throw conflict(
      'SEGMENT_LOCKED',
      `Segment ${segment.index + 1} is approved: an editor must reopen it before it changes.`,
      { current: segment },
    );
  }
}

export function editSegment(segmentId: string, body: EditSegmentBody): Decide<Segment> {
  return (state) => {
    const segment = segmentOf(state, segmentId);
    if (segment.version !== body.baseVersion) throw segmentConflict(segment, body.baseVersion);
    assertWritable(state, segment);
    if (segment.target === body.target) return { events: [] };
    return { events: [{ type: 'SegmentEdited', payload: { segmentId, target: body.target, cause: 'edit' } }] };
  };
}

/** Restores the text a segment had after event `toSeq` (found by the caller in the log), as a new revision. */
export function revertSegment(segmentId: string, target: string, toSeq: number, baseVersion: number): Decide<Segment> {
  return (state) => {
    const segment = segmentOf(state, segmentId);
    if (segment.version !== baseVersion) throw segmentConflict(segment, baseVersion);
    assertWritable(state, segment);
    if (segment.target === target) return { events: [] };
    return { events: [{ type: 'SegmentEdited', payload: { segmentId, target, cause: 'revert', revertOf: toSeq } }] };
  };
}

export function createFlag(body: CreateFlagBody): Decide<string> {
  return (state) => {
    const segment = segmentOf(state, body.segmentId);
    // An approved segment is settled: an editor reopens it before anyone flags it again.
    assertWritable(state, segment);
    const text = body.side === 'source' ? segment.source : segment.target;
    // The source never changes, so only a target selection can be stale.
    if (body.side === 'target' && segment.version !== body.baseVersion) {
      throw segmentConflict(segment, body.baseVersion);
    }
    if (body.start >= body.end || body.end > text.length) {
      throw new AppError(
        422,
        'SPAN_OUT_OF_RANGE',
        `The span ${body.start}–${body.end} is not a non-empty range of the ${body.side} text (${text.length} characters).`,
      );
    }
    if (body.category === 'other' && body.comment.trim() === '') throw noteRequired();
    const anchor = makeAnchor(text, body.start, body.end);
    if (body.quote !== undefined && text.slice(body.start, body.end) !== body.quote) {
      throw conflict('SPAN_MISMATCH', `The text at ${body.start}–${body.end} is not “${body.quote}”.`, {
        current: segment,
      });
    }
    // Confirming a finding that a flag already covers would count the same words twice.
    if (body.findingId) {
      const covering = coveringFlag(flagsOnSegment(state.flags, segment.id), {
        segmentId: segment.id,
        side: body.side,
        start: body.start,
        end: body.end,
      });
      if (covering)
        throw conflict(
          'FINDING_COVERED',
          `Flag ${covering.id} already covers these words: this finding cannot be confirmed again.`,
          {
            flagId: covering.id,
          },
        );
    }
    const flagId = newId('f');
    const event: NewEvent = {
      type: 'FlagCreated',
      payload: {
        flagId,
        segmentId: segment.id,
        side: body.side,
        anchor,
        category: body.category,
        severity: body.severity,
        correction: body.correction,
        comment: body.comment,
        ...(body.findingId ? { findingId: body.findingId } : {}),
        ...(body.durationMs !== undefined ? { durationMs: body.durationMs } : {}),
      },
    };
    return { events: [event], result: flagId };
  };
}

/** Which flag statuses each action may start from. */
const ACTION_FROM: Record<PatchFlagBody['action'], readonly FlagStatus[]> = {
  edit: ['open', 'disputed'],
  accept: ['open', 'disputed'],
  reject: ['open', 'disputed'],
  resolve: ['open', 'disputed'],
  dispute: ['open'],
  withdraw: ['open', 'disputed'],
  maintain: ['disputed'],
  restore: ['withdrawn'],
};

/** Who is asking: editing a flag and undoing its withdrawal are for its author or an editor. */
export interface Requester {
  actor: string;
  /** An editor (or admin): may edit and restore anyone's flags. */
  editor: boolean;
}

const AUTHOR_ONLY: readonly PatchFlagBody['action'][] = ['edit', 'restore'];

export function patchFlag(flagId: string, body: PatchFlagBody, who?: Requester): Decide<string> {
  return (state) => {
    const flag = flagOf(state, flagId);
    if (who && AUTHOR_ONLY.includes(body.action) && !who.editor && flag.createdBy !== who.actor) {
      throw new AppError(
        403,
        'FORBIDDEN',
        'You may not do this: it needs the permission flag.editAny (the flag is someone else’s).',
        { permission: 'flag.editAny' },
      );
    }
    if (flag.version !== body.baseVersion) {
      throw conflict(
        'FLAG_VERSION_CONFLICT',
        `The flag changed since version ${body.baseVersion}: it is now at version ${flag.version}.`,
        { current: flag },
      );
    }
    assertWritable(state);
    if (!ACTION_FROM[body.action].includes(flag.status)) {
      throw conflict('FLAG_NOT_OPEN', `A ${flag.status} flag cannot be given “${body.action}”.`, { current: flag });
    }
    const reason = 'reason' in body && body.reason ? body.reason : null;
    const one = (event: NewEvent) => ({ events: [event], result: flagId });
    switch (body.action) {
      case 'edit': {
        const { action: _a, baseVersion: _b, span, ...changes } = body;
        const anchor = span ? newSpan(state, flag, span) : undefined;
        const category = changes.category ?? flag.category;
        const touchesNote = changes.category !== undefined || changes.comment !== undefined;
        if (touchesNote && category === 'other' && (changes.comment ?? flag.comment).trim() === '') {
          throw noteRequired();
        }
        return one({ type: 'FlagEdited', payload: { flagId, ...changes, ...(anchor ? { anchor } : {}) } });
      }
      case 'restore':
        return one({ type: 'FlagRestored', payload: { flagId, reason } });
      case 'accept':
        return one(acceptEvent(state, flag, reason));
      case 'reject':
        return one({ type: 'FlagRejected', payload: { flagId, reason } });
      case 'resolve':
        return one({ type: 'FlagResolved', payload: { flagId, reason } });
      case 'dispute':
        return one({ type: 'FlagDisputed', payload: { flagId, reason } });
      case 'withdraw':
        return one({ type: 'FlagWithdrawn', payload: { flagId, reason } });
      case 'maintain':
        return one({ type: 'FlagMaintained', payload: { flagId, reason } });
    }
  };
}

/** "Other" says nothing by itself: the reviewer's note says what the error is. */
function noteRequired() {
  return new AppError(422, 'NOTE_REQUIRED', 'A flag in the category “Other” needs a comment saying what is wrong.');
}

/** A flag's new span: other words of the same side of its segment, as the client saw them. */
function newSpan(state: FoldState, flag: Flag, span: { start: number; end: number; quote?: string | undefined }) {
  const segment = segmentOf(state, flag.segmentId);
  const text = flag.side === 'source' ? segment.source : segment.target;
  if (span.start >= span.end || span.end > text.length) {
    throw new AppError(
      422,
      'SPAN_OUT_OF_RANGE',
      `The span ${span.start}–${span.end} is not a non-empty range of the ${flag.side} text (${text.length} characters).`,
    );
  }
  if (span.quote !== undefined && text.slice(span.start, span.end) !== span.quote) {
    throw conflict('SPAN_MISMATCH', `The text at ${span.start}–${span.end} is not “${span.quote}”.`, {
      current: segment,
    });
  }
  return makeAnchor(text, span.start, span.end);
}

function acceptEvent(state: FoldState, flag: Flag, reason: string | null): NewEvent {
  if (flag.side === 'source') {
    // An omission flagged in the source has nowhere to go in the target: accepting records the verdict.
    return { type: 'FlagAccepted', payload: { flagId: flag.id, reason, target: null } };
  }
  const segment = segmentOf(state, flag.segmentId);
  assertWritable(state, segment);
  if (!proposesCorrection(flag)) {
    throw conflict(
      'NO_CORRECTION',
      'This flag comes from an imported annotation file and proposes no correction: edit the text by hand, then resolve the flag.',
      { current: flag },
    );
  }
  if (flag.orphaned || !anchorMatches(segment.target, flag.anchor)) {
    throw conflict('FLAG_ORPHANED', 'The flagged words are no longer in the text; edit the segment by hand.', {
      current: flag,
    });
  }
  const target = replaceSpan(segment.target, flag.anchor, flag.correction);
  // The correction and the text are each within the limit; together they may not be (the event would refuse it).
  const tooLong = overLimit(
    'segmentChars',
    `With this correction, segment ${formatCount(segment.index + 1)}'s translation`,
    target.length,
  );
  if (tooLong) throw limitError([tooLong]);
  return { type: 'FlagAccepted', payload: { flagId: flag.id, reason, target } };
}

/** `mentions`: ids of existing users (the route checks them), each once. */
export function addComment(flagId: string, text: string, mentions?: readonly string[]): Decide<string> {
  return (state) => {
    flagOf(state, flagId);
    const commentId = newId('c');
    const withMentions = mentions && mentions.length > 0 ? { mentions: [...mentions] } : {};
    return {
      events: [{ type: 'CommentAdded', payload: { flagId, commentId, text, ...withMentions } }],
      result: commentId,
    };
  };
}

/** `mentions` undefined: the comment keeps its mentions; otherwise they are replaced. */
export function editComment(
  flagId: string,
  commentId: string,
  text: string,
  actor: string,
  mentions?: readonly string[],
): Decide<string> {
  return (state) => {
    const comment = flagOf(state, flagId).comments.find((c) => c.id === commentId);
    if (!comment) throw notFound('COMMENT_NOT_FOUND', `Comment ${commentId} is not on this flag.`);
    if (comment.author !== actor) throw new AppError(403, 'FORBIDDEN', 'Only the author can edit a comment.');
    const sameMentions = mentions === undefined || (comment.mentions ?? []).join('\n') === [...mentions].join('\n');
    if (comment.text === text && sameMentions) return { events: [] };
    const withMentions = sameMentions ? {} : { mentions: [...mentions!] };
    return {
      events: [{ type: 'CommentEdited', payload: { flagId, commentId, text, ...withMentions } }],
      result: commentId,
    };
  };
}

// ---- Workflow ------------------------------------------------------------------------------------

const BLOCKING: readonly Flag['severity'][] = ['major', 'critical'];

/** Unsettled major and critical flags, which block approval unless overridden with a reason. */
export function blockingFlags(state: FoldState, segmentId?: string): Flag[] {
  const blocking: Flag[] = [];
  for (const f of segmentId === undefined ? state.flags : flagsOnSegment(state.flags, segmentId)) {
    if (UNSETTLED_FLAG_STATUSES.includes(f.status) && BLOCKING.includes(f.severity)) blocking.push(f);
  }
  return blocking;
}

function checkOverride(blocking: Flag[], body: StatusBody, what: string): { override: boolean } {
  if (blocking.length === 0) return { override: false };
  if (!body.override) {
    throw conflict(
      'UNSETTLED_FLAGS',
      `${what} has ${blocking.length} open major or critical flag(s); resolve them or approve with an override and a reason.`,
      { flagIds: blocking.map((f) => f.id) },
    );
  }
  if (!body.reason) {
    throw new AppError(
      400,
      'OVERRIDE_REASON_REQUIRED',
      'Approving over open major or critical flags needs a written reason.',
    );
  }
  return { override: true };
}

function invalid(from: string, action: string): AppError {
  return conflict('INVALID_TRANSITION', `Cannot “${action}” from status “${from}”.`);
}

const SEGMENT_TARGET: Record<StatusBody['action'], Segment['status']> = {
  submit: 'in-review',
  approve: 'approved',
  'request-changes': 'changes-requested',
  reopen: 'in-review',
};

export function changeSegmentStatus(segmentId: string, body: StatusBody): Decide<Segment> {
  return (state) => {
    const segment = segmentOf(state, segmentId);
    if (state.status === 'approved') assertWritable(state);
    const from = segment.status;
    // Only reopening leaves an approved segment; everything else needs it not approved.
    if ((body.action === 'reopen') !== (from === 'approved')) throw invalid(from, body.action);
    if (body.action === 'approve' && segment.target.trim() === '') {
      throw conflict('INVALID_TRANSITION', `Segment ${segment.index + 1} has no translation to approve.`);
    }
    const { override } =
      body.action === 'approve'
        ? checkOverride(blockingFlags(state, segmentId), body, `Segment ${segment.index + 1}`)
        : { override: false };
    if (body.action === 'request-changes' && !body.reason) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Say what must change: a reason is required.');
    }
    const status = SEGMENT_TARGET[body.action];
    if (status === from) return { events: [] };
    return {
      events: [{ type: 'SegmentStatusChanged', payload: { segmentId, status, reason: body.reason ?? null, override } }],
    };
  };
}

/** Approves every segment that has no unsettled flag at all and is not approved yet. */
export function approveClean(): Decide<number> {
  return (state) => {
    assertWritable(state);
    const unsettled = new Set(
      state.flags.filter((f) => UNSETTLED_FLAG_STATUSES.includes(f.status)).map((f) => f.segmentId),
    );
    const events: NewEvent[] = state.segments
      .filter((s) => s.status !== 'approved' && !unsettled.has(s.id) && s.target.trim() !== '')
      .map((s) => ({
        type: 'SegmentStatusChanged',
        payload: { segmentId: s.id, status: 'approved', reason: null, override: false },
      }));
    return { events, result: events.length };
  };
}

const DOCUMENT_TARGET: Record<StatusBody['action'], DocumentState['status']> = {
  submit: 'in-review',
  approve: 'approved',
  'request-changes': 'returned',
  reopen: 'in-review',
};

export function changeDocumentStatus(body: StatusBody): Decide<DocumentState['status']> {
  return (state) => {
    const from = state.status;
    const ok =
      body.action === 'reopen'
        ? from === 'approved'
        : body.action === 'submit'
          ? from === 'in-translation' || from === 'returned'
          : from === 'in-review' || (body.action === 'approve' && from !== 'approved');
    if (!ok) throw invalid(from, body.action);
    const { override } =
      body.action === 'approve' ? checkOverride(blockingFlags(state), body, 'The document') : { override: false };
    if (body.action === 'request-changes' && !body.reason) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Say what must change: a reason is required.');
    }
    const status = DOCUMENT_TARGET[body.action];
    return {
      events: [{ type: 'DocumentStatusChanged', payload: { status, reason: body.reason ?? null, override } }],
      result: status,
    };
  };
}
