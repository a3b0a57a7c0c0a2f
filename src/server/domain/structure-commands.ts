import type { DocumentEvent, NewEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import type { FoldState } from '../../shared/reducer';
import type { MergeSegmentBody, Segment, SplitSegmentBody } from '../../shared/schemas';
import { deleteBlock, keepsFileUnits, mergeBlock, unitKeys } from '../../shared/file-units';
import { cutText } from '../../shared/segment-structure';
import { joinSeparator } from '../../shared/text-join';
import { byId, flagsOnSegment, positionOf } from '../../shared/state-index';
import { AppError, conflict } from '../errors';
import type { Decide } from '../store/document-store';
import { assertWritable, segmentConflict, segmentOf } from './commands';

/** Commands that change which segments there are: split, merge with the next, delete, and undo them. */

const unprocessable = (code: 'SPLIT_EMPTY_PART' | 'NO_NEXT_SEGMENT' | 'SEGMENT_NOT_EMPTY', message: string) =>
  new AppError(422, code, message);

// A UTF-16 offset between the two halves of a surrogate pair would cut a character in two.
const cutsCharacter = (text: string, at: number) =>
  at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]!) && /[\uDC00-\uDFFF]/.test(text[at]!);

export function splitSegment(segmentId: string, body: SplitSegmentBody): Decide<string> {
  return (state) => {
    const segment = segmentOf(state, segmentId);
    if (segment.version !== body.baseVersion) throw segmentConflict(segment, body.baseVersion);
    assertWritable(state, segment);
    if (body.sourceAt > segment.source.length || body.targetAt > segment.target.length)
      throw new AppError(422, 'SPAN_OUT_OF_RANGE', 'The split offset is past the end of the text.');
    if (cutsCharacter(segment.source, body.sourceAt) || cutsCharacter(segment.target, body.targetAt))
      throw new AppError(422, 'SPAN_OUT_OF_RANGE', 'The split offset falls inside a character.');
    const source = cutText(segment.source, body.sourceAt);
    const target = cutText(segment.target, body.targetAt);
    if (`${source.first}${target.first}`.trim() === '' || `${source.second}${target.second}`.trim() === '')
      throw unprocessable('SPLIT_EMPTY_PART', 'A split must leave text in both parts.');
    const newSegmentId = newId('s');
    const event: NewEvent = {
      type: 'SegmentSplit',
      payload: {
        segmentId,
        newSegmentId,
        sourceAt: body.sourceAt,
        targetAt: body.targetAt,
        sourceGap: source.gap,
        targetGap: target.gap,
      },
    };
    return { events: [event], result: newSegmentId };
  };
}

function mergeEvent(state: FoldState, a: Segment, b: Segment, revertOf?: number): NewEvent {
  // What a split cut out or the file had between them, else the languages' usual separator.
  const sourceSeparator = b.gap?.source ?? joinSeparator(state.sourceLang);
  const targetSeparator = b.gap?.target ?? joinSeparator(state.targetLang);
  const at = (x: string, y: string, sep: string) => (x === '' || y === '' ? x.length : x.length + sep.length);
  return {
    type: 'SegmentsMerged',
    payload: {
      segmentId: a.id,
      nextSegmentId: b.id,
      sourceSeparator,
      targetSeparator,
      sourceAt: at(a.source, b.source, sourceSeparator),
      targetAt: at(a.target, b.target, targetSeparator),
      ...(revertOf ? { revertOf } : {}),
    },
  };
}

export function mergeWithNext(segmentId: string, body: MergeSegmentBody): Decide<void> {
  return (state) => {
    const a = segmentOf(state, segmentId);
    const b = state.segments[positionOf(state.segments, segmentId) + 1];
    if (a.version !== body.baseVersion) throw segmentConflict(a, body.baseVersion);
    if (!b) throw unprocessable('NO_NEXT_SEGMENT', `Segment ${a.index + 1} is the last one.`);
    if (b.version !== body.nextBaseVersion) throw segmentConflict(b, body.nextBaseVersion);
    assertWritable(state, a);
    assertWritable(state, b);
    if (keepsFileUnits(state.origin) && mergeBlock(unitKeys(state.segments), a.index))
      throw conflict(
        'MERGE_ACROSS_UNITS',
        `Segments ${a.index + 1} and ${b.index + 1} belong to different units of the file: merged, the second unit would leave the exported file.`,
      );
    return { events: [mergeEvent(state, a, b)] };
  };
}

