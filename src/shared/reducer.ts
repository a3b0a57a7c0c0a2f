import { List } from 'immutable';
import { reanchor } from './anchor';
import type { DocumentEvent } from './events';
import type { Comment, DocumentState, Flag, Segment } from './schemas';
import {
  deleteSegment,
  insertSegment,
  mergeSegments,
  splitSegment,
  StructureError,
  type Structure,
} from './segment-structure';
import { appended, byId, flagsOnSegment, positionOf, replaceAt, setAt } from './state-index';
import { applyReview, editedFlag, recountReviews } from './review-fold';

/** Thrown when an event cannot apply to the state: the log and the state disagree (a bug, never user input). */
export class FoldError extends Error {}

/**
 * The document as the fold holds it in memory: a DocumentState whose flags are an immutable List, so that
 * creating or changing one flag shares every other (see state-index.ts). `toDocumentState` gives the plain
 * document that clients receive and snapshots hold.
 */
export type FoldState = Omit<DocumentState, 'flags'> & { readonly flags: List<Flag> };

const plain = new WeakMap<FoldState, DocumentState>();

/**
 * The plain document (flags as an array): O(flags) the first time, then cached for this state. Frozen
 * (the object and its flags array), since every caller of this state gets the same one.
 */
export function toDocumentState(state: FoldState): DocumentState {
  let doc = plain.get(state);
  if (!doc) {
    doc = Object.freeze({ ...state, flags: Object.freeze(state.flags.toArray()) as Flag[] });
    plain.set(state, doc);
  }
  return doc;
}

/** A plain document (from a snapshot) as a state to fold on. */
export function fromDocumentState(doc: DocumentState): FoldState {
  return { ...doc, flags: List(doc.flags) };
}

/**
 * The document is a pure fold of its events. Used by the server (authoritative), the CLI and tests; the
 * client will use it for live updates (folding onto `fromDocumentState` of what it loaded). Never mutates its inputs: unchanged segments and flags are shared between states.
 */
export function fold(state: FoldState | null, event: DocumentEvent): FoldState {
  if (event.type === 'DocumentCreated') {
    if (state) throw new FoldError(`document ${state.id} already exists`);
    const p = event.payload;
    return {
      id: p.id,
      title: p.title,
      sourceLang: p.sourceLang,
      targetLang: p.targetLang,
      createdAt: event.at,
      createdBy: event.actor,
      updatedAt: event.at,
      seq: event.seq,
      ...(p.origin ? { origin: p.origin } : {}),
      segments: p.segments.map((s, index) => ({
        ...(s.meta ? { meta: s.meta } : {}),
        ...(s.ratedBy ? { ratedBy: s.ratedBy } : {}),
        ...(s.codes ? { codes: s.codes } : {}),
        ...(s.readOnly ? { readOnly: true } : {}),
        ...(s.notes && s.notes.length > 0 ? { notes: s.notes } : {}),
        ...(s.gap ? { gap: s.gap } : {}),
        id: s.id,
        index,
        source: s.source,
        target: s.target,
        version: 1,
        status: s.status ?? (s.target.trim() === '' ? 'draft' : 'translated'),
        updatedAt: event.at,
        updatedBy: event.actor,
      })),
      status: 'in-translation',
      statusReason: null,
      flags: List<Flag>(),
    };
  }
  if (!state) throw new FoldError(`${event.type} before DocumentCreated`);
  if (event.seq <= state.seq) throw new FoldError(`event seq ${event.seq} not after ${state.seq}`);
  const next = applyToDocument(state, event);
  return { ...next, seq: event.seq, updatedAt: event.at };
}

export function foldAll(events: readonly DocumentEvent[], from: FoldState | null = null): FoldState {
  let state = from;
  for (const e of events) state = fold(state, e);
  if (!state) throw new FoldError('no events');
  return state;
}

