import type { StoredToken } from '../tokens/api-token';
import type { Session } from './session-store';
import type { StoredUser } from './user-store';

// What the auth hook attaches to every /api request (see auth-hooks.ts).
declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, read from the store on each request (so role changes apply at once), or null. */
    user: StoredUser | null;
    session: Session | null;
    /** The token from the session cookie: the key of the CSRF token. */
    sessionToken: string | null;
    /** The API token of an `Authorization: Bearer` request (no session, no cookie, no CSRF), or null. */
    apiToken: StoredToken | null;
  }
}

export {};
