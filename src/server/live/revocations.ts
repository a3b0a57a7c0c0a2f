/**
 * Ended sessions (sign-out, password changed, user disabled), as the live streams learn of them: each
 * server closes the streams opened with those sessions. In memory for one server; with several servers on
 * one database a later implementation carries the same messages between them (e.g. LISTEN/NOTIFY). Session
 * ids are the SHA-256 of the cookie's token (session-store.ts), never the token itself.
 */
export interface Revocations {
  /** Announce that these sessions ended (to every server, this one included). */
  publish(sessionIds: readonly string[]): void;
  /** `listener` hears every announcement from now on; returns the unsubscribe function. */
  subscribe(listener: (sessionIds: readonly string[]) => void): () => void;
}

export function inMemoryRevocations(): Revocations {
  const listeners = new Set<(sessionIds: readonly string[]) => void>();
  return {
    publish(sessionIds) {
      if (sessionIds.length === 0) return;
      for (const listener of [...listeners]) listener(sessionIds);
    },
    subscribe(listener) {
      const entry = (ids: readonly string[]) => listener(ids); // one entry per call
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}
