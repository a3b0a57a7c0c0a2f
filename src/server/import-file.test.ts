import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/schemas';
import { readOk } from '../shared/formats/xliff/test-helpers';
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  TRANSLATOR,
  VIEWER,
  authHeaders,
  call,
  json,
  multipart,
  useRoleServer,
} from './test-helpers';
import { schemaErrors } from './xliff-schema-check';

/** POST /api/documents/import-file (multipart) and GET /api/documents/:id/export.xlf (issue #13). */

const fixture = (name: string) =>
  readFileSync(new URL(`../shared/formats/xliff/fixtures/${name}`, import.meta.url), 'utf8');

describe('import-file and export.xlf', () => {
  const ctx = useRoleServer();
  const upload = async (
    name: string,
    bytes: Uint8Array | string,
    opts: { actor?: string; query?: string; fields?: Record<string, string> } = {},
  ) => {
    const { body, type } = await multipart({ name, bytes }, opts.fields);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/documents/import-file${opts.query ?? ''}`,
      headers: { ...(await authHeaders(ctx.app, opts.actor ?? EDITOR)), 'content-type': type },
      payload: body,
    });
  };

  it('imports an XLIFF 2.2 file: 201, what was read, the document with its statuses, codes and flags', async () => {
    const res = await upload('features.xlf', fixture('features-2.2.xlf'));
    expect(res.statusCode, res.body).toBe(201);
    const { document, read } = json(res);
    expect(read).toEqual({ format: 'xliff', version: '2.2', files: 1, units: 3, segments: 5, marks: 3, notes: 1 });
    expect(document).toMatchObject({
      title: 'features',
      sourceLang: 'en',
      targetLang: 'fr',
      segmentCount: 5,
      openFlagCount: 3,
    });
    expect(document.origin).toMatchObject({ format: 'xliff', version: '2.2', file: 'features.xlf' });
    const doc = json(await call(ctx.app, 'GET', `/api/documents/${document.id}`, undefined, VIEWER)).document;
    expect(doc.segments.map((s: { status: string }) => s.status)).toEqual([
      'translated',
      'approved',
      'draft',
      'draft',
      'changes-requested',
    ]);
    expect(doc.segments[2].readOnly).toBe(true);
    expect(Object.keys(doc.segments[0].codes)).toHaveLength(3);
  });

  it('the same file again is 409 DUPLICATE_IMPORT, unless ?force=true', async () => {
    const text = fixture('okapi.xlf');
    expect((await upload('okapi.xlf', text)).statusCode).toBe(201);
    const again = await upload('okapi.xlf', text);
    expect(again.statusCode).toBe(409);
    expect(json(again).error).toMatchObject({ code: 'DUPLICATE_IMPORT', details: { title: 'okapi' } });
    expect((await upload('okapi.xlf', text, { query: '?force=true' })).statusCode).toBe(201);
  });

  it('UTF-16 (with a byte-order mark) is decoded', async () => {
    const text = fixture('symfony-messages.fr.xlf').replace('encoding="utf-8"', 'encoding="UTF-16"');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await upload('messages.fr.xlf', bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).read.segments).toBe(3);
  });

  // The page puts the file's name before the message: the message does not repeat it, nor say "column undefined".
  it('an empty, a truncated or a non-UTF-8 file says what is wrong, in words', async () => {
    const message = async (name: string, bytes: Uint8Array | string) => {
      const res = await upload(name, bytes);
      expect(res.statusCode).toBe(400);
      return json(res).error.message as string;
    };
    expect(await message('empty.xlf', '')).toBe('The file is empty.');
    expect(await message('blank.xlf', '  \n\n ')).toBe('The file is empty.');
    const truncated = await message('cut.xlf', fixture('okapi.xlf').slice(0, 400));
    expect(truncated).toMatch(/^Line \d+: not well-formed XML/);
    expect(truncated).not.toContain('undefined');
    const latin1 = Buffer.from(fixture('okapi.xlf').replace('<source>', '<source>é'), 'latin1');
    expect(await message('latin1.xlf', latin1)).toBe('The file is not valid UTF-8 text.');
  });

  it('a file that breaks an XLIFF 2 processing requirement is refused with the rule and the line; nothing is created', async () => {
    const before = json(await call(ctx.app, 'GET', '/api/documents', undefined, VIEWER)).documents.length;
    const bad = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="f"><unit id="u">
<segment state="final"><source>a</source></segment>
</unit></file></xliff>`;
    const res = await upload('bad.xlf', bad);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'INVALID_XLIFF', details: { rule: 'state-needs-target', line: 3 } });
    expect(json(res).error.message).toContain('Line 3');
    const xxe = await upload('x.xlf', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff>&e;</xliff>');
    expect(json(xxe).error.code).toBe('INVALID_XLIFF');
    expect((await upload('notes.txt', 'just text')).statusCode).toBe(400);
    expect(json(await upload('page.html', '<html/>')).error.code).toBe('UNSUPPORTED_FORMAT');
    expect(json(await call(ctx.app, 'GET', '/api/documents', undefined, VIEWER)).documents).toHaveLength(before);
  });

  it('a file without a target language needs targetLang; the form overrides the languages and title', async () => {
    const angular = fixture('angular-messages.xlf');
    expect(json(await upload('messages.xlf', angular)).error.code).toBe('VALIDATION_FAILED');
    const res = await upload('messages.xlf', angular, { fields: { targetLang: 'ar', title: 'App strings' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).document).toMatchObject({ title: 'App strings', sourceLang: 'en-US', targetLang: 'ar' });
  });

  it('is for editors and admins; a JSON body is 415; no file is 400', async () => {
    expect((await upload('a.xlf', fixture('okapi.xlf'), { actor: REVIEWER, query: '?force=true' })).statusCode).toBe(
      403,
    );
    expect((await upload('a.xlf', fixture('okapi.xlf'), { actor: ADMIN, query: '?force=true' })).statusCode).toBe(201);
    expect((await call(ctx.app, 'POST', '/api/documents/import-file', { file: 'x' }, EDITOR)).statusCode).toBe(415);
    const { body, type } = await multipart(null, { title: 'x' });
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents/import-file',
      headers: { ...(await authHeaders(ctx.app, EDITOR)), 'content-type': type },
      payload: body,
    });
    expect(json(none).error.code).toBe('VALIDATION_FAILED');
  });

  it(`a file over ${LIMITS.importFileBytes / 1024 / 1024} MiB is 413 FILE_TOO_LARGE`, async () => {
    const big = new Uint8Array(LIMITS.importFileBytes + 1).fill(0x20);
    const res = await upload('big.xlf', big);
    expect(res.statusCode).toBe(413);
    expect(json(res).error.code).toBe('FILE_TOO_LARGE');
  });

  it('export.xlf: a flag and a correction made here go out as ITS, in the file it came from, valid', async () => {
    const created = json(await upload('trados.sdlxliff', fixture('trados.sdlxliff'))).document;
    const doc = json(await call(ctx.app, 'GET', `/api/documents/${created.id}`, undefined, VIEWER)).document;
    const seg = doc.segments[1];
    const start = seg.target.indexOf('ab');
    const flag = await call(
      ctx.app,
      'POST',
      `/api/documents/${doc.id}/flags`,
      {
        segmentId: seg.id,
        side: 'target',
        start,
        end: start + 2,
        category: 'accuracy/mistranslation',
        severity: 'major',
        correction: 'ab nur',
        comment: 'Zu knapp',
        baseVersion: seg.version,
      },
      REVIEWER,
    );
    expect(flag.statusCode, flag.body).toBe(201);
    const accepted = await call(
      ctx.app,
      'PATCH',
      `/api/documents/${doc.id}/flags/${json(flag).flag.id}`,
      { action: 'accept', baseVersion: 1 },
      TRANSLATOR,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const res = await call(ctx.app, 'GET', `/api/documents/${doc.id}/export.xlf`, undefined, VIEWER);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xliff+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="trados.sdlxliff"');
    expect(schemaErrors(res.body, '1.2')).toBeNull();
    expect(res.body).toContain('<sdl:seg-defs>');
    const again = readOk(res.body);
    expect(again.segments[1]!.target).toBe('Preise ab nur 5 EUR.');
    expect(again.segments[1]!.marks).toEqual([
      expect.objectContaining({
        category: 'accuracy/mistranslation',
        status: 'accepted',
        correction: 'ab nur',
        author: REVIEWER,
      }),
    ]);
  });

  it('export.xlf of a document made from plain texts is XLIFF 2.2', async () => {
    const created = await call(
      ctx.app,
      'POST',
      '/api/documents',
      { title: 'Plain', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'Hi', target: 'Salut' }] },
      EDITOR,
    );
    const res = await call(ctx.app, 'GET', `/api/documents/${json(created).document.id}/export.xlf`, undefined, VIEWER);
    expect(schemaErrors(res.body, '2.2')).toBeNull();
    expect(readOk(res.body).segments[0]).toMatchObject({ source: 'Hi', target: 'Salut', status: 'translated' });
  });

  it('a translate="no" segment cannot be edited (409 SEGMENT_LOCKED)', async () => {
    const created = json(await upload('f.xlf', fixture('features-2.2.xlf'), { query: '?force=true' })).document;
    const doc = json(await call(ctx.app, 'GET', `/api/documents/${created.id}`, undefined, VIEWER)).document;
    const seg = doc.segments[2];
    const res = await call(
      ctx.app,
      'PATCH',
      `/api/documents/${doc.id}/segments/${seg.id}`,
      { target: 'x', baseVersion: seg.version },
      TRANSLATOR,
    );
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('SEGMENT_LOCKED');
  });
});
