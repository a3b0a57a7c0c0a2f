/** Who has a document open, and which segment each is editing: ephemeral, never journaled. */

export interface PresenceUser {
  id: string;
  login: string;
  displayName: string;
}

/** One person in a document's list, as `event: presence` sends it. */
export interface PresenceEntry {
  login: string;
  displayName: string;
  /** The segment they last said they are in (PUT …/presence), or null. */
  segmentId: string | null;
}

/** Without an open stream, a PUT keeps its user in the list this long (a tab that died without a word). */
export const PRESENCE_TTL_MS = 30_000;

/**
 * A user is present in a document while they have at least one open stream on it (`connect` … `disconnect`),
 * or for PRESENCE_TTL_MS after their last `focus` without one. In memory for one server; with several
 * servers on one database, a later implementation keeps the same list there and calls the subscribers of
 * every server on a change.
 */
export interface Presence {
  /** A stream of `user` opened on the document; `connectionId` names it until `disconnect`. */
  connect(documentId: string, user: PresenceUser, connectionId: string): Promise<void>;
  disconnect(documentId: string, connectionId: string): Promise<void>;
  /** The user's current segment (null: none); makes them present even without a stream, for a while. */
  focus(documentId: string, user: PresenceUser, segmentId: string | null): Promise<void>;
  /** Everyone present, by display name. */
  list(documentId: string): Promise<PresenceEntry[]>;
  /** `listener` runs after every change of the document's list; returns the unsubscribe function. */
  subscribe(documentId: string, listener: () => void): () => void;
  /** Stops the expiry timers. */
  close(): void;
}

interface Here {
  user: PresenceUser;
  segmentId: string | null;
  connections: Set<string>;
  /** Set while present without a stream, only on the strength of a recent PUT. */
  expiry: ReturnType<typeof setTimeout> | null;
}

export function inMemoryPresence(opts: { ttlMs?: number } = {}): Presence {
  const ttlMs = opts.ttlMs ?? PRESENCE_TTL_MS;
  /** documentId → userId → presence. */
  const docs = new Map<string, Map<string, Here>>();
  const listeners = new Map<string, Set<() => void>>();

  const usersOf = (documentId: string) => {
    let users = docs.get(documentId);
    if (!users) docs.set(documentId, (users = new Map()));
    return users;
  };
  const changed = (documentId: string) => {
    for (const listener of [...(listeners.get(documentId) ?? [])]) listener();
  };
  const stopExpiry = (here: Here) => {
    if (here.expiry) clearTimeout(here.expiry);
    here.expiry = null;
  };
  const remove = (documentId: string, userId: string) => {
    const users = docs.get(documentId);
    const here = users?.get(userId);
    if (!users || !here) return;
    stopExpiry(here);
    users.delete(userId);
    if (users.size === 0) docs.delete(documentId);
    changed(documentId);
  };
  const sameUser = (a: PresenceUser, b: PresenceUser) => a.login === b.login && a.displayName === b.displayName;

  return {
    async connect(documentId, user, connectionId) {
      const users = usersOf(documentId);
      const here = users.get(user.id);
      if (here) {
        stopExpiry(here);
        here.connections.add(connectionId);
        if (!sameUser(here.user, user)) {
          here.user = user;
          changed(documentId);
        }
        return;
      }
      users.set(user.id, { user, segmentId: null, connections: new Set([connectionId]), expiry: null });
      changed(documentId);
    },

    async disconnect(documentId, connectionId) {
      for (const [userId, here] of docs.get(documentId) ?? []) {
        if (!here.connections.delete(connectionId)) continue;
        // A closed tab leaves at once: its segment goes with it.
        if (here.connections.size === 0) remove(documentId, userId);
        return;
      }
    },

    async focus(documentId, user, segmentId) {
      const users = usersOf(documentId);
      let here = users.get(user.id);
      const isNew = !here;
      if (!here) users.set(user.id, (here = { user, segmentId: null, connections: new Set(), expiry: null }));
      const moved = here.segmentId !== segmentId || !sameUser(here.user, user);
      here.segmentId = segmentId;
      here.user = user;
      if (here.connections.size === 0) {
        stopExpiry(here);
        here.expiry = setTimeout(() => remove(documentId, user.id), ttlMs);
        here.expiry.unref?.();
      }
      if (isNew || moved) changed(documentId);
    },

    async list(documentId) {
      const out: PresenceEntry[] = [];
      for (const { user, segmentId } of docs.get(documentId)?.values() ?? []) {
        out.push({ login: user.login, displayName: user.displayName, segmentId });
      }
      return out.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.login.localeCompare(b.login));
    },

    subscribe(documentId, listener) {
      let set = listeners.get(documentId);
      if (!set) listeners.set(documentId, (set = new Set()));
      const entry = () => listener();
      set.add(entry);
      return () => {
        set.delete(entry);
        if (set.size === 0 && listeners.get(documentId) === set) listeners.delete(documentId);
      };
    },

    close() {
      for (const users of docs.values()) for (const here of users.values()) stopExpiry(here);
      docs.clear();
      listeners.clear();
    },
  };
}
