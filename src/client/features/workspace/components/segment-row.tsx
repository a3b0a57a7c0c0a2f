import { memo, useMemo, useRef, useState } from 'react';
import { useListFormat } from '../../../lib/use-list-format';
import { useTranslation } from 'react-i18next';
import { reanchor } from '../../../../shared/anchor';
import { languageDirection } from '../../../../shared/lang/direction';
import {
  UNSETTLED_FLAG_STATUSES,
  type Flag,
  type FlagSide,
  type Segment,
  type StatusAction,
} from '../../../../shared/schemas';
import { useDisplayName } from '../../../lib/user-directory';
import { useLangName } from '../../../lib/use-lang-name';
import type { Highlight } from '../lib/highlight';
import { changedByOther, type Draft } from '../lib/save-queue';
import type { StructureKind } from '../hooks/use-structure-actions';
import { HighlightedText } from './highlighted-text';
import { SegmentNotes } from './segment-notes';
import { isolated } from '../../../lib/isolated';

export interface SegmentRowProps {
  /** Measures the row (its height varies with its text) for the virtualized table; stable. */
  rowRef?: ((el: HTMLTableRowElement | null) => void) | undefined;
  /** 0-based position in the document: the row's aria-rowindex (after the header row) and data-index. */
  rowIndex?: number | undefined;
  segment: Segment;
  flags: readonly Flag[];
  draft: Draft | undefined;
  sourceLang: string;
  targetLang: string;
  activeFlagId: string | undefined;
  onEdit: (segment: Segment, text: string) => void;
  onBlur: (segmentId: string) => void;
  onSelection: (segment: Segment, side: FlagSide, start: number, end: number) => void;
  onFlagShortcut: (how: 'dialog' | 'inline') => void;
  onRetry: (segmentId: string) => void;
  registerCell: (key: string, el: HTMLTextAreaElement | null) => void;
  /** The translation cannot be edited: approved, document approved, or not the user's role. */
  locked: boolean;
  canDecide: boolean;
  onStatus: (segment: Segment, action: StatusAction) => void;
  onHistory: (segment: Segment) => void;
  /** Automatic findings on this segment, by side, and the glossary terms in its source. */
  suggestions: SideHighlights;
  sourceTerms: readonly Highlight[];
  termNotes: readonly TermNote[];
  /** Editors: split at the cursor, merge with the next (not on the last row), delete when a side is empty. */
  onStructure?: ((segment: Segment, kind: StructureKind) => void) | undefined;
  isLast?: boolean | undefined;
  /**
   * A document written back into its XLIFF file (shared/file-units.ts): no merge with a segment of another unit,
   * no deletion of the file's text.
   */
  noMerge?: boolean | undefined;
  noDelete?: boolean | undefined;
  /** Display names of the other people editing this segment now (presence). */
  editors?: readonly string[] | undefined;
  /** Reading progress: marked reviewed by me, by others only, or by nobody (absent: not tracked here). */
  reviewed?: 'me' | 'others' | 'none' | undefined;
  /** The signed-in user's login: the live echo of their own save is not someone else's change. */
  me?: string | undefined;
}

export interface TermNote {
  term: string;
  targets: string;
}

export interface SideHighlights {
  source: readonly Highlight[];
  target: readonly Highlight[];
}

/**
 * Unsettled (open or disputed: a dispute still waits for the reviewer's answer), attached flags of one side,
 * mapped onto the text the user sees (which may be an unsaved draft).
 */
function highlightsFor(flags: readonly Flag[], side: FlagSide, savedText: string, shownText: string): Highlight[] {
  return flags
    .filter((f) => f.side === side && UNSETTLED_FLAG_STATUSES.includes(f.status) && !f.orphaned)
    .flatMap((f) => {
      const r =
        savedText === shownText
          ? { anchor: f.anchor, orphaned: false }
          : reanchor(savedText, shownText, f.anchor, false);
      return r.orphaned ? [] : [{ id: f.id, start: r.anchor.start, end: r.anchor.end, severity: f.severity }];
    });
}

