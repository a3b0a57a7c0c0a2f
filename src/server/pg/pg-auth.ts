import type { Sql } from 'postgres';
import { loginKey } from '../../shared/users';
import type { AuthStore, MentionReadStore, SessionDirectory, SignInThrottle, UserDirectory } from '../auth/auth-store';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from '../auth/password';
import {
  MAX_SESSIONS_PER_USER,
  SESSION_TTL_MS,
  TOKEN_PATTERN,
  TOUCH_EVERY_MS,
  newSession,
  sessionIdOf,
  type Session,
} from '../auth/session-store';
import {
  StoredUserSchema,
  changedUser,
  newUserRecord,
  type NewUser,
  type StoredUser,
  type UserChanges,
} from '../auth/user-store';
import { errorMessage, type StoreLogger } from '../store/logger';
import { CHANNELS, type Notifications } from './notifications';
import { PgTokens } from './pg-tokens';
import { PgWebhooks } from './pg-webhooks';

/** Users are changed one at a time (the login and last-admin checks read them all): this lock says so. */
const USERS_LOCK = 0x7669_7375;

function parseUser(body: unknown): StoredUser {
  return StoredUserSchema.parse(body);
}

/** Accounts in the users table (the whole StoredUser as JSON, its login key unique). */
export class PgUsers implements UserDirectory {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
  ) {}

  async count(): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`SELECT count(*)::integer AS n FROM users`;
    return row!.n;
  }

  async list(): Promise<StoredUser[]> {
    const rows = await this.sql<{ body: unknown }[]>`SELECT body FROM users ORDER BY body->>'createdAt', id`;
    return rows.map((r) => parseUser(r.body));
  }

  async byId(id: string): Promise<StoredUser | undefined> {
    const [row] = await this.sql<{ body: unknown }[]>`SELECT body FROM users WHERE id = ${id}`;
    return row ? parseUser(row.body) : undefined;
  }

  async byLogin(login: string): Promise<StoredUser | undefined> {
    const [row] = await this.sql<{ body: unknown }[]>`SELECT body FROM users WHERE login_key = ${loginKey(login)}`;
    return row ? parseUser(row.body) : undefined;
  }

  async authenticate(login: string, password: string): Promise<StoredUser | undefined> {
    const user = await this.byLogin(login);
    this.dummyHash ??= hashPassword('not anyone’s password', this.scrypt);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    return ok && user && !user.disabled ? user : undefined;
  }

  async create(input: NewUser): Promise<StoredUser> {
    const passwordHash = await hashPassword(input.password, this.scrypt);
    return this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${USERS_LOCK})`;
      const all = (await tx<{ body: unknown }[]>`SELECT body FROM users`).map((r) => parseUser(r.body));
      const user = newUserRecord(all, input, passwordHash);
      await tx`INSERT INTO users (id, login_key, body) VALUES (${user.id}, ${loginKey(user.login)}, ${JSON.stringify(user)}::text::json)`;
      return user;
    });
  }

  async update(id: string, changes: UserChanges): Promise<StoredUser> {
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password, this.scrypt);
    return this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${USERS_LOCK})`;
      const all = (await tx<{ body: unknown }[]>`SELECT body FROM users`).map((r) => parseUser(r.body));
      const next = changedUser(all, id, changes, passwordHash);
      await tx`UPDATE users SET body = ${JSON.stringify(next)}::text::json WHERE id = ${id}`;
      return next;
    });
  }

  async flush(): Promise<void> {}
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  userId: r.user_id,
  createdAt: r.created_at.toISOString(),
  lastSeenAt: r.last_seen_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
});

/**
 * Sessions in the sessions table: a session made through one server works on every other at once, and one
 * that ends (sign-out, password change, disabled user) ends everywhere: every lookup reads the table, and
 * the ids are announced on a channel so that every server closes the live streams they opened.
 */
export class PgSessions implements SessionDirectory {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly endListeners = new Set<(sessionIds: readonly string[]) => void>();
  private touches = new Set<Promise<unknown>>();

