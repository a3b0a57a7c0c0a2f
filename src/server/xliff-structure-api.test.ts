import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../shared/schemas';
import { EDITOR, VIEWER, authHeaders, call, json, multipart, useRoleServer } from './test-helpers';
import { schemaErrors } from './xliff-schema-check';

/**
 * Split, merge and delete on documents imported from XLIFF, through the API: the exported file keeps every
 * unit and the client's source text exactly (tester findings F13, F14).
 */

const XCODE = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="Localizable.strings" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="photos"><source>%d photos selected</source><target>%d photos sélectionnées</target></trans-unit>
      <trans-unit id="delete"><source>Delete "%@"?</source><target>Supprimer « %@ » ?</target></trans-unit>
    </body>
  </file>
  <file original="Main.storyboard" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="BYZ-38-t0r.title"><source>Settings</source><target>Réglages</target><note>Title</note></trans-unit>
      <trans-unit id="empty"><source>Line one</source></trans-unit>
    </body>
  </file>
</xliff>
`;

const JA12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.properties" source-language="ja" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="msg.weather">
        <source>東京は晴れです。明日は雨です。</source>
        <target state="translated">Tokyo is sunny. Tomorrow it will rain.</target>
      </trans-unit>
      <trans-unit id="welcome"><source>Welcome, friend.</source><target>Willkommen, Freund.</target></trans-unit>
    </body>
  </file>
</xliff>
`;

const X2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1">
      <segment state="translated"><source>One. Two.</source><target>Uno. Dos.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment state="translated"><source>Three.</source><target>Tres.</target></segment>
    </unit>
    <unit id="u2"><segment state="translated"><source>Four.</source><target>Cuatro.</target></segment></unit>
  </file>
