import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../shared/users';
import { AppError } from '../errors';
import type { AuthStore } from './auth-store';
import { csrfMatches } from './csrf';
import './request-user';

export const SESSION_COOKIE = 'visavis_session';

/** Routes under /api that answer without a session. */
const PUBLIC = new Set(['GET /api/health', 'HEAD /api/health', 'POST /api/session']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** All a user whose password must change may do: see who they are, change it, sign out. */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/session',
  'HEAD /api/session',
  'PATCH /api/session/password',
  'DELETE /api/session',
]);

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    // Strict: the browser never sends it on a request another site starts (links included).
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
  });
}

/**
 * Every /api request: find the session of the cookie (and its user), then refuse with 401 UNAUTHENTICATED
 * when there is none (but on the public routes), and with 403 CSRF a mutating request whose X-CSRF-Token
 * is not the session's, and with 403 PASSWORD_CHANGE_REQUIRED anything but BEFORE_PASSWORD_CHANGE while the
 * user's password is one an admin set. Runs first (onRequest), before the body is even read.
 */
/**
 * What a bearer request may not reach: the session's writes (sign in, sign out, change password) and token
 * management (a token never makes tokens). It may read GET /api/session (who the token's user is, and the
 * token's name and permissions) and open live streams, so a browser sent with the header works.
 */
function sessionOnly(method: string, pathname: string): boolean {
  if (/^\/api\/tokens(\/|$)/.test(pathname)) return true;
  if (/^\/api\/session\/./.test(pathname)) return true;
  return /^\/api\/session\/?$/.test(pathname) && method !== 'GET' && method !== 'HEAD';
}

export async function installAuth(app: FastifyInstance, auth: AuthStore) {
  /**
   * `Authorization: Bearer <API token>`: the token's user, limited to the token's permissions. No cookie is
   * read or set and no CSRF token is asked for: a browser never adds this header by itself, so another site
   * cannot make one send it. A disabled user's tokens stop at once (the user is read with the token).
   */
  async function bearer(req: FastifyRequest, pathname: string) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const found = match ? await auth.tokens.lookup(match[1]!) : undefined;
    if (!found || found.user.disabled) {
      throw new AppError(
        401,
        'UNAUTHENTICATED',
        'The API token is not valid: unknown, revoked or expired, or its user is disabled.',
      );
    }
    if (sessionOnly(req.method, pathname)) {
      throw new AppError(403, 'FORBIDDEN', 'Sign in for this: an API token cannot reach it.');
    }
    if (found.user.mustChangePassword) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'The token’s user must choose a new password first.');
    }
    req.user = found.user;
    req.apiToken = found.token;
    auth.tokens.touch(found.token);
  }

  await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.decorateRequest('apiToken', null);

  app.addHook('onRequest', async (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    if (pathname !== '/api' && !pathname.startsWith('/api/')) return;
    if (req.headers.authorization !== undefined) return bearer(req, pathname);
    const token = req.cookies[SESSION_COOKIE];
    const found = await auth.signedIn(token);
    const session = found?.session;
    const user = found?.user;
    if (token && session && user && !user.disabled) {
      req.user = user;
      req.session = session;
      req.sessionToken = token;
      if (auth.sessions.touch(session)) setSessionCookie(req, reply, token, auth.sessions.ttlSeconds);
    } else if (token !== undefined) {
      // Expired, signed out elsewhere, or the user was disabled: the browser can forget it.
      clearSessionCookie(req, reply);
    }
    const route = `${req.method} ${req.routeOptions.url ?? pathname}`;
    if (PUBLIC.has(route)) return;
    if (!req.user || !req.sessionToken) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in first.');
    if (MUTATING.has(req.method) && !csrfMatches(req.sessionToken, req.headers[CSRF_HEADER])) {
      throw new AppError(403, 'CSRF', `Missing or wrong ${CSRF_HEADER} header: reload the page and try again.`);
    }
    // The temporary password is known to whoever set it: it opens nothing but the way to replace it.
    if (req.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(route)) {
      throw new AppError(
        403,
        'PASSWORD_CHANGE_REQUIRED',
        'Choose a new password first (PATCH /api/session/password): this one was set by an admin.',
      );
    }
  });
}
