import { useCallback, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { makeAnchor, reanchor } from '../../../../shared/anchor';
import type { DocumentState, FlagSide, Segment } from '../../../../shared/schemas';
import { ApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/use-error-text';
import { useCreateFlag } from '../api';
import type { FlagDraft, FlagFormValues } from '../components/flag-dialog';
import { languageDirection } from '../../../../shared/lang/direction';
import type { SaveQueue } from '../lib/save-queue';
import type { CellSide } from './use-cells';
import { useOneAtATime } from './use-one-at-a-time';
import type { Selection } from './use-selection';

interface Options {
  docId: string;
  doc: DocumentState | undefined;
  /** The document as the cache has it now (it may have changed since this render). */
  latestDoc: () => DocumentState | undefined;
  /** Fetches the document again and gives it. */
  refetchDoc: () => Promise<DocumentState | undefined>;
  queue: SaveQueue;
  canFlag: boolean;
  selection: RefObject<Selection | null>;
  onSelection: (segment: Segment, side: FlagSide, start: number, end: number) => void;
  getCell: (segmentId: string, side: CellSide) => HTMLTextAreaElement | undefined;
  /** The new flag is chosen in the panel. */
  onCreated: (flagId: string) => void;
}

/** Flagging the selected words: the dialog's draft, then the request (following someone else's edit if need be). */
export function useFlagCreation(o: Options) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const createFlag = useCreateFlag(o.docId);
  const [flagDraft, setFlagDraft] = useState<FlagDraft | null>(null);
  const [flagError, setFlagError] = useState<string | null>(null);
  const { canFlag, selection, onSelection, getCell } = o;
  const sourceLang = o.doc?.sourceLang ?? 'und';
  const targetLang = o.doc?.targetLang ?? 'und';

  const openFlagDialog = useCallback(() => {
    const sel = selection.current;
    if (!canFlag || !sel) return;
    const el = getCell(sel.segment.id, sel.side);
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
      dir: languageDirection(lang),
    });
  }, [canFlag, sourceLang, targetLang, onSelection, selection, getCell]);

  // A flag runs in two steps (save the cell's text, then the request): the guard covers both, so a
  // double-click or a second Enter cannot send it twice.
  const [submittingFlag, runSubmit] = useOneAtATime<boolean>();

  function submitFlag(values: FlagFormValues) {
    const { doc, queue } = o;
    if (!flagDraft || !doc) return;
    void runSubmit(true, async () => {
      setFlagError(null);
      try {
        // Offsets refer to the text on screen: make sure the server has it first.
        if (flagDraft.side === 'target') await queue.flush(flagDraft.segmentId);
        const pending = queue.get(flagDraft.segmentId);
        if (pending && pending.state !== 'saved') throw new Error(t('save.failed'));
        const fresh = o.latestDoc()?.segments.find((s) => s.id === flagDraft.segmentId);
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
        // The words were selected in text someone else has changed since (the stream brought it): follow
        // them into the new text (as flags follow edits), or ask for a new selection if they changed.
        const follow = (latest: { target: string }) => {
          const moved = reanchor(
            flagDraft.text,
            latest.target,
            makeAnchor(flagDraft.text, flagDraft.start, flagDraft.end),
            false,
          );
          if (moved.orphaned || moved.anchor.quote !== flagDraft.quote) {
            throw new Error(t('flagDialog.wordsChanged', { quote: flagDraft.quote }));
          }
          return moved.anchor;
        };
        const span = flagDraft.side === 'target' && segment.target !== flagDraft.text ? follow(segment) : flagDraft;
        let r;
        try {
          r = await send(span, baseVersion);
        } catch (err) {
          // Someone else saved this translation since the words were selected: follow them into the new
          // text (as flags follow edits) and send again, rather than ask the reviewer to start over.
          if (!(err instanceof ApiError && err.code === 'SEGMENT_VERSION_CONFLICT' && flagDraft.side === 'target'))
            throw err;
          const latest = (await o.refetchDoc())?.segments.find((s) => s.id === flagDraft.segmentId);
          if (!latest || queue.get(flagDraft.segmentId)?.state === 'conflict') throw err;
          r = await send(follow(latest), latest.version);
        }
        setFlagDraft(null);
        o.onCreated(r.flag.id);
        // The flagged words are done with: collapse the selection after them, so that the shortcut (or the
        // toolbar button) cannot flag the same span twice by accident. Cancelling the dialog keeps it.
        getCell(flagDraft.segmentId, flagDraft.side)?.setSelectionRange(flagDraft.end, flagDraft.end);
        const flagged = selection.current;
        if (flagged) onSelection(flagged.segment, flagged.side, flagDraft.end, flagDraft.end);
      } catch (err) {
        setFlagError(err instanceof Error && !('code' in err) ? err.message : errorText(err));
      }
    });
  }

  return {
    flagDraft,
    flagError,
    submitting: submittingFlag === true,
    openFlagDialog,
    submitFlag,
    closeFlagDialog: () => setFlagDraft(null),
  };
}
