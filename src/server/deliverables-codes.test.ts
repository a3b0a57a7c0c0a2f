import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTmx } from '../shared/formats/tmx';
import { readXliff } from '../shared/formats/xliff/read';
import { EDITOR, VIEWER, authHeaders, call, json, multipart, useRoleServer } from './test-helpers';
import { schemaErrors } from './xliff-schema-check';

/**
 * Issue #14 through the API, with inline codes: export.tmx holds each code's native markup (an XLIFF 2 file's
 * originalData), and a document imported from TMX exports as valid XLIFF with its codes mapped.
 */

const fixture = (name: string) =>
  readFileSync(new URL(`../shared/formats/xliff/fixtures/${name}`, import.meta.url), 'utf8');

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="html"/>
 <body>
  <tu tuid="t1">
   <tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now<ph x="2">&lt;br/&gt;</ph></seg></tuv>
   <tuv xml:lang="he"><seg>לחץ <bpt i="1">&lt;b&gt;</bpt>שמור<ept i="1">&lt;/b&gt;</ept> עכשיו<ph x="2">&lt;br/&gt;</ph></seg></tuv>
  </tu>
  <tu tuid="t2">
   <tuv xml:lang="en"><seg>The <hi type="term">file</hi> <it pos="begin" x="3">&lt;u&gt;</it>menu</seg></tuv>
   <tuv xml:lang="he"><seg><hi type="term">הקובץ</hi> <it pos="begin" x="3">&lt;u&gt;</it>תפריט</seg></tuv>
  </tu>
 </body>
</tmx>
`;

describe('exports with inline codes', () => {
  const ctx = useRoleServer();
  const upload = async (name: string, text: string) => {
    const { body, type } = await multipart({ name, bytes: text });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents/import-file',
      headers: { ...(await authHeaders(ctx.app, EDITOR)), 'content-type': type },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).document.id as string;
  };
  const approveAll = async (id: string) => {
    const doc = json(await call(ctx.app, 'GET', `/api/documents/${id}`, undefined, VIEWER)).document;
    for (const s of doc.segments as { id: string; status: string; readOnly?: boolean; target: string }[]) {
      if (s.status === 'approved' || s.readOnly || s.target === '') continue;
      const res = await call(
        ctx.app,
        'POST',
        `/api/documents/${id}/segments/${s.id}/status`,
        {
          action: 'approve',
          override: true,
          reason: 'the client accepts it',
        },
        EDITOR,
      );
      expect(res.statusCode, res.body).toBe(200);
    }
  };

  it('export.tmx of an XLIFF 2 document: bpt/ept/ph hold the native code from originalData', async () => {
    const id = await upload('features.xlf', fixture('features-2.2.xlf'));
    await approveAll(id);
    const res = await call(ctx.app, 'GET', `/api/documents/${id}/export.tmx`, undefined, VIEWER);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<bpt i="1" x="1">&lt;b&gt;</bpt>cher<ept i="1">&lt;/b&gt;</ept>');
    expect(res.body).toContain('<ph x="2">&lt;br/&gt;</ph>');
    // sc/ec without native data: a bpt/ept pair, empty (not XLIFF markup, which means nothing to a CAT tool).
    expect(res.body).toContain('Deuxième <bpt i="3" x="3"/>phrase<ept i="3"/>.');
    expect(res.body).not.toContain('&lt;pc');
  });

  it('export.xlf of a document imported from TMX (Hebrew, RTL): valid XLIFF 2.2 with the codes mapped', async () => {
    const id = await upload('memory.tmx', TMX);
    const res = await call(ctx.app, 'GET', `/api/documents/${id}/export.xlf`, undefined, VIEWER);
    expect(res.statusCode).toBe(200);
    expect(schemaErrors(res.body, '2.2')).toBeNull();
    const read = readXliff(res.body);
    expect(read.ok && read.value.segments.map((s) => s.target.replace(/[\uE000-\uF8FF]/g, '#'))).toEqual([
      'לחץ #שמור# עכשיו#',
      '#הקובץ# #תפריט',
    ]);
    expect(res.body).toContain('<data id="d1">&lt;b&gt;</data>');
    expect(res.body).toContain('<pc id="1" dataRefStart="d1" dataRefEnd="d2">');
    expect(res.body).toContain('<sc id="3" isolated="yes" dataRef="d1"/>');
    expect(res.body).toMatch(/<mrk id="[^"]+" type="term">הקובץ<\/mrk>/);
    // And its TMX export gives the memory's codes back, numbers and native code included.
    await approveAll(id);
    const tmx = await call(ctx.app, 'GET', `/api/documents/${id}/export.tmx`, undefined, VIEWER);
    const back = readTmx(tmx.body);
    expect(back.ok).toBe(true);
    expect(tmx.body).toContain('לחץ <bpt i="1" x="1">&lt;b&gt;</bpt>שמור<ept i="1">&lt;/b&gt;</ept> עכשיו<ph x="2">');
    expect(tmx.body).toContain('<tu tuid="t2">');
    expect(tmx.body).toMatch(/<hi x="\d+" type="term">הקובץ<\/hi> <it pos="begin" x="3">&lt;u&gt;<\/it>/);
  });
});
