import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../shared/schemas';
import { SAMPLE_ID, seedSample } from './sample';
import { EDITOR, SAMPLES_DIR, VIEWER, call, json, useRoleServer } from './test-helpers';

/**
 * Hostile and heavy glossary uploads (issue #8): TBX files that break the XML safety rule (shared/xml-safety.ts)
 * are refused with 400 INVALID_TBX and nothing changes.
 */

const GLOSSARY_URL = `/api/documents/${SAMPLE_ID}/glossary`;

const tbx = (doctype: string, body = '') => `<?xml version="1.0" encoding="UTF-8"?>
${doctype}
<martif type="TBX-Basic" xml:lang="en">
  <text><body>${body}
    <termEntry id="c1">
      <langSet xml:lang="ar"><tig><term>نصره الله</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>que Dieu L'assiste</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
`;

const laughs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
  .map((e, k) => `<!ENTITY ${e} "${k === 0 ? 'lol' : `&${String.fromCharCode(96 + k)};`.repeat(10)}">`)
  .join('');

function useSample() {
  const ctx = useRoleServer(async (server) => {
    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(true);
  });
  return {
    ctx,
    async doc(): Promise<DocumentState> {
      return json(await call(ctx.app, 'GET', `/api/documents/${SAMPLE_ID}`, undefined, VIEWER)).document;
    },
    upload: (text: string, fileName = 'terms.tbx') =>
      call(ctx.app, 'POST', GLOSSARY_URL, { format: 'tbx', text, fileName }, EDITOR),
  };
}

describe('TBX that breaks the XML safety rule → 400 INVALID_TBX, nothing changes', () => {
  const api = useSample();

  it.each([
    [
      'an external entity (XXE)',
      tbx('<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '<p>&xxe;</p>'),
      /external entity/,
    ],
    [
      'a parameter entity',
      tbx('<!DOCTYPE martif [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>'),
      /parameter entity/,
    ],
    ['exponential entities (billion laughs)', tbx(`<!DOCTYPE martif [${laughs}]>`, '<p>&i;</p>'), /declares an entity/],
    [
      'a huge entity',
      tbx(`<!DOCTYPE martif [<!ENTITY big "${'x'.repeat(200_000)}">]>`, '<p>&big;</p>'),
      /declares an entity/,
    ],
    ['an internal DTD subset', tbx('<!DOCTYPE martif [<!ELEMENT martif ANY>]>'), /internal subset/],
    ['an undeclared entity', tbx('', '<p>&nbsp;</p>'), /&nbsp; is not allowed/],
    ['50,000 nested elements', tbx('', '<hi>'.repeat(50_000) + '</hi>'.repeat(50_000)), /nested more than 100 deep/],
  ])('%s', async (_what, text, problem) => {
    const before = await api.doc();
    const res = await api.upload(text);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = json(res);
    expect(error.code).toBe('INVALID_TBX');
    expect(error.message).toMatch(/^The TBX file is refused \(line \d+\): /);
    expect(error.message).toMatch(problem);
    expect(error.details.errors).toEqual([{ line: expect.any(Number), message: expect.stringMatching(problem) }]);
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+|stack/i); // no stack in the answer
    const after = await api.doc();
    expect(after.seq).toBe(before.seq);
    expect(after.glossaryFile).toBe(before.glossaryFile);
  });

  it('a DOCTYPE that only names the external DTD is accepted (and the DTD never loaded)', async () => {
    const res = await api.upload(
      tbx('<!DOCTYPE martif SYSTEM "http://127.0.0.1:1/TBXcoreStructV02.dtd">', '<p>R&amp;D &#233;</p>'),
      'royal.tbx',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document.glossary.entries).toEqual([
      { source: ['نصره الله'], target: ["que Dieu L'assiste"], forbidden: [], note: '' },
    ]);
    expect((await api.doc()).glossaryFile).toBe('royal.tbx');
  });
});
