import type { DocumentEvent } from '../../shared/events';
import { fold, fromDocumentState, toDocumentState, type FoldState } from '../../shared/reducer';
import type { DocumentState, Flag, Segment } from '../../shared/schemas';
import { appended, byId, flagsOnSegment, positionOf, replaceAt, setAt } from '../../shared/state-index';

/**
 * The open document in the query cache is the fold's own state (`FoldState`), kept current by folding every
 * event of the live stream onto it with the shared reducer: one event costs what it changes.
 *
 * Write answers arrive before their event does on the stream, and may patch the rows they return at once.
 * So the cached state (the view) may be ahead of the pure fold of the stream (the base) for a few rows until
 * their events arrive. The base is kept beside the view (they share every unpatched row), with the seq each
 * patched row reflects; an event folds onto the base, and a row it changes replaces the view's row unless a
 * patch already holds that row at this event or later. Once the stream has caught up with every patch, the
 * view is the base again. The document's "last seq" is the base's: it advances only with stream events.
 */
interface Sync {
  /** The fold of the loaded document and the stream's events, in order. */
  base: FoldState;
  /** Patched rows (segment and flag ids): the seq of the write answer each reflects. */
  rows: ReadonlyMap<string, number>;
  /** A write that answered the whole document: every row and document field reflects this seq. */
  whole: number;
  /** The highest patch seq: once the base reaches it, the view is the base. */
  until: number;
}

const syncs = new WeakMap<FoldState, Sync>();

const STRUCTURAL: ReadonlySet<DocumentEvent['type']> = new Set([
  'SegmentSplit',
  'SegmentsMerged',
  'SegmentDeleted',
  'SegmentInserted',
]);

/** The seq of the last stream event folded into this state (or of the document as loaded). */
export function lastSeq(view: FoldState): number {
  return (syncs.get(view)?.base ?? view).seq;
}

/** A document as loaded (GET /api/documents/:id): the base and view at once. */
export function loaded(doc: DocumentState): FoldState {
  return fromDocumentState(doc);
}

/** The event does not follow the last one applied: the events between must be fetched and folded first. */
export class GapError extends Error {
  constructor(
    readonly after: number,
    readonly seq: number,
  ) {
    super(`event ${seq} does not follow ${after}`);
  }
}

/**
 * Folds one stream event into the cached state. An event at or before the last seq is a no-op (the same
 * state comes back); one past the next throws GapError.
 */
export function applyEvent(view: FoldState, event: DocumentEvent): FoldState {
  const sync = syncs.get(view);
  const base = sync?.base ?? view;
  if (event.seq <= base.seq) return view;
  if (event.seq !== base.seq + 1) throw new GapError(base.seq, event.seq);
  const next = fold(base, event);
  if (!sync || sync.until <= event.seq) return next;
  if (STRUCTURAL.has(event.type)) {
    // A split, merge or deletion moves rows: a whole-document answer that holds it stays; otherwise the view
    // takes the fold (rows patched ahead show their saved state until their own events arrive, just after).
    if (sync.whole < event.seq) return next;
    const kept: FoldState = { ...view, seq: next.seq, updatedAt: next.updatedAt };
    syncs.set(kept, { ...sync, base: next });
    return kept;
  }

  // Some rows are ahead of the stream: take the event's changes except where a patch already has them.
  const ahead = (id: string) => Math.max(sync.rows.get(id) ?? 0, sync.whole) >= event.seq;
  const touched = touchedBy(event, next);
  let segments = view.segments;
  for (const id of touched.segments) {
    const row = byId(next.segments, id);
    if (!row || row === byId(base.segments, id) || ahead(id)) continue;
    segments = replaceAt(segments, positionOf(segments, id), row);
  }
  let flags = view.flags;
  for (const id of touched.flags) {
    const row = byId(next.flags, id);
    if (!row || row === byId(base.flags, id) || ahead(id)) continue;
    const at = positionOf(flags, id);
    flags = at < 0 ? appended(flags, row) : setAt(flags, at, row);
  }
  const fields = sync.whole >= event.seq ? view : next;
  const merged: FoldState = { ...fields, seq: next.seq, updatedAt: next.updatedAt, segments, flags };
  const rows = new Map([...sync.rows].filter(([, seq]) => seq > event.seq));
  syncs.set(merged, { base: next, rows, whole: sync.whole, until: sync.until });
  return merged;
}

/** The segments and flags an event may change (the fold re-anchors the flags of an edited segment). */
function touchedBy(event: DocumentEvent, after: FoldState): { segments: string[]; flags: string[] } {
  const p = event.payload as { segmentId?: string; flagId?: string };
  const flag = p.flagId ? byId(after.flags, p.flagId) : undefined;
  const segmentId = p.segmentId ?? (event.type === 'FlagAccepted' ? flag?.segmentId : undefined);
  const flags = p.flagId ? [p.flagId] : [];
  if (segmentId && (event.type === 'SegmentEdited' || event.type === 'FlagAccepted')) {
    for (const f of flagsOnSegment(after.flags, segmentId)) if (f.id !== p.flagId) flags.push(f.id);
  }
  return { segments: segmentId ? [segmentId] : [], flags };
}

export interface RowsAnswer {
  segment?: Segment | undefined;
  flag?: Flag | undefined;
  flags?: readonly Flag[] | undefined;
  /** The seq of the write's (last) event. */
  seq?: number | undefined;
}

/**
 * A write's answer: the rows it returns go into the view at once when they are newer than what it holds
 * (their event not yet on the stream, and no later answer for the same row). The event arriving later on
 * the stream then leaves those rows as they are.
 */
export function applyRows(view: FoldState, answer: RowsAnswer): FoldState {
  const sync = syncs.get(view);
  const base = sync?.base ?? view;
  const seq = answer.seq ?? base.seq + 1;
  if (seq <= base.seq) return view;
  const rows = new Map(sync?.rows ?? []);
  const whole = sync?.whole ?? 0;
  const newer = (id: string) => seq > Math.max(rows.get(id) ?? 0, whole);
  let segments = view.segments;
  const s = answer.segment;
  if (s && positionOf(segments, s.id) >= 0 && newer(s.id)) {
    segments = replaceAt(segments, positionOf(segments, s.id), s);
    rows.set(s.id, seq);
  }
  let flags = view.flags;
  for (const f of [...(answer.flags ?? []), ...(answer.flag ? [answer.flag] : [])]) {
    if (!newer(f.id)) continue;
    const at = positionOf(flags, f.id);
    flags = at < 0 ? appended(flags, f) : setAt(flags, at, f);
    rows.set(f.id, seq);
  }
  if (segments === view.segments && flags === view.flags) return view;
  const next: FoldState = { ...view, segments, flags };
  syncs.set(next, { base, rows, whole, until: Math.max(sync?.until ?? 0, seq) });
  return next;
}

/** A write that answered the whole document (status, settings, glossary…): the view becomes it, if newer. */
export function applyWhole(view: FoldState, doc: DocumentState): FoldState {
  const sync = syncs.get(view);
  const base = sync?.base ?? view;
  if (doc.seq <= base.seq || doc.seq <= (sync?.whole ?? 0)) return view;
  const next: FoldState = { ...fromDocumentState(doc), seq: base.seq };
  syncs.set(next, { base, rows: new Map(), whole: doc.seq, until: Math.max(sync?.until ?? 0, doc.seq) });
  return next;
}

/** The plain document components read (flags as an array): built once per state. */
export const viewOf = (state: FoldState): DocumentState => toDocumentState(state);
