import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api';

type Reply = { status: number; body?: unknown };

/** fetch that answers `replies` in order and records each request. */
function fakeFetch(...replies: Reply[]) {
  const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string> });
    const r = replies.shift() ?? { status: 500 };
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const error = (code: string) => ({ error: { code, message: code } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('api()', () => {
  it('sends the CSRF token on writes, never on reads', async () => {
    setCsrfToken('tok');
    const calls = fakeFetch({ status: 200, body: {} }, { status: 200, body: {} }, { status: 204 });
    await api('/api/documents');
    await api('/api/documents', { method: 'POST', body: { a: 1 } });
    await api('/api/session', { method: 'DELETE' });
    expect(calls.map((c) => [c.method, c.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'tok'],
      ['DELETE', 'tok'],
    ]);
    expect(calls[1]!.headers['content-type']).toBe('application/json');
  });

  it('a 401 UNAUTHENTICATED tells the app (which sends the user to /login), and throws', async () => {
    const gone = vi.fn();
    setUnauthenticatedHandler(gone);
    fakeFetch({ status: 401, body: error('UNAUTHENTICATED') });
    await expect(api('/api/documents')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('asking for the session, or a wrong password, is not "the session is gone"', async () => {
    const gone = vi.fn();
    setUnauthenticatedHandler(gone);
    fakeFetch({ status: 401, body: error('UNAUTHENTICATED') }, { status: 401, body: error('INVALID_CREDENTIALS') });
    await expect(api('/api/session')).rejects.toBeInstanceOf(ApiError);
    await expect(api('/api/session', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(gone).not.toHaveBeenCalled();
  });

  it('a 403 CSRF (session replaced in another tab) fetches the new token and retries once', async () => {
    setCsrfToken('old');
    const calls = fakeFetch(
      { status: 403, body: error('CSRF') },
      { status: 200, body: { user: {}, csrfToken: 'new' } },
      { status: 201, body: { ok: true } },
    );
    await expect(api('/api/documents', { method: 'POST', body: {} })).resolves.toEqual({ ok: true });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['x-csrf-token'] ?? ''}`)).toEqual([
      'POST /api/documents old',
      'GET /api/session ',
      'POST /api/documents new',
    ]);
  });

  it('a 403 FORBIDDEN is not retried', async () => {
    const calls = fakeFetch({ status: 403, body: error('FORBIDDEN') });
    await expect(api('/api/documents', { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(calls).toHaveLength(1);
  });
});
