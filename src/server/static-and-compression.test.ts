import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPRESS_ABOVE_BYTES } from './app';
import { authHeaders, json, makeSandbox, startServer, type TestServer } from './test-helpers';

// The built UI and whole documents are what a reviewer on a slow network waits for: they travel compressed,
// and the hashed bundle is cached for good while index.html is revalidated.

let server: TestServer;
let sandbox: string;
let bundle: string;

beforeEach(async () => {
  const made = await makeSandbox();
  sandbox = made.sandbox;
  const ui = path.join(sandbox, 'dist');
  await fs.mkdir(path.join(ui, 'assets'), { recursive: true });
  await fs.writeFile(
    path.join(ui, 'index.html'),
    '<!doctype html><title>Vis-à-vis</title><script src="/assets/index-abc123.js"></script>',
  );
  bundle = `export const strings = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `phrase numéro ${i}`))};\n`;
  expect(bundle.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);
  await fs.writeFile(path.join(ui, 'assets', 'index-abc123.js'), bundle);
  await fs.writeFile(path.join(ui, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startServer(made.dataDir, { staticDir: ui });
});

afterEach(async () => {
  await server.close();
  await fs.rm(sandbox, { recursive: true, force: true });
});

describe('the built UI', () => {
  it('sends the .br file the build wrote, as it is, when there is one', async () => {
    const ui = path.join(sandbox, 'dist');
    const best = zlib.brotliCompressSync(bundle, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    await fs.writeFile(path.join(ui, 'assets', 'index-abc123.js.br'), best);
    const res = await server.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.equals(best)).toBe(true);
  });

  it("names a document page's code and data in the shell's Link header (preloaded beside the main script)", async () => {
    const ui = path.join(sandbox, 'dist');
    await fs.mkdir(path.join(ui, '.vite'));
    await fs.writeFile(
      path.join(ui, '.vite', 'manifest.json'),
      JSON.stringify({
        'src/client/features/workspace/components/workspace-page.tsx': { file: 'assets/workspace-page-1.js' },
      }),
    );
    const res = await server.app.inject({ url: '/documents/d123' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.link).toBe(
      '</assets/workspace-page-1.js>; rel=modulepreload, </api/session>; rel=preload; as=fetch; crossorigin, ' +
        '</api/documents/d123>; rel=preload; as=fetch; crossorigin',
    );
  });

  it('sends the hashed bundle compressed when the browser accepts it, and lets it be cached for good', async () => {
    const br = await server.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i); // shared caches keep one copy per encoding
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(bundle);

    const gzip = await server.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString('utf8')).toBe(bundle);

    const plain = await server.app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
  });

  it('revalidates index.html (at / and for client-side routes) and unhashed files on every load', async () => {
    for (const url of ['/', '/documents/d123', '/favicon.svg']) {
      const res = await server.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await server.app.inject({ url: '/documents/d123' })).body).toContain('<title>Vis-à-vis</title>');
  });

  it('answers HEAD like GET, for files and client-side routes', async () => {
    for (const url of ['/assets/index-abc123.js', '/documents/d123']) {
      const res = await server.app.inject({ method: 'HEAD', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe('');
    }
  });

  it('keeps a missing asset a 404', async () => {
    const res = await server.app.inject({ url: '/assets/index-gone.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('NOT_FOUND');
  });
});

describe('API responses', () => {
  it('sends a whole document compressed, and the same JSON as uncompressed', async () => {
    const headers = await authHeaders(server.app);
    const segments = Array.from({ length: 200 }, (_, i) => ({
      source: `الفقرة رقم ${i}`,
      target: `Paragraphe numéro ${i}.`,
    }));
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: { title: 'Long', sourceLang: 'ar', targetLang: 'fr', segments },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/documents/${json(created).document.id}`;

    const plain = await server.app.inject({ url, headers });
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);
    const gzip = await server.app.inject({ url, headers: { ...headers, 'accept-encoding': 'gzip' } });
    expect(gzip.statusCode).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(json(plain));
  });

  it('keeps one compressed answer per state of a document, revalidated by its ETag (304), new after an edit', async () => {
    const headers = await authHeaders(server.app);
    const segments = Array.from({ length: 200 }, (_, i) => ({ source: `الفقرة رقم ${i}`, target: `Paragraphe ${i}.` }));
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: { title: 'Long', sourceLang: 'ar', targetLang: 'fr', segments },
    });
    const doc = json(created).document;
    const url = `/api/documents/${doc.id}`;
    const br = await server.app.inject({ url, headers: { ...headers, 'accept-encoding': 'gzip;q=0.5, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('private, no-cache');
    const etag = br.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const first = JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'));
    expect(first.document.segments).toHaveLength(200);
    // The same state again: the very same bytes.
    const again = await server.app.inject({ url, headers: { ...headers, 'accept-encoding': 'br' } });
    expect(again.rawPayload.equals(br.rawPayload)).toBe(true);

    // A browser that has it asks with If-None-Match: 304, no body.
    const same = await server.app.inject({ url, headers: { ...headers, 'if-none-match': etag } });
    expect(same.statusCode).toBe(304);
    expect(same.rawPayload.length).toBe(0);
    // …but only a signed-in reader gets even that.
    const anonymous = await server.app.inject({ url, headers: { 'if-none-match': etag } });
    expect(anonymous.statusCode).toBe(401);

    const seg = doc.segments[0];
    const edit = await server.app.inject({
      method: 'PATCH',
      url: `${url}/segments/${seg.id}`,
      headers,
      payload: { target: 'Premier paragraphe, revu.', baseVersion: seg.version },
    });
    expect(edit.statusCode).toBe(200);
    const changed = await server.app.inject({ url, headers: { ...headers, 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(json(changed).document.segments[0].target).toBe('Premier paragraphe, revu.');
  });

  it('leaves the answer to a write as it is (a few KiB: not worth the server time)', async () => {
    const headers = { ...(await authHeaders(server.app)), 'accept-encoding': 'br, gzip' };
    const long = 'Une phrase assez longue pour que la réponse dépasse un kilo-octet. '.repeat(20);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: {
        title: 'Court',
        sourceLang: 'ar',
        targetLang: 'fr',
        segments: [{ source: 'مرحبا', target: 'Bonjour' }],
      },
    });
    const { id, segments } = json(created).document as { id: string; segments: { id: string }[] };
    const res = await server.app.inject({
      method: 'PATCH',
      url: `/api/documents/${id}/segments/${segments[0]!.id}`,
      headers,
      payload: { target: long, baseVersion: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(json(res).segment.target).toBe(long);
  });

  it('does not inflate a compressed request body: it is refused, and nothing is created', async () => {
    const headers = await authHeaders(server.app);
    const body = JSON.stringify({
      title: 'Zipped',
      sourceLang: 'ar',
      targetLang: 'fr',
      segments: [{ source: 'a', target: 'b' }],
    });
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: zlib.gzipSync(body),
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('INVALID_JSON');
    const list = await server.app.inject({ url: '/api/documents', headers });
    expect(json(list).documents).toEqual([]);
  });
});
