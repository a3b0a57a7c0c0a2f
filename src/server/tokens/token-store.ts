import path from 'node:path';
import { z } from 'zod';
import type { CreateTokenBody } from '../../shared/api-tokens';
import type { UserDirectory } from '../auth/auth-store';
import { JsonStateFile, StateFileCorruptError } from '../auth/json-state-file';
import { errorMessage, type StoreLogger } from '../store/logger';
import {
  StoredTokenSchema,
  TOKEN_PATTERN,
  TOKEN_TOUCH_MS,
  isExpired,
  newToken,
  tokenHashOf,
  type StoredToken,
  type TokenDirectory,
} from './api-token';

const TokensFileSchema = z.object({ version: z.literal(1), tokens: z.array(StoredTokenSchema) });

/** DATA_DIR/api-tokens.json: personal API tokens (hashes only), in memory by hash. */
export class JsonTokenStore implements TokenDirectory {
  private readonly byHash = new Map<string, StoredToken>();
  private readonly file: JsonStateFile<typeof TokensFileSchema>;

  private constructor(
    dataDir: string,
    private readonly users: UserDirectory,
    private readonly logger: StoreLogger,
    private readonly now: () => number,
  ) {
    this.file = new JsonStateFile(path.join(dataDir, 'api-tokens.json'), TokensFileSchema);
  }

  static async open(
    dataDir: string,
    users: UserDirectory,
    logger: StoreLogger,
    now: () => number = Date.now,
  ): Promise<JsonTokenStore> {
    const store = new JsonTokenStore(dataDir, users, logger, now);
    try {
      const saved = await store.file.read(logger);
      for (const t of saved?.tokens ?? []) store.byHash.set(t.hash, t);
    } catch (err) {
      if (!(err instanceof StateFileCorruptError)) throw err;
      // Like sessions: a damaged file revokes every token (safe), logged, and rewritten valid.
      logger.error(`${err.file} ${err.problem}: starting with no API tokens; rewriting it`);
      await store.save([]);
    }
    return store;
  }

  async create(userId: string, body: CreateTokenBody) {
    const made = newToken(userId, body, this.now());
    await this.save([...this.byHash.values(), made.token], () => this.byHash.set(made.token.hash, made.token));
    return made;
  }

  async lookup(secret: string) {
    if (!TOKEN_PATTERN.test(secret)) return undefined;
    const token = this.byHash.get(tokenHashOf(secret));
    if (!token || isExpired(token, this.now())) return undefined;
    const user = await this.users.byId(token.userId);
    return user ? { token, user } : undefined;
  }

  async list(userId?: string) {
    return [...this.byHash.values()].filter((t) => userId === undefined || t.userId === userId).map((t) => ({ ...t }));
  }

  async revoke(id: string) {
    const token = [...this.byHash.values()].find((t) => t.id === id);
    if (!token) return undefined;
    // Stops working at once, before the file is written.
    this.byHash.delete(token.hash);
    await this.save([...this.byHash.values()]);
    return token;
  }

  touch(token: StoredToken): void {
    const now = this.now();
    if (token.lastUsedAt && now - Date.parse(token.lastUsedAt) < TOKEN_TOUCH_MS) return;
    token.lastUsedAt = new Date(now).toISOString();
    this.save([...this.byHash.values()]).catch((err: unknown) =>
      this.logger.error(`${this.file.file}: could not save: ${errorMessage(err)}`),
    );
  }

  async importAll(tokens: readonly StoredToken[]) {
    await this.save([...this.byHash.values(), ...tokens], () => tokens.forEach((t) => this.byHash.set(t.hash, t)));
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  private save(tokens: StoredToken[], commit?: () => void): Promise<void> {
    return this.file.exclusive(() => ({
      data: { version: 1 as const, tokens },
      result: undefined,
      ...(commit ? { commit } : {}),
    }));
  }
}