  constructor(
    private readonly sql: Sql,
    private readonly logger: StoreLogger,
    opts: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.ttlMs = opts.ttlMs ?? SESSION_TTL_MS;
    this.now = opts.now ?? Date.now;
  }

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  async create(userId: string): Promise<{ token: string; session: Session }> {
    const now = this.now();
    const { token, session } = newSession(userId, now, this.ttlMs);
    const dropped = await this.sql.begin(async (tx) => {
      await tx`
        INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at)
        VALUES (${session.id}, ${userId}, ${session.createdAt}, ${session.lastSeenAt}, ${session.expiresAt})`;
      // A script signing in in a loop: its oldest sessions go (and expired ones of this user with them).
      const rows = await tx<{ id: string }[]>`
        DELETE FROM sessions WHERE user_id = ${userId} AND (expires_at <= ${new Date(now)} OR id IN (
          SELECT id FROM sessions WHERE user_id = ${userId} ORDER BY created_at DESC, id OFFSET ${MAX_SESSIONS_PER_USER}))
        RETURNING id`;
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) await tx`SELECT pg_notify(${CHANNELS.sessions}, ${ids.join(' ')})`;
      return ids;
    });
    this.ended(dropped);
    return { token, session };
  }

  async list(): Promise<Session[]> {
    const rows = await this.sql<SessionRow[]>`
      SELECT id, user_id, created_at, last_seen_at, expires_at FROM sessions
      WHERE expires_at > ${new Date(this.now())} ORDER BY created_at, id`;
    return rows.map(toSession);
  }

  async lookup(token: string | undefined): Promise<Session | undefined> {
    if (!token || !TOKEN_PATTERN.test(token)) return undefined;
    const [row] = await this.sql<SessionRow[]>`
      SELECT id, user_id, created_at, last_seen_at, expires_at FROM sessions
      WHERE id = ${sessionIdOf(token)} AND expires_at > ${new Date(this.now())}`;
    return row ? toSession(row) : undefined;
  }

  /** lookup() and the session's user in one query (every request asks both). */
  async lookupWithUser(token: string | undefined): Promise<{ session: Session; user: StoredUser } | undefined> {
    if (!token || !TOKEN_PATTERN.test(token)) return undefined;
    const [row] = await this.sql<(SessionRow & { body: unknown })[]>`
      SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, u.body FROM sessions s
      JOIN users u ON u.id = s.user_id
      WHERE s.id = ${sessionIdOf(token)} AND s.expires_at > ${new Date(this.now())}`;
    return row ? { session: toSession(row), user: parseUser(row.body) } : undefined;
  }

  touch(session: Session): boolean {
    const now = this.now();
    if (now - Date.parse(session.lastSeenAt) < TOUCH_EVERY_MS) return false;
    session.lastSeenAt = new Date(now).toISOString();
    session.expiresAt = new Date(now + this.ttlMs).toISOString();
    // Best effort, as in the JSON store: a lost touch only makes the session end sooner.
    const p = this.sql`
      UPDATE sessions SET last_seen_at = ${session.lastSeenAt}, expires_at = ${session.expiresAt}
      WHERE id = ${session.id}`
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error(`session touch: ${errorMessage(err)}`))
      .finally(() => this.touches.delete(p));
    this.touches.add(p);
    return true;
  }

  onEnd(listener: (sessionIds: readonly string[]) => void): () => void {
    const entry = (ids: readonly string[]) => listener(ids);
    this.endListeners.add(entry);
    return () => void this.endListeners.delete(entry);
  }

  async delete(id: string): Promise<void> {
    await this.deleteWhere(this.sql`id = ${id}`);
  }

  async deleteForUser(userId: string, keepId?: string): Promise<void> {
    await this.deleteWhere(this.sql`user_id = ${userId} AND id <> ${keepId ?? ''}`);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.touches]);
  }

  private async deleteWhere(where: ReturnType<Sql>): Promise<void> {
    const ids = await this.sql.begin(async (tx) => {
      const rows = await tx<{ id: string }[]>`DELETE FROM sessions WHERE ${where} RETURNING id`;
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) await tx`SELECT pg_notify(${CHANNELS.sessions}, ${ids.join(' ')})`;
      return ids;
    });
    this.ended(ids);
  }

  private ended(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of [...this.endListeners]) {
      try {
        listener(ids);
      } catch (err) {
        this.logger.error(`a session-end listener threw: ${errorMessage(err)}`);
      }
    }
  }
}

/**
 * The sign-in limit shared by every server (login-throttle.ts, in a table): fixed windows per IP + login
 * and per IP, counted with one upsert each, so an attacker gains nothing by spreading attempts over servers.
 */
