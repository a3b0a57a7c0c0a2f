import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { prepareXml, SAFE_XML_PARSER_OPTIONS } from './xml-safety';

const ROOT = '<martif><text><body><p>R&amp;D</p></body></text></martif>';
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
const laughs =
  '<!ENTITY a "aaaaaaaaaa">' +
  ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
    .map((e, k) => `<!ENTITY ${e} "${`&${String.fromCharCode(97 + k)};`.repeat(10)}">`)
    .join('');

describe('prepareXml refuses', () => {
  it.each([
    [
      'an external entity (XXE)',
      `${PROLOG}<!DOCTYPE martif [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<martif>&x;</martif>`,
      2,
      /external entity .*nothing external is ever loaded/,
    ],
    [
      'an external entity by PUBLIC id',
      `<!DOCTYPE martif [<!ENTITY x PUBLIC "-//x//EN" "http://example.com/x">]><martif>&x;</martif>`,
      1,
      /external entity/,
    ],
    [
      'a parameter entity',
      `${PROLOG}<!DOCTYPE martif [<!ENTITY % p SYSTEM "http://example.com/evil.dtd"> %p;]>${ROOT}`,
      2,
      /parameter entity \(<!ENTITY %/,
    ],
    ['a parameter entity reference alone', `<!DOCTYPE martif [%p;]>${ROOT}`, 1, /parameter entity \(%…;\)/],
    [
      'exponential entities (billion laughs)',
      `<!DOCTYPE martif [${laughs}]><martif>&i;</martif>`,
      1,
      /declares an entity .*never expanded/,
    ],
    [
      'a huge entity',
      `<!DOCTYPE martif [<!ENTITY x "${'a'.repeat(200_000)}">]><martif>&x;</martif>`,
      1,
      /declares an entity/,
    ],
    ['an internal subset without entities', `<!DOCTYPE martif [<!ELEMENT martif ANY>]>${ROOT}`, 1, /internal subset/],
    [
      'an internal subset after an external DTD',
      `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [<!ENTITY x "y">]>${ROOT}`,
      1,
      /declares an entity/,
    ],
    ['an entity declaration outside a DOCTYPE', `${PROLOG}<!ENTITY x "y">${ROOT}`, 2, /entity declaration/],
    ['another markup declaration', `<!ELEMENT martif ANY>${ROOT}`, 1, /<!ELEMENT\) outside a DOCTYPE/],
    ['a second DOCTYPE', `<!DOCTYPE martif><!DOCTYPE martif>${ROOT}`, 1, /only once/],
    ['a DOCTYPE after the root element', `<martif>\n<!DOCTYPE martif></martif>`, 2, /before the root/],
    ['a lowercase doctype with a subset', `<!doctype martif [<!ENTITY x "y">]>${ROOT}`, 1, /declares an entity/],
    ['a malformed DOCTYPE', `<!DOCTYPE martif SYSTEM>${ROOT}`, 1, /malformed DOCTYPE/],
    ['an undeclared entity reference', `<martif>\n<p>a&nbsp;b</p></martif>`, 2, /&nbsp; is not allowed/],
    ['an entity reference in an attribute', `<martif a="&x;"/>`, 1, /&x; is not allowed/],
    ['a reference to a character XML forbids', `<martif>&#0;</martif>`, 1, /&#0; is not a character/],
    ['a surrogate reference', `<martif>&#xD800;</martif>`, 1, /&#xD800;/],
    ['50,000 nested elements', `<a>`.repeat(50_000) + `</a>`.repeat(50_000), 1, /nested more than 100 deep/],
  ])('%s', (_what, xml, line, message) => {
    const r = prepareXml(xml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.line).toBe(line);
    expect(r.problem.message).toMatch(message);
  });

  it('nesting past a chosen depth', () => {
    expect(prepareXml('<a><b><c/></b></a>', { maxDepth: 2 })).toMatchObject({ ok: false });
    expect(prepareXml('<a><b><c/></b></a>', { maxDepth: 3 })).toMatchObject({ ok: true });
  });
});

describe('prepareXml accepts', () => {
  it.each([
    ['no DOCTYPE', ROOT],
    ['a byte-order mark (removed)', `\uFEFF${ROOT}`],
    [
      'the five predefined entities and numeric references',
      '<m a="&quot;&#233;">&lt;&gt;&amp;&apos;&#xE9;&#128512;</m>',
    ],
    [
      'entity-like text in comments, CDATA and processing instructions',
      '<m><!-- &x; --><![CDATA[&y; <!ENTITY>]]><?pi &z;?></m>',
    ],
    ['a bare ampersand (left to the well-formedness check)', '<m>a & b</m>'],
    ['">" and "&x;" look-alikes inside quoted attributes', `<m a="1 > 0" b='&amp;'/>`],
    ['100 nested elements', '<a>'.repeat(100) + '</a>'.repeat(100)],
  ])('%s', (_what, xml) => {
    const r = prepareXml(xml);
    expect(r).toEqual({ ok: true, xml: xml.replace(/^\uFEFF/, '') });
  });

  it.each([
    ['SYSTEM', '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'],
    ['PUBLIC', `<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" 'tmx14.dtd' >`],
    ['no external id', '<!DOCTYPE martif>'],
  ])('a DOCTYPE naming only an external DTD (%s): blanked out, lines and columns kept', (_what, doctype) => {
    const xml = `${PROLOG}${doctype}\n${ROOT}`;
    const r = prepareXml(xml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.xml).toBe(`${PROLOG}${' '.repeat(doctype.length)}\n${ROOT}`);
  });

  it('what it accepts parses with the safe options: predefined and numeric references decoded, nothing else', () => {
    const r = prepareXml(`${PROLOG}<!DOCTYPE m SYSTEM "m.dtd">\n<m t="&#233;">R&amp;D &#xE9;t&#233; &lt;b&gt;</m>`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(XMLValidator.validate(r.xml)).toBe(true);
    const parser = new XMLParser({
      ...SAFE_XML_PARSER_OPTIONS,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      ignoreDeclaration: true,
    });
    expect(parser.parse(r.xml)).toEqual({ m: { '#text': 'R&D été <b>', t: 'é' } });
  });
});
