import { useSyncExternalStore } from 'react';

/**
 * Single-character shortcuts (? and /) can be switched off (WCAG 2.1.4 Character Key Shortcuts): speech
 * input users would trigger them by talking. Kept in the browser (localStorage), for every document.
 */
const KEY = 'visavis.singleKeyShortcuts';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSingleKeyShortcuts(on: boolean) {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode, quota): the choice holds until the page is left.
  }
  current = on;
  listeners.forEach((l) => l());
}

let current: boolean | undefined;
const snapshot = () => (current ??= read());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useSingleKeyShortcuts(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}

export const singleKeyShortcutsOn = snapshot;
