import { useLayoutEffect, useRef } from 'react';
import type { DocumentState, Segment } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';
import { dropFirstScreen, hasFirstScreen, takeFirstScreen } from '../../../first-screen/handover';
import type { CellSide } from './use-cells';

interface Options {
  doc: DocumentState | undefined;
  /** The document could not be loaded: the app shows why, the first screen goes. */
  failed: boolean;
  onEdit: (segment: Segment, text: string) => void;
  getCell: (segmentId: string, side: CellSide) => HTMLTextAreaElement | undefined;
  focusSpan: (segmentId: string, side: CellSide, start?: number, end?: number, focus?: boolean) => void;
}

/** Frames to wait for the table's first rows before taking over anyway (focusSpan brings a row in itself). */
const MAX_FRAMES = 60;

/**
 * The workspace taking over from the server's first screen (first-screen/handover.ts) once its own rows are
 * drawn: what was typed there becomes drafts (saved like any edit), the cell that had the focus gets it back
 * with the same selection, and a scrolled first screen leaves the same row at the top.
 */
export function useFirstScreenHandover({ doc, failed, onEdit, getCell, focusSpan }: Options) {
  const started = useRef(false);
  const latest = useRef({ doc, onEdit, getCell, focusSpan });
  latest.current = { doc, onEdit, getCell, focusSpan };

  useLayoutEffect(() => {
    if (started.current || (!doc && !failed)) return;
    started.current = true;
    if (failed || !hasFirstScreen()) return dropFirstScreen();

    const handOver = () => {
      const { doc, onEdit, getCell, focusSpan } = latest.current;
      const taken = takeFirstScreen();
      if (!taken || !doc) return;
      for (const edit of taken.edits) {
        const segment = byId(doc.segments, edit.segmentId);
        if (!segment || segment.readOnly || edit.text === segment.target) continue;
        onEdit(segment, edit.text);
        // The row reads the draft when it renders; a cell already drawn shows it now, before the focus lands.
        const cell = getCell(segment.id, 'target');
        if (cell) cell.value = edit.text;
      }
      if (taken.focus) focusSpan(taken.focus.segmentId, 'target', taken.focus.start, taken.focus.end);
      else if (taken.topSegmentId) focusSpan(taken.topSegmentId, 'target', undefined, undefined, false);
    };
    // The rows come a frame after the document (the table measures its box first): until then the first screen
    // stays, and keeps what is typed in it.
    let frames = 0;
    const attempt = () => {
      const first = latest.current.doc?.segments[0];
      if (!first || latest.current.getCell(first.id, 'target') || ++frames > MAX_FRAMES) handOver();
      else requestAnimationFrame(attempt);
    };
    attempt();
  }, [doc, failed]);
}
