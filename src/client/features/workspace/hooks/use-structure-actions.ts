import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentState, FlagSide, Segment } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';
import { useErrorText } from '../../../lib/use-error-text';
import type { SaveQueue } from '../lib/save-queue';
import { useStructureChange } from '../structure-api';

export type StructureKind = 'split' | 'merge' | 'delete';

/** Where the caret last stood inside each side of one segment (null: at an end or not placed). */
interface Cut {
  segmentId: string;
  source: number | null;
  target: number | null;
}

interface Options {
  docId: string;
  latest: () => DocumentState | undefined;
  queue: SaveQueue;
  allowed: boolean;
  focusSpan: (segmentId: string, side: FlagSide) => void;
}

/**
 * Split, merge and delete from the workspace itself (row buttons and Alt+Shift+S / M / Delete): a split
 * cuts each side of the segment where the caret last stood inside it, and a side where it did not stays
 * whole in the first part. Unsaved typing is saved first (the cut positions are in the typed text).
 */
export function useStructureActions({ docId, latest, queue, allowed, focusSpan }: Options) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const change = useStructureChange(docId);
  const cut = useRef<Cut | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const track = useCallback(
    (segment: Segment, side: FlagSide, start: number, end: number) => {
      const text = side === 'source' ? segment.source : (queue.get(segment.id)?.text ?? segment.target);
      const c =
        cut.current?.segmentId === segment.id ? cut.current : { segmentId: segment.id, source: null, target: null };
      c[side] = start === end && start > 0 && start < text.length ? start : null;
      cut.current = c;
    },
    [queue],
  );

  const run = useCallback(
    async (kind: StructureKind, segmentId: string) => {
      if (!allowed || change.isPending) return;
      setProblem(null);
      await queue.flush(segmentId);
      const doc = latest();
      const segment = doc && byId(doc.segments, segmentId);
      if (!doc || !segment) return;
      if (queue.get(segmentId) && queue.get(segmentId)?.state !== 'saved') {
        setProblem(t('structure.unsaved'));
        return;
      }
      // A focused cell keeps the text it shows (others' changes are only announced there): leave it, so that
      // it shows the text the change leaves, and come back once done.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      const done = { onSuccess: () => focusSpan(segmentId, 'target') };
      if (kind === 'split') {
        const c = cut.current?.segmentId === segmentId ? cut.current : null;
        if (!c || (c.source === null && c.target === null)) {
          setProblem(t('structure.placeCursor', { n: segment.index + 1 }));
          return;
        }
        change.mutate(
          {
            kind,
            segmentId,
            sourceAt: c.source ?? segment.source.length,
            targetAt: c.target ?? segment.target.length,
            baseVersion: segment.version,
          },
          done,
        );
        cut.current = null;
      } else if (kind === 'merge') {
        const next = doc.segments[segment.index + 1];
        if (!next) {
          setProblem(t('structure.noNext'));
          return;
        }
        change.mutate({ kind, segmentId, baseVersion: segment.version, nextBaseVersion: next.version }, done);
      } else {
        if (segment.source.trim() !== '' && segment.target.trim() !== '') {
          setProblem(t('structure.notEmpty', { n: segment.index + 1 }));
          return;
        }
        const neighbour = doc.segments[segment.index + 1] ?? doc.segments[segment.index - 1];
        change.mutate(
          { kind, segmentId, baseVersion: segment.version },
          { onSuccess: () => neighbour && focusSpan(neighbour.id, 'target') },
        );
      }
    },
    [allowed, change, queue, latest, focusSpan, t],
  );

  return {
    track,
    run,
    busy: change.isPending,
    error: problem ?? (change.isError ? errorText(change.error) : null),
  };
}
