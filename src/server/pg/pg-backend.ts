import postgres, { type Sql } from 'postgres';
import type { AuthStore } from '../auth/auth-store';
import type { ScryptParams } from '../auth/password';
import type { Presence } from '../live/presence';
import type { Revocations } from '../live/revocations';
import { errorMessage, type StoreLogger } from '../store/logger';
import { BOOTSTRAP_LOCK, migrate } from './migrations';
import { Notifications } from './notifications';
import { openPgAuthStore } from './pg-auth';
import { PgDocumentStore } from './pg-document-store';
import { pgPresence, pgRevocations } from './pg-live';

export interface PgBackendOptions {
  /** postgres://user:password@host:port/database (DATABASE_URL). */
  url: string;
  logger?: StoreLogger;
  /** Connections in the pool (default 10), besides the one LISTEN keeps. */
  poolSize?: number;
  scrypt?: ScryptParams;
  sessionTtlMs?: number;
  snapshotEvery?: number;
  now?: () => number;
  throttle?: { perLogin?: number; perIp?: number; windowMs?: number };
  presence?: { ttlMs?: number; sweepMs?: number };
}

/** Everything a server keeps, in one PostgreSQL database (DATABASE_URL): see README, "Several servers". */
export interface PgBackend {
  sql: Sql;
  store: PgDocumentStore;
  auth: AuthStore;
  presence: Presence;
  revocations: Revocations;
  /** Runs `fn` while no other server runs its own (first start: one admin, one sample, however many start). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function connect(url: string, poolSize = 10): Sql {
  return postgres(url, {
    max: poolSize,
    onnotice: () => {},
    // An append is answered only once its commit is on disk: never trust a server default for that.
    connection: { application_name: 'visavis', synchronous_commit: 'on' },
  });
}

export async function openPgBackend(opts: PgBackendOptions): Promise<PgBackend> {
  const logger = opts.logger ?? console;
  const sql = connect(opts.url, opts.poolSize);
  let notifications: Notifications | undefined;
  try {
    const applied = await migrate(sql);
    if (applied.length > 0) logger.info(`PostgreSQL schema migrated to version ${applied.at(-1)}`);
    const [fsync] = await sql<{ fsync: string }[]>`SHOW fsync`;
    if (fsync?.fsync !== 'on') logger.warn('PostgreSQL runs with fsync off: a crash of the database can lose writes');
    notifications = await Notifications.start(sql, logger);
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => undefined);
    throw new Error(`cannot use the database: ${errorMessage(err)}`);
  }
  const store = new PgDocumentStore({
    sql,
    notifications,
    logger,
    ...(opts.snapshotEvery !== undefined ? { snapshotEvery: opts.snapshotEvery } : {}),
  });
  const auth = openPgAuthStore({
    sql,
    notifications,
    logger,
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.sessionTtlMs !== undefined ? { sessionTtlMs: opts.sessionTtlMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.throttle ? { throttle: opts.throttle } : {}),
  });
  const presence = pgPresence(sql, notifications, logger, opts.presence);
  const revocations = pgRevocations(notifications);
  const n = notifications;
  let closing: Promise<void> | null = null;
  return {
    sql,
    store,
    auth,
    presence,
    revocations,
    async exclusive(fn) {
      const conn = await sql.reserve();
      try {
        await conn`SELECT pg_advisory_lock(${BOOTSTRAP_LOCK})`;
        try {
          return await fn();
        } finally {
          await conn`SELECT pg_advisory_unlock(${BOOTSTRAP_LOCK})`;
        }
      } finally {
        conn.release();
      }
    },
    close() {
      closing ??= (async () => {
        await store.close();
        await auth.close();
        presence.close();
        revocations.close();
        await n.close();
        await sql.end({ timeout: 5 });
      })();
      return closing;
    },
  };
}
