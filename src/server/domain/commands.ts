import { anchorMatches, makeAnchor, replaceSpan } from '../../shared/anchor';
import type { NewEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import type { CreateFlagBody, DocumentState, EditSegmentBody, Flag, PatchFlagBody, Segment } from '../../shared/schemas';
import { AppError, conflict, notFound } from '../errors';
import type { Decide } from '../store/document-store';

/** Command handlers: check a request against the current state and say which events it produces. */

function segmentOf(state: DocumentState, segmentId: string): Segment {
  const segment = state.segments.find((s) => s.id === segmentId);
  if (!segment) throw notFound('SEGMENT_NOT_FOUND', `Segment ${segmentId} is not in document ${state.id}.`);
  return segment;
}

function flagOf(state: DocumentState, flagId: string): Flag {
  const flag = state.flags.find((f) => f.id === flagId);
  if (!flag) throw notFound('FLAG_NOT_FOUND', `Flag ${flagId} is not in document ${state.id}.`);
  return flag;
}

function segmentConflict(segment: Segment, baseVersion: number) {
  return conflict(
    'SEGMENT_VERSION_CONFLICT',
    `Segment ${segment.index + 1} changed since version ${baseVersion}: it is now at version ${segment.version}.`,
    { current: segment },
  );
}

export function editSegment(segmentId: string, body: EditSegmentBody): Decide<Segment> {
  return (state) => {
    const segment = segmentOf(state, segmentId);
    if (segment.version !== body.baseVersion) throw segmentConflict(segment, body.baseVersion);
    if (segment.target === body.target) return { events: [] };
    return { events: [{ type: 'SegmentEdited', payload: { segmentId, target: body.target, cause: 'edit' } }] };
  };
}

export function createFlag(body: CreateFlagBody): Decide<string> {
  return (state) => {
    const segment = segmentOf(state, body.segmentId);
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
    const anchor = makeAnchor(text, body.start, body.end);
    if (body.quote !== undefined && text.slice(body.start, body.end) !== body.quote) {
      throw conflict('SPAN_MISMATCH', `The text at ${body.start}–${body.end} is not “${body.quote}”.`, {
        current: segment,
      });
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
      },
    };
    return { events: [event], result: flagId };
  };
}

export function patchFlag(flagId: string, body: PatchFlagBody): Decide<string> {
  return (state) => {
    const flag = flagOf(state, flagId);
    if (flag.version !== body.baseVersion) {
      throw conflict(
        'FLAG_VERSION_CONFLICT',
        `The flag changed since version ${body.baseVersion}: it is now at version ${flag.version}.`,
        { current: flag },
      );
    }
    if (flag.status !== 'open') {
      throw conflict('FLAG_NOT_OPEN', `The flag is already ${flag.status}.`, { current: flag });
    }
    const reason = 'reason' in body && body.reason ? body.reason : null;
    switch (body.action) {
      case 'edit': {
        const { action: _a, baseVersion: _b, ...changes } = body;
        return { events: [{ type: 'FlagEdited', payload: { flagId, ...changes } }], result: flagId };
      }
      case 'accept':
        return { events: [acceptEvent(state, flag, reason)], result: flagId };
      case 'reject':
        return { events: [{ type: 'FlagRejected', payload: { flagId, reason } }], result: flagId };
      case 'resolve':
        return { events: [{ type: 'FlagResolved', payload: { flagId, reason } }], result: flagId };
    }
  };
}

function acceptEvent(state: DocumentState, flag: Flag, reason: string | null): NewEvent {
  if (flag.side === 'source') {
    // An omission flagged in the source has nowhere to go in the target: accepting records the verdict.
    return { type: 'FlagAccepted', payload: { flagId: flag.id, reason, target: null } };
  }
  const segment = segmentOf(state, flag.segmentId);
  if (flag.orphaned || !anchorMatches(segment.target, flag.anchor)) {
    throw conflict('FLAG_ORPHANED', 'The flagged words are no longer in the text; edit the segment by hand.', {
      current: flag,
    });
  }
  const target = replaceSpan(segment.target, flag.anchor, flag.correction);
  return { type: 'FlagAccepted', payload: { flagId: flag.id, reason, target } };
}
