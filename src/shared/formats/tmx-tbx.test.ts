import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, parseTbx, writeGlossaryCsv, type Glossary } from './glossary';
import { importFile } from './import-file';
import { cleanText } from './clean-text';
import { writeTbx } from './tbx';
import { readTmx, writeTmx } from './tmx';
import { firstChild, childElements, parseXml, attr, attrNS } from './xml-dom';

/** Issue #14: TMX and TBX written, read back, and checked for the standards' required structure. */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const open = '\uE000';
const close = '\uE001';
const ph = '\uE002';
const codes = {
  [open]: { kind: 'open' as const, xml: '<pc id="1">', key: 'pc#1', name: 'pc', id: '1', pair: close },
  [close]: { kind: 'close' as const, xml: '</pc>', key: 'pc#1/', name: 'pc', id: '1', pair: open },
  [ph]: { kind: 'standalone' as const, xml: '<ph id="2"/>', key: 'ph#2', name: 'ph', id: '2' },
};
const segments = [
  {
    id: 's1',
    source: `Click ${open}here${close} & go.${ph}`,
    target: `Cliquez ${open}ici${close} & allez.${ph}`,
    codes,
  },
  { id: 's2', source: 'Plain <text>.', target: 'Texte « brut ».' },
];

describe('TMX 1.4b', () => {
  const tmx = writeTmx({ sourceLang: 'en', targetLang: 'fr-FR', segtype: 'sentence', datatype: 'xliff', segments });

  it('is well-formed and has the header attributes and tu/tuv/seg the standard requires', () => {
    const parsed = parseXml(tmx);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const root = parsed.doc.documentElement!;
    expect([root.localName, attr(root, 'version')]).toEqual(['tmx', '1.4']);
    const header = firstChild(root, null, 'header')!;
    for (const a of ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype'])
      expect(attr(header, a), a).toBeTruthy();
    expect(attr(header, 'segtype')).toBe('sentence');
    const tus = childElements(firstChild(root, null, 'body')!, null, 'tu');
    expect(tus).toHaveLength(2);
    for (const tu of tus) {
      const tuvs = childElements(tu, null, 'tuv');
      expect(tuvs.map((t) => attrNS(t, XML_NS, 'lang'))).toEqual(['en', 'fr-FR']);
      for (const t of tuvs) expect(childElements(t, null, 'seg')).toHaveLength(1);
    }
    expect(tmx).toContain('<bpt i="1" x="1">&lt;pc id="1"&gt;</bpt>ici<ept i="1">&lt;/pc&gt;</ept>');
    expect(tmx).toContain('<ph x="2">&lt;ph id="2"/&gt;</ph>');
  });

  it('reads back the same texts, languages and codes (by kind and markup)', () => {
    const read = readTmx(tmx);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect([read.value.sourceLang, read.value.targetLang]).toEqual(['en', 'fr-FR']);
    const shape = (text: string, c: Record<string, { kind: string; xml: string }> | undefined) =>
      [...text].map((ch) => (c && Object.hasOwn(c, ch) ? `[${c[ch]!.kind}:${c[ch]!.xml}]` : ch)).join('');
    expect(read.value.pairs.map((p) => [shape(p.source, p.codes), shape(p.target, p.codes)])).toEqual(
      segments.map((s) => [shape(s.source, s.codes), shape(s.target, s.codes)]),
    );
    const c = read.value.pairs[0]!.codes!;
    const opener = Object.keys(c).find((k) => c[k]!.kind === 'open')!;
    expect(c[c[opener]!.pair!]!.kind).toBe('close');
  });

  it('imports as a new document through import-file (told from the content), TMX 1.1 lang and a DOCTYPE too', () => {
    const r = importFile(tmx, { fileName: 'memory.tmx', hash: 'h', actor: 'a' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('tmx');
    expect(r.value.events.created).toMatchObject({ title: 'memory', sourceLang: 'en', targetLang: 'fr-FR' });
    expect(r.value.events.created.segments).toHaveLength(2);
    const old = `<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1"><header srclang="*all*" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body><tu><tuv lang="DE"><seg>Hallo</seg></tuv><tuv lang="EN"><seg>Hello</seg></tuv></tu></body></tmx>`;
    const r2 = importFile(old, { fileName: 'old.tmx', hash: 'h', actor: 'a' });
    expect(r2.ok && r2.value.events.created.segments[0]).toMatchObject({ source: 'Hallo', target: 'Hello' });
  });

  it('an entity declaration is refused (the XML safety rule)', () => {
    const evil = `<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx version="1.4"><header/><body/></tmx>`;
    expect(readTmx(evil).ok).toBe(false);
  });
});

describe('TBX', () => {
  const glossary: Glossary = {
    sourceLang: 'en',
    targetLang: 'fr',
    entries: [
      {
        source: ['interior minister'],
        target: ['ministre de l’Intérieur'],
        forbidden: ['ministre intérieur'],
        note: 'Title',
      },
      { source: ['e-mail', 'email'], target: ['courriel', 'e-mail'], forbidden: [], note: '' },
      { source: [], target: [], forbidden: ['mél'], note: 'forbidden everywhere' },
      { source: ['A & B <co>'], target: ['A & B « co »'], forbidden: ['A et B'], note: "l'abréviation" },
    ],
  };
  const tbx = writeTbx(glossary);

  it('is TBX-Basic (ISO 30042:2019): the required structure, forbidden variants deprecatedTerm-admn-sts', () => {
    const parsed = parseXml(tbx);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const root = parsed.doc.documentElement!;
    const ns = 'urn:iso:std:iso:30042:ed-2';
    expect([root.localName, root.namespaceURI, attr(root, 'type'), attr(root, 'style')]).toEqual([
      'tbx',
      ns,
      'TBX-Basic',
      'dca',
    ]);
    expect(attrNS(root, XML_NS, 'lang')).toBe('en');
    expect(
      firstChild(firstChild(firstChild(root, ns, 'tbxHeader')!, ns, 'fileDesc')!, ns, 'sourceDesc'),
    ).not.toBeNull();
    const body = firstChild(firstChild(root, ns, 'text')!, ns, 'body')!;
    const concepts = childElements(body, ns, 'conceptEntry');
    expect(concepts).toHaveLength(4);
    for (const c of concepts) {
      expect(attr(c, 'id')).toBeTruthy();
      for (const l of childElements(c, ns, 'langSec')) {
        expect(attrNS(l, XML_NS, 'lang')).toMatch(/^(en|fr)$/);
        for (const t of childElements(l, ns, 'termSec')) expect(childElements(t, ns, 'term')).toHaveLength(1);
      }
    }
    expect(tbx).toContain(
      '<term>ministre intérieur</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>',
    );
  });

  it('round trip CSV → TBX → CSV loses nothing', () => {
    const csv = writeGlossaryCsv(glossary.entries);
    const fromCsv = parseGlossaryCsv(csv);
    expect(fromCsv.errors).toEqual([]);
    const back = parseTbx(writeTbx({ ...glossary, entries: fromCsv.entries }), { sourceLang: 'en', targetLang: 'fr' });
    expect(back.errors).toEqual([]);
    expect(back.entries).toEqual(glossary.entries);
    expect(writeGlossaryCsv(back.entries)).toBe(csv);
  });

  it('a TBX with a DOCTYPE line imports; TBX 2008 martif too; a DOCTYPE with entities is refused', () => {
    const withDoctype = tbx.replace('<tbx ', '<!DOCTYPE tbx SYSTEM "TBXcoreStructV03.dtd">\n<tbx ');
    expect(parseTbx(withDoctype, { sourceLang: 'en', targetLang: 'fr' }).entries).toEqual(glossary.entries);
    const martif = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="t1"><langSet xml:lang="en-US"><tig><term>cart</term></tig></langSet>
<langSet xml:lang="fr-FR"><tig><term>panier</term></tig><tig><term>caddie</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>`;
    expect(parseTbx(martif, { sourceLang: 'en', targetLang: 'fr' }).entries).toEqual([
      { source: ['cart'], target: ['panier'], forbidden: ['caddie'], note: '' },
    ]);
    const evil = tbx.replace('<tbx ', '<!DOCTYPE tbx [<!ENTITY e "x">]>\n<tbx ');
    expect(parseTbx(evil, { sourceLang: 'en', targetLang: 'fr' }).refused).toBe(true);
  });
});

describe('clean text', () => {
  it('one line per paragraph (segment), per unit for XLIFF documents, without code characters', () => {
    expect(cleanText([{ target: 'Un.' }, { target: 'Deux.' }])).toBe('Un.\nDeux.\n');
    expect(
      cleanText([
        { target: `A${ph}.`, codes, meta: { unit: 'u1' } },
        { target: 'B.' },
        { target: 'C.', meta: { unit: 'u2' } },
      ]),
    ).toBe('A. B.\nC.\n');
  });
});

describe('TMX reading: codes without numbers', () => {
  it('two ph without x are two codes with their own content (they shared one character); hi is a pair', () => {
    const r =
      readTmx(`<tmx version="1.4"><header srclang="en" segtype="sentence" datatype="html" o-tmf="x" adminlang="en" creationtool="t" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>a<ph>&lt;br/&gt;</ph>b<ph>&lt;hr/&gt;</ph> <hi type="term">c</hi></seg></tuv><tuv xml:lang="fr"><seg>A<ph>&lt;br/&gt;</ph>B<ph>&lt;hr/&gt;</ph> <hi type="term">C</hi></seg></tuv></tu></body></tmx>`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { source, target, codes } = r.value.pairs[0]!;
    const chars = [...source].filter((c) => codes && Object.hasOwn(codes, c));
    expect(chars).toHaveLength(4);
    expect(chars.slice(0, 2).map((c) => codes![c]!.xml)).toEqual(['<br/>', '<hr/>']);
    expect([...target].filter((c) => codes && Object.hasOwn(codes, c))).toEqual(chars);
    const [open, close] = chars.slice(2).map((c) => codes![c]!);
    expect([open!.name, open!.kind, close!.kind, open!.pair]).toEqual(['hi', 'open', 'close', chars[3]]);
  });
});
