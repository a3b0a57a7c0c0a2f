import fs from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOT_DOCUMENT_MAX_BYTES } from './first-screen';
import { authHeaders, ensureUser, json, login, makeSandbox, startServer, type TestServer } from './test-helpers';

// The workspace's page as the server sends it (issue #10): the first rows drawn, editable, and the session and
// document answers as data blocks, for a signed-in user who may read the document; the plain shell otherwise.

const SHELL =
  '<!doctype html>\n<html lang="en" dir="ltr">\n  <head>\n    <meta charset="UTF-8" />\n' +
  '    <script type="module" crossorigin src="/assets/index-abc.js"></script>\n  </head>\n' +
  '  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

let server: TestServer;
let sandbox: string;
let docId: string;
let cookie: string;

async function createDoc(segments: { source: string; target: string }[], title = 'Rapport annuel') {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: await authHeaders(server.app),
    payload: { title, sourceLang: 'ar', targetLang: 'fr', segments },
  });
  expect(res.statusCode).toBe(201);
  return json(res).document.id as string;
}

const page = async (url: string, headers: Record<string, string> = {}) => {
  const res = await server.app.inject({ url, headers });
  return { res, dom: new JSDOM(res.body).window.document };
};

beforeAll(async () => {
  const made = await makeSandbox();
  sandbox = made.sandbox;
  const ui = path.join(sandbox, 'dist');
  await fs.mkdir(path.join(ui, 'assets'), { recursive: true });
  await fs.writeFile(path.join(ui, 'index.html'), SHELL);
  server = await startServer(made.dataDir, { staticDir: ui });
  docId = await createDoc([
    { source: 'مرحبا بكم', target: 'Bienvenue </script><script>alert(1)</script>' },
    { source: 'النص الثاني', target: '' },
  ]);
  cookie = (await authHeaders(server.app)).cookie!;
});

afterAll(async () => {
  await server.close();
  await fs.rm(sandbox, { recursive: true, force: true });
});

describe('the workspace page for a signed-in reader', () => {
  it('draws the first rows, their translations editable, and brings the session and the document', async () => {
    const { res, dom } = await page(`/documents/${docId}`, { cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    // This user's data: never kept by a cache.
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.vary).toMatch(/cookie/);
    const first = dom.querySelector<HTMLTextAreaElement>(
      '#first-screen textarea[aria-label="Translation of segment 1"]',
    );
    // The text is text: the </script> in it neither ends a block nor starts a script.
    expect(first?.value).toBe('Bienvenue </script><script>alert(1)</script>');
    expect(first?.hasAttribute('readonly')).toBe(false);
    expect(first?.getAttribute('lang')).toBe('fr');
    expect(
      dom.querySelectorAll('script:not([type])').length + dom.querySelectorAll('script[type="module"]').length,
    ).toBe(1);
    expect(dom.querySelector('#first-screen h1')?.textContent).toBe('Rapport annuel');
    expect(dom.querySelector('#first-screen [role="status"]')?.textContent).toMatch(/already type/);
    // The app still has its own, empty root to render into, hidden until it takes over.
    expect(dom.querySelector('#root')?.childElementCount).toBe(0);
    expect(dom.documentElement.className).toBe('first-screen-on');
    const session = JSON.parse(dom.getElementById('visavis-session')!.textContent!);
    expect(session.user.login).toBe('Tester');
    expect(session.csrfToken).toEqual(expect.any(String));
    const answer = JSON.parse(dom.getElementById('visavis-document')!.textContent!);
    const api = json(await server.app.inject({ url: `/api/documents/${docId}`, headers: { cookie } }));
    expect(answer).toEqual(api);
    // What the page brings is not asked for again.
    expect(res.headers.link ?? '').not.toMatch(/\/api\//);
  });

  it('speaks the language chosen in this browser (its cookie), else the browser’s, right to left in Arabic', async () => {
    const ar = await page(`/documents/${docId}`, { cookie: `${cookie}; visavis_lang=ar`, 'accept-language': 'fr' });
    expect(ar.dom.documentElement.getAttribute('lang')).toBe('ar');
    expect(ar.dom.documentElement.getAttribute('dir')).toBe('rtl');
    expect(ar.dom.querySelector('#first-screen textarea')?.getAttribute('aria-label')).toBe('ترجمة المقطع 1');
    const fr = await page(`/documents/${docId}`, { cookie, 'accept-language': 'de-DE, fr;q=0.8' });
    expect(fr.dom.documentElement.getAttribute('lang')).toBe('fr');
    expect(fr.dom.querySelector('#first-screen textarea')?.getAttribute('aria-label')).toBe('Traduction du segment 1');
    expect(fr.dom.querySelector('#first-screen h1')?.textContent).toBe('Rapport annuel');
  });

  it('shows a reader without the right to edit the translations read-only', async () => {
    await ensureUser(server.app, 'vera', ['viewer']);
    const viewer = await login(server.app, 'vera');
    const { dom } = await page(`/documents/${docId}`, { cookie: viewer.cookie });
    const cell = dom.querySelector<HTMLTextAreaElement>('#first-screen textarea');
    expect(cell?.hasAttribute('readonly')).toBe(true);
    expect(cell?.getAttribute('aria-readonly')).toBe('true');
  });

  it('leaves a large document to its own request, and still draws its first rows (only those)', async () => {
    const big = Math.ceil(BOOT_DOCUMENT_MAX_BYTES / 4000) + 5;
    const text = 'x'.repeat(2000);
    const id = await createDoc(
      Array.from({ length: big }, () => ({ source: text, target: text })),
      'Grand',
    );
    const { res, dom } = await page(`/documents/${id}`, { cookie });
    expect(dom.getElementById('visavis-document')).toBeNull();
    expect(dom.getElementById('visavis-session')).not.toBeNull();
    expect(dom.querySelectorAll('#first-screen tbody tr').length).toBeLessThan(big);
    expect(dom.querySelector('#first-screen table')?.getAttribute('aria-rowcount')).toBe(String(big + 1));
    expect(res.body.length).toBeLessThan(BOOT_DOCUMENT_MAX_BYTES / 4);
  });
});

describe('the plain shell', () => {
  it.each([
    ['nobody is signed in', () => ({})],
    ['the session is unknown', () => ({ cookie: 'visavis_session=' + 'A'.repeat(43) })],
  ])('when %s', async (_, headers) => {
    const { res, dom } = await page(`/documents/${docId}`, headers());
    expect(res.statusCode).toBe(200);
    expect(dom.getElementById('first-screen')).toBeNull();
    expect(dom.getElementById('visavis-session')).toBeNull();
    expect(res.body).toBe(SHELL);
  });

  it('for a document that does not exist, and for pages other than the workspace', async () => {
    for (const url of ['/documents/nope', '/', '/admin/users', '/documents/a/b']) {
      const { res, dom } = await page(url, { cookie });
      expect(res.statusCode, url).toBe(200);
      expect(dom.getElementById('first-screen'), url).toBeNull();
      expect(res.body, url).toBe(SHELL);
    }
  });
});
