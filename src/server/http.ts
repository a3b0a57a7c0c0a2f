import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isValidId } from '../shared/ids';
import { can, type Permission } from '../shared/permissions';
import './auth/request-user';
import type { StoredUser } from './auth/user-store';
import { AppError } from './errors';
import type { Actor } from './store/stamp';
import { limitErrorOf } from './limit-errors';

/** API responses at least this large are compressed (when the client accepts it). */
export const COMPRESS_ABOVE_BYTES = 8 * 1024;

/** Parses a body or query with a shared schema; a mismatch is a 400 that says which field is wrong. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    // A limit of LIMITS answers its own code (SEGMENT_TOO_LONG, …), saying the limit and where.
    const limit = limitErrorOf(result.error.issues, value);
    if (limit) throw limit;
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    const where = first && first.path ? `${first.path}: ` : '';
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid request: ${where}${first?.message ?? 'invalid'}.`, {
      issues,
    });
  }
  return result.data;
}

/** Route ids are checked before they reach the store or a path. */
export function idParam(value: unknown, what: string): string {
  if (!isValidId(value)) throw new AppError(400, 'INVALID_ID', `That is not a valid ${what} id.`);
  return value;
}

/** The signed-in user; the auth hook already answered 401 when there is none, this is a safety net. */
export function currentUser(req: FastifyRequest): StoredUser {
  if (!req.user) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in first.');
  return req.user;
}

/** Who did it, as events record it: the signed-in user's login. */
export function actorOf(req: FastifyRequest): string {
  return currentUser(req).login;
}

/** Who writes, as events record it: the login, and the API token's name when the request came with one. */
export function writerOf(req: FastifyRequest): Actor {
  const login = actorOf(req);
  return req.apiToken ? { login, token: req.apiToken.name } : login;
}

/** Does the request may do this: one of the user's roles grants it, and so does its API token if any. */
export function requestCan(req: FastifyRequest, permission: Permission): boolean {
  const user = req.user;
  if (!user || !can(user.roles, permission)) return false;
  return !req.apiToken || req.apiToken.permissions.includes(permission);
}

/**
 * Refuses with 403 FORBIDDEN unless one of the user's roles grants `permission` (see shared/permissions.ts)
 * and, for a request with an API token, the token was given it too.
 */
export function requirePermission(req: FastifyRequest, permission: Permission): StoredUser {
  const user = currentUser(req);
  if (can(user.roles, permission) && req.apiToken && !req.apiToken.permissions.includes(permission)) {
    throw new AppError(
      403,
      'TOKEN_SCOPE',
      `This API token may not do this: it needs the permission ${permission}, which the token was not given.`,
      { permission },
    );
  }
  if (!can(user.roles, permission)) {
    const roles = user.roles.length > 0 ? user.roles.join(', ') : 'none';
    throw new AppError(
      403,
      'FORBIDDEN',
      `You may not do this: it needs the permission ${permission}, and your roles (${roles}) do not give it.`,
      {
        permission,
      },
    );
  }
  return user;
}
