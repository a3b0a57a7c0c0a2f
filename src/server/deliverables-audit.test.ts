import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readTmx } from '../shared/formats/tmx';
import { EDITOR, REVIEWER, VIEWER, authHeaders, call, json, multipart, useRoleServer } from './test-helpers';

/**
 * Issue #14, each deliverable as a client of the API meets it: its content type, its file name (`<title>.<ext>`,
 * whatever the title holds), its languages; bad requests get a 4xx with {error:{code,message}} and change nothing.
 */

const TMX = (src: string, body = '') => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="${src}" datatype="plaintext"/>
<body>${body}</body></tmx>`;
const TU = (src: string, trg: string, s: string, t: string) =>
  `<tu><tuv xml:lang="${src}"><seg>${s}</seg></tuv><tuv xml:lang="${trg}"><seg>${t}</seg></tuv></tu>`;

describe('deliverables as a client meets them', () => {
  const ctx = useRoleServer();
  const upload = async (name: string, text: string, fields: Record<string, string> = {}) => {
    const { body, type } = await multipart({ name, bytes: text }, fields);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/documents/import-file',
      headers: { ...(await authHeaders(ctx.app, EDITOR)), 'content-type': type },
      payload: body,
    });
  };
  const count = async () =>
    json(await call(ctx.app, 'GET', '/api/documents', undefined, VIEWER)).documents.length as number;
  const expectError = (res: { statusCode: number; body: string }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = json(res as never);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(0);
  };

  it('each export: its content type, `<title>.<ext>` (title with a slash, a colon, Arabic), the languages', async () => {
    const title = 'Rapport: مراجعة/2026 "final"';
    const res = await upload('m.tmx', TMX('zh-CN', TU('zh-CN', 'ar', '你好', 'مرحبا')), { title });
    expect(res.statusCode, res.body).toBe(201);
    const id = json(res).document.id as string;
    const safe = 'Rapport_ مراجعة_2026 _final_';
    const expected: [string, RegExp, string | null][] = [
      ['export.tmx', /^application\/x-tmx\+xml; charset=utf-8$/, `${safe}.tmx`],
      ['export.txt', /^text\/plain; charset=utf-8$/, `${safe}.txt`],
      ['report.csv', /^text\/csv; charset=utf-8$/, `${safe}.csv`],
      ['report.html', /^text\/html; charset=utf-8$/, null],
      ['report.html?download=1', /^text\/html; charset=utf-8$/, `${safe}.html`],
    ];
    for (const [what, type, name] of expected) {
      const r = await call(ctx.app, 'GET', `/api/documents/${id}/${what}`, undefined, VIEWER);
      expect(r.statusCode, `${what}: ${r.body}`).toBe(200);
      expect(r.headers['content-type'], what).toMatch(type);
      const cd = String(r.headers['content-disposition'] ?? '');
      if (name === null) expect(cd, what).toBe('');
      else expect(decodeURIComponent(cd.split("filename*=UTF-8''")[1] ?? ''), what).toBe(name);
    }
    // The downloaded report carries its stylesheet (it is opened away from the app); the page links it.
    const file = await call(ctx.app, 'GET', `/api/documents/${id}/report.html?download=1`, undefined, VIEWER);
    expect(file.body).toContain('<style>');
    const page = await call(ctx.app, 'GET', `/api/documents/${id}/report.html`, undefined, VIEWER);
    expect(page.body).not.toContain('<style');
    // TMX: the document's languages; the TMX import kept the memory's.
    const tmx = await call(ctx.app, 'GET', `/api/documents/${id}/export.tmx`, undefined, VIEWER);
    expect(tmx.body).toContain('srclang="zh-CN"');
    const read = readTmx(tmx.body);
    expect(read.ok && [read.value.sourceLang, read.value.targetLang]).toEqual(['zh-CN', null]); // nothing approved
    // No glossary: glossary.tbx is 404 with the error shape.
    expectError(await call(ctx.app, 'GET', `/api/documents/${id}/glossary.tbx`, undefined, VIEWER), 404, 'NOT_FOUND');
  });

  it('report.csv: a comment, correction or text a spreadsheet would run as a formula is written as text', async () => {
    const res = await upload('f.tmx', TMX('en', TU('en', 'fr', '=1+1 is two', '@SUM(1) deux')));
    expect(res.statusCode, res.body).toBe(201);
    const id = json(res).document.id as string;
    const seg = json(await call(ctx.app, 'GET', `/api/documents/${id}`, undefined, VIEWER)).document.segments[0];
    const flag = await call(
      ctx.app,
      'POST',
      `/api/documents/${id}/flags`,
      {
        segmentId: seg.id,
        side: 'target',
        start: 0,
        end: 7,
        quote: '@SUM(1)',
        category: 'style',
        severity: 'minor',
        correction: '+cmd',
        comment: '=HYPERLINK("http://example.com","x")',
        baseVersion: seg.version,
      },
      REVIEWER,
    );
    expect(flag.statusCode, flag.body).toBe(201);
    const csv = (await call(ctx.app, 'GET', `/api/documents/${id}/report.csv`, undefined, VIEWER)).body;
    const rows = Papa.parse<string[]>(csv.slice(1)).data;
    const issue = rows.find((r) => r[0] === '1' && r.length > 10)!;
    expect(issue.slice(1, 3)).toEqual(["'=1+1 is two", "'@SUM(1) deux"]);
    expect(issue[4]).toBe("'@SUM(1)");
    expect(issue[7]).toBe("'+cmd");
    expect(issue[8]).toBe('\'=HYPERLINK("http://example.com","x")');
    for (const r of rows) for (const f of r) expect(f, f).not.toMatch(/^[=+@]/);
  });

  it('an unknown or malformed document id: 4xx with the error shape, for every deliverable', async () => {
    for (const what of ['export.tmx', 'export.txt', 'glossary.tbx', 'report.html', 'report.csv', 'export.xlf']) {
      const unknown = await call(ctx.app, 'GET', `/api/documents/d0000000000000000/${what}`, undefined, VIEWER);
      expectError(unknown, 404, 'DOCUMENT_NOT_FOUND');
      const bad = await call(ctx.app, 'GET', `/api/documents/${'x'.repeat(500)}/${what}`, undefined, VIEWER);
      expect(bad.statusCode, `${what}: ${bad.body}`).toBeGreaterThanOrEqual(400);
      expect(bad.statusCode).toBeLessThan(500);
      expect(json(bad).error.code).toMatch(/^[A-Z_]+$/);
    }
  });

  it('a bad TMX upload is refused with its reason and creates no document', async () => {
    const before = await count();
    const cases: [string, string, number, string][] = [
      ['broken.tmx', `${TMX('en', TU('en', 'fr', 'a', 'b'))}`.replace('</body>', '<body>'), 400, 'INVALID_TMX'],
      ['noheader.tmx', '<tmx version="1.4"><body/></tmx>', 400, 'INVALID_TMX'],
      ['onelang.tmx', TMX('en', '<tu><tuv xml:lang="en"><seg>only</seg></tuv></tu>'), 400, 'VALIDATION_FAILED'],
      [
        'noseg.tmx',
        TMX('en', '<tu><tuv xml:lang="en"/><tuv xml:lang="fr"><seg>x</seg></tuv></tu>'),
        400,
        'INVALID_TMX',
      ],
      ['entity.tmx', `<!DOCTYPE tmx [<!ENTITY e "x">]>${TMX('en', TU('en', 'fr', '&e;', 'b'))}`, 400, 'INVALID_TMX'],
    ];
    for (const [name, text, status, code] of cases) {
      const res = await upload(name, text);
      expect(res.body, name).toContain(code);
      expectError(res, status, code);
    }
    expect(await count()).toBe(before);
  });
});