export class PgThrottle implements SignInThrottle {
  private readonly perLogin: number;
  private readonly perIp: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly sql: Sql,
    opts: { perLogin?: number; perIp?: number; windowMs?: number; now?: () => number } = {},
  ) {
    this.perLogin = opts.perLogin ?? 10;
    this.perIp = opts.perIp ?? 50;
    this.windowMs = opts.windowMs ?? 15 * 60 * 1000;
    this.now = opts.now ?? Date.now;
  }

  private keys(ip: string, login: string) {
    return [`${ip}\n${loginKey(login)}`, `${ip}\n*`] as const;
  }

  async retryAfter(ip: string, login: string): Promise<number> {
    const now = this.now();
    const [one, all] = this.keys(ip, login);
    const rows = await this.sql<{ key: string; failures: number; reset_at: Date }[]>`
      SELECT key, failures, reset_at FROM sign_in_failures WHERE key IN (${one}, ${all}) AND reset_at > ${new Date(now)}`;
    let wait = 0;
    for (const r of rows) {
      const limit = r.key === one ? this.perLogin : this.perIp;
      if (r.failures >= limit) wait = Math.max(wait, Math.ceil((r.reset_at.getTime() - now) / 1000));
    }
    return wait;
  }

  async failed(ip: string, login: string): Promise<void> {
    const now = new Date(this.now());
    const resetAt = new Date(now.getTime() + this.windowMs);
    for (const key of this.keys(ip, login)) {
      await this.sql`
        INSERT INTO sign_in_failures (key, failures, reset_at) VALUES (${key}, 1, ${resetAt})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN sign_in_failures.reset_at <= ${now} THEN 1 ELSE sign_in_failures.failures + 1 END,
          reset_at = CASE WHEN sign_in_failures.reset_at <= ${now} THEN ${resetAt} ELSE sign_in_failures.reset_at END`;
    }
    if (Math.random() < 0.01) await this.sql`DELETE FROM sign_in_failures WHERE reset_at <= ${now}`;
  }

  async succeeded(ip: string, login: string): Promise<void> {
    await this.sql`DELETE FROM sign_in_failures WHERE key = ${this.keys(ip, login)[0]}`;
  }
}

/** Which mentions each user has read: one row per (user, mention). */
export class PgMentionReads implements MentionReadStore {
  constructor(private readonly sql: Sql) {}

  async readBy(userId: string): Promise<ReadonlySet<string>> {
    const rows = await this.sql<{ mention_id: string }[]>`
      SELECT mention_id FROM mention_reads WHERE user_id = ${userId}`;
    return new Set(rows.map((r) => r.mention_id));
  }

  async mark(userId: string, ids: readonly string[], known: ReadonlySet<string>): Promise<void> {
    const add = [...new Set(ids)].filter((id) => known.has(id));
    await this.sql.begin(async (tx) => {
      if (add.length > 0) {
        await tx`INSERT INTO mention_reads (user_id, mention_id)
                 SELECT ${userId}, m FROM unnest(${add}::text[]) AS t (m) ON CONFLICT DO NOTHING`;
      }
      // Mentions gone since (edited away) are dropped, as in the JSON store.
      await tx`DELETE FROM mention_reads WHERE user_id = ${userId} AND NOT (mention_id = ANY(${[...known]}::text[]))`;
    });
  }

  async flush(): Promise<void> {}
}

export interface PgAuthOptions {
  sql: Sql;
  notifications: Notifications;
  logger?: StoreLogger;
  scrypt?: ScryptParams;
  sessionTtlMs?: number;
  throttle?: { perLogin?: number; perIp?: number; windowMs?: number };
  now?: () => number;
}

export function openPgAuthStore(opts: PgAuthOptions): AuthStore {
  const logger = opts.logger ?? console;
  const now = opts.now ? { now: opts.now } : {};
  const users = new PgUsers(opts.sql, opts.scrypt);
  const sessions = new PgSessions(opts.sql, logger, {
    ...(opts.sessionTtlMs !== undefined ? { ttlMs: opts.sessionTtlMs } : {}),
    ...now,
  });
  const throttle = new PgThrottle(opts.sql, { ...now, ...opts.throttle });
  const tokens = new PgTokens(opts.sql, logger, opts.now);
  return {
    tokens,
    webhooks: new PgWebhooks(opts.sql, opts.now),
    users,
    sessions,
    throttle,
    mentionReads: new PgMentionReads(opts.sql),
    signedIn: (token) => sessions.lookupWithUser(token),
    async close() {
      await Promise.all([sessions.flush(), tokens.flush()]);
    },
  };
}
