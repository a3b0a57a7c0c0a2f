import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/qa/types';
import { NO_FILTER } from '../../../../shared/search/filter';
import type { DocumentState } from '../../../../shared/schemas';
import type { CellSide } from '../hooks/use-cells';
import { useSearch } from '../hooks/use-search';
import { useSegmentFilter } from '../hooks/use-segment-filter';
import { useSegmentNavigation } from '../hooks/use-segment-navigation';
import { useWorkspaceKeys } from '../hooks/use-workspace-keys';
import { FilterBar } from './filter-bar';
import { FindBar } from './find-bar';
import type { ReplaceRequest } from './replace-dialog';
import { type SideHighlights } from './segment-row';
import { languageDirection } from '../../../../shared/lang/direction';
import { lazyPart } from '../../../lib/lazy-part';

// The dialogs come in chunks of their own, after the first paint (issue #10).
const GoToDialog = lazyPart(() => import('./go-to-dialog').then((m) => m.GoToDialog));
const ReplaceDialog = lazyPart(() => import('./replace-dialog').then((m) => m.ReplaceDialog));
const ShortcutHelp = lazyPart(() => import('./shortcut-help').then((m) => m.ShortcutHelp));

interface Options {
  docId: string;
  doc: DocumentState | undefined;
  findings: readonly Finding[];
  suggestionsOf: (segmentId: string) => SideHighlights;
  focusSpan: (segmentId: string, side: CellSide, start?: number, end?: number, focus?: boolean) => void;
  canReplace: boolean;
  /** Alt+Shift+S / M / Delete in a cell (editors only): split, merge, delete that segment. */
  onStructure?: ((kind: 'split' | 'merge' | 'delete', segmentId: string) => void) | undefined;
}

/**
 * Finding one's way in a document (issue #11), composed for the workspace page: search and replace, the
 * filter (in the URL), go to segment N, next/previous segment and unsettled segment, and the shortcut help.
 * `rows` are the segments the table shows; `suggestionsOf` adds the search matches to each row's marks.
 */
export function useFindTools({ docId, doc, findings, suggestionsOf, focusSpan, canReplace, onStructure }: Options) {
  const { t } = useTranslation('workspace');
  const filter = useSegmentFilter(docId, doc, findings);
  const rows = filter.rows;
  const search = useSearch(rows, focusSpan);
  const nav = useSegmentNavigation(rows, doc, findings, focusSpan);
  const findBox = useRef<HTMLInputElement>(null);
  const [goToOpen, setGoToOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [replacing, setReplacing] = useState<ReplaceRequest | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useWorkspaceKeys({
    findStep: (delta) => search.step(delta, true),
    focusFind: () => {
      findBox.current?.focus();
      findBox.current?.select();
    },
    goTo: () => setGoToOpen(true),
    help: () => setHelpOpen(true),
    segment: nav.segment,
    unsettled: nav.unsettled,
    structure: onStructure,
  });

  const { withMatches } = search;
  const withSearch = useCallback(
    (segmentId: string) => withMatches(segmentId, suggestionsOf(segmentId)),
    [withMatches, suggestionsOf],
  );

  // A segment the filter hides: the filter goes, and once the table shows every row, the segment comes.
  const [goAfterFilter, setGoAfterFilter] = useState<string | null>(null);
  useEffect(() => {
    if (!goAfterFilter || !rows?.some((s) => s.id === goAfterFilter)) return;
    setGoAfterFilter(null);
    focusSpan(goAfterFilter, 'target');
  }, [goAfterFilter, rows, focusSpan]);
  // The modal dialog keeps the page inert until it has closed, and closing gives the focus back to where it
  // was: a cell focused before that (a row already on screen) lost it to the body (F4). So go once closed.
  const goAfterClose = useRef<number | null>(null);
  const closeGoTo = () => {
    setGoToOpen(false);
    const n = goAfterClose.current;
    goAfterClose.current = null;
    if (n !== null) goToNumber(n);
  };
  const goToNumber = (n: number) => {
    const segment = doc?.segments[n - 1];
    if (!segment) return;
    if (rows && !rows.includes(segment)) {
      filter.setFilter(NO_FILTER);
      setGoAfterFilter(segment.id);
    } else focusSpan(segment.id, 'target');
  };

  const ui: ReactNode = doc && (
    <>
      <div className="find-tools">
        <FindBar
          ref={findBox}
          search={search}
          canReplace={canReplace}
          onReplace={(template) => {
            setDone(null);
            setReplacing({ query: search.query, template, regex: search.options.regex, matches: search.matches });
          }}
        />
        <FilterBar
          filter={filter.filter}
          onChange={filter.setFilter}
          active={filter.active}
          shown={rows?.length ?? 0}
          total={doc.segments.length}
          loading={filter.loading}
        />
        <p role="status" className="find-count">
          {done}
        </p>
        <button type="button" className="link-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1">
          {t('shortcuts.open')}
        </button>
      </div>
      <ReplaceDialog
        docId={docId}
        segments={doc.segments}
        request={replacing}
        lang={doc.targetLang}
        dir={languageDirection(doc.targetLang)}
        onClose={() => setReplacing(null)}
        onDone={(changed) => {
          setReplacing(null);
          setDone(t('replace.done', { count: changed }));
        }}
      />
      <GoToDialog
        open={goToOpen}
        total={doc.segments.length}
        onGo={(n) => {
          goAfterClose.current = n;
          setGoToOpen(false);
        }}
        onClose={closeGoTo}
      />
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );

  return { rows, filterActive: filter.active, suggestionsOf: withSearch, ui };
}
