import { z } from 'zod';
import { PERMISSIONS, type Permission } from './permissions';
import { IsoDateSchema } from './schemas';

/** Personal API tokens (Authorization: Bearer …): what the account page and the API exchange. */
export const PermissionSchema = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

/** What a read-only token may do: read and export. */
export const READ_ONLY_PERMISSIONS: readonly Permission[] = ['document.read', 'document.export'];

export const TOKEN_NAME_MAX = 80;
/** Tokens last at most this long (days); the account page offers 7, 30, 90 and 365. */
export const TOKEN_MAX_DAYS = 366;

export const CreateTokenBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(TOKEN_NAME_MAX)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
  /** Days from now; null: never expires. */
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).nullable(),
  /** A subset of the creator's permissions (checked at use, against the user's roles then). */
  permissions: z.array(PermissionSchema).min(1),
});
export type CreateTokenBody = z.infer<typeof CreateTokenBodySchema>;

/** A token as listed (never the secret). */
export const ApiTokenInfoSchema = z.object({
  id: z.string(),
  userId: z.string(),
  login: z.string().optional(),
  name: z.string(),
  permissions: z.array(PermissionSchema),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema.nullable(),
  lastUsedAt: IsoDateSchema.nullable(),
});
export type ApiTokenInfo = z.infer<typeof ApiTokenInfoSchema>;

/** Tokens start with this, so that a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'vv_';
