import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import {
  compileSearch,
  DEFAULT_SEARCH,
  searchSegments,
  type SearchMatch,
  type SearchOptions,
} from '../../../../shared/search/search';
import type { Segment } from '../../../../shared/schemas';
import type { SideHighlights } from '../components/segment-row';
import type { Highlight } from '../lib/highlight';
import type { CellSide } from './use-cells';

type FocusSpan = (segmentId: string, side: CellSide, start?: number, end?: number, focus?: boolean) => void;

interface Cached {
  base: SideHighlights;
  entry: SideHighlights | undefined;
  current: string | undefined;
  merged: SideHighlights;
}

const NO_MATCHES: SearchMatch[] = [];

const sameMarks = (a: readonly Highlight[], b: readonly Highlight[]) =>
  a.length === b.length && a.every((h, i) => h.id === b[i]!.id && h.end === b[i]!.end);

const markId = (m: Pick<SearchMatch, 'segmentId' | 'side' | 'start'>) => `search:${m.segmentId}:${m.side}:${m.start}`;

/**
 * Searching the document: the query and its options, every match in the rows shown (a filter narrows the
 * search), the current match, stepping to the next or previous one, and the matches painted in the cells
 * (merged into each row's highlights; only the rows whose marks changed get new arrays, so the others'
 * memo holds).
 */
export function useSearch(rows: readonly Segment[] | undefined, focusSpan: FocusSpan) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<SearchOptions>(DEFAULT_SEARCH);
  // Typing in the box stays quick on a long document: matching runs in a deferred render.
  const deferredQuery = useDeferredValue(query);
  const matcher = useMemo(() => compileSearch(deferredQuery, options), [deferredQuery, options]);
  // After a save, the search runs again in a deferred render (a keystroke interrupts it), never in the save's.
  const deferredRows = useDeferredValue(rows);
  const matches = useMemo(
    () => (deferredRows && deferredQuery !== '' ? searchSegments(deferredRows, matcher, options.scope) : NO_MATCHES),
    [deferredRows, deferredQuery, matcher, options.scope],
  );
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const currentIndex = currentKey === null ? -1 : matches.findIndex((m) => markId(m) === currentKey);

  // A segment's marks keep their identity while its matches are the same (a save elsewhere re-runs the search).
  const previous = useRef(new Map<string, SideHighlights>());
  const bySegment = useMemo(() => {
    const map = new Map<string, { source: Highlight[]; target: Highlight[] }>();
    for (const m of matches) {
      let entry = map.get(m.segmentId);
      if (!entry) map.set(m.segmentId, (entry = { source: [], target: [] }));
      entry[m.side].push({ id: markId(m), start: m.start, end: m.end, severity: 'neutral', kind: 'search' });
    }
    const out = new Map<string, SideHighlights>();
    for (const [id, entry] of map) {
      const known = previous.current.get(id);
      out.set(
        id,
        known && sameMarks(known.source, entry.source) && sameMarks(known.target, entry.target) ? known : entry,
      );
    }
    previous.current = out;
    return out;
  }, [matches]);

  const current = currentIndex >= 0 ? matches[currentIndex] : undefined;
  const cache = useRef(new Map<string, Cached>());
  /** A row's highlights with its search matches added (the same object while nothing in it changed). */
  const withMatches = useCallback(
    (segmentId: string, base: SideHighlights): SideHighlights => {
      const entry = bySegment.get(segmentId);
      const cur = current?.segmentId === segmentId ? markId(current) : undefined;
      if (!entry) return base;
      const known = cache.current.get(segmentId);
      if (known && known.base === base && known.entry === entry && known.current === cur) return known.merged;
      const paint = (h: Highlight): Highlight => (h.id === cur ? { ...h, kind: 'search-current' } : h);
      const merged = {
        source: [...base.source, ...entry.source.map(paint)],
        target: [...base.target, ...entry.target.map(paint)],
      };
      if (cache.current.size > 5000) cache.current.clear();
      cache.current.set(segmentId, { base, entry, current: cur, merged });
      return merged;
    },
    [bySegment, current],
  );

  /** Goes to the next (1) or previous (-1) match; `focus`: into its cell with the words selected. */
  const step = useCallback(
    (delta: 1 | -1, focus: boolean) => {
      if (matches.length === 0) return;
      const i =
        currentIndex < 0
          ? delta === 1
            ? 0
            : matches.length - 1
          : (currentIndex + delta + matches.length) % matches.length;
      const m = matches[i]!;
      setCurrentKey(markId(m));
      focusSpan(m.segmentId, m.side, m.start, m.end, focus);
    },
    [matches, currentIndex, focusSpan],
  );

  return {
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setCurrentKey(null);
    },
    options,
    setOptions,
    error: matcher.ok ? null : matcher.error,
    matches,
    /** 0-based position of the current match, -1 before the first step. */
    currentIndex,
    /** Whether the count shown is of the query as typed (not yet of a deferred one). */
    stale: deferredQuery !== query,
    step,
    withMatches,
  };
}

export type SearchState = ReturnType<typeof useSearch>;
