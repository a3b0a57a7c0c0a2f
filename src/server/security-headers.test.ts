import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASELINE_SECURITY_HEADERS, HSTS_VALUE } from './security-headers';
import { authHeaders, makeSandbox, startServer, type TestServer } from './test-helpers';

// Issue #8, item 7: the app could be framed by another origin (clickjacking), and sent no CSP and no
// X-Content-Type-Options. Every answer — the UI's files and the API's JSON, errors included — now carries them.

let sandbox: string;
let dataDir: string;
let ui: string;
const servers: TestServer[] = [];

async function serve(trustProxy = false) {
  const server = await startServer(dataDir, { staticDir: ui, trustProxy });
  servers.push(server);
  return server;
}

beforeEach(async () => {
  ({ sandbox, dataDir } = await makeSandbox());
  ui = path.join(sandbox, 'dist');
  await fs.mkdir(path.join(ui, 'assets'), { recursive: true });
  await fs.writeFile(
    path.join(ui, 'index.html'),
    '<!doctype html><title>Vis-à-vis</title><script type="module" src="/assets/index-abc123.js"></script>',
  );
  await fs.writeFile(path.join(ui, 'assets', 'index-abc123.js'), 'export {};\n');
});

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  await fs.rm(sandbox, { recursive: true, force: true });
});

/** The CSP header as a map of directive → sources. */
function csp(header: unknown): Map<string, string[]> {
  expect(typeof header, 'content-security-policy header').toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  const policy = csp(headers['content-security-policy']);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('style-src'), what).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(String(headers['content-security-policy']), what).not.toMatch(/unsafe-(inline|eval)/);
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on the UI, its files and every API answer, errors included', async () => {
    const { app } = await serve();
    const headers = await authHeaders(app);
    const requests = [
      { what: 'index.html', method: 'GET', url: '/' },
      { what: 'a client-side route', method: 'GET', url: '/documents/d1' },
      { what: 'a hashed asset', method: 'GET', url: '/assets/index-abc123.js' },
      { what: 'a missing asset (404)', method: 'GET', url: '/assets/gone.js' },
      { what: 'health', method: 'GET', url: '/api/health' },
      { what: 'no session (401)', method: 'GET', url: '/api/documents' },
      { what: 'signed in', method: 'GET', url: '/api/documents', headers },
      { what: 'unknown route (404)', method: 'GET', url: '/api/nope', headers },
      { what: 'bad JSON (400)', method: 'POST', url: '/api/session', payload: '{', json: true },
      { what: 'no CSRF token (403)', method: 'POST', url: '/api/documents', payload: '{}', json: true },
      { what: 'a malformed URL (400 before routing)', method: 'GET', url: '/api/documents/%' },
    ] as const;
    for (const r of requests) {
      const res = await app.inject({
        method: r.method,
        url: r.url,
        headers: {
          ...('headers' in r ? r.headers : {}),
          ...('json' in r ? { 'content-type': 'application/json' } : {}),
        },
        ...('payload' in r ? { payload: r.payload } : {}),
      });
      expect(res.statusCode, r.what).toBeGreaterThan(0);
      expectSecurityHeaders(res.headers, `${r.what}: ${r.method} ${r.url} → ${res.statusCode}`);
      expect(res.headers['strict-transport-security'], r.what).toBeUndefined();
      // One policy, whichever path answered.
      expect(res.headers['content-security-policy'], r.what).toBe(BASELINE_SECURITY_HEADERS['content-security-policy']);
    }
  });

  it('send Strict-Transport-Security only over HTTPS', async () => {
    const direct = await serve(false);
    // Without trustProxy anyone can write X-Forwarded-Proto: the request is still plain HTTP.
    const spoofed = await direct.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    await direct.close();

    const proxied = await serve(true);
    const https = await proxied.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe(HSTS_VALUE);
    expectSecurityHeaders(https.headers, 'over https');
    const api = await proxied.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(api.headers['strict-transport-security']).toBe(HSTS_VALUE);
    const http = await proxied.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'http' } });
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });

  it('leave the UI shell nothing inline to allow: index.html loads its script from a file', () => {
    const html = readFileSync(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+=/i);
  });
});
