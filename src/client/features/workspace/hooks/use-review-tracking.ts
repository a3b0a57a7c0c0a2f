import { useCallback, useEffect, useRef } from 'react';
import type { DocumentState } from '../../../../shared/schemas';
import { MAX_TIMING_MS } from '../../../../shared/schemas';
import { byId, positionOf } from '../../../../shared/state-index';
import { useReviewSegment } from '../api';
import { reviewDwellSeconds } from '../lib/review-settings';

/** Longest visit credited as reading: a tab left open on one segment is not ten hours of review. */
export const MAX_VISIT_MS = 10 * 60 * 1000;

interface Options {
  docId: string;
  /** The document as the cache has it now. */
  latestDoc: () => DocumentState | undefined;
  me: string;
  canReview: boolean;
  goToSegment: (segmentId: string) => void;
}

interface Visit {
  segmentId: string;
  since: number;
}

/**
 * "Reviewed by me" and active time per segment. The segment the focus is in is the one being read: moving to
 * another row after at least the dwell time (review-settings.ts) marks it reviewed; any visit of a second or
 * more reports its time. Nothing here walks the document except the next/previous-unreviewed step.
 */
export function useReviewTracking(o: Options) {
  const review = useReviewSegment(o.docId);
  const visit = useRef<Visit | null>(null);
  const opts = useRef(o);
  opts.current = o;
  const post = review.mutate;

  const mine = useCallback((segmentId: string) => {
    const s = byId(opts.current.latestDoc()?.segments ?? [], segmentId);
    return s?.reviewedBy?.includes(opts.current.me) ?? false;
  }, []);

  const leave = useCallback(() => {
    const v = visit.current;
    visit.current = null;
    if (!v || !opts.current.canReview) return;
    const activeMs = Math.min(Math.round(performance.now() - v.since), MAX_VISIT_MS, MAX_TIMING_MS);
    const dwell = reviewDwellSeconds() * 1000;
    const already = mine(v.segmentId);
    if (!already && dwell > 0 && activeMs >= dwell) post({ segmentId: v.segmentId, reviewed: true, activeMs });
    else if (activeMs >= 1000) post({ segmentId: v.segmentId, reviewed: already, activeMs });
  }, [mine, post]);

  /** The focus is now in this segment's row (null: in none). */
  const enter = useCallback(
    (segmentId: string | null) => {
      if (visit.current?.segmentId === segmentId) return;
      leave();
      if (segmentId) visit.current = { segmentId, since: performance.now() };
    },
    [leave],
  );

  /** Alt+K: mark the current segment reviewed by me, or take the mark back. */
  const toggle = useCallback(() => {
    const v = visit.current;
    if (!v || !opts.current.canReview) return;
    const activeMs = Math.min(Math.round(performance.now() - v.since), MAX_VISIT_MS);
    v.since = performance.now();
    post({ segmentId: v.segmentId, reviewed: !mine(v.segmentId), activeMs });
  }, [mine, post]);

  /** Alt+U / Alt+Shift+U: the next (previous) segment I have not marked, from the current one. */
  const step = useCallback((delta: 1 | -1) => {
    const doc = opts.current.latestDoc();
    if (!doc) return;
    const segments = doc.segments;
    const from = visit.current ? positionOf(segments, visit.current.segmentId) : -1;
    const n = segments.length;
    for (let k = 1; k <= n; k++) {
      const i = (((from + delta * k) % n) + n) % n;
      const s = segments[i]!;
      if (!s.reviewedBy?.includes(opts.current.me)) return opts.current.goToSegment(s.id);
    }
  }, []);

  useEffect(() => {
    // Leaving the tab ends the visit (its time is reported); so does leaving the page.
    const onHide = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      leave();
    };
  }, [leave]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !e.altKey || e.ctrlKey || e.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      // By the key's place, not its character: Alt+letter types other characters on some keyboards.
      if (e.code === 'KeyK' && !e.shiftKey) {
        e.preventDefault();
        toggle();
      } else if (e.code === 'KeyU') {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, step]);

  return { enter, toggle, step };
}
