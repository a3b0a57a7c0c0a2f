import { useEffect, useMemo, useRef, useState } from 'react';
import { replaceSpan } from '../../../../shared/anchor';
import { DEFAULT_QA_SETTINGS, type Finding } from '../../../../shared/qa/types';
import type { DocumentState, Segment } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';
import { useErrorText } from '../../../lib/use-error-text';
import { useCreateFlag, useDismissFinding } from '../api';
import type { Highlight } from '../lib/highlight';
import type { SaveQueue } from '../lib/save-queue';
import type { SideHighlights, TermNote } from '../components/segment-row';
import { useDictionaryFindings } from './use-dictionary-findings';
import { useQaFindings } from './use-qa';
import { useQaEngine } from './use-qa-engine';
import { useShownFindings } from './use-shown-findings';

const NONE: SideHighlights = { source: [], target: [] };

/** A source's glossary terms: their marks in the cell and the approved translations listed under it. */
export interface SourceTerms {
  marks: Highlight[];
  notes: TermNote[];
}

/** Automatic findings in the workspace: as suggestions in the cells and a panel, confirmed, dismissed or fixed. */
export function useQaActions(
  docId: string,
  doc: DocumentState | undefined,
  queue: SaveQueue,
  focusSpan: (segmentId: string, side: 'source' | 'target', start: number, end: number) => void,
) {
  const errorText = useErrorText();
  const engine = useQaEngine(doc);
  const own = useQaFindings(doc, engine);
  // The server's spelling and dictionary-backed name findings beside the browser's own, covered ones marked.
  const dictionary = useDictionaryFindings(docId, doc);
  const { findings, ofSegment } = useShownFindings(doc, own, dictionary.findings);
  const createFlag = useCreateFlag(docId);
  const dismiss = useDismissFinding(docId);
  const [activeId, setActiveId] = useState<string>();
  /** The check the panel shows ('' = all); F8 steps through these. */
  const [check, setCheck] = useState('');
  const shown = useMemo(() => (check ? findings.filter((f) => f.checkId === check) : findings), [findings, check]);
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A row's suggestions, built when the row is drawn, the same object while its findings are the same array.
  const suggestionsOf = useMemo(() => {
    const built = new WeakMap<readonly Finding[], SideHighlights>();
    return (segmentId: string): SideHighlights => {
      const list = ofSegment(segmentId);
      if (list.length === 0) return NONE;
      let entry = built.get(list);
      if (!entry) {
        const sides: { source: Highlight[]; target: Highlight[] } = { source: [], target: [] };
        for (const f of list) {
          if (f.end <= f.start) continue;
          sides[f.side].push({ id: f.id, start: f.start, end: f.end, severity: f.severity, kind: 'suggestion' });
        }
        built.set(list, (entry = sides));
      }
      return entry;
    };
  }, [ofSegment]);

  // Glossary terms in a source, highlighted, with their approved translations listed under the cell: found
  // when a row is drawn, remembered per source text until the glossary or its settings change.
  const glossary = doc?.glossary;
  const accentInsensitive = (doc?.qaSettings ?? DEFAULT_QA_SETTINGS).accentInsensitive;
  const compiled = useMemo(
    () => glossary && engine?.compileGlossary(glossary, doc.sourceLang, doc.targetLang, accentInsensitive),
    [engine, glossary, doc?.sourceLang, doc?.targetLang, accentInsensitive],
  );
  const termsOf = useMemo(() => {
    const bySource = new Map<string, SourceTerms | undefined>();
    return (segment: Pick<Segment, 'source'>): SourceTerms | undefined => {
      if (!compiled) return undefined;
      if (bySource.has(segment.source)) return bySource.get(segment.source);
      const spans = engine!.sourceTermSpans(segment.source, compiled);
      const entry =
        spans.length === 0
          ? undefined
          : {
              marks: spans.map((t, i): Highlight => ({
                id: `term-${i}`,
                start: t.start,
                end: t.end,
                severity: 'neutral',
                kind: 'term',
              })),
              notes: [
                ...new Map(spans.map((t) => [t.term, { term: t.term, targets: t.targets.join(' | ') }])).values(),
              ],
            };
      bySource.set(segment.source, entry);
      return entry;
    };
  }, [engine, compiled]);

  function goTo(f: Finding) {
    setActiveId(f.id);
    focusSpan(f.segmentId, f.side, f.start, f.end);
  }

  // F8 pressed before the checks' code is here (they load after the first paint): done once they have run.
  const pendingStep = useRef<1 | -1 | null>(null);
  const ready = engine !== null && doc !== undefined;

  /** To the next (+1) or previous (-1) shown finding, wrapping around; nothing when none is shown. */
  function step(delta: 1 | -1) {
    if (!ready) {
      pendingStep.current = delta;
      return;
    }
    if (shown.length === 0) return;
    const index = shown.findIndex((f) => f.id === activeId);
    const next = index < 0 ? (delta > 0 ? 0 : shown.length - 1) : (index + delta + shown.length) % shown.length;
    goTo(shown[next]!);
  }
  useEffect(() => {
    if (!ready || pendingStep.current === null) return;
    const delta = pendingStep.current;
    pendingStep.current = null;
    step(delta);
    // Once, when the findings first exist.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  async function confirm(f: Finding) {
    // A flag already marks these words: a second one would count twice (the server refuses it too).
    if (!doc || f.covered) return;
    setError(null);
    try {
      if (f.side === 'target') await queue.flush(f.segmentId);
      const segment = byId(doc.segments, f.segmentId);
      if (!segment) return;
      await createFlag.mutateAsync({
        segmentId: f.segmentId,
        side: f.side,
        start: f.start,
        end: f.end,
        quote: f.quote,
        category: f.category,
        severity: f.severity,
        correction: f.fix?.replacement ?? (f.side === 'target' ? f.quote : ''),
        comment: '',
        findingId: f.id,
        baseVersion: Math.max(segment.version, queue.get(f.segmentId)?.baseVersion ?? 0),
      });
    } catch (err) {
      setError(errorText(err));
    }
  }

  /** One-click fix: the replacement goes into the translation like a typed edit (autosaved, undoable by history). */
  function fix(f: Finding) {
    if (!doc || !f.fix || f.side !== 'target') return;
    const segment = byId(doc.segments, f.segmentId);
    if (!segment) return;
    const draft = queue.get(f.segmentId);
    const current = draft && draft.state !== 'saved' ? draft.text : segment.target;
    if (current.slice(f.start, f.end) !== f.quote) return;
    queue.edit(f.segmentId, replaceSpan(current, f, f.fix.replacement), segment.version);
    void queue.flush(f.segmentId);
  }

  return {
    findings,
    shown,
    check,
    setCheck,
    step,
    activeId,
    suggestionsOf,
    termsOf,
    goTo,
    confirm: (f: Finding) => void confirm(f),
    fix,
    busy: createFlag.isPending || dismiss.isPending,
    dictionaryFailed: dictionary.failed,
    error: error ?? (dismiss.error ? errorText(dismiss.error) : null),
    dismissing,
    askDismiss: setDismissing,
    dismiss: (reason: string) => {
      if (dismissing) dismiss.mutate({ findingId: dismissing.id, reason });
      setDismissing(null);
    },
  };
}
