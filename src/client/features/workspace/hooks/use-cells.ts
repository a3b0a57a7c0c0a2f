import { useCallback, useRef } from 'react';
import { scrollSpanIntoView } from '../components/highlighted-text';

export type CellSide = 'source' | 'target';

/** The workspace's text cells by `${segmentId}:${side}`, and moving the focus (and a selection) into one. */
export function useCells() {
  const cells = useRef(new Map<string, HTMLTextAreaElement>());
  const registerCell = useCallback((key: string, el: HTMLTextAreaElement | null) => {
    if (el) cells.current.set(key, el);
    else cells.current.delete(key);
  }, []);
  const getCell = useCallback((segmentId: string, side: CellSide) => cells.current.get(`${segmentId}:${side}`), []);
  /** Scrolls a cell into view, focuses it and, given a span, selects it. */
  const focusSpan = useCallback(
    (segmentId: string, side: CellSide, start?: number, end?: number) => {
      const el = getCell(segmentId, side);
      if (!el) return;
      scrollSpanIntoView(el, start);
      el.focus({ preventScroll: true });
      if (start !== undefined && end !== undefined) el.setSelectionRange(start, end);
    },
    [getCell],
  );
  return { registerCell, getCell, focusSpan };
}
