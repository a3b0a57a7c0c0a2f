import type { StoreLogger } from '../store/logger';
import { LoginThrottle, type ThrottleOptions } from './login-throttle';
import type { ScryptParams } from './password';
import { SessionStore } from './session-store';
import { UserStore } from './user-store';

/** Accounts, sessions and the sign-in throttle of one data directory. */
export interface AuthStore {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;
  /** The data directory (other per-user state lives there too: which @mentions each user has read). */
  readonly dataDir: string;
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

export async function openAuthStore(opts: AuthStoreOptions): Promise<AuthStore> {
  const logger = opts.logger ?? console;
  const users = await UserStore.open(opts.dataDir, logger, opts.scrypt);
  const sessions = await SessionStore.open(opts.dataDir, logger, {
    ...(opts.sessionTtlMs !== undefined ? { ttlMs: opts.sessionTtlMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const throttle = new LoginThrottle({ ...(opts.now ? { now: opts.now } : {}), ...opts.throttle });
  return {
    users,
    sessions,
    throttle,
    dataDir: opts.dataDir,
    async close() {
      await Promise.all([users.flush(), sessions.flush()]);
    },
  };
}
