import { useSyncExternalStore } from 'react';

const KEY = 'visavis.actor';
const listeners = new Set<() => void>();

export function getActor(): string {
  return globalThis.localStorage?.getItem(KEY) ?? '';
}

export function setActor(name: string) {
  localStorage.setItem(KEY, name.trim());
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The name typed once and recorded on every event, until accounts exist. */
export function useActor(): string {
  return useSyncExternalStore(subscribe, getActor, () => '');
}
