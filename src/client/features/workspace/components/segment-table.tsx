import { Fragment, useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentScore } from '../../../../shared/mqm-score';
import type { DocumentState, Flag, FlagSide, Segment, StatusAction } from '../../../../shared/schemas';
import { deleteBlock, keepsFileUnits, mergeBlock, unitKeys } from '../../../../shared/file-units';
import { byId, flagsOnSegment, positionOf } from '../../../../shared/state-index';
import { useLangName } from '../../../lib/use-lang-name';
import { useRowVirtualizer } from '../hooks/use-row-virtualizer';
import type { Highlight } from '../lib/highlight';
import type { SaveQueue } from '../lib/save-queue';
import { HeatStrip, type HeatMark } from './heat-strip';
import type { StructureKind } from '../hooks/use-structure-actions';
import { SegmentRow, type SideHighlights, type TermNote } from './segment-row';
import { SegmentsHead } from '../../../../first-screen/segments-head';

const EMPTY: readonly Flag[] = [];
const NO_MARKS: readonly Highlight[] = [];
const NO_NOTES: readonly TermNote[] = [];

interface Props {
  doc: DocumentState;
  /** The segments shown (a filter's), in document order; all of them when absent. */
  rows?: readonly Segment[] | undefined;
  /** The autosave queue: the table reads the drafts (typed text) itself, so a keystroke re-renders it alone. */
  queue: SaveQueue;
  /** The chosen flag or finding: only the row holding it gets its id, so the other rows' memo holds. */
  activeFlagId: string | undefined;
  activeFindingId: string | undefined;
  activeFindingSegment: string | undefined;
  canEdit: boolean;
  canDecide: boolean;
  suggestionsOf: (segmentId: string) => SideHighlights;
  termsOf: (segment: Segment) => { marks: Highlight[]; notes: TermNote[] } | undefined;
  onEdit: (segment: Segment, text: string) => void;
  onBlur: (segmentId: string) => void;
  onSelection: (segment: Segment, side: FlagSide, start: number, end: number) => void;
  onFlagShortcut: (how: 'dialog' | 'inline') => void;
  onRetry: (segmentId: string) => void;
  registerCell: (key: string, el: HTMLTextAreaElement | null) => void;
  /** The table brings a segment's row into the DOM and into view when asked (rows are virtualized). */
  registerReveal: (reveal: ((segmentId: string) => void) | null) => void;
  onStatus: (segment: Segment, action: StatusAction) => void;
  onHistory: (segment: Segment) => void;
  /** Editors, while the document is not approved: split, merge, delete from the row. */
  onStructure?: ((segment: Segment, kind: StructureKind) => void) | undefined;
  /** Display names of the others editing a segment now. */
  editorsOf?: (segmentId: string) => readonly string[] | undefined;
  /** Penalty points per segment, for the heat strip beside the rows (none: no strip). */
  perSegment: DocumentScore['perSegment'] | undefined;
  onGoToSegment: (segmentId: string) => void;
  /** The signed-in user's login: each row shows whether they have marked it reviewed (absent: not shown). */
  me?: string | undefined;
}

/** A string per row (not a new object): the row's memo holds until its own marks change. */
function reviewState(s: Segment, me: string): 'me' | 'others' | 'none' {
  if (!s.reviewedBy || s.reviewedBy.length === 0) return 'none';
  return s.reviewedBy.includes(me) ? 'me' : 'others';
}

