import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { IdSchema } from '../../shared/ids';
import { IsoDateSchema } from '../../shared/schemas';
import type { StoreLogger } from '../store/logger';
import type { SessionDirectory } from './auth-store';
import { JsonStateFile, StateFileCorruptError } from './json-state-file';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** A session in use has its expiry pushed back at most this often (each push is a write). */
export const TOUCH_EVERY_MS = 60 * 60 * 1000;
/** Older sessions of a user beyond this many are dropped (a script logging in in a loop). */
export const MAX_SESSIONS_PER_USER = 50;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const SessionSchema = z.object({
  /** SHA-256 of the token, hex: the token itself is only ever in the user's cookie. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  userId: IdSchema,
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
});
export type Session = z.infer<typeof SessionSchema>;

const SessionsFileSchema = z.object({ version: z.literal(1), sessions: z.array(SessionSchema) });

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session and its token (only the token's hash is kept): the same for every session store. */
export function newSession(userId: string, now: number, ttlMs: number): { token: string; session: Session } {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    id: sessionIdOf(token),
    userId,
    createdAt: new Date(now).toISOString(),
    lastSeenAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ttlMs).toISOString(),
  };
  return { token, session };
}

export interface SessionStoreOptions {
  ttlMs?: number;
  now?: () => number;
}

/** DATA_DIR/sessions.json: signed-in sessions survive a restart. Expiry slides while a session is used. */
export class SessionStore implements SessionDirectory {
  private readonly sessions = new Map<string, Session>();
  private readonly file: JsonStateFile<typeof SessionsFileSchema>;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly endListeners = new Set<(sessionIds: readonly string[]) => void>();

  private constructor(
    dataDir: string,
    private readonly logger: StoreLogger,
    opts: SessionStoreOptions,
  ) {
    this.file = new JsonStateFile(path.join(dataDir, 'sessions.json'), SessionsFileSchema);
    this.ttlMs = opts.ttlMs ?? SESSION_TTL_MS;
    this.now = opts.now ?? Date.now;
  }

  static async open(dataDir: string, logger: StoreLogger, opts: SessionStoreOptions = {}): Promise<SessionStore> {
    const store = new SessionStore(dataDir, logger, opts);
    let saved;
    try {
      saved = await store.file.read(logger);
    } catch (err) {
      if (!(err instanceof StateFileCorruptError)) throw err;
      // Sessions are disposable: everyone signs in again, and the file is rewritten valid at once.
      logger.error(`${err.file} ${err.problem}: starting with no sessions (everyone signs in again); rewriting it`);
      await store.save();
      return store;
    }
    for (const s of saved?.sessions ?? []) {
      if (!store.expired(s)) store.sessions.set(s.id, s);
    }
    return store;
  }

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  /** A new session: the token goes in the cookie, only its hash is kept. */
  async create(userId: string): Promise<{ token: string; session: Session }> {
    const now = this.now();
    const { token, session } = newSession(userId, now, this.ttlMs);
    await this.file.exclusive(() => {
      const mine = [...this.sessions.values()].filter((s) => s.userId === userId);
      const dropped = new Set(mine.slice(0, Math.max(0, mine.length + 1 - MAX_SESSIONS_PER_USER)).map((s) => s.id));
      const sessions = [...this.live().filter((s) => !dropped.has(s.id)), session];
      return {
        data: { version: 1 as const, sessions },
        result: undefined,
        commit: () => {
          for (const id of dropped) this.sessions.delete(id);
          this.sessions.set(session.id, session);
          this.ended([...dropped]);
        },
      };
    });
    return { token, session };
  }

  async list(): Promise<Session[]> {
    return this.live().map((s) => ({ ...s }));
  }

  /** The live session of a cookie's token, or undefined. */
  async lookup(token: string | undefined): Promise<Session | undefined> {
    if (!token || !TOKEN_PATTERN.test(token)) return undefined;
    const session = this.sessions.get(sessionIdOf(token));
    if (!session) return undefined;
    if (this.expired(session)) {
      this.sessions.delete(session.id);
      return undefined;
    }
    return session;
  }

  /** Slides the expiry of a session in use; true when it moved (the cookie should follow). */
  touch(session: Session): boolean {
    const now = this.now();
    if (now - Date.parse(session.lastSeenAt) < TOUCH_EVERY_MS) return false;
    session.lastSeenAt = new Date(now).toISOString();
    session.expiresAt = new Date(now + this.ttlMs).toISOString();
    // Best effort: losing a touch only makes the session end sooner after a crash.
    this.save().catch((err) => this.logger.error(`${this.file.file}: could not save: ${(err as Error).message}`));
    return true;
  }

  /**
   * `listener` hears the ids of sessions as they end (sign-out, password change, disabled user, too many
   * sessions), so that what they opened (live streams) ends too. Returns the unsubscribe function.
   */
  onEnd(listener: (sessionIds: readonly string[]) => void): () => void {
    const entry = (ids: readonly string[]) => listener(ids);
    this.endListeners.add(entry);
    return () => void this.endListeners.delete(entry);
  }

  private ended(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of [...this.endListeners]) {
      try {
        listener(ids);
      } catch (err) {
        this.logger.error(`a session-end listener threw: ${(err as Error).message}`);
      }
    }
  }

  /** Ends one session (sign-out). It stops working at once, before the file is written. */
  async delete(id: string): Promise<void> {
    if (!this.sessions.delete(id)) return;
    this.ended([id]);
    await this.save();
  }

  /** Ends every session of a user, but `keepId` (password changed, user disabled). */
  async deleteForUser(userId: string, keepId?: string): Promise<void> {
    const ids: string[] = [];
    for (const s of [...this.sessions.values()]) {
      if (s.userId === userId && s.id !== keepId && this.sessions.delete(s.id)) ids.push(s.id);
    }
    this.ended(ids);
    if (ids.length > 0) await this.save();
  }

  async flush(): Promise<void> {
    await this.file.flush();
  }

  private expired(s: Session): boolean {
    return Date.parse(s.expiresAt) <= this.now();
  }

  private live(): Session[] {
    return [...this.sessions.values()].filter((s) => !this.expired(s));
  }

  private save(): Promise<void> {
    return this.file.exclusive(() => ({ data: { version: 1 as const, sessions: this.live() }, result: undefined }));
  }
}