function applyToDocument(state: FoldState, event: Exclude<DocumentEvent, { type: 'DocumentCreated' }>) {
  switch (event.type) {
    case 'SegmentEdited': {
      const p = event.payload;
      return setTarget(state, p.segmentId, p.target, event);
    }
    case 'FlagCreated': {
      const p = event.payload;
      findSegment(state, p.segmentId);
      if (byId(state.flags, p.flagId)) throw new FoldError(`flag ${p.flagId} exists`);
      const flag: Flag = {
        id: p.flagId,
        segmentId: p.segmentId,
        side: p.side,
        anchor: p.anchor,
        quote: p.anchor.quote,
        orphaned: false,
        category: p.category,
        severity: p.severity,
        correction: p.correction,
        comment: p.comment,
        ...(p.original ? { original: p.original } : {}),
        ...(p.findingId ? { findingId: p.findingId } : {}),
        ...(p.durationMs !== undefined ? { durationMs: p.durationMs } : {}),
        status: 'open',
        reason: null,
        comments: [],
        version: 1,
        createdBy: event.actor,
        createdAt: event.at,
        updatedBy: event.actor,
        updatedAt: event.at,
      };
      return { ...state, flags: appended(state.flags, flag) };
    }
    case 'FlagEdited':
      return updateFlag(state, event.payload.flagId, event, (f) => editedFlag(f, event));
    case 'FlagRestored':
      return setFlagStatus(state, event, 'open', (f) => ({
        history: [...(f.history ?? []), { action: 'restored' as const, by: event.actor, at: event.at, changes: [] }],
      }));
    case 'SegmentReviewed':
      try {
        return applyReview(state, event);
      } catch (err) {
        throw new FoldError((err as Error).message);
      }
    case 'GuidelinesSet':
      return { ...state, guidelines: event.payload.guidelines, guidelinesFile: event.payload.fileName };
    case 'FlagAccepted': {
      const p = event.payload;
      const flag = findFlag(state, p.flagId);
      let next = state;
      if (p.target !== null) {
        // The corrected words replace the span; the accepted flag then points at the correction.
        next = setTarget(state, flag.segmentId, p.target, event, flag.id);
      }
      return updateFlag(next, p.flagId, event, (f) => ({
        ...f,
        status: 'accepted',
        reason: p.reason,
        ...(p.target !== null ? acceptedAnchor(f, p.target) : {}),
      }));
    }
    case 'FlagRejected':
      return setFlagStatus(state, event, 'rejected');
    case 'FlagResolved':
      return setFlagStatus(state, event, 'resolved');
    case 'FlagDisputed': {
      const dispute = { by: event.actor, at: event.at, reason: event.payload.reason, response: null };
      return setFlagStatus(state, event, 'disputed', () => ({ dispute }));
    }
    case 'FlagWithdrawn':
      return setFlagStatus(state, event, 'withdrawn', (f) => answered(f, event, 'withdrawn'));
    case 'FlagMaintained':
      return setFlagStatus(state, event, 'open', (f) => answered(f, event, 'maintained'));
    // A comment is not a change to the flag: its version (what Accept and the other actions are checked
    // against) stays, so nobody's action fails because someone commented meanwhile. Comments have their own ids.
    case 'CommentAdded': {
      const p = event.payload;
      const comment: Comment = { id: p.commentId, author: event.actor, at: event.at, text: p.text };
      if (p.mentions && p.mentions.length > 0) comment.mentions = p.mentions;
      return updateThread(state, p.flagId, (f) => ({ ...f, comments: [...f.comments, comment] }));
    }
    case 'CommentEdited': {
      const p = event.payload;
      return updateThread(state, p.flagId, (f) => {
        if (!f.comments.some((c) => c.id === p.commentId)) throw new FoldError(`no comment ${p.commentId}`);
        const edit = (c: Comment): Comment => {
          const next: Comment = { ...c, text: p.text, editedAt: event.at };
          if (p.mentions !== undefined) {
            if (p.mentions.length > 0) next.mentions = p.mentions;
            else delete next.mentions;
          }
          return next;
        };
        return { ...f, comments: f.comments.map((c) => (c.id === p.commentId ? edit(c) : c)) };
      });
    }
    case 'SegmentStatusChanged': {
      const p = event.payload;
      const segment = findSegment(state, p.segmentId);
      const updated: Segment = { ...segment, status: p.status, updatedAt: event.at, updatedBy: event.actor };
      return { ...state, segments: replaceAt(state.segments, positionOf(state.segments, p.segmentId), updated) };
    }
    case 'DocumentStatusChanged':
      return { ...state, status: event.payload.status, statusReason: event.payload.reason };
    case 'DocumentRenamed':
      return { ...state, title: event.payload.title };
    case 'DocumentArchived': {
      const { archived: _, ...rest } = state;
      return event.payload.archived ? { ...rest, archived: true } : rest;
    }
    case 'ScoringSettingsChanged':
      return { ...state, scoring: event.payload.settings };
    case 'GlossarySet':
      return { ...state, glossary: event.payload.glossary, glossaryFile: event.payload.fileName };
    case 'QaSettingsChanged':
      return { ...state, qaSettings: event.payload.settings };
    case 'SegmentSplit':
      return restructure(state, () => splitSegment(state, event));
    case 'SegmentsMerged':
      return restructure(state, () => mergeSegments(state, event));
    case 'SegmentDeleted':
      return restructure(state, () => deleteSegment(state, event));
    case 'SegmentInserted':
      return restructure(state, () => insertSegment(state, event));
    case 'FindingDismissed': {
      const p = event.payload;
      const dismissal = { ...p, by: event.actor, at: event.at };
      return {
        ...state,
        dismissed: [...(state.dismissed ?? []).filter((d) => d.findingId !== p.findingId), dismissal],
      };
    }
    case 'FindingRestored': {
      const { findingId } = event.payload;
      return { ...state, dismissed: (state.dismissed ?? []).filter((d) => d.findingId !== findingId) };
    }
  }
}

