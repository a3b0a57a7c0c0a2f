import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Flag, FlagSide, Segment } from '../../../../shared/schemas';
import { scoreDocument } from '../../../../shared/mqm-score';
import { DEFAULT_SCORING } from '../../../../shared/scoring-settings';
import { useCurrentUser } from '../../../lib/session';
import { lazyPart } from '../../../lib/lazy-part';
import { useErrorText } from '../../../lib/use-error-text';
import { useCells } from '../hooks/use-cells';
import { useConflict } from '../hooks/use-conflict';
import { useDocument } from '../hooks/use-document';
import { useDraftStates } from '../hooks/use-draft-states';
import { useFirstScreenHandover } from '../hooks/use-first-screen';
import { useFlagActions } from '../hooks/use-flag-actions';
import { useFlagCreation } from '../hooks/use-flag-creation';
import { useReviewTracking } from '../hooks/use-review-tracking';
import { useLive } from '../hooks/use-live';
import { useQaStepKeys } from '../hooks/use-keyboard-shortcuts';
import { usePanelTabs } from '../hooks/use-panel-tabs';
import { usePermissions } from '../hooks/use-permissions';
import { useQaActions } from '../hooks/use-qa-actions';
import { useSaveQueue } from '../hooks/use-save-queue';
import { useSelection } from '../hooks/use-selection';
import { useStructureActions, type StructureKind } from '../hooks/use-structure-actions';
import { useTypingPause } from '../hooks/use-typing-pause';
import { useWorkflow } from '../hooks/use-workflow';
import { DocumentBar } from './document-bar';
import { DocumentProgress } from './document-progress';
import { useFindTools } from './find-tools';
import { NoticeRegion } from './notice-region';
import { PresenceBar } from './presence-bar';
// Not a lazy part: it opens on a shortcut and is typed into at once, and a lazy part's first drawing waits a
// tick for its code even when preloaded (the keys typed meanwhile would be lost).
import { QuickFlagPanel } from './quick-flag-panel';
import { SegmentTable } from './segment-table';
import { languageDirection } from '../../../../shared/lang/direction';
import { WorkspaceHeader } from './workspace-header';

// What the first editable cell does not need comes in chunks of its own, after it (issue #10): the side panel
// (drawn after the rows' first paint anyway) and the dialogs, whose code downloads as soon as the page is drawn.
const SidePanel = lazyPart(() => import('./side-panel').then((m) => m.SidePanel));
const FlagDialog = lazyPart(() => import('./flag-dialog').then((m) => m.FlagDialog));
const HistoryDialog = lazyPart(() => import('./history-dialog').then((m) => m.HistoryDialog));
const ReasonDialog = lazyPart(() => import('./reason-dialog').then((m) => m.ReasonDialog));
const ConflictDialog = lazyPart(() => import('./conflict-dialog').then((m) => m.ConflictDialog));

