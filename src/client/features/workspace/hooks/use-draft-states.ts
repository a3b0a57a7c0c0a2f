import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Draft, SaveQueue } from '../lib/save-queue';

const sameStates = (a: readonly Draft[], b: readonly Draft[]) =>
  a.length === b.length &&
  a.every((d, i) => {
    const e = b[i]!;
    return d.segmentId === e.segmentId && d.state === e.state && d.error === e.error && d.theirs === e.theirs;
  });

/**
 * The drafts, as a new array only when one starts, ends or changes state (pending, saving, saved, failed,
 * conflict), not at each keystroke: the workspace page and its header re-render per save, while the table
 * reads the typed text itself (issue #10: no whole-page render per keystroke).
 */
export function useDraftStates(queue: SaveQueue): readonly Draft[] {
  const last = useRef<readonly Draft[]>(queue.getSnapshot());
  const getSnapshot = useCallback(() => {
    const now = queue.getSnapshot();
    if (!sameStates(now, last.current)) last.current = now;
    return last.current;
  }, [queue]);
  return useSyncExternalStore(queue.subscribe, getSnapshot);
}