export const SegmentRow = memo(function SegmentRow(props: SegmentRowProps) {
  const { segment, flags, draft, sourceLang, targetLang, activeFlagId } = props;
  const { t } = useTranslation('workspace');
  const list = useListFormat();
  const langName = useLangName();
  const displayName = useDisplayName();
  const n = segment.index + 1;
  const unsaved = !!draft && draft.state !== 'saved';
  let shownTarget = unsaved ? draft.text : segment.target;
  // The cell being worked in is never rewritten: someone else's text arriving meanwhile is only announced
  // (the conflict dialog decides when this person saves), and their next keystrokes stay based on the
  // version they saw. Other cells take it at once (their own undo history is untouched).
  const cell = useRef<HTMLTextAreaElement | null>(null);
  const [focused, setFocused] = useState(false);
  const seenVersion = useRef(segment.version);
  let changedBy: string | null = null;
  if (focused && cell.current && !unsaved && cell.current.value !== segment.target) {
    shownTarget = cell.current.value;
    if (segment.version > seenVersion.current) changedBy = segment.updatedBy;
  } else if (unsaved) {
    changedBy = changedByOther(segment, draft, props.me);
  } else {
    seenVersion.current = segment.version;
  }
  const basedOn = seenVersion.current === segment.version ? segment : { ...segment, version: seenVersion.current };
  const { suggestions, sourceTerms } = props;
  const sourceMarks = useMemo(
    () => [...highlightsFor(flags, 'source', segment.source, segment.source), ...suggestions.source, ...sourceTerms],
    [flags, segment.source, suggestions, sourceTerms],
  );
  const targetMarks = useMemo(
    () => [
      ...highlightsFor(flags, 'target', segment.target, shownTarget),
      // Findings are computed on the saved text: shown only while it is what the cell shows.
      ...(shownTarget === segment.target ? suggestions.target : []),
    ],
    [flags, segment.target, shownTarget, suggestions],
  );
  // As the header and the filter count them: open or disputed.
  const openCount = flags.filter((f) => UNSETTLED_FLAG_STATUSES.includes(f.status)).length;
  const saveState = draft?.state;

  return (
    <tr
      ref={props.rowRef}
      className={`segment-row${props.reviewed === 'me' ? '' : ' unreviewed'}`}
      data-segment-id={segment.id}
      data-reviewed={props.reviewed}
      data-index={props.rowIndex}
      aria-rowindex={props.rowIndex === undefined ? undefined : props.rowIndex + 2}
    >
      <th scope="row" className="seg-number">
        {n}
        {props.reviewed && (
          // A mark and words, not a colour alone: "not reviewed by me" reads the same without colour.
          <span className={`review-mark review-${props.reviewed}`}>
            <span aria-hidden="true">{props.reviewed === 'me' ? '✓' : '○'}</span>
            <span className="review-text">{t(`review.row.${props.reviewed}`)}</span>
          </span>
        )}
      </th>
      <td className="seg-status">
        {segment.readOnly ? (
          // translate="no" in the file: shown, never edited, checked or decided on.
          <span className="status-badge status-locked">
            <span aria-hidden="true">🔒 </span>
            {t('status.notTranslatable')}
          </span>
        ) : (
          <span className={`status-badge status-${segment.status}`}>{t(`status.${segment.status}`)}</span>
        )}
        <span className="row-actions">
          <button type="button" className="small" onClick={() => props.onHistory(segment)}>
            {t('segmentActions.history')}
            <span className="visually-hidden"> {t('segmentActions.ofSegment', { n })}</span>
          </button>
          {props.canDecide &&
            !segment.readOnly &&
            (segment.status === 'approved' ? (['reopen'] as const) : (['approve', 'request-changes'] as const)).map(
              (a) => (
                <button key={a} type="button" className="small" onClick={() => props.onStatus(segment, a)}>
                  {t(a === 'request-changes' ? 'segmentActions.requestChanges' : `segmentActions.${a}`)}
                  <span className="visually-hidden"> {t('segmentActions.ofSegment', { n })}</span>
                </button>
              ),
            )}
          {props.onStructure && !segment.readOnly && (
            <StructureButtons
              segment={segment}
              isLast={props.isLast}
              noMerge={props.noMerge}
              noDelete={props.noDelete}
              onStructure={props.onStructure}
            />
          )}
        </span>
        {props.editors && props.editors.length > 0 && (
          <span className="row-editing">
            {t('live.editing', { names: list(props.editors), count: props.editors.length })}
          </span>
        )}
        {openCount > 0 && <span className="flag-count">{t('segment.openFlags', { count: openCount })}</span>}
        {saveState && saveState !== 'saved' && (
          <span className={`row-save row-save-${saveState}`} role={saveState === 'failed' ? 'alert' : undefined}>
            {saveState === 'failed' ? (
              <>
                {t('save.failed')}{' '}
                <button type="button" className="link-button" onClick={() => props.onRetry(segment.id)}>
                  {t('save.retry')}
                </button>
              </>
            ) : (
              t(saveState === 'saving' ? 'save.saving' : saveState === 'conflict' ? 'save.conflict' : 'save.pending')
            )}
          </span>
        )}
      </td>
      {/* data-label: the column heading, shown above the cell where narrow screens hide the header row. */}
      <td className="seg-cell seg-source" data-label={t('table.source', { lang: langName(sourceLang) })}>
        {segment.source === '' ? (
          <p className="empty-side" lang={undefined}>
            {t('segment.noSource')}
          </p>
        ) : (
          <HighlightedText
            ref={(el) => props.registerCell(`${segment.id}:source`, el)}
            text={segment.source}
            lang={sourceLang}
            dir={languageDirection(sourceLang)}
            label={t('segment.sourceLabel', { n })}
            readOnly
            codes={segment.codes}
            highlights={sourceMarks}
            activeId={activeFlagId}
            onSelectionChange={(s, e) => props.onSelection(segment, 'source', s, e)}
            onFlagShortcut={props.onFlagShortcut}
          />
        )}
        {segment.notes && <SegmentNotes notes={segment.notes} />}
        {props.termNotes.length > 0 && (
          <ul className="term-notes" aria-label={t('qa.glossary')}>
            {props.termNotes.map((n) => (
              <li key={n.term}>
                {/* Each side isolated, so the arrow reads source → target whatever the scripts. */}
                <bdi lang={sourceLang}>{n.term}</bdi>{' '}
                <span className="dir-icon" aria-hidden="true">
                  →
                </span>{' '}
                <bdi lang={targetLang}>{n.targets}</bdi>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="seg-cell seg-target" data-label={t('table.target', { lang: langName(targetLang) })}>
        <HighlightedText
          ref={(el) => {
            cell.current = el;
            props.registerCell(`${segment.id}:target`, el);
          }}
          text={shownTarget}
          lang={targetLang}
          dir={languageDirection(targetLang)}
          label={t('segment.targetLabel', { n })}
          placeholder={t('segment.noTarget')}
          readOnly={props.locked}
          codes={segment.codes}
          highlights={targetMarks}
          activeId={activeFlagId}
          onChange={(text) => props.onEdit(basedOn, text)}
          onFocus={() => setFocused(true)}
          onSelectionChange={(s, e) => props.onSelection(segment, 'target', s, e)}
          onBlur={() => {
            setFocused(false);
            props.onBlur(segment.id);
          }}
          onFlagShortcut={props.onFlagShortcut}
        />
        {changedBy && (
          <p className="row-notice" role="status">
            {isolated((slot) => t('live.changedWhileEditing', { name: slot(displayName(changedBy)) }))}
          </p>
        )}
      </td>
    </tr>
  );
});

const STRUCTURE_KEYS = { split: 'Alt+Shift+S', merge: 'Alt+Shift+M', delete: 'Alt+Shift+Delete' } as const;

function StructureButtons({
  segment,
  isLast,
  noMerge,
  noDelete,
  onStructure,
}: {
  segment: Segment;
  isLast: boolean | undefined;
  noMerge: boolean | undefined;
  noDelete: boolean | undefined;
  onStructure: (segment: Segment, kind: StructureKind) => void;
}) {
  const { t } = useTranslation('workspace');
  const n = segment.index + 1;
  const deletable = (segment.source.trim() === '' || segment.target.trim() === '') && !noDelete;
  const kinds: StructureKind[] = [
    'split',
    ...(isLast || noMerge ? [] : ['merge' as const]),
    ...(deletable ? ['delete' as const] : []),
  ];
  return kinds.map((kind) => (
    <button
      key={kind}
      type="button"
      className="small"
      aria-label={t(`segmentActions.${kind}Label`, { n })}
      aria-keyshortcuts={STRUCTURE_KEYS[kind]}
      // The caret stays where it was in the cell: the split cuts there.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onStructure(segment, kind)}
    >
      {t(`segmentActions.${kind}`)}
    </button>
  ));
}
