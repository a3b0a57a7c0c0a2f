import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Flag, FlagSide, PatchFlagBody, Segment } from '../../../../shared/schemas';
import { scoreDocument } from '../../../../shared/mqm-score';
import { DEFAULT_SCORING } from '../../../../shared/scoring-settings';
import { makeAnchor, reanchor } from '../../../../shared/anchor';
import { byId } from '../../../../shared/state-index';
import { ApiError } from '../../../lib/api';
import { documentQueries } from '../../../lib/document-queries';
import { useErrorText } from '../../../lib/use-error-text';
import { useLangName } from '../../../lib/use-lang-name';
import { useCreateFlag, usePatchFlag } from '../api';
import { useOneAtATime } from '../hooks/use-one-at-a-time';
import { usePermissions } from '../hooks/use-permissions';
import { useSaveQueue } from '../hooks/use-save-queue';
import { useQaActions } from '../hooks/use-qa-actions';
import { useWorkflow } from '../hooks/use-workflow';
import type { Highlight } from '../lib/highlight';
import { ActivityFeed } from './activity-feed';
import { ConflictDialog, type ConflictInfo } from './conflict-dialog';
import { DocumentBar } from './document-bar';
import { FlagDialog, type FlagDraft, type FlagFormValues } from './flag-dialog';
import { FlagPanel, type PanelAction } from './flag-panel';
import { HeatStrip } from './heat-strip';
import { scrollSpanIntoView } from './highlighted-text';
import { HistoryDialog } from './history-dialog';
import { QaPanel } from './qa-panel';
import { ReasonDialog } from './reason-dialog';
import { SaveStatus } from './save-status';
import { Scorecard } from './scorecard';
import { SegmentRow, textDir, type TermNote } from './segment-row';

interface Selection {
  segment: Segment;
  side: FlagSide;
  start: number;
  end: number;
}

const EMPTY: readonly Flag[] = [];
const NO_MARKS: readonly Highlight[] = [];
const NO_NOTES: readonly TermNote[] = [];
const PANEL_TABS = ['flags', 'qa', 'score', 'activity'] as const;
type PanelTab = (typeof PANEL_TABS)[number];
/** How long typing must pause before a conflict dialog opens (it would take the next keystrokes). */
const CONFLICT_AFTER_PAUSE_MS = 1500;