function restructure(state: FoldState, change: () => Structure): FoldState {
  try {
    const { segments, flags } = change();
    return recountReviews({ ...state, segments: [...segments], flags });
  } catch (err) {
    if (err instanceof StructureError) throw new FoldError(err.message);
    throw err;
  }
}

type StatusEvent = Extract<DocumentEvent, { payload: { flagId: string; reason: string | null } }>;

function setFlagStatus(
  state: FoldState,
  event: StatusEvent,
  status: Flag['status'],
  more: (f: Flag) => Partial<Flag> = () => ({}),
) {
  return updateFlag(state, event.payload.flagId, event, (f) => ({
    ...f,
    status,
    reason: event.payload.reason,
    ...more(f),
  }));
}

/** The reviewer's answer to an open dispute, kept beside it (a flag withdrawn without a dispute has none). */
function answered(flag: Flag, event: StatusEvent, action: 'maintained' | 'withdrawn'): Partial<Flag> {
  if (flag.status !== 'disputed' || !flag.dispute) return {};
  const response = { by: event.actor, at: event.at, reason: event.payload.reason, action };
  return { dispute: { ...flag.dispute, response } };
}

function acceptedAnchor(flag: Flag, target: string): Pick<Flag, 'anchor' | 'orphaned'> {
  const start = flag.anchor.start;
  const end = start + flag.correction.length;
  return {
    orphaned: false,
    anchor: { ...flag.anchor, start, end, quote: target.slice(start, end) },
  };
}

/** New target text for a segment; every target-side flag on it is re-anchored (except `skipFlagId`). */
function setTarget(
  state: FoldState,
  segmentId: string,
  target: string,
  event: DocumentEvent,
  skipFlagId?: string,
): FoldState {
  const segment = findSegment(state, segmentId);
  const oldText = segment.target;
  const updated: Segment = {
    ...segment,
    target,
    version: segment.version + 1,
    updatedAt: event.at,
    updatedBy: event.actor,
    // Text arriving on a draft, or on a segment sent back, makes it translated again.
    status:
      (segment.status === 'draft' || segment.status === 'changes-requested') && target.trim() !== ''
        ? 'translated'
        : segment.status,
  };
  const segments = replaceAt(state.segments, positionOf(state.segments, segmentId), updated);
  let flags = state.flags;
  for (const f of flagsOnSegment(state.flags, segmentId)) {
    if (f.side !== 'target' || f.id === skipFlagId) continue;
    const r = reanchor(oldText, target, f.anchor, f.orphaned);
    if (r.orphaned === f.orphaned && sameAnchor(r.anchor, f.anchor)) continue;
    flags = setAt(flags, positionOf(flags, f.id), { ...f, anchor: r.anchor, orphaned: r.orphaned });
  }
  return { ...state, segments, flags };
}

function sameAnchor(a: Flag['anchor'], b: Flag['anchor']) {
  return (
    a.start === b.start && a.end === b.end && a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix
  );
}

function updateFlag(state: FoldState, flagId: string, event: DocumentEvent, change: (f: Flag) => Flag) {
  const f = findFlag(state, flagId);
  const updated = { ...change(f), version: f.version + 1, updatedAt: event.at, updatedBy: event.actor };
  return { ...state, flags: setAt(state.flags, positionOf(state.flags, flagId), updated) };
}

/** Changes a flag's thread only: its version, updatedAt and updatedBy stay. */
function updateThread(state: FoldState, flagId: string, change: (f: Flag) => Flag) {
  const updated = change(findFlag(state, flagId));
  return { ...state, flags: setAt(state.flags, positionOf(state.flags, flagId), updated) };
}

function findSegment(state: FoldState, segmentId: string): Segment {
  const s = byId(state.segments, segmentId);
  if (!s) throw new FoldError(`no segment ${segmentId}`);
  return s;
}

function findFlag(state: FoldState, flagId: string): Flag {
  const f = byId(state.flags, flagId);
  if (!f) throw new FoldError(`no flag ${flagId}`);
  return f;
}
