import fs from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DocumentEvent } from '../shared/events';
import { foldAll, toDocumentState } from '../shared/reducer';
import { summarize } from '../shared/schemas';
import { loginKey } from '../shared/users';
import { openAuthStore, type AuthStore } from './auth/auth-store';
import type { Session } from './auth/session-store';
import type { Delivery } from '../shared/webhooks';
import type { StoredToken } from './tokens/api-token';
import type { StoredHook } from './webhooks/webhook-store';
import type { StoredUser } from './auth/user-store';
import { openPgBackend, type PgBackend } from './pg/pg-backend';
import { writeFileAtomic } from './store/atomic-write';
import type { DocumentStore } from './store/document-store';
import { encodeEvents } from './store/journal';
import { openJsonFileStore } from './store/json-file-store';
import type { StoreLogger } from './store/logger';

/**
 * `visavis migrate-store`: everything of one store (documents with every event, users with their password
 * hashes, their live sessions and API tokens, webhooks and their deliveries, which mentions each has read; dismissals and settings are events) into
 * another, empty one — DATA_DIR into PostgreSQL or back. Then every document is read back from the target and its fold
 * compared with the source's: any difference fails the migration.
 */

export const isDatabaseUrl = (where: string) => /^postgres(ql)?:\/\//i.test(where);

interface Side {
  store: DocumentStore;
  auth: AuthStore;
  close(): Promise<void>;
}

