import type { ErrorBody } from '../../shared/schemas';
import { getActor } from './actor';

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
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const actor = getActor();
  // Header values must be Latin-1: names like "زينب" travel URI-encoded.
  if (actor) headers['x-actor'] = encodeURIComponent(actor);
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const error = (json as ErrorBody | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? (res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'), error?.message ?? res.statusText, error?.details);
  }
  return json as T;
}

export function errorCode(err: unknown): string {
  return err instanceof ApiError ? err.code : 'INTERNAL';
}