const sameItems = (a: readonly Flag[], b: readonly Flag[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Each segment's flags, as the same array while they are the same flags: a row re-renders only when its own
 * flags change. Only rows being rendered ask, through the flags' per-segment index (no pass over every flag).
 */
function useFlagsOfSegment(flags: DocumentState['flags']) {
  const previous = useRef(new Map<string, readonly Flag[]>());
  return useCallback(
    (segmentId: string): readonly Flag[] => {
      const fresh = flagsOnSegment(flags, segmentId);
      const known = previous.current.get(segmentId);
      if (known && sameItems(known, fresh)) return known;
      const list = fresh.length === 0 ? EMPTY : fresh;
      previous.current.set(segmentId, list);
      return list;
    },
    [flags],
  );
}

/** A first guess at a row's height from its longest text (measured once rendered). */
function estimateRow(segment: Segment | undefined, narrow: boolean): number {
  if (!segment) return 100;
  const longest = Math.max(segment.source.length, segment.target.length);
  if (narrow) return 120 + 26 * (Math.ceil(segment.source.length / 40) + Math.ceil(segment.target.length / 40));
  return Math.max(100, 30 + 26 * Math.ceil(longest / 55));
}

/**
 * The segments, one row each: number, status, source and translation. Only the rows in and near the window
 * are in the DOM (measured heights, so long paragraphs take their room); the table says how many rows there
 * are and where each one sits (aria-rowcount, aria-rowindex), so screen readers count the whole document.
 */
export function SegmentTable({ doc, queue, activeFlagId, activeFindingId, activeFindingSegment, ...p }: Props) {
  const { t } = useTranslation('workspace');
  const langName = useLangName();
  const drafts = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const draftsById = useMemo(() => new Map(drafts.map((d) => [d.segmentId, d])), [drafts]);
  const flagsOf = useFlagsOfSegment(doc.flags);
  const activeFlagSegment = activeFlagId ? byId(doc.flags, activeFlagId)?.segmentId : undefined;

  const segments = p.rows ?? doc.segments;
  // Each segment's unit in the file the document is written back into (none for a document from texts).
  const fileUnits = useMemo(
    () => (keepsFileUnits(doc.origin) ? unitKeys(doc.segments) : null),
    [doc.origin, doc.segments],
  );
  const latest = useRef(segments);
  latest.current = segments;
  const wrap = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const narrowRef = useRef(false);
  const estimateSize = useCallback((i: number) => estimateRow(latest.current[i], narrowRef.current), []);
  const getItemKey = useCallback((i: number) => latest.current[i]?.id ?? String(i), []);
  // The row holding the focus stays rendered when scrolled out of view: typing goes on where it was.
  const focused = useRef(-1);
  const onFocusRow = useCallback((e: React.FocusEvent) => {
    const id = (e.target as HTMLElement).closest?.('tr[data-segment-id]')?.getAttribute('data-segment-id');
    focused.current = id ? positionOf(latest.current, id) : -1;
  }, []);
  const onBlurRow = useCallback((e: React.FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focused.current = -1;
  }, []);
  const { virtualizer, margin, narrow } = useRowVirtualizer({
    count: segments.length,
    scroller: wrap,
    body,
    estimateSize,
    getItemKey,
    keep: focused,
  });
  narrowRef.current = narrow;

  const { registerReveal } = p;
  useEffect(() => {
    registerReveal((segmentId) => {
      const index = positionOf(latest.current, segmentId);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    });
    return () => registerReveal(null);
  }, [registerReveal, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const measurements = virtualizer.measurementsCache;
  const total = virtualizer.getTotalSize();
  const top = items.length > 0 ? items[0]!.start - margin : 0;
  const bottom = items.length > 0 ? Math.max(0, total - (items[items.length - 1]!.end - margin)) : 0;

  // The heat strip is a map of the whole document: each mark where its row is, as a share of all rows.
  const { perSegment, onGoToSegment } = p;
  // Rows are measured as they scroll into view, so the marks are placed again often: over the penalised
  // segments only (a handful), never over every row.
  const penalised = useMemo(() => (perSegment ?? []).flatMap((s, i) => (s.points > 0 ? [{ s, i }] : [])), [perSegment]);
  const marks = useMemo<HeatMark[]>(() => {
    const span = Math.max(1, total);
    const out: HeatMark[] = [];
    for (const { s, i } of penalised) {
      const m = measurements[i];
      if (!m) continue;
      out.push({
        segmentId: s.segmentId,
        n: i + 1,
        points: s.points,
        top: (m.start - margin) / span,
        height: m.size / span,
      });
    }
    return out;
  }, [penalised, measurements, margin, total]);
  const scrolled = (virtualizer.scrollOffset ?? 0) - margin;
  const viewport = virtualizer.scrollRect?.height ?? 0;
  const onStripPick = useCallback(
    (fraction: number) => {
      const row = virtualizer.getVirtualItemForOffset(margin + fraction * virtualizer.getTotalSize());
      const segment = row && latest.current[row.index];
      if (segment) onGoToSegment(segment.id);
    },
    [virtualizer, margin, onGoToSegment],
  );

  return (
    <>
      {perSegment && (
        <HeatStrip
          marks={marks}
          viewTop={Math.max(0, scrolled) / Math.max(1, total)}
          viewHeight={viewport / Math.max(1, total)}
          onGoTo={p.onGoToSegment}
          onPick={onStripPick}
        />
      )}
      <div className="ws-table-wrap" ref={wrap}>
        <table className="segments" aria-rowcount={segments.length + 1}>
          <SegmentsHead
            labels={{
              caption: t('table.label'),
              number: t('table.number'),
              status: t('table.status'),
              source: t('table.source', { lang: langName(doc.sourceLang) }),
              target: t('table.target', { lang: langName(doc.targetLang) }),
            }}
          />
          <tbody ref={body} onFocus={onFocusRow} onBlur={onBlurRow}>
            {top > 0 && (
              <tr className="virtual-spacer" aria-hidden="true">
                <td colSpan={4} style={{ height: top }} />
              </tr>
            )}
            {items.map(({ index, start }, k) => {
              const s = segments[index]!;
              // A gap before a row that is not the next one (the focused row, kept while far out of view).
              const gap = k > 0 ? start - items[k - 1]!.end : 0;
              return (
                <Fragment key={s.id}>
                  {gap > 0 && (
                    <tr className="virtual-spacer" aria-hidden="true">
                      <td colSpan={4} style={{ height: gap }} />
                    </tr>
                  )}
                  <SegmentRow
                    rowRef={virtualizer.measureElement}
                    rowIndex={index}
                    segment={s}
                    flags={flagsOf(s.id)}
                    draft={draftsById.get(s.id)}
                    sourceLang={doc.sourceLang}
                    targetLang={doc.targetLang}
                    activeFlagId={
                      s.id === activeFlagSegment
                        ? activeFlagId
                        : s.id === activeFindingSegment
                          ? activeFindingId
                          : undefined
                    }
                    onEdit={p.onEdit}
                    onBlur={p.onBlur}
                    onSelection={p.onSelection}
                    onFlagShortcut={p.onFlagShortcut}
                    onRetry={p.onRetry}
                    registerCell={p.registerCell}
                    locked={s.status === 'approved' || doc.status === 'approved' || !p.canEdit || s.readOnly === true}
                    canDecide={p.canDecide && doc.status !== 'approved'}
                    onStatus={p.onStatus}
                    onHistory={p.onHistory}
                    onStructure={p.onStructure}
                    isLast={s.index === doc.segments.length - 1}
                    noMerge={fileUnits !== null && mergeBlock(fileUnits, s.index) !== null}
                    noDelete={fileUnits !== null && deleteBlock(doc.segments, fileUnits, s.index) !== null}
                    suggestions={p.suggestionsOf(s.id)}
                    sourceTerms={p.termsOf(s)?.marks ?? NO_MARKS}
                    termNotes={p.termsOf(s)?.notes ?? NO_NOTES}
                    editors={p.editorsOf?.(s.id)}
                    reviewed={p.me === undefined ? undefined : reviewState(s, p.me)}
                    me={p.me}
                  />
                </Fragment>
              );
            })}
            {bottom > 0 && (
              <tr className="virtual-spacer" aria-hidden="true">
                <td colSpan={4} style={{ height: bottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
