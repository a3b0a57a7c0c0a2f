import { MentionReads } from '../live/mentions';
import type { TokenDirectory } from '../tokens/api-token';
import { JsonTokenStore } from '../tokens/token-store';
import { JsonWebhookStore, type WebhookStore } from '../webhooks/webhook-store';
import type { StoreLogger } from '../store/logger';
import { LoginThrottle, type ThrottleOptions } from './login-throttle';
import type { ScryptParams } from './password';
import { SessionStore, type Session } from './session-store';
import { UserStore, type NewUser, type StoredUser, type UserChanges } from './user-store';

/** Every account. Two implementations: users.json (UserStore) and PostgreSQL (pg/pg-auth.ts). */
export interface UserDirectory {
  count(): Promise<number>;
  list(): Promise<StoredUser[]>;
  byId(id: string): Promise<StoredUser | undefined>;
  byLogin(login: string): Promise<StoredUser | undefined>;
  /** The user of these credentials, or undefined, after the same work whatever went wrong. */
  authenticate(login: string, password: string): Promise<StoredUser | undefined>;
  create(input: NewUser): Promise<StoredUser>;
  update(id: string, changes: UserChanges): Promise<StoredUser>;
  flush(): Promise<void>;
}

/** Signed-in sessions, shared by every server of one deployment. */
export interface SessionDirectory {
  readonly ttlSeconds: number;
  create(userId: string): Promise<{ token: string; session: Session }>;
  /** Every live (unexpired) session, for migrate-store. */
  list(): Promise<Session[]>;
  /** The live session of a cookie's token, or undefined. */
  lookup(token: string | undefined): Promise<Session | undefined>;
  /** Slides the expiry of a session in use (saved in the background); true when it moved. */
  touch(session: Session): boolean;
  /** `listener` hears the ids of sessions that end here; returns the unsubscribe function. */
  onEnd(listener: (sessionIds: readonly string[]) => void): () => void;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string, keepId?: string): Promise<void>;
  flush(): Promise<void>;
}

/** Failed sign-ins counted per IP + login and per IP (see login-throttle.ts). */
export interface SignInThrottle {
  /** Seconds until another attempt is allowed, or 0. */
  retryAfter(ip: string, login: string): Promise<number>;
  failed(ip: string, login: string): Promise<void>;
  succeeded(ip: string, login: string): Promise<void>;
}

/** Which @mentions each user has read. */
export interface MentionReadStore {
  /** The ids of the mentions `userId` has read. */
  readBy(userId: string): Promise<ReadonlySet<string>>;
  /** Marks them read (durably). `known`: the user's mention ids now (others are dropped). */
  mark(userId: string, ids: readonly string[], known: ReadonlySet<string>): Promise<void>;
  flush(): Promise<void>;
}

/** Accounts, sessions, the sign-in throttle and mention reads of one deployment. */
export interface AuthStore {
  readonly users: UserDirectory;
  readonly sessions: SessionDirectory;
  readonly throttle: SignInThrottle;
  readonly mentionReads: MentionReadStore;
  /** Personal API tokens (Authorization: Bearer). */
  readonly tokens: TokenDirectory;
  /** Webhooks and their deliveries. */
  readonly webhooks: WebhookStore;
  /**
   * The live session of a cookie's token and its user (disabled or not), or undefined. One read: on
   * PostgreSQL one query joins both, as every request asks it.
   */
  signedIn(token: string | undefined): Promise<{ session: Session; user: StoredUser } | undefined>;
  /** Waits for pending writes (sliding session expiries). */
  close(): Promise<void>;
}

export interface AuthStoreOptions {
  /** The data directory, already opened (and locked) by the document store. */
  dataDir: string;
  logger?: StoreLogger;
  /** Tests use a cheap cost; hashes record theirs, so any cost verifies. */
  scrypt?: ScryptParams;
  sessionTtlMs?: number;
  throttle?: ThrottleOptions;
  now?: () => number;
}

/** The embedded auth store: users.json, sessions.json and mentions-read.json in DATA_DIR; the throttle in memory. */
export async function openAuthStore(opts: AuthStoreOptions): Promise<AuthStore> {
  const logger = opts.logger ?? console;
  const users = await UserStore.open(opts.dataDir, logger, opts.scrypt);
  const sessions = await SessionStore.open(opts.dataDir, logger, {
    ...(opts.sessionTtlMs !== undefined ? { ttlMs: opts.sessionTtlMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const throttle = new LoginThrottle({ ...(opts.now ? { now: opts.now } : {}), ...opts.throttle });
  const mentionReads = await MentionReads.open(opts.dataDir, logger);
  const tokens = await JsonTokenStore.open(opts.dataDir, users, logger, opts.now);
  const webhooks = await JsonWebhookStore.open(opts.dataDir, logger, opts.now);
  return {
    users,
    sessions,
    throttle,
    mentionReads,
    tokens,
    webhooks,
    async signedIn(token) {
      const session = await sessions.lookup(token);
      const user = session ? await users.byId(session.userId) : undefined;
      return session && user ? { session, user } : undefined;
    },
    async close() {
      await Promise.all([users.flush(), sessions.flush(), mentionReads.flush(), tokens.flush(), webhooks.flush()]);
    },
  };
}
