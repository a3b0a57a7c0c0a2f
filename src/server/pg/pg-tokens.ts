import type { Sql } from 'postgres';
import type { CreateTokenBody } from '../../shared/api-tokens';
import { StoredUserSchema, type StoredUser } from '../auth/user-store';
import { errorMessage, type StoreLogger } from '../store/logger';
import {
  StoredTokenSchema,
  TOKEN_PATTERN,
  TOKEN_TOUCH_MS,
  newToken,
  tokenHashOf,
  type StoredToken,
  type TokenDirectory,
} from '../tokens/api-token';

/** Personal API tokens in the api_tokens table (hash unique; the user's row joined at each lookup). */
export class PgTokens implements TokenDirectory {
  private readonly touches = new Set<Promise<unknown>>();

  constructor(
    private readonly sql: Sql,
    private readonly logger: StoreLogger,
    private readonly now: () => number = Date.now,
  ) {}

  async create(userId: string, body: CreateTokenBody) {
    const made = newToken(userId, body, this.now());
    await this.insert(made.token);
    return made;
  }

  async lookup(secret: string): Promise<{ token: StoredToken; user: StoredUser } | undefined> {
    if (!TOKEN_PATTERN.test(secret)) return undefined;
    const [row] = await this.sql<{ token: unknown; user: unknown }[]>`
      SELECT t.body AS token, u.body AS user FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.hash = ${tokenHashOf(secret)} AND (t.expires_at IS NULL OR t.expires_at > ${new Date(this.now())})`;
    return row ? { token: StoredTokenSchema.parse(row.token), user: StoredUserSchema.parse(row.user) } : undefined;
  }

  async list(userId?: string) {
    const rows = await (userId === undefined
      ? this.sql<{ body: unknown }[]>`SELECT body FROM api_tokens ORDER BY created_at, id`
      : this.sql<{ body: unknown }[]>`SELECT body FROM api_tokens WHERE user_id = ${userId} ORDER BY created_at, id`);
    return rows.map((r) => StoredTokenSchema.parse(r.body));
  }

  async revoke(id: string) {
    const [row] = await this.sql<{ body: unknown }[]>`DELETE FROM api_tokens WHERE id = ${id} RETURNING body`;
    return row ? StoredTokenSchema.parse(row.body) : undefined;
  }

  touch(token: StoredToken): void {
    const now = this.now();
    if (token.lastUsedAt && now - Date.parse(token.lastUsedAt) < TOKEN_TOUCH_MS) return;
    const at = new Date(now).toISOString();
    token.lastUsedAt = at;
    const p = this.sql`
      UPDATE api_tokens SET body = jsonb_set(body::jsonb, '{lastUsedAt}', to_jsonb(${at}::text))::json
      WHERE id = ${token.id}`
      .catch((err: unknown) => this.logger.error(`token last use: ${errorMessage(err)}`))
      .finally(() => this.touches.delete(p));
    this.touches.add(p);
  }

  async importAll(tokens: readonly StoredToken[]) {
    for (const t of tokens) await this.insert(t);
  }

  async flush() {
    await Promise.all([...this.touches]);
  }

  private async insert(t: StoredToken) {
    await this.sql`
      INSERT INTO api_tokens (id, hash, user_id, created_at, expires_at, body)
      VALUES (${t.id}, ${t.hash}, ${t.userId}, ${t.createdAt}, ${t.expiresAt}, ${JSON.stringify(t)}::text::json)`;
  }
}
