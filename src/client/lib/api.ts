import type { ErrorBody } from '../../shared/schemas';
import { CSRF_HEADER } from '../../shared/users';

/** An error the server (or the network) reported; `code` is translated with t('errors.<code>'). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

// The session's CSRF token (from GET/POST /api/session), sent back on every write. See lib/session.ts.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The session's CSRF token, for requests sent without `api` (file uploads with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request finds the session gone (expired, signed out elsewhere): the app sends the user to /login. */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

const SESSION_PATH = '/api/session';

async function send(path: string, opts: ApiOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  const error = ((await readJson(res)) as ErrorBody | undefined)?.error;
  return new ApiError(
    res.status,
    error?.code ?? (res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
    error?.message ?? res.statusText,
    error?.details,
  );
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A fresh CSRF token after a 403 CSRF (the session was replaced, e.g. by a sign-in in another tab). */
async function refreshCsrfToken(): Promise<boolean> {
  const res = await send(SESSION_PATH, {});
  if (!res.ok) return false;
  const token = ((await readJson(res)) as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token !== 'string') return false;
  csrfToken = token;
  return true;
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  let res = await send(path, opts);
  if (res.status === 403 && opts.method && opts.method !== 'GET') {
    const error = await errorOf(res.clone());
    if (error.code === 'CSRF' && (await refreshCsrfToken())) res = await send(path, opts);
  }
  if (!res.ok) {
    const error = await errorOf(res);
    // Signing in (or asking whether one is) has its own answers; anything else means the session is gone.
    if (error.code === 'UNAUTHENTICATED' && path !== SESSION_PATH) onUnauthenticated?.();
    throw error;
  }
  return (await readJson(res)) as T;
}

export function errorCode(err: unknown): string {
  return err instanceof ApiError ? err.code : 'INTERNAL';
}
