import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { can, type Permission } from '../../shared/permissions';
import type { SessionResponse } from '../../shared/users';
import { api, ApiError, setCsrfToken } from './api';

let currentLogin = '';
let signedOutOnPurpose = false;

function remember(session: SessionResponse | null) {
  setCsrfToken(session?.csrfToken ?? null);
  currentLogin = session?.user.login ?? '';
  if (session) signedOutOnPurpose = false;
}

/**
 * True after the user signed out with the button (not when the session expired): the sign-in page
 * then starts afresh instead of offering to return to the page they left.
 */
export function signedOutByUser(): boolean {
  return signedOutOnPurpose;
}

/** The signed-in user's login outside React (what events record as the actor); '' when signed out. */
export function getCurrentLogin(): string {
  return currentLogin;
}

/** GET /api/session: the signed-in user and the CSRF token, or null when nobody is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await api<SessionResponse>('/api/session', { signal });
    remember(session);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      remember(null);
      return null;
    }
    throw err;
  }
}

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => fetchSession(signal),
      // Role changes reach the UI when the window regains focus; the server enforces them at once anyway.
      staleTime: 60_000,
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    }),
};

/** Puts a session the server just returned (sign-in, password change) in the cache, or null after sign-out. */
export function setSession(qc: QueryClient, session: SessionResponse | null, opts: { byUser?: boolean } = {}) {
  remember(session);
  if (!session && opts.byUser) signedOutOnPurpose = true;
  qc.setQueryData(sessionQueries.current().queryKey, session);
}

/** The session query: `data` is the session, null when signed out, undefined while loading. */
export function useSession() {
  return useQuery(sessionQueries.current());
}

/** The signed-in user, or null (signed out or still loading). */
export function useCurrentUser() {
  return useSession().data?.user ?? null;
}

/**
 * Whether the session may do `permission`: one of the user's roles allows it (shared/permissions.ts) and, when
 * the browser came with an API token (Authorization: Bearer), the token was given it too. The server has the
 * last word (403 FORBIDDEN or TOKEN_SCOPE).
 */
export function sessionCan(session: SessionResponse | null | undefined, permission: Permission): boolean {
  if (!session || !can(session.user.roles, permission)) return false;
  return !session.token || session.token.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return sessionCan(useSession().data, permission);
}
