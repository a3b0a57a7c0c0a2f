import { useSyncExternalStore } from 'react';

/**
 * How long a reviewer stays on a segment before moving on counts as having read it (marked "reviewed by me"
 * automatically). Seconds, kept in the browser; 0 switches the automatic mark off (Alt+K still marks).
 */
const KEY = 'visavis.reviewDwellSeconds';
export const DEFAULT_DWELL_SECONDS = 3;
const listeners = new Set<() => void>();

function read(): number {
  try {
    const raw = localStorage.getItem(KEY);
    const n = raw === null ? NaN : Number(raw);
    return Number.isFinite(n) && n >= 0 && n <= 600 ? n : DEFAULT_DWELL_SECONDS;
  } catch {
    return DEFAULT_DWELL_SECONDS;
  }
}

let current: number | undefined;
const snapshot = () => (current ??= read());

export function setReviewDwellSeconds(seconds: number) {
  const n = Math.max(0, Math.min(600, Math.round(seconds)));
  try {
    localStorage.setItem(KEY, String(n));
  } catch {
    // Storage refused: the choice holds until the page is left.
  }
  current = n;
  listeners.forEach((l) => l());
}

export function useReviewDwellSeconds(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    snapshot,
    () => DEFAULT_DWELL_SECONDS,
  );
}

export const reviewDwellSeconds = snapshot;
