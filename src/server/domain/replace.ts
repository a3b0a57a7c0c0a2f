import type { NewEvent } from '../../shared/events';
import { byId } from '../../shared/state-index';
import type { ReplaceBody, ReplaceProblem } from '../../shared/schemas';
import { AppError, conflict } from '../errors';
import type { Decide } from '../store/document-store';
import { editSegment } from './commands';

/**
 * Find & replace: each change is decided exactly as a single edit (editSegment: same version check, same
 * approval lock, the same SegmentEdited event), and all its events go in one append — every change or none.
 * Any refusal refuses the whole batch, listing each segment and why.
 */
export function replaceTexts(body: ReplaceBody): Decide<number> {
  return (state) => {
    if (state.status === 'approved') {
      throw conflict('DOCUMENT_LOCKED', 'The document is approved: an editor must reopen it before it changes.');
    }
    const events: NewEvent[] = [];
    const problems: ReplaceProblem[] = [];
    for (const change of body.changes) {
      try {
        events.push(...editSegment(change.segmentId, change)(state).events);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const segment = byId(state.segments, change.segmentId);
        problems.push({
          segmentId: change.segmentId,
          ...(segment ? { n: segment.index + 1 } : {}),
          code: err.code,
          message: err.message,
        });
      }
    }
    if (problems.length > 0) {
      throw conflict(
        'REPLACE_CONFLICT',
        `Nothing was replaced: ${problems.length} of ${body.changes.length} segment(s) cannot change. ` +
          problems.map((p) => p.message).join(' '),
        { problems },
      );
    }
    return { events, result: events.length };
  };
}
