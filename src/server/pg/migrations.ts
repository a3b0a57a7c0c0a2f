import type { Sql } from 'postgres';

/**
 * The schema, as numbered steps applied in order and recorded in schema_migrations. Never edit a step that
 * shipped: add the next one. Every server runs `migrate` on start; an advisory lock held for the whole
 * transaction makes a second server starting at the same time wait, then find nothing left to do.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, events, snapshots, users, sessions, sign-in failures, presence, mention reads',
    sql: `
      CREATE TABLE documents (
        id text PRIMARY KEY,
        -- The last event's seq: appends move it from the expected value only (optimistic concurrency).
        seq integer NOT NULL CHECK (seq >= 1),
        summary json NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE events (
        document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 1),
        -- The whole event (seq, at, actor, type, payload) as the JSON journal has it, text kept as written.
        body json NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE snapshots (
        document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        state json NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE users (
        id text PRIMARY KEY,
        -- loginKey(login): what two logins are compared by (case, width and compatibility forms folded).
        login_key text NOT NULL UNIQUE,
        body json NOT NULL
      );
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE TABLE sign_in_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        reset_at timestamptz NOT NULL
      );
      CREATE TABLE presence (
        document_id text NOT NULL,
        user_id text NOT NULL,
        login text NOT NULL,
        display_name text NOT NULL,
        segment_id text,
        -- Open streams (one row per stream, connection_id) or a recent PUT (connection_id '').
        connection_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (document_id, user_id, connection_id)
      );
      CREATE TABLE mention_reads (
        user_id text NOT NULL,
        mention_id text NOT NULL,
        PRIMARY KEY (user_id, mention_id)
      );
    `,
  },
  {
    version: 2,
    name: 'personal API tokens, webhooks and their deliveries',
    sql: `
      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        -- SHA-256 of the secret: the secret itself is shown once and never kept.
        hash text NOT NULL UNIQUE,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        body json NOT NULL
      );
      CREATE INDEX api_tokens_user_id ON api_tokens (user_id);
      CREATE TABLE webhooks (
        id text PRIMARY KEY,
        created_at timestamptz NOT NULL,
        body json NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        hook_id text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        -- pending deliveries are tried when due; a server claims one by moving next_attempt_at (a lease).
        status text NOT NULL,
        next_attempt_at timestamptz,
        body json NOT NULL
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (hook_id, created_at);
    `,
  },
  {
    version: 3,
    name: 'webhook high-water marks',
    sql: `
      -- Per document, the seq up to which its events' webhook deliveries are queued (raised in the same
      -- transaction as the deliveries); a server starting up computes the deliveries of later events again.
      CREATE TABLE webhook_marks (
        document_id text PRIMARY KEY,
        seq bigint NOT NULL
      );
      -- What was written before this version had its deliveries queued then (with other ids): start from here.
      INSERT INTO webhook_marks (document_id, seq) SELECT id, seq FROM documents;
    `,
  },
];

/** An arbitrary constant: the advisory lock every Vis-à-vis server takes to migrate (and to bootstrap). */
export const MIGRATION_LOCK = 0x7669_7361;
export const BOOTSTRAP_LOCK = 0x7669_7362;

/** Applies the steps this database lacks; returns the versions applied (none when up to date). */
export async function migrate(sql: Sql): Promise<number[]> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
    const done = new Set(
      (await tx<{ version: number }[]>`SELECT version FROM schema_migrations`).map((r) => r.version),
    );
    const newest = Math.max(0, ...done);
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    if (newest > known) {
      throw new Error(
        `the database's schema is at version ${newest}, newer than this server knows (${known}): upgrade this server`,
      );
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.unsafe(m.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`;
      applied.push(m.version);
    }
    return applied;
  });
}
