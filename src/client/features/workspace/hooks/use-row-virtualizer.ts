import {
  defaultRangeExtractor,
  useVirtualizer,
  useWindowVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';

/** Where the layout turns into one page that scrolls (styles.css, the same width). */
const NARROW = '(max-width: 900px)';
/** Documents this short render every row (nothing to gain, and every cell stays findable by the browser). */
export const ALL_ROWS_UP_TO = 50;
/** Rows rendered beyond the window on each side: Tab from the last visible cell lands on a mounted one. */
const OVERSCAN = 4;

/**
 * One MediaQueryList for the page, and its answer kept from its `change` events: React reads the snapshot
 * on every render of the table, and each `matchMedia(…).matches` makes the browser bring style and layout
 * up to date first — on a 10,000-segment document that forced layout was the largest cost of a keystroke.
 */
let narrowQuery: { list: MediaQueryList; matches: boolean } | undefined;
function narrowMedia() {
  if (!narrowQuery) {
    const list = window.matchMedia(NARROW);
    const q = { list, matches: list.matches };
    list.addEventListener('change', (e) => (q.matches = e.matches));
    narrowQuery = q;
  }
  return narrowQuery;
}
function subscribeNarrow(onChange: () => void) {
  const { list } = narrowMedia();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}
const isNarrow = () => narrowMedia().matches;

/** Whether the window is narrow: the page scrolls (not the table's box). */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
}

const allRows = (range: Range) =>
  range.count <= ALL_ROWS_UP_TO ? Array.from({ length: range.count }, (_, i) => i) : defaultRangeExtractor(range);

/** The rows in and near the window, and the one holding the focus wherever it is (so it keeps the focus). */
function rowsToRender(range: Range, keep: number): number[] {
  const rows = allRows(range);
  if (keep < 0 || keep >= range.count || rows.includes(keep)) return rows;
  return [...rows, keep].sort((a, b) => a - b);
}

export type RowVirtualizer = Virtualizer<Element | Window, HTMLTableRowElement>;

interface Options {
  count: number;
  /** The box that scrolls in the wide layout. */
  scroller: RefObject<HTMLElement | null>;
  /** The element the rows start in (the table body): its distance from the scroll origin is the margin. */
  body: RefObject<HTMLElement | null>;
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string;
  /** A row to keep rendered out of view (the one holding the focus: unmounting it would drop the focus), or -1. */
  keep: RefObject<number>;
}

/**
 * Rows of measured, variable heights, virtualized in whichever box scrolls: the table's own box in the wide
 * layout, the window in the narrow one (one page that scrolls). Offsets count from the top of the rows.
 */
export function useRowVirtualizer({ count, scroller, body, estimateSize, getItemKey, keep }: Options): {
  virtualizer: RowVirtualizer;
  /** Distance of the first row from the scroll origin (the header row, or what is above it on the page). */
  margin: number;
  narrow: boolean;
} {
  const narrow = useNarrowLayout();
  const [margin, setMargin] = useState(0);
  const rangeExtractor = useCallback((range: Range) => rowsToRender(range, keep.current), [keep]);
  const common = {
    count,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    rangeExtractor,
    scrollMargin: margin,
    // React batches the re-render of a scroll step instead of forcing it synchronously in the scroll event.
    useFlushSync: false,
  };
  const inBox = useVirtualizer<HTMLElement, HTMLTableRowElement>({
    ...common,
    getScrollElement: () => scroller.current,
    enabled: !narrow,
  });
  const inWindow = useWindowVirtualizer<HTMLTableRowElement>({ ...common, enabled: narrow });

  // The margin follows the layout above the rows (header row, wrapped toolbars, window width).
  const measureMargin = useCallback(() => {
    const rows = body.current;
    const box = scroller.current;
    if (!rows || !box) return;
    const top = rows.getBoundingClientRect().top;
    const next = narrow ? top + window.scrollY : top - box.getBoundingClientRect().top + box.scrollTop;
    setMargin((m) => (Math.abs(m - next) < 0.5 ? m : next));
  }, [body, scroller, narrow]);
  const measured = useRef(measureMargin);
  measured.current = measureMargin;
  useLayoutEffect(() => {
    measureMargin();
    const observer = new ResizeObserver(() => measured.current());
    if (scroller.current) observer.observe(scroller.current);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [measureMargin, scroller]);

  return { virtualizer: (narrow ? inWindow : inBox) as RowVirtualizer, margin, narrow };
}
