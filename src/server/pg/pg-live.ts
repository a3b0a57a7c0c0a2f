import type { Sql } from 'postgres';
import { PRESENCE_TTL_MS, type Presence, type PresenceEntry } from '../live/presence';
import type { Revocations } from '../live/revocations';
import { errorMessage, type StoreLogger } from '../store/logger';
import { CHANNELS, type Notifications } from './notifications';

/**
 * Ended sessions across servers: PgSessions announces them on the sessions channel in the transaction that
 * deletes them; every server (this one too) hears it and ends the streams opened with them. `publish` only
 * tells this server's streams at once (the channel tells the others).
 */
export function pgRevocations(notifications: Notifications): Revocations & { close(): void } {
  const listeners = new Set<(ids: readonly string[]) => void>();
  const tell = (ids: readonly string[]) => {
    for (const listener of [...listeners]) listener(ids);
  };
  const off = notifications.on(CHANNELS.sessions, (payload) => tell(payload.split(' ').filter(Boolean)));
  return {
    publish(ids) {
      if (ids.length > 0) tell(ids);
    },
    subscribe(listener) {
      const entry = (ids: readonly string[]) => listener(ids);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    close: off,
  };
}

/** A stream's row lives this long unless its server renews it (a server killed mid-stream leaves no ghost). */
const STREAM_ROW_TTL_MS = 60_000;
const NO_STREAM = '';

/**
 * Presence shared by every server: one row per open stream (renewed by the server that holds it) and one
 * per recent PUT without a stream (connection_id ''), each with an expiry. A change is announced on the
 * presence channel; a sweep removes expired rows and announces those documents too.
 */
export function pgPresence(
  sql: Sql,
  notifications: Notifications,
  logger: StoreLogger,
  opts: { ttlMs?: number; sweepMs?: number } = {},
): Presence {
  const ttlMs = opts.ttlMs ?? PRESENCE_TTL_MS;
  const listeners = new Map<string, Set<() => void>>();
  /** Streams open on this server: documentId → connection ids (their rows are renewed by the sweep). */
  const mine = new Map<string, Set<string>>();
  const after = (ms: number) => new Date(Date.now() + ms);

  const changed = async (documentId: string) => {
    await sql`SELECT pg_notify(${CHANNELS.presence}, ${documentId})`;
  };
  const offChannel = notifications.on(CHANNELS.presence, (documentId) => {
    for (const listener of [...(listeners.get(documentId) ?? [])]) listener();
  });
  // Presence missed while the LISTEN connection was down: every followed document re-reads its list.
  const offReconnect = notifications.onReconnect(() => {
    for (const set of listeners.values()) for (const listener of [...set]) listener();
  });

  const sweep = async () => {
    const now = new Date();
    const streams = [...mine].flatMap(([doc, ids]) => [...ids].map((id) => ({ doc, id })));
    if (streams.length > 0) {
      await sql`UPDATE presence SET expires_at = ${after(STREAM_ROW_TTL_MS)}
                WHERE (document_id, connection_id) IN (
                  SELECT d, c FROM unnest(${streams.map((s) => s.doc)}::text[], ${streams.map((s) => s.id)}::text[]) AS t (d, c))`;
    }
    const gone = await sql<{ document_id: string }[]>`
      DELETE FROM presence WHERE expires_at <= ${now} RETURNING document_id`;
    for (const doc of new Set(gone.map((r) => r.document_id))) await changed(doc);
  };
  const timer = setInterval(
    () => void sweep().catch((err: unknown) => logger.warn(`presence sweep: ${errorMessage(err)}`)),
    opts.sweepMs ?? Math.min(ttlMs, STREAM_ROW_TTL_MS) / 3,
  );
  timer.unref();

  return {
    async connect(documentId, user, connectionId) {
      let set = mine.get(documentId);
      if (!set) mine.set(documentId, (set = new Set()));
      set.add(connectionId);
      await sql`
        INSERT INTO presence (document_id, user_id, login, display_name, segment_id, connection_id, expires_at)
        SELECT ${documentId}, ${user.id}, ${user.login}, ${user.displayName},
          (SELECT segment_id FROM presence WHERE document_id = ${documentId} AND user_id = ${user.id}
             ORDER BY expires_at DESC LIMIT 1),
          ${connectionId}, ${after(STREAM_ROW_TTL_MS)}`;
      await changed(documentId);
    },

    async disconnect(documentId, connectionId) {
      mine.get(documentId)?.delete(connectionId);
      if (mine.get(documentId)?.size === 0) mine.delete(documentId);
      // A closed tab leaves at once (its segment with it) unless the user has another stream open.
      await sql`
        WITH gone AS (
          DELETE FROM presence WHERE document_id = ${documentId} AND connection_id = ${connectionId} RETURNING user_id)
        DELETE FROM presence p USING gone
        WHERE p.document_id = ${documentId} AND p.user_id = gone.user_id AND p.connection_id = ${NO_STREAM}
          AND NOT EXISTS (SELECT 1 FROM presence o WHERE o.document_id = ${documentId} AND o.user_id = gone.user_id
                          AND o.connection_id NOT IN (${NO_STREAM}, ${connectionId}))`;
      await changed(documentId);
    },

    async focus(documentId, user, segmentId) {
      await sql.begin(async (tx) => {
        await tx`UPDATE presence SET segment_id = ${segmentId}, login = ${user.login}, display_name = ${user.displayName}
                 WHERE document_id = ${documentId} AND user_id = ${user.id}`;
        await tx`
          INSERT INTO presence (document_id, user_id, login, display_name, segment_id, connection_id, expires_at)
          VALUES (${documentId}, ${user.id}, ${user.login}, ${user.displayName}, ${segmentId}, ${NO_STREAM}, ${after(ttlMs)})
          ON CONFLICT (document_id, user_id, connection_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`;
        await tx`SELECT pg_notify(${CHANNELS.presence}, ${documentId})`;
      });
    },

    async list(documentId) {
      const rows = await sql<{ login: string; display_name: string; segment_id: string | null }[]>`
        SELECT DISTINCT ON (user_id) login, display_name, segment_id FROM presence
        WHERE document_id = ${documentId} AND expires_at > ${new Date()}
        ORDER BY user_id, expires_at DESC`;
      const out: PresenceEntry[] = rows.map((r) => ({
        login: r.login,
        displayName: r.display_name,
        segmentId: r.segment_id,
      }));
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
      clearInterval(timer);
      offChannel();
      offReconnect();
      listeners.clear();
      mine.clear();
    },
  };
}