export function WorkspacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const langName = useLangName();
  const qc = useQueryClient();
  const docQuery = useQuery(documentQueries.detail(id));
  const doc = docQuery.data;
  const { queue, drafts } = useSaveQueue(id, doc);
  const createFlag = useCreateFlag(id);
  const patchFlag = usePatchFlag(id);
  const workflow = useWorkflow(id);
  const { me, can } = usePermissions();
  const [historyOf, setHistoryOf] = useState<Segment | null>(null);

  const cells = useRef(new Map<string, HTMLTextAreaElement>());
  const selection = useRef<Selection | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [flagDraft, setFlagDraft] = useState<FlagDraft | null>(null);
  const [flagError, setFlagError] = useState<string | null>(null);
  const [activeFlagId, setActiveFlagId] = useState<string>();
  const [pendingAction, setPendingAction] = useState<{ flag: Flag; action: PanelAction } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(true);
  const [panelTab, setPanelTab] = useState<PanelTab>('flags');
  /** Left/Right (mirrored right-to-left), Home and End choose a side-panel tab and focus it. */
  const onTabKey = (e: React.KeyboardEvent) => {
    const i = PANEL_TABS.indexOf(panelTab);
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    const n = PANEL_TABS.length;
    const next =
      e.key === forward
        ? (i + 1) % n
        : e.key === back
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setPanelTab(PANEL_TABS[next]!);
    document.getElementById(`tab-${PANEL_TABS[next]}`)?.focus();
  };
  /** Scrolls a cell into view, focuses it and, given a span, selects it. */
  const focusSpan = useCallback((segmentId: string, side: 'source' | 'target', start?: number, end?: number) => {
    const el = cells.current.get(`${segmentId}:${side}`);
    if (!el) return;
    scrollSpanIntoView(el, start);
    el.focus({ preventScroll: true });
    if (start !== undefined && end !== undefined) el.setSelectionRange(start, end);
  }, []);
  const qa = useQaActions(id, doc, queue, focusSpan);
  // F8 / Shift+F8 anywhere in the workspace, as in IDEs and CAT tools: the next or previous finding, with
  // the QA tab brought up to say what it is. Not while a dialog is open (its keys are its own).
  const stepQa = useRef(qa.step);
  stepQa.current = qa.step;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setPanelOpen(true);
      setPanelTab('qa');
      stepQa.current(e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const scoring = doc?.scoring ?? DEFAULT_SCORING;
  // Recomputed whenever flags or text change: the score is live.
  const score = useMemo(() => (doc ? scoreDocument(doc, scoring) : null), [doc, scoring]);
  const goToSegment = useCallback((segmentId: string) => focusSpan(segmentId, 'target'), [focusSpan]);

  const draftsById = useMemo(() => new Map(drafts.map((d) => [d.segmentId, d])), [drafts]);
  const flagsBySegment = useMemo(() => {
    const map = new Map<string, Flag[]>();
    for (const f of doc?.flags ?? []) map.set(f.segmentId, [...(map.get(f.segmentId) ?? []), f]);
    return map;
  }, [doc?.flags]);

  const registerCell = useCallback((key: string, el: HTMLTextAreaElement | null) => {
    if (el) cells.current.set(key, el);
    else cells.current.delete(key);
  }, []);

  // A conflict dialog is modal: opened mid-word it would take the next keystrokes. It waits for a pause in
  // typing (the save pill says "Conflict" at once), so every key lands in the cell and in "your version".
  const [typing, setTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  const onEdit = useCallback(
    (segment: Segment, text: string) => {
      queue.edit(segment.id, text, segment.version);
      setTyping(true);
      clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(() => setTyping(false), CONFLICT_AFTER_PAUSE_MS);
    },
    [queue],
  );
  const onBlur = useCallback((segmentId: string) => void queue.flush(segmentId), [queue]);
  const onRetry = useCallback((segmentId: string) => queue.retry(segmentId), [queue]);
  const onSelection = useCallback((segment: Segment, side: FlagSide, start: number, end: number) => {
    selection.current = { segment, side, start, end };
    setHasSelection(end > start);
  }, []);

  const sourceLang = doc?.sourceLang ?? 'und';
  const targetLang = doc?.targetLang ?? 'und';

  const canFlag = can('flag.create') && doc?.status !== 'approved';
  const openFlagDialog = useCallback(() => {
    const sel = selection.current;
    if (!canFlag || !sel) return;
    const el = cells.current.get(`${sel.segment.id}:${sel.side}`);
    // The cell's own selection is the truth (a textarea keeps it while the toolbar button has focus); the
    // remembered one can be stale, e.g. when focus came back with the selection collapsed and no event.
    let { start, end } = el ? { start: el.selectionStart, end: el.selectionEnd } : sel;
    if (start !== sel.start || end !== sel.end) onSelection(sel.segment, sel.side, start, end);
    const text = el?.value ?? (sel.side === 'source' ? sel.segment.source : sel.segment.target);
    // Selections that start or end on spaces are trimmed: reviewers flag words, not the gaps around them.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return;
    const lang = sel.side === 'source' ? sourceLang : targetLang;
    setFlagError(null);
    setFlagDraft({
      segmentId: sel.segment.id,
      segmentNumber: sel.segment.index + 1,
      side: sel.side,
      start,
      end,
      quote: text.slice(start, end),
      text,
      lang,
      dir: textDir(lang),
    });
  }, [canFlag, sourceLang, targetLang, onSelection]);

  // A flag or flag action runs in two steps (save the cell's text, then the request): the guards cover
  // both, so a double-click or a second Enter cannot send it twice.
  const [submittingFlag, runSubmit] = useOneAtATime<boolean>();
  const [actingOn, runExclusive] = useOneAtATime<string>();

  function submitFlag(values: FlagFormValues) {
    if (!flagDraft || !doc) return;
    void runSubmit(true, async () => {
      setFlagError(null);
      try {
        // Offsets refer to the text on screen: make sure the server has it first.
        if (flagDraft.side === 'target') await queue.flush(flagDraft.segmentId);
        const pending = queue.get(flagDraft.segmentId);
        if (pending && pending.state !== 'saved') throw new Error(t('save.failed'));
        const fresh = docQuery.data?.segments.find((s) => s.id === flagDraft.segmentId);
        const segment = fresh ?? doc.segments.find((s) => s.id === flagDraft.segmentId)!;
        const saved = queue.get(flagDraft.segmentId);
        const baseVersion = Math.max(segment.version, saved?.baseVersion ?? 0);
        const send = (span: { start: number; end: number }, version: number) =>
          createFlag.mutateAsync({
            segmentId: flagDraft.segmentId,
            side: flagDraft.side,
            start: span.start,
            end: span.end,
            quote: flagDraft.quote,
            baseVersion: version,
            ...values,
          });
        let r;
        try {
          r = await send(flagDraft, baseVersion);
        } catch (err) {
          // Someone else saved this translation since the words were selected: follow them into the new
          // text (as flags follow edits) and send again, rather than ask the reviewer to start over.
          if (!(err instanceof ApiError && err.code === 'SEGMENT_VERSION_CONFLICT' && flagDraft.side === 'target'))
            throw err;
          const latest = (await docQuery.refetch()).data?.segments.find((s) => s.id === flagDraft.segmentId);
          if (!latest || queue.get(flagDraft.segmentId)?.state === 'conflict') throw err;
          const moved = reanchor(
            flagDraft.text,
            latest.target,
            makeAnchor(flagDraft.text, flagDraft.start, flagDraft.end),
            false,
          );
          if (moved.orphaned || moved.anchor.quote !== flagDraft.quote) {
            throw new Error(t('flagDialog.wordsChanged', { quote: flagDraft.quote }));
          }
          r = await send(moved.anchor, latest.version);
        }
        setFlagDraft(null);
        setActiveFlagId(r.flag.id);
        // The flagged words are done with: collapse the selection after them, so that the shortcut (or the
        // toolbar button) cannot flag the same span twice by accident. Cancelling the dialog keeps it.
        const cell = cells.current.get(`${flagDraft.segmentId}:${flagDraft.side}`);
        cell?.setSelectionRange(flagDraft.end, flagDraft.end);
        const flagged = selection.current;
        if (flagged) onSelection(flagged.segment, flagged.side, flagDraft.end, flagDraft.end);
      } catch (err) {
        setFlagError(err instanceof Error && !('code' in err) ? err.message : errorText(err));
      }
    });
  }

  const goToFlag = useCallback(
    (flag: Flag) => {
      setActiveFlagId(flag.id);
      if (flag.orphaned) focusSpan(flag.segmentId, flag.side);
      else focusSpan(flag.segmentId, flag.side, flag.anchor.start, flag.anchor.end);
    },
    [focusSpan],
  );

  function runAction(flag: Flag, action: PanelAction, reason?: string) {
    void runExclusive(flag.id, async () => {
      setActionError(null);
      try {
        if (action === 'accept' && flag.side === 'target') await queue.flush(flag.segmentId);
        await patchFlag.mutateAsync({
          flagId: flag.id,
          // A panel action with its reason: the union member is picked by `action`.
          body: { action, baseVersion: flag.version, ...(reason ? { reason } : {}) } as PatchFlagBody,
        });
      } catch (err) {
        setActionError(errorText(err));
      }
    });
  }

  function onAction(flag: Flag, action: PanelAction) {
    if (action === 'accept') runAction(flag, action);
    else setPendingAction({ flag, action });
  }

  const conflictDraft = drafts.find((d) => d.state === 'conflict' && d.theirs);
  const conflict: ConflictInfo | null =
    conflictDraft && conflictDraft.theirs && !typing
      ? {
          segmentNumber: conflictDraft.theirs.index + 1,
          mine: conflictDraft.text,
          theirs: conflictDraft.theirs,
          lang: targetLang,
          dir: textDir(targetLang),
        }
      : null;

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

  // Only the row holding the chosen flag or finding gets its id, so the other rows' memo holds.
  const activeFlagSegment = activeFlagId ? byId(doc.flags, activeFlagId)?.segmentId : undefined;
  const activeFindingSegment = qa.findings.find((f) => f.id === qa.activeId)?.segmentId;

  return (
    <div className={`workspace ${panelOpen ? 'with-panel' : ''}`}>
      <div className="ws-header">
        <div className="ws-title">
          <Link to="/" className="back-link">
            ← {t('back')}
          </Link>
          <h1>{doc.title}</h1>
          <p className="ws-meta">
            {t('meta', {
              source: langName(doc.sourceLang),
              target: langName(doc.targetLang),
              count: doc.segments.length,
            })}
          </p>
        </div>
        <div className="ws-toolbar" role="toolbar" aria-label={t('table.label')}>
          <button
            type="button"
            className="primary"
            hidden={!can('flag.create')}
            disabled={!hasSelection || doc.status === 'approved'}
            onClick={openFlagDialog}
            aria-keyshortcuts="Control+Shift+F"
            title={t('toolbar.flagHint')}
          >
            {t('toolbar.flagSelection')}
          </button>
          <button type="button" aria-expanded={panelOpen} onClick={() => setPanelOpen((o) => !o)}>
            {panelOpen ? t('toolbar.hidePanel') : t('toolbar.showPanel')}
          </button>
          <a className="button" href={`/api/documents/${encodeURIComponent(doc.id)}/export`} download>
            {t('toolbar.export')}
          </a>
          <SaveStatus drafts={drafts} onRetry={() => queue.retryAll()} />
        </div>
      </div>
      <DocumentBar
        doc={doc}
        canDecide={can('document.status')}
        busy={workflow.busy}
        approvedCount={workflow.approvedCount}
        onStatus={workflow.document}
        onApproveClean={workflow.approveClean}
      />
      {(actionError ?? workflow.error ?? qa.error) && (
        <p className="banner-error" role="alert">
          {actionError ?? workflow.error ?? qa.error}
        </p>
      )}
      <div className="ws-body">
        {score && <HeatStrip perSegment={score.perSegment} onGoTo={goToSegment} />}
        <div className="ws-table-wrap">
          <table className="segments">
            <caption className="visually-hidden">{t('table.label')}</caption>
            <thead>
              <tr>
                <th scope="col" className="seg-number">
                  {t('table.number')}
                </th>
                <th scope="col" className="seg-status">
                  {t('table.status')}
                </th>
                <th scope="col">{t('table.source', { lang: langName(doc.sourceLang) })}</th>
                <th scope="col">{t('table.target', { lang: langName(doc.targetLang) })}</th>
              </tr>
            </thead>
            <tbody>
              {doc.segments.map((s) => (
                <SegmentRow
                  key={s.id}
                  segment={s}
                  flags={flagsBySegment.get(s.id) ?? EMPTY}
                  draft={draftsById.get(s.id)}
                  sourceLang={doc.sourceLang}
                  targetLang={doc.targetLang}
                  activeFlagId={
                    s.id === activeFlagSegment ? activeFlagId : s.id === activeFindingSegment ? qa.activeId : undefined
                  }
                  onEdit={onEdit}
                  onBlur={onBlur}
                  onSelection={onSelection}
                  onFlagShortcut={openFlagDialog}
                  onRetry={onRetry}
                  registerCell={registerCell}
                  locked={s.status === 'approved' || doc.status === 'approved' || !can('segment.edit')}
                  canDecide={can('segment.status') && doc.status !== 'approved'}
                  onStatus={workflow.segment}
                  onHistory={setHistoryOf}
                  suggestions={qa.suggestionsOf(s.id)}
                  sourceTerms={qa.termsOf(s.id)?.marks ?? NO_MARKS}
                  termNotes={qa.termsOf(s.id)?.notes ?? NO_NOTES}
                />
              ))}
            </tbody>
          </table>
        </div>
        {panelOpen && (
          <div className="side-panel">
            <div role="tablist" aria-label={t('score.tabs')} className="tabs" onKeyDown={onTabKey}>
              {PANEL_TABS.map((tab) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  id={`tab-${tab}`}
                  aria-selected={panelTab === tab}
                  // One Tab stop for the tab list; the arrows move between tabs (WAI-ARIA tabs pattern).
                  tabIndex={panelTab === tab ? 0 : -1}
                  aria-controls={panelTab === tab ? `tabpanel-${tab}` : undefined}
                  onClick={() => setPanelTab(tab)}
                >
                  {tab === 'flags'
                    ? t('score.flagsTab')
                    : tab === 'qa'
                      ? `${t('qa.tab')} (${qa.findings.length})`
                      : tab === 'score'
                        ? t('score.tab')
                        : t('activity.tab')}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`tabpanel-${panelTab}`} aria-labelledby={`tab-${panelTab}`} className="tab-body">
              {panelTab === 'score' && score ? (
                <Scorecard docId={doc.id} score={score} settings={scoring} canEdit={can('document.settings')} />
              ) : panelTab === 'activity' ? (
                <ActivityFeed doc={doc} onGoToSegment={goToSegment} />
              ) : panelTab === 'qa' ? (
                <QaPanel
                  doc={doc}
                  findings={qa.findings}
                  shown={qa.shown}
                  check={qa.check}
                  onCheck={qa.setCheck}
                  onStep={qa.step}
                  activeId={qa.activeId}
                  canConfirm={can('flag.create') && doc.status !== 'approved'}
                  canDismiss={can('qa.dismiss')}
                  canFix={can('segment.edit') && doc.status !== 'approved'}
                  canConfigure={can('qa.settings')}
                  busy={qa.busy}
                  onGoTo={qa.goTo}
                  onConfirm={qa.confirm}
                  onDismiss={qa.askDismiss}
                  onFix={qa.fix}
                />
              ) : (
                <FlagPanel
                  docId={doc.id}
                  me={me}
                  can={can}
                  flags={doc.flags}
                  segments={doc.segments}
                  sourceLang={doc.sourceLang}
                  targetLang={doc.targetLang}
                  activeFlagId={activeFlagId}
                  busyFlagId={actingOn}
                  onGoTo={goToFlag}
                  onAction={onAction}
                />
              )}
            </div>
          </div>
        )}
      </div>
      <FlagDialog
        draft={flagDraft}
        busy={submittingFlag === true}
        error={flagError}
        onSubmit={submitFlag}
        onClose={() => setFlagDraft(null)}
      />
      <ReasonDialog
        action={pendingAction?.action ?? workflow.reasonRequest?.action ?? (qa.dismissing ? 'dismiss' : null)}
        onClose={() => {
          setPendingAction(null);
          workflow.closeReason();
          qa.askDismiss(null);
        }}
        onConfirm={(reason) => {
          if (pendingAction) runAction(pendingAction.flag, pendingAction.action, reason);
          else if (workflow.reasonRequest) workflow.reasonRequest.run(reason);
          else if (qa.dismissing) qa.dismiss(reason);
          setPendingAction(null);
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
        dir={textDir(doc.targetLang)}
        canRevert={can('segment.revert') && doc.status !== 'approved'}
        onClose={() => setHistoryOf(null)}
      />
      <ConflictDialog
        conflict={conflict}
        onKeepMine={() =>
          conflictDraft?.theirs &&
          queue.resolveConflict(conflictDraft.segmentId, conflictDraft.text, conflictDraft.theirs)
        }
        onTakeTheirs={() => {
          if (!conflictDraft) return;
          queue.discard(conflictDraft.segmentId);
          void qc.invalidateQueries({ queryKey: documentQueries.detail(id).queryKey });
        }}
        onSaveMerged={(text) =>
          conflictDraft?.theirs && queue.resolveConflict(conflictDraft.segmentId, text, conflictDraft.theirs)
        }
      />
    </div>
  );
}
