import { useCallback, useRef } from 'react';
import { scrollSpanIntoView } from '../components/highlighted-text';

export type CellSide = 'source' | 'target';

/** Whether any of the cell shows: inside the box that scrolls the table, and inside the window. */
function inView(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  const box = el.closest('table')?.parentElement?.getBoundingClientRect();
  const within = (top: number, bottom: number) => r.bottom > top && r.top < bottom;
  return within(0, window.innerHeight) && (!box || within(box.top, box.bottom));
}

interface Pending {
  key: string;
  run: (el: HTMLTextAreaElement) => void;
}

/**
 * The workspace's text cells by `${segmentId}:${side}`, and moving the focus (and a selection) into one.
 * Rows are virtualized: a cell far away is not in the DOM. Going to it asks the table to bring its row in
 * (`registerReveal`), waits for the cell to mount (`registerCell` sees it), then scrolls to the words and
 * selects them.
 */
export function useCells() {
  const cells = useRef(new Map<string, HTMLTextAreaElement>());
  const pending = useRef<Pending | null>(null);
  const reveal = useRef<((segmentId: string) => void) | null>(null);

  const registerCell = useCallback((key: string, el: HTMLTextAreaElement | null) => {
    if (!el) {
      cells.current.delete(key);
      return;
    }
    cells.current.set(key, el);
    const waiting = pending.current;
    if (waiting?.key !== key) return;
    pending.current = null;
    // After this commit and the next layout (the row's measured height may move it): then scroll and select.
    requestAnimationFrame(() => {
      if (el.isConnected) waiting.run(el);
    });
  }, []);
  const registerReveal = useCallback((fn: ((segmentId: string) => void) | null) => {
    reveal.current = fn;
  }, []);
  const getCell = useCallback((segmentId: string, side: CellSide) => cells.current.get(`${segmentId}:${side}`), []);

  /**
   * Scrolls a cell into view (mounting its row first if need be), focuses it and, given a span, selects it.
   * `focus: false` only shows the words (the search box keeps the focus).
   */
  const focusSpan = useCallback(
    (segmentId: string, side: CellSide, start?: number, end?: number, focus = true) => {
      const run = (el: HTMLTextAreaElement) => {
        scrollSpanIntoView(el, start);
        if (!focus) return;
        el.focus({ preventScroll: true });
        if (start !== undefined && end !== undefined) el.setSelectionRange(start, end);
      };
      const el = getCell(segmentId, side);
      if (el && inView(el)) {
        pending.current = null;
        run(el);
        return;
      }
      if (el) {
        // Mounted far out of view (the row kept for the focus, placed by estimated heights): the table scrolls
        // to it first, measuring the rows it passes, then the words are brought into view.
        pending.current = null;
        reveal.current?.(segmentId);
        requestAnimationFrame(() => requestAnimationFrame(() => el.isConnected && run(el)));
        return;
      }
      pending.current = { key: `${segmentId}:${side}`, run };
      reveal.current?.(segmentId);
    },
    [getCell],
  );
  return { registerCell, registerReveal, getCell, focusSpan };
}
