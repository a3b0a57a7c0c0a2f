import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PermissionSchema, TOKEN_PREFIX, type ApiTokenInfo, type CreateTokenBody } from '../../shared/api-tokens';
import { newId } from '../../shared/ids';
import { IsoDateSchema } from '../../shared/schemas';
import type { StoredUser } from '../auth/user-store';

/** A stored token: only the SHA-256 of its secret is kept, as for sessions. */
export const StoredTokenSchema = z.object({
  id: z.string(),
  /** SHA-256 of the secret, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  userId: z.string(),
  name: z.string(),
  permissions: z.array(PermissionSchema),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema.nullable(),
  lastUsedAt: IsoDateSchema.nullable(),
});
export type StoredToken = z.infer<typeof StoredTokenSchema>;

export const TOKEN_PATTERN = /^vv_[A-Za-z0-9_-]{43}$/;
/** "Last used" is written at most this often per token (each is a write). */
export const TOKEN_TOUCH_MS = 60 * 1000;

export const tokenHashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newToken(userId: string, body: CreateTokenBody, now: number): { secret: string; token: StoredToken } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return {
    secret,
    token: {
      id: newId('t'),
      hash: tokenHashOf(secret),
      userId,
      name: body.name,
      permissions: [...new Set(body.permissions)],
      createdAt: new Date(now).toISOString(),
      expiresAt: body.expiresInDays === null ? null : new Date(now + body.expiresInDays * 86_400_000).toISOString(),
      lastUsedAt: null,
    },
  };
}

export const isExpired = (t: StoredToken, now: number) => t.expiresAt !== null && Date.parse(t.expiresAt) <= now;

export const tokenInfo = (t: StoredToken, login?: string): ApiTokenInfo => {
  const { hash: _hash, ...info } = t;
  return login === undefined ? info : { ...info, login };
};

/** Personal API tokens of every user. Two implementations: api-tokens.json and PostgreSQL. */
export interface TokenDirectory {
  create(userId: string, body: CreateTokenBody): Promise<{ secret: string; token: StoredToken }>;
  /** The unexpired token of this secret and its user (disabled or not), or undefined. */
  lookup(secret: string): Promise<{ token: StoredToken; user: StoredUser } | undefined>;
  /** Every token (expired ones too, until revoked), optionally of one user. */
  list(userId?: string): Promise<StoredToken[]>;
  /** Deletes a token; the deleted token, or undefined when there was none. */
  revoke(id: string): Promise<StoredToken | undefined>;
  /** Records a use (best effort, at most every TOKEN_TOUCH_MS). */
  touch(token: StoredToken): void;
  /** migrate-store: puts tokens as they are. */
  importAll(tokens: readonly StoredToken[]): Promise<void>;
  flush(): Promise<void>;
}