function assertDeletable(state: FoldState, segment: Segment) {
  if (segment.source.trim() !== '' && segment.target.trim() !== '')
    throw unprocessable('SEGMENT_NOT_EMPTY', `Segment ${segment.index + 1} has text on both sides.`);
  if (flagsOnSegment(state.flags, segment.id).length > 0)
    throw conflict('SEGMENT_HAS_FLAGS', `Segment ${segment.index + 1} has flags.`);
  if (keepsFileUnits(state.origin) && deleteBlock(state.segments, unitKeys(state.segments), segment.index))
    throw conflict(
      'FILE_TEXT_DELETE',
      `Segment ${segment.index + 1} holds source text of the file it came from, or is the last segment of its unit: deleted, it would leave the exported file.`,
    );
}

export function deleteSegment(segmentId: string, baseVersion: number): Decide<void> {
  return (state) => {
    const segment = segmentOf(state, segmentId);
    if (segment.version !== baseVersion) throw segmentConflict(segment, baseVersion);
    assertWritable(state, segment);
    assertDeletable(state, segment);
    const before = state.segments[segment.index - 1];
    const event: NewEvent = {
      type: 'SegmentDeleted',
      payload: { segmentId, source: segment.source, target: segment.target, afterSegmentId: before?.id ?? null },
    };
    return { events: [event] };
  };
}

const changed = () => conflict('STRUCTURE_CHANGED', 'The segments changed since then: this can no longer be undone.');

/** The inverse of a split (merge the two parts back with what was cut), a merge (split it again), a deletion. */
export function revertStructure(event: DocumentEvent): Decide<void> {
  return (state) => {
    assertWritable(state);
    switch (event.type) {
      case 'SegmentSplit': {
        const p = event.payload;
        const a = byId(state.segments, p.segmentId);
        const b = byId(state.segments, p.newSegmentId);
        if (!a || !b || b.index !== a.index + 1) throw changed();
        assertWritable(state, a);
        assertWritable(state, b);
        const merged = mergeEvent(state, a, b, event.seq);
        if (merged.type !== 'SegmentsMerged') throw changed();
        const { payload } = merged;
        const exact = {
          ...payload,
          sourceSeparator: p.sourceGap,
          targetSeparator: p.targetGap,
          sourceAt: a.source === '' || b.source === '' ? a.source.length : a.source.length + p.sourceGap.length,
          targetAt: a.target === '' || b.target === '' ? a.target.length : a.target.length + p.targetGap.length,
        };
        return { events: [{ type: 'SegmentsMerged', payload: exact }] };
      }
      case 'SegmentsMerged': {
        const p = event.payload;
        const a = byId(state.segments, p.segmentId);
        if (!a || byId(state.segments, p.nextSegmentId)) throw changed();
        assertWritable(state, a);
        if (p.sourceAt > a.source.length || p.targetAt > a.target.length) throw changed();
        const source = cutText(a.source, p.sourceAt);
        const target = cutText(a.target, p.targetAt);
        const split: NewEvent = {
          type: 'SegmentSplit',
          payload: {
            segmentId: a.id,
            newSegmentId: p.nextSegmentId,
            sourceAt: p.sourceAt,
            targetAt: p.targetAt,
            sourceGap: source.gap,
            targetGap: target.gap,
            revertOf: event.seq,
          },
        };
        return { events: [split] };
      }
      case 'SegmentDeleted': {
        const p = event.payload;
        if (byId(state.segments, p.segmentId)) throw changed();
        if (p.afterSegmentId !== null && !byId(state.segments, p.afterSegmentId)) throw changed();
        const inserted: NewEvent = {
          type: 'SegmentInserted',
          payload: {
            segmentId: p.segmentId,
            source: p.source,
            target: p.target,
            afterSegmentId: p.afterSegmentId,
            revertOf: event.seq,
          },
        };
        return { events: [inserted] };
      }
      default:
        throw new AppError(422, 'EVENT_NOT_REVERTIBLE', `Event ${event.seq} is not a split, a merge or a deletion.`);
    }
  };
}
