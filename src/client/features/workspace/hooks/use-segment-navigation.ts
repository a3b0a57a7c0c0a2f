import { useCallback, useEffect, useRef } from 'react';
import type { Finding } from '../../../../shared/qa/types';
import { UNSETTLED_FLAG_STATUSES, type DocumentState, type Segment } from '../../../../shared/schemas';
import type { CellSide } from './use-cells';

type FocusSpan = (segmentId: string, side: CellSide) => void;

/** The segment the user is in (the last text cell focused), for "next" and "previous". */
function useCurrentSegment() {
  const current = useRef<string | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const row = (e.target as HTMLElement | null)?.closest?.('tr[data-segment-id]');
      if (row) current.current = row.getAttribute('data-segment-id');
    };
    window.addEventListener('focusin', onFocus);
    return () => window.removeEventListener('focusin', onFocus);
  }, []);
  return current;
}

/** Next/previous segment, next/previous unsettled one (open flags or findings), and segment N: among the rows shown. */
export function useSegmentNavigation(
  rows: readonly Segment[] | undefined,
  doc: DocumentState | undefined,
  findings: readonly Finding[],
  focusSpan: FocusSpan,
) {
  const current = useCurrentSegment();
  const from = useCallback(() => {
    const id = current.current;
    return id && rows ? rows.findIndex((s) => s.id === id) : -1;
  }, [rows, current]);

  const segment = useCallback(
    (delta: 1 | -1) => {
      if (!rows || rows.length === 0) return;
      const i = from();
      const next = i < 0 ? (delta === 1 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, i + delta));
      focusSpan(rows[next]!.id, 'target');
    },
    [rows, from, focusSpan],
  );

  const unsettled = useCallback(
    (delta: 1 | -1) => {
      if (!rows || !doc || rows.length === 0) return;
      const marked = new Set(findings.map((f) => f.segmentId));
      for (const f of doc.flags) if (UNSETTLED_FLAG_STATUSES.includes(f.status)) marked.add(f.segmentId);
      const i = from();
      const n = rows.length;
      const start = i < 0 ? (delta === 1 ? -1 : n) : i;
      // Round the document once, as F8 does.
      for (let k = 1; k <= n; k++) {
        const s = rows[(((start + delta * k) % n) + n) % n]!;
        if (marked.has(s.id)) return focusSpan(s.id, 'target');
      }
    },
    [rows, doc, findings, from, focusSpan],
  );

  return { segment, unsettled };
}
