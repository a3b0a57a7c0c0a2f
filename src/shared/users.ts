import { z } from 'zod';
import { ApiTokenInfoSchema } from './api-tokens';
import { IdSchema } from './ids';
import { ROLES, RoleSchema, type Role } from './permissions';
import { IsoDateSchema } from './schemas';

/** Limits of account fields; the login fits in an event's actor (LIMITS.actorChars). */
export const USER_LIMITS = {
  loginChars: 64,
  displayNameChars: 80,
  passwordMinChars: 8,
  passwordMaxChars: 256,
} as const;

/**
 * A login is what events record as their actor: letters of any script, digits, `. _ @ ' -`, and single
 * spaces between words ("Reviewer A", "zineb.ù", "زينب"). Trimmed and NFKC-normalized (fullwidth `Ａ` is `A`,
 * `e` + combining acute is `é`); unique regardless of case, and no look-alike of another (server/auth/login-skeleton.ts).
 */
export const LOGIN_PATTERN = /^[\p{L}\p{M}\p{N}._@'-]+( [\p{L}\p{M}\p{N}._@'-]+)*$/u;

export const LoginSchema = z
  .string()
  .trim()
  .normalize('NFKC')
  .min(1)
  .max(USER_LIMITS.loginChars)
  .regex(LOGIN_PATTERN, 'must be letters, digits, ". _ @ \' -" and single spaces');

/** The key logins are unique under: "Amina", "amina" and "ａｍｉｎａ" (fullwidth) are the same account. */
export const loginKey = (login: string) => login.trim().normalize('NFKC').toLowerCase();

export const DisplayNameSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(USER_LIMITS.displayNameChars)
  // Control characters would garble headers, logs and the history.
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const NewPasswordSchema = z
  .string()
  .min(USER_LIMITS.passwordMinChars, `must be at least ${USER_LIMITS.passwordMinChars} characters`)
  .max(USER_LIMITS.passwordMaxChars);

/** One or more roles, each once, in the order of ROLES. */
export const RolesSchema = z
  .array(RoleSchema)
  .min(1, 'give at least one role')
  .transform((roles) => ROLES.filter((r) => roles.includes(r)) as Role[]);

/** A user as admins see it (never the password hash). */
export const UserSchema = z.object({
  id: IdSchema,
  login: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  createdAt: IsoDateSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

/** The signed-in user, as GET /api/session returns it. */
export const SessionUserSchema = UserSchema.pick({
  id: true,
  login: true,
  displayName: true,
  roles: true,
  mustChangePassword: true,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** The API token a bearer request came with, as GET /api/session tells its browser (never the secret). */
export const SessionTokenSchema = ApiTokenInfoSchema.pick({ id: true, name: true, permissions: true, expiresAt: true });
export type SessionToken = z.infer<typeof SessionTokenSchema>;

/**
 * Who is signed in. A session (cookie) has a CSRF token to send back on writes; a bearer request (an API
 * token in `Authorization`) has none (it needs none) and names its token, whose permissions limit the user's.
 */
export const SessionResponseSchema = z.object({
  user: SessionUserSchema,
  csrfToken: z.string().nullable(),
  token: SessionTokenSchema.optional(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/**
 * What everyone may know about everyone: enough to show names beside logins in the history, and the id that
 * an @mention of them records.
 */
export const DirectoryEntrySchema = UserSchema.pick({ id: true, login: true, displayName: true });
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

/** The header that carries the CSRF token on every mutating request. */
export const CSRF_HEADER = 'x-csrf-token';

// ---- Request bodies -------------------------------------------------------------------------------

/** Sign-in is checked against the store only: any shape problem is the same INVALID_CREDENTIALS. */
export const LoginBodySchema = z.object({
  // As logins are stored: what a fullwidth keyboard or a decomposed accent types signs in (and is throttled) alike.
  login: z
    .string()
    .max(1000)
    .transform((s) => s.trim().normalize('NFKC')),
  password: z.string().max(1000),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const CreateUserBodySchema = z.object({
  login: LoginSchema,
  displayName: DisplayNameSchema,
  password: NewPasswordSchema,
  roles: RolesSchema,
  /** Ask for a new password at the first sign-in (the admin knows this one). */
  mustChangePassword: z.boolean().default(false),
});
export type CreateUserBody = z.input<typeof CreateUserBodySchema>;

export const PatchUserBodySchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    roles: RolesSchema.optional(),
    /** A password reset: signs the user out everywhere. */
    password: NewPasswordSchema.optional(),
    disabled: z.boolean().optional(),
    mustChangePassword: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });
export type PatchUserBody = z.input<typeof PatchUserBodySchema>;

export const ChangePasswordBodySchema = z
  .object({
    currentPassword: z.string().max(1000),
    newPassword: NewPasswordSchema,
  })
  .refine((b) => b.currentPassword !== b.newPassword, {
    message: 'the new password must differ',
    path: ['newPassword'],
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;