/** The review workspace of one document: the segments, the side panel and the dialogs, wired together. */
export function WorkspacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const { query: docQuery, doc, latest, refetch, reload } = useDocument(id);
  const { queue } = useSaveQueue(id, doc);
  // A new value when a draft changes state, not at each keystroke: the rows read their own drafts.
  const drafts = useDraftStates(queue);
  const workflow = useWorkflow(id);
  const { me, can } = usePermissions();
  const myId = useCurrentUser()?.id ?? '';
  const live = useLive(id, doc !== undefined, { login: me, id: myId });
  // Who is editing which segment (others only), for the marker on each row.
  const editorsBySegment = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const u of live.presence) {
      if (u.login === me || !u.segmentId) continue;
      map.set(u.segmentId, [...(map.get(u.segmentId) ?? []), u.displayName]);
    }
    return map;
  }, [live.presence, me]);
  const editorsOf = useCallback((segmentId: string) => editorsBySegment.get(segmentId), [editorsBySegment]);
  const cellsRef = useCells();
  const { reportFocus } = live;
  const { focusSpan: focusSpanEarly } = cellsRef;
  const review = useReviewTracking({
    docId: id,
    latestDoc: latest,
    me,
    canReview: can('segment.review'),
    goToSegment: useCallback((segmentId: string) => focusSpanEarly(segmentId, 'target'), [focusSpanEarly]),
  });
  const { enter: enterSegment } = review;
  // The segment whose translation I am in, for the others' presence lists; any cell of a row is reading it.
  const onFocusIn = useCallback(
    (e: React.FocusEvent) => {
      const target = e.target as HTMLElement;
      const row = target.closest?.('.seg-target')?.closest('tr[data-segment-id]');
      reportFocus(row?.getAttribute('data-segment-id') ?? null);
      const anyRow = target.closest?.('tr[data-segment-id]');
      if (anyRow) enterSegment(anyRow.getAttribute('data-segment-id'));
    },
    [reportFocus, enterSegment],
  );
  const [historyOf, setHistoryOf] = useState<Segment | null>(null);
  const [activeFlagId, setActiveFlagId] = useState<string>();
  const panel = usePanelTabs();
  const { registerCell, registerReveal, getCell, focusSpan } = cellsRef;
  const { selection, hasSelection, onSelection: onWordsSelected } = useSelection();
  const canStructure = can('segment.structure') && doc?.status !== 'approved';
  const structure = useStructureActions({ docId: id, latest, queue, allowed: canStructure, focusSpan });
  const { track: trackCut, run: runStructure } = structure;
  // The caret in a cell is both the words to flag and where a split would cut.
  const onSelection = useCallback(
    (segment: Segment, side: FlagSide, start: number, end: number) => {
      onWordsSelected(segment, side, start, end);
      trackCut(segment, side, start, end);
    },
    [onWordsSelected, trackCut],
  );
  const onStructure = useCallback(
    (segment: Segment, kind: StructureKind) => void runStructure(kind, segment.id),
    [runStructure],
  );
  // Whole-document work (QA checks, the score, the side panel's lists) waits for the rows' first paint, and
  // after a save runs in a deferred render that a keystroke interrupts, never in the keystroke's own.
  const settled = useDeferredValue(doc, null) ?? undefined;
  const qa = useQaActions(id, settled, queue, focusSpan);
  useQaStepKeys((delta) => {
    panel.setPanelOpen(true);
    panel.setPanelTab('qa');
    qa.step(delta);
  });
  const { findings: qaFindings, activeId: activeFindingId } = qa;
  const activeFindingSegment = useMemo(
    () => (activeFindingId ? qaFindings.find((f) => f.id === activeFindingId)?.segmentId : undefined),
    [qaFindings, activeFindingId],
  );
  const scoring = doc?.scoring ?? DEFAULT_SCORING;
  // Recomputed whenever flags or text change: the score is live.
  const score = useMemo(() => (settled ? scoreDocument(settled, scoring) : null), [settled, scoring]);
  const goToSegment = useCallback((segmentId: string) => focusSpan(segmentId, 'target'), [focusSpan]);

  const { typing, typed } = useTypingPause();
  const onEdit = useCallback(
    (segment: Segment, text: string) => {
      queue.edit(segment.id, text, segment.version);
      typed();
    },
    [queue, typed],
  );
  useFirstScreenHandover({ doc, failed: docQuery.isError, onEdit, getCell, focusSpan });
  const onBlur = useCallback((segmentId: string) => void queue.flush(segmentId), [queue]);
  const onRetry = useCallback((segmentId: string) => queue.retry(segmentId), [queue]);

  const canFlag = can('flag.create') && doc?.status !== 'approved';
  const flagging = useFlagCreation({
    docId: id,
    doc,
    latestDoc: latest,
    refetchDoc: refetch,
    queue,
    canFlag,
    selection,
    onSelection,
    getCell,
    onCreated: setActiveFlagId,
  });
  const actions = useFlagActions(id, queue);
  const goToFlag = useCallback(
    (flag: Flag) => {
      setActiveFlagId(flag.id);
      if (flag.orphaned) focusSpan(flag.segmentId, flag.side);
      else focusSpan(flag.segmentId, flag.side, flag.anchor.start, flag.anchor.end);
    },
    [focusSpan],
  );
  // Opened from a mention or a notice (?flag=…&segment=…): go to the place once the document is here.
  const [params] = useSearchParams();
  const wentTo = useRef(false);
  const loadedDoc = doc !== undefined;
  // The side panel is drawn only once the rows are painted: its code comes right after the first paint.
  useEffect(() => {
    if (loadedDoc) SidePanel.preload();
  }, [loadedDoc]);
  useEffect(() => {
    if (!loadedDoc || wentTo.current || !doc) return;
    wentTo.current = true;
    const flag = params.get('flag') && doc.flags.find((f) => f.id === params.get('flag'));
    if (flag) goToFlag(flag);
    else if (params.get('segment')) goToSegment(params.get('segment')!);
    // Only when the document first arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedDoc]);
  const conflict = useConflict(doc, queue.getSnapshot(), typing, queue, reload);
  // Search, replace, filters, go-to and the shortcut help (issue #11).
  const find = useFindTools({
    docId: id,
    doc,
    findings: qa.findings,
    suggestionsOf: qa.suggestionsOf,
    focusSpan,
    canReplace: can('segment.edit') && doc?.status !== 'approved',
    onStructure: canStructure ? (kind, segmentId) => void runStructure(kind, segmentId) : undefined,
  });

  if (docQuery.isPending) return <p className="page-state">{tc('state.loading')}</p>;
  if (docQuery.isError || !doc) {
    return (
      <div className="page-state" role="alert">
        <p>
          {t('loadFailed')} {errorText(docQuery.error)}
        </p>
        <Link to="/">{t('back')}</Link>
      </div>
    );
  }

  const error = actions.actionError ?? workflow.error ?? qa.error ?? structure.error;
  return (
    <div className={`workspace ${panel.panelOpen ? 'with-panel' : ''}`}>
      <WorkspaceHeader
        doc={doc}
        drafts={drafts}
        canFlag={can('flag.create')}
        hasSelection={hasSelection}
        panelOpen={panel.panelOpen}
        onFlag={flagging.openFlagDialog}
        onTogglePanel={() => panel.setPanelOpen((o) => !o)}
        onRetryAll={() => queue.retryAll()}
      >
        <PresenceBar
          users={live.presence}
          me={me}
          segmentNumber={(segmentId) => {
            const i = doc.segments.findIndex((s) => s.id === segmentId);
            return i < 0 ? undefined : i + 1;
          }}
        />
        {/* Counted over the whole document: in the deferred render, not in a save's. */}
        {settled && <DocumentProgress doc={settled} findings={qa.findings.length} me={me} />}
        {!live.connected && (
          <p className="live-state muted" role="status">
            {t('live.reconnecting')}
          </p>
        )}
      </WorkspaceHeader>
      <DocumentBar
        doc={doc}
        canDecide={can('document.status')}
        busy={workflow.busy}
        approvedCount={workflow.approvedCount}
        onStatus={workflow.document}
        onApproveClean={workflow.approveClean}
      />
      {find.ui}
      {error && (
        <p className="banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="ws-body" onFocus={onFocusIn} onBlur={() => reportFocus(null)}>
        <SegmentTable
          doc={doc}
          queue={queue}
          activeFlagId={activeFlagId}
          activeFindingId={qa.activeId}
          activeFindingSegment={activeFindingSegment}
          canEdit={can('segment.edit')}
          canDecide={can('segment.status')}
          rows={find.rows}
          suggestionsOf={find.suggestionsOf}
          termsOf={qa.termsOf}
          onEdit={onEdit}
          onBlur={onBlur}
          onSelection={flagging.onSelection}
          onFlagShortcut={flagging.openFlag}
          onRetry={onRetry}
          registerCell={registerCell}
          registerReveal={registerReveal}
          editorsOf={editorsOf}
          perSegment={find.filterActive ? undefined : score?.perSegment}
          onGoToSegment={goToSegment}
          onStatus={workflow.segment}
          onHistory={setHistoryOf}
          onStructure={canStructure ? onStructure : undefined}
          me={me}
        />
        {panel.panelOpen && settled && (
          <SidePanel
            doc={settled}
            tab={panel.panelTab}
            onTab={panel.setPanelTab}
            onTabKey={panel.onTabKey}
            score={score}
            scoring={scoring}
            qa={qa}
            me={me}
            can={can}
            activeFlagId={activeFlagId}
            busyFlagId={actions.actingOn}
            onGoToFlag={goToFlag}
            onFlagAction={actions.onAction}
            onGoToSegment={goToSegment}
          />
        )}
      </div>
      {flagging.mode === 'inline' && flagging.flagDraft && (
        <QuickFlagPanel
          docId={doc.id}
          draft={flagging.flagDraft}
          busy={flagging.submitting}
          error={flagging.flagError}
          onSubmit={flagging.submitFlag}
          onCancel={flagging.closeFlagDialog}
          onMore={flagging.toDialog}
        />
      )}
      <FlagDialog
        docId={doc.id}
        draft={flagging.mode === 'dialog' ? flagging.flagDraft : null}
        initial={flagging.carried}
        busy={flagging.submitting}
        error={flagging.flagError}
        onSubmit={flagging.submitFlag}
        onClose={flagging.closeFlagDialog}
      />
      <ReasonDialog
        action={actions.pendingAction?.action ?? workflow.reasonRequest?.action ?? (qa.dismissing ? 'dismiss' : null)}
        onClose={() => {
          actions.cancelPending();
          workflow.closeReason();
          qa.askDismiss(null);
        }}
        onConfirm={(reason) => {
          if (actions.pendingAction) actions.confirmPending(reason);
          else if (workflow.reasonRequest) workflow.reasonRequest.run(reason);
          else if (qa.dismissing) qa.dismiss(reason);
          workflow.closeReason();
        }}
      />
      <ReasonDialog
        action={workflow.override ? 'override' : null}
        count={workflow.override?.count ?? 0}
        onClose={workflow.closeOverride}
        onConfirm={(reason) => {
          workflow.override?.retry(reason);
          workflow.closeOverride();
        }}
      />
      <HistoryDialog
        docId={doc.id}
        segment={historyOf && (doc.segments.find((x) => x.id === historyOf.id) ?? null)}
        lang={doc.targetLang}
        dir={languageDirection(doc.targetLang)}
        canRevert={can('segment.revert') && doc.status !== 'approved'}
        onClose={() => setHistoryOf(null)}
        structure={
          can('segment.structure') && doc.status !== 'approved' && historyOf
            ? {
                next: doc.segments[(doc.segments.find((x) => x.id === historyOf.id)?.index ?? -2) + 1],
                sourceLang: doc.sourceLang,
                sourceDir: languageDirection(doc.sourceLang),
              }
            : undefined
        }
      />
      <NoticeRegion
        notices={live.notices}
        onGoTo={(n) => {
          const flag = n.flagId ? doc.flags.find((f) => f.id === n.flagId) : undefined;
          if (flag) {
            panel.setPanelOpen(true);
            panel.setPanelTab('flags');
            goToFlag(flag);
          } else goToSegment(n.segmentId);
          live.dismissNotice(n.id);
        }}
        onDismiss={live.dismissNotice}
      />
      <ConflictDialog
        conflict={conflict.conflict}
        onKeepMine={conflict.onKeepMine}
        onTakeTheirs={conflict.onTakeTheirs}
        onSaveMerged={conflict.onSaveMerged}
      />
    </div>
  );
}
