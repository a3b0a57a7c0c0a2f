import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ChangePasswordBodySchema, LoginBodySchema, type SessionResponse } from '../../shared/users';
import { AppError } from '../errors';
import { currentUser, parseWith } from '../http';
import { clearSessionCookie, setSessionCookie } from './auth-hooks';
import type { AuthStore } from './auth-store';
import { csrfTokenFor } from './csrf';
import type { StoredToken } from '../tokens/api-token';
import type { StoredUser } from './user-store';

/** The answer of GET /api/session (also what the workspace's first screen gives the app, first-screen.ts). */
export function sessionResponse(
  user: StoredUser,
  token: string | null,
  apiToken?: StoredToken | null,
): SessionResponse {
  return {
    user: {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      roles: user.roles,
      mustChangePassword: user.mustChangePassword ?? false,
    },
    csrfToken: token === null ? null : csrfTokenFor(token),
    ...(apiToken
      ? {
          token: {
            id: apiToken.id,
            name: apiToken.name,
            permissions: apiToken.permissions,
            expiresAt: apiToken.expiresAt,
          },
        }
      : {}),
  };
}

async function throttled(auth: AuthStore, req: FastifyRequest, login: string): Promise<AppError | null> {
  const wait = await auth.throttle.retryAfter(req.ip, login);
  if (wait === 0) return null;
  const minutes = Math.ceil(wait / 60);
  return new AppError(
    429,
    'RATE_LIMITED',
    `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    {
      retryAfter: wait,
    },
  );
}

/** Sign in (POST), who am I (GET), sign out (DELETE), change my password (PATCH …/password). */
export async function sessionRoutes(app: FastifyInstance, opts: { auth: AuthStore }) {
  const { auth } = opts;

  app.post('/api/session', async (req, reply) => {
    const { login, password } = parseWith(LoginBodySchema, req.body);
    const limited = await throttled(auth, req, login);
    if (limited) {
      reply.header('retry-after', String((limited.details as { retryAfter: number }).retryAfter));
      throw limited;
    }
    const user = await auth.users.authenticate(login, password);
    if (!user) {
      await auth.throttle.failed(req.ip, login);
      // One message for an unknown login, a wrong password and a disabled account.
      throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong login or password.');
    }
    await auth.throttle.succeeded(req.ip, login);
    if (req.session) await auth.sessions.delete(req.session.id);
    const { token } = await auth.sessions.create(user.id);
    setSessionCookie(req, reply, token, auth.sessions.ttlSeconds);
    return sessionResponse(user, token);
  });

  // A bearer request (auth-hooks.ts lets only this GET through): the token's user and the token itself.
  app.get('/api/session', async (req) =>
    req.apiToken
      ? sessionResponse(currentUser(req), null, req.apiToken)
      : sessionResponse(currentUser(req), req.sessionToken!),
  );

  app.delete('/api/session', async (req, reply) => {
    currentUser(req);
    await auth.sessions.delete(req.session!.id);
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });

  app.patch('/api/session/password', async (req, reply) => {
    const user = currentUser(req);
    const body = parseWith(ChangePasswordBodySchema, req.body);
    const limited = await throttled(auth, req, user.login);
    if (limited) {
      reply.header('retry-after', String((limited.details as { retryAfter: number }).retryAfter));
      throw limited;
    }
    if (!(await auth.users.authenticate(user.login, body.currentPassword))) {
      await auth.throttle.failed(req.ip, user.login);
      throw new AppError(400, 'INVALID_CREDENTIALS', 'The current password is wrong.');
    }
    const updated = await auth.users.update(user.id, { password: body.newPassword, mustChangePassword: false });
    // Anyone else signed in with the old password is signed out; this browser stays signed in.
    await auth.sessions.deleteForUser(user.id, req.session!.id);
    return sessionResponse(updated, req.sessionToken!);
  });
}