async function openSide(where: string, logger: StoreLogger): Promise<Side & { pg?: PgBackend }> {
  if (isDatabaseUrl(where)) {
    const pg = await openPgBackend({ url: where, logger, poolSize: 2 });
    return { store: pg.store, auth: pg.auth, pg, close: () => pg.close() };
  }
  const store = await openJsonFileStore({ dataDir: where, logger });
  try {
    const auth = await openAuthStore({ dataDir: store.dataDir, logger });
    return {
      store,
      auth,
      async close() {
        await auth.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

interface Snapshot {
  documents: { id: string; events: DocumentEvent[] }[];
  users: StoredUser[];
  /** Live sessions: whoever is signed in stays signed in. */
  sessions: Session[];
  tokens: StoredToken[];
  webhooks: { hooks: StoredHook[]; deliveries: Delivery[] };
  /** userId → mention ids read. */
  reads: Map<string, string[]>;
}

async function readAll(side: Side): Promise<Snapshot> {
  const documents: Snapshot['documents'] = [];
  for (const entry of await side.store.list()) {
    if (entry.available === false) {
      throw new Error(
        `document ${entry.id} cannot be read (${entry.error?.message ?? 'unavailable'}): repair it first`,
      );
    }
    const events = await side.store.events(entry.id, 0);
    if (events[0]?.seq !== 1) {
      throw new Error(`document ${entry.id} lost its first events (it was recovered from a snapshot): not migrated`);
    }
    documents.push({ id: entry.id, events });
  }
  const users = await side.auth.users.list();
  const reads = new Map<string, string[]>();
  for (const u of users) {
    const read = [...(await side.auth.mentionReads.readBy(u.id))];
    if (read.length > 0) reads.set(u.id, read);
  }
  const userIds = new Set(users.map((u) => u.id));
  const sessions = (await side.auth.sessions.list()).filter((s) => userIds.has(s.userId));
  const tokens = (await side.auth.tokens.list()).filter((t) => userIds.has(t.userId));
  const webhooks = await side.auth.webhooks.exportAll();
  return { documents, users, sessions, reads, tokens, webhooks };
}

async function writeToDatabase(url: string, data: Snapshot, logger: StoreLogger): Promise<void> {
  const pg = await openPgBackend({ url, logger, poolSize: 2 });
  try {
    const [counts] = await pg.sql<{ documents: number; users: number }[]>`
      SELECT (SELECT count(*) FROM documents)::integer AS documents, (SELECT count(*) FROM users)::integer AS users`;
    if (counts!.documents > 0 || counts!.users > 0) {
      throw new Error(`the database already holds ${counts!.documents} document(s) and ${counts!.users} user(s)`);
    }
    // All or nothing: one transaction.
    await pg.sql.begin(async (tx) => {
      for (const { id, events } of data.documents) {
        const state = foldAll(events);
        await tx`INSERT INTO documents (id, seq, summary, updated_at)
                 VALUES (${id}, ${state.seq}, ${JSON.stringify(summarize(state))}::text::json, ${state.updatedAt})`;
        for (let i = 0; i < events.length; i += 1000) {
          const chunk = events.slice(i, i + 1000);
          await tx`INSERT INTO events (document_id, seq, body)
                   SELECT ${id}, s, b::json FROM unnest(${chunk.map((e) => e.seq)}::integer[],
                     ${chunk.map((e) => JSON.stringify(e))}::text[]) AS t (s, b)`;
        }
      }
      for (const u of data.users) {
        await tx`INSERT INTO users (id, login_key, body) VALUES (${u.id}, ${loginKey(u.login)}, ${JSON.stringify(u)}::text::json)`;
      }
      for (const x of data.sessions) {
        await tx`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at)
                 VALUES (${x.id}, ${x.userId}, ${x.createdAt}, ${x.lastSeenAt}, ${x.expiresAt})`;
      }
      for (const t of data.tokens) {
        await tx`INSERT INTO api_tokens (id, hash, user_id, created_at, expires_at, body)
                 VALUES (${t.id}, ${t.hash}, ${t.userId}, ${t.createdAt}, ${t.expiresAt}, ${JSON.stringify(t)}::text::json)`;
      }
      for (const h of data.webhooks.hooks) {
        await tx`INSERT INTO webhooks (id, created_at, body) VALUES (${h.id}, ${h.createdAt}, ${JSON.stringify(h)}::text::json)`;
      }
      for (const d of data.webhooks.deliveries) {
        await tx`INSERT INTO webhook_deliveries (id, hook_id, created_at, status, next_attempt_at, body)
                 VALUES (${d.id}, ${d.hookId}, ${d.createdAt}, ${d.status}, ${d.nextAttemptAt}, ${JSON.stringify(d)}::text::json)`;
      }
      for (const [userId, ids] of data.reads) {
        await tx`INSERT INTO mention_reads (user_id, mention_id) SELECT ${userId}, m FROM unnest(${ids}::text[]) AS t (m)`;
      }
    });
  } finally {
    await pg.close();
  }
}

async function writeToDirectory(dir: string, data: Snapshot): Promise<void> {
  const existing = await fs.readdir(dir).catch(() => [] as string[]);
  const docs = await fs.readdir(path.join(dir, 'documents')).catch(() => [] as string[]);
  if (docs.length > 0 || existing.includes('users.json')) {
    throw new Error(`${dir} already holds documents or users: migrate into an empty directory`);
  }
  for (const { id, events } of data.documents) {
    const docDir = path.join(dir, 'documents', id);
    await fs.mkdir(docDir, { recursive: true });
    await writeFileAtomic(path.join(docDir, 'journal.jsonl'), encodeEvents(events));
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFileAtomic(path.join(dir, 'users.json'), json({ version: 1, users: data.users }), { mode: 0o600 });
  await writeFileAtomic(path.join(dir, 'sessions.json'), json({ version: 1, sessions: data.sessions }), {
    mode: 0o600,
  });
  await writeFileAtomic(path.join(dir, 'api-tokens.json'), json({ version: 1, tokens: data.tokens }), { mode: 0o600 });
  await writeFileAtomic(path.join(dir, 'webhooks.json'), json({ version: 1, ...data.webhooks }), { mode: 0o600 });
  await writeFileAtomic(
    path.join(dir, 'mentions-read.json'),
    json({ version: 1, read: Object.fromEntries(data.reads) }),
  );
}

export interface MigrationReport {
  documents: number;
  events: number;
  users: number;
  sessions: number;
}

export async function migrateStore(from: string, to: string, logger: StoreLogger): Promise<MigrationReport> {
  if (from === to) throw new Error('--from and --to are the same store');
  const source = await openSide(from, logger);
  try {
    const data = await readAll(source);
    if (isDatabaseUrl(to)) await writeToDatabase(to, data, logger);
    else await writeToDirectory(to, data);
    // Read back through the target's own store and compare every document's fold, and the accounts.
    const target = await openSide(to, logger);
    try {
      for (const { id } of data.documents) {
        const [a, b] = await Promise.all([source.store.get(id), target.store.get(id)]);
        if (!a || !b || !isDeepStrictEqual(toDocumentState(a), toDocumentState(b))) {
          throw new Error(`document ${id} reads back differently from the target: migration not verified`);
        }
      }
      const byId = (u: StoredUser[]) => [...u].sort((x, y) => x.id.localeCompare(y.id));
      if (!isDeepStrictEqual(byId(await target.auth.users.list()), byId(data.users))) {
        throw new Error('the users read back differently from the target: migration not verified');
      }
      const tokensOf = (list: StoredToken[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
      if (!isDeepStrictEqual(tokensOf(await target.auth.tokens.list()), tokensOf(data.tokens))) {
        throw new Error('the API tokens read back differently from the target: migration not verified');
      }
      const sessionsOf = (list: Session[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
      if (!isDeepStrictEqual(sessionsOf(await target.auth.sessions.list()), sessionsOf(data.sessions))) {
        throw new Error('the sessions read back differently from the target: migration not verified');
      }
    } finally {
      await target.close();
    }
    return {
      documents: data.documents.length,
      events: data.documents.reduce((n, d) => n + d.events.length, 0),
      users: data.users.length,
      sessions: data.sessions.length,
    };
  } finally {
    await source.close();
  }
}