</xliff>
`;

/** An XLIFF 2 unit's source and target text (plain text only): its segments and ignorables in order. */
function unitText(xml: string, id: string) {
  const unit = xml.slice(xml.indexOf(`<unit id="${id}"`), xml.indexOf('</unit>', xml.indexOf(`<unit id="${id}"`)));
  const text = { source: '', target: '' };
  for (const [, , body] of unit.matchAll(/<(segment|ignorable)\b[^>]*>(.*?)<\/\1>/gs)) {
    const source = /<source>([^<]*)<\/source>/.exec(body!)?.[1] ?? '';
    text.source += source;
    text.target += /<target>([^<]*)<\/target>/.exec(body!)?.[1] ?? source;
  }
  return text;
}

describe('structure of documents imported from XLIFF', () => {
  const ctx = useRoleServer();
  let uploads = 0;
  const upload = async (name: string, text: string): Promise<DocumentState> => {
    // A comment makes each upload a new file (the same file twice is a duplicate import).
    const { body, type } = await multipart({ name, bytes: `${text}<!-- ${++uploads} -->\n` });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents/import-file',
      headers: { ...(await authHeaders(ctx.app, EDITOR)), 'content-type': type },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return doc(json(res).document.id as string);
  };
  const doc = async (id: string): Promise<DocumentState> =>
    json(await call(ctx.app, 'GET', `/api/documents/${id}`, undefined, VIEWER)).document;
  const exported = async (id: string) => {
    const res = await call(ctx.app, 'GET', `/api/documents/${id}/export.xlf`, undefined, VIEWER);
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const merge = (d: DocumentState, k: number) =>
    call(
      ctx.app,
      'POST',
      `/api/documents/${d.id}/segments/${d.segments[k]!.id}/merge-next`,
      { baseVersion: d.segments[k]!.version, nextBaseVersion: d.segments[k + 1]!.version },
      EDITOR,
    );
  const split = (d: DocumentState, k: number, sourceAt: number, targetAt: number) =>
    call(
      ctx.app,
      'POST',
      `/api/documents/${d.id}/segments/${d.segments[k]!.id}/split`,
      { baseVersion: d.segments[k]!.version, sourceAt, targetAt },
      EDITOR,
    );

  it('refuses to merge segments of different units (and files): 409, nothing changes, every unit exported', async () => {
    const d = await upload('xcode.xliff', XCODE);
    const before = await exported(d.id);
    for (const k of [0, 1]) {
      const res = await merge(d, k);
      expect(res.statusCode, res.body).toBe(409);
      expect(json(res).error.code).toBe('MERGE_ACROSS_UNITS');
    }
    expect((await doc(d.id)).segments.map((s) => s.source)).toEqual(d.segments.map((s) => s.source));
    const after = await exported(d.id);
    expect(after).toBe(before);
    expect(after).toContain('<trans-unit id="BYZ-38-t0r.title">');
  });

  it('refuses to delete the only segment of a unit, though its translation is empty', async () => {
    const d = await upload('xcode.xliff', XCODE);
    const last = d.segments[3]!;
    expect(last.target).toBe('');
    const res = await call(
      ctx.app,
      'DELETE',
      `/api/documents/${d.id}/segments/${last.id}`,
      { baseVersion: last.version },
      EDITOR,
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(json(res).error.code).toBe('FILE_TEXT_DELETE');
    expect(await exported(d.id)).toContain('<trans-unit id="empty">');
  });

  it('merges the two parts of a split unit again, and two segments of one XLIFF 2 unit', async () => {
    const d = await upload('ja.xlf', JA12);
    expect((await split(d, 0, 8, 15)).statusCode).toBe(201);
    const parted = await doc(d.id);
    expect(parted.segments).toHaveLength(3);
    const res = await merge(parted, 0);
    expect(res.statusCode, res.body).toBe(200);
    expect(await exported(d.id)).toContain('<source>東京は晴れです。明日は雨です。</source>');

    const x = await upload('x2.xlf', X2);
    expect((await merge(x, 0)).statusCode).toBe(200);
    const out = await exported(x.id);
    expect(schemaErrors(out, '2.0')).toBeNull();
    // The ignorable's space went into the merged segment (its separator), and the ignorable left the file.
    expect(unitText(out, 'u1')).toEqual({ source: 'One. Two. Three.', target: 'Uno. Dos. Tres.' });
    expect(out).toMatch(
      /<segment state="translated"><source>One\. Two\. Three\.<\/source><target>Uno\. Dos\. Tres\.<\/target><\/segment>\s*<\/unit>/,
    );
    expect((await merge(await doc(x.id), 0)).statusCode).toBe(409);
  });

  it('a split keeps the source exactly: no character added between the parts (1.2, CJK and inside a word)', async () => {
    const d = await upload('ja.xlf', JA12);
    expect((await split(d, 0, 8, 15)).statusCode).toBe(201);
    const mid = await doc(d.id);
    expect((await split(mid, 2, 5, 6)).statusCode).toBe(201);
    const out = await exported(d.id);
    expect(schemaErrors(out, '1.2')).toBeNull();
    expect(out).toContain('<source>東京は晴れです。明日は雨です。</source>');
    expect(out).toContain(
      '<mrk mtype="seg" mid="1">東京は晴れです。</mrk><mrk mtype="seg" mid="2">明日は雨です。</mrk>',
    );
    expect(out).toContain('<mrk mtype="seg" mid="1">Tokyo is sunny.</mrk> <mrk mtype="seg" mid="2">Tomorrow');
    expect(out).toContain('<source>Welcome, friend.</source>');
    expect(out).toContain('<mrk mtype="seg" mid="1">Welco</mrk><mrk mtype="seg" mid="2">me, friend.</mrk>');
  });

  it('a split of an XLIFF 2 segment keeps the space between the parts as an ignorable', async () => {
    const d = await upload('x2.xlf', X2);
    expect((await split(d, 0, 5, 5)).statusCode).toBe(201);
    const out = await exported(d.id);
    expect(schemaErrors(out, '2.0')).toBeNull();
    expect(unitText(out, 'u1')).toEqual({ source: 'One. Two. Three.', target: 'Uno. Dos. Tres.' });
  });
});

describe('XLIFF export of a document made from texts (F16)', () => {
  const ctx = useRoleServer();

  it('every segment carries the state of its status, schema-valid', async () => {
    const created = await call(
      ctx.app,
      'POST',
      '/api/documents',
      {
        title: 'From texts',
        sourceLang: 'en',
        targetLang: 'de',
        segments: [
          { source: 'One.', target: 'Eins.' },
          { source: 'Two.', target: 'Zwei.' },
          { source: 'Three.', target: '' },
        ],
      },
      EDITOR,
    );
    expect(created.statusCode, created.body).toBe(201);
    const d = json(created).document as DocumentState;
    const approve = await call(
      ctx.app,
      'POST',
      `/api/documents/${d.id}/segments/${d.segments[1]!.id}/status`,
      { action: 'approve' },
      EDITOR,
    );
    expect(approve.statusCode, approve.body).toBe(200);
    const res = await call(ctx.app, 'GET', `/api/documents/${d.id}/export.xlf`, undefined, VIEWER);
    expect(res.statusCode).toBe(200);
    expect(schemaErrors(res.body, '2.2')).toBeNull();
    const states = [...res.body.matchAll(/<segment id="s\d+"(?: state="([a-z]+)")?/g)].map((m) => m[1]);
    expect(states).toEqual(['translated', 'reviewed', 'initial']);
  });
});
