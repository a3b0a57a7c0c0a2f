import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GlossaryEntrySchema, GlossarySchema, parseGlossaryCsv, parseTbx, writeGlossaryCsv } from './glossary';

const SAMPLE = fileURLToPath(new URL('../../../samples/laftit-darmanin/glossary.csv', import.meta.url));

describe('parseGlossaryCsv', () => {
  it('reads the sample: alternatives, forbidden forms, notes', () => {
    const { entries, errors } = parseGlossaryCsv(fs.readFileSync(SAMPLE, 'utf8'));
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(9);
    expect(entries[0]).toEqual({
      source: ['لفتيت'],
      target: ['Laftit'],
      forbidden: [],
      note: 'Abdelouafi Laftit, Moroccan Minister of the Interior',
    });
    expect(entries[4]).toMatchObject({
      source: ['الساحل والصحراء'],
      target: ['sahélo-saharienne', 'Sahel et du Sahara', 'Sahel et Sahara'],
      forbidden: ['désert'],
    });
    expect(GlossarySchema.safeParse({ sourceLang: 'ar', targetLang: 'fr', entries }).success).toBe(true);
  });

  it.each([
    ['columns in another order, no forbidden/note, BOM, CRLF', '\uFEFFTarget,Source\r\nLaftit,لفتيت\r\n', [], 1],
    ['semicolons', 'source;target;forbidden\nلفتيت;Laftit;Lafetet\n', [], 1],
    [
      'a quoted field over two lines',
      'source,target,note\nلفتيت,Laftit,"line one\nline two"\nدارمانان,Darmanin,\n',
      [],
      2,
    ],
    ['blank lines skipped', 'source,target\n\nلفتيت,Laftit\n\n', [], 1],
    [
      'too many fields, with the line',
      'source,target,forbidden,note\nلفتيت,Laftit,,\nنصره الله,que Dieu, L’assiste,,\n',
      [{ line: 3, message: '5 fields, expected 4 (quote a field that contains the delimiter)' }],
      1,
    ],
    [
      'unterminated quote',
      'source,target\nلفتيت,Laftit\nدارمانان,"Darmanin\n',
      [{ line: 3, message: 'Quoted field unterminated' }],
      1,
    ],
    [
      'no target and no forbidden form',
      'source,target,forbidden\nلفتيت,,\n',
      [{ line: 2, message: 'no target term and no forbidden form' }],
      0,
    ],
    [
      'no source',
      'source,target,forbidden\n,Laftit,\n',
      [{ line: 2, message: 'no source term (and no forbidden form)' }],
      0,
    ],
    [
      'no header',
      'لفتيت,Laftit\n',
      [
        {
          line: 1,
          message: 'header must name the columns source,target[,forbidden,note]: no source and target column',
        },
      ],
      0,
    ],
    ['empty file', '', [{ line: 1, message: 'empty file' }], 0],
  ])('%s', (_what, text, errors, count) => {
    const r = parseGlossaryCsv(text);
    expect(r.errors).toEqual(errors);
    expect(r.entries).toHaveLength(count);
  });

  it('a row after lines skipped as empty (blanks, delimiters only) is reported at its own line', () => {
    const text = 'source,target,forbidden\n\n   \n ,, \nلفتيت,,\n';
    expect(parseGlossaryCsv(text).errors).toEqual([{ line: 5, message: 'no target term and no forbidden form' }]);
  });

  it('a large file: every skipped line is reported at its own line (line starts are found once, not per row)', () => {
    const lines = ['source,target,forbidden,note'];
    const bad = new Map<number, string>();
    for (let i = 2; i <= 20_000; i++) {
      if (i % 997 === 0) {
        lines.push(`,mot${i},,`);
        bad.set(i, 'no source term (and no forbidden form)');
      } else if (i % 1009 === 0) {
        lines.push(`terme${i},mot${i},,,`);
        bad.set(i, '5 fields, expected 4 (quote a field that contains the delimiter)');
      } else if (i % 1013 === 0) {
        // A line papaparse skips as empty, then a bad row: reported at its own line, not the skipped one's.
        lines.push(i % 2 ? '' : '  ,  ,, ', `terme${i + 1},,,`);
        bad.set(++i, 'no target term and no forbidden form');
      } else if (i % 1019 === 0) {
        lines.push(`terme${i},"mot`, `${i}",,`); // a quoted field over two lines: the next row is one line further
        i++;
      } else {
        lines.push(`terme${i},mot${i}|variante${i},,note ${i}`);
      }
    }
    const { entries, errors } = parseGlossaryCsv(lines.join('\r\n'));
    expect(errors).toEqual([...bad].map(([line, message]) => ({ line, message })));
    const blank = lines.filter((l, i) => i > 0 && !/[^\s,]/.test(l)).length;
    expect(entries).toHaveLength(lines.length - 1 - bad.size - blank - lines.filter((l) => /^\d+",,$/.test(l)).length);
    expect(entries.at(-1)).toEqual({
      source: ['terme20000'],
      target: ['mot20000', 'variante20000'],
      forbidden: [],
      note: 'note 20000',
    });
  }, 60_000); // papaparse alone takes a while on a busy machine: a generous limit, not a timing assertion

  it('a forbidden-only row is a forbidden-everywhere entry', () => {
    expect(parseGlossaryCsv('source,target,forbidden\n,,Maroc occidental\n').entries).toEqual([
      { source: [], target: [], forbidden: ['Maroc occidental'], note: '' },
    ]);
  });
});

const TBX2 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
 <martifHeader><fileDesc><sourceDesc><p>Vis-à-vis sample</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="royal">
   <descrip type="definition">Fixed royal formula &amp; blessing</descrip>
   <langSet xml:lang="ar"><tig><term>نصره الله</term></tig></langSet>
   <langSet xml:lang="fr-FR">
    <tig><term>que Dieu L'assiste</term><termNote type="administrativeStatus">preferredTerm-admn</termNote></tig>
    <tig><term>que Dieu le <hi>glorifie</hi></term><termNote type="administrativeStatus">deprecatedTerm-admn</termNote></tig>
    <tig><term>que Dieu le protège</term><termNote type="normativeAuthorization">forbidden</termNote></tig>
   </langSet>
  </termEntry>
  <termEntry id="sahel">
   <langSet xml:lang="ar"><ntig><termGrp><term>الساحل والصحراء</term></termGrp></ntig></langSet>
   <langSet xml:lang="fr"><ntig><termGrp><term>Sahel et du Sahara</term><termNote type="normativeAuthorization">preferredTerm</termNote></termGrp></ntig>
    <ntig><termGrp><term>désert</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></termGrp></ntig></langSet>
  </termEntry>
  <termEntry id="en-only"><langSet xml:lang="en"><tig><term>Sahara</term></tig></langSet></termEntry>
 </body></text>
</martif>`;

const TBX3 = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="ar"><termSec><term>الألعاب الأولمبية</term></termSec></langSec>
   <langSec xml:lang="fr"><termSec><term>Jeux olympiques</term></termSec>
    <termSec><term>JO</term><termNote type="administrativeStatus">supersededTerm-admn</termNote></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>`;

describe('parseTbx', () => {
  it('reads TBX-Basic (TBX 2): preferred and deprecated terms, inline markup, notes', () => {
    const r = parseTbx(TBX2, { sourceLang: 'ar', targetLang: 'fr' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toBe(1);
    expect(r.languages).toEqual(['ar', 'fr-FR', 'fr', 'en']);
    expect(r.entries).toEqual([
      {
        source: ['نصره الله'],
        target: ["que Dieu L'assiste"],
        forbidden: ['que Dieu le glorifie', 'que Dieu le protège'],
        note: 'Fixed royal formula & blessing',
      },
      { source: ['الساحل والصحراء'], target: ['Sahel et du Sahara'], forbidden: ['désert'], note: '' },
    ]);
  });

  it('reads TBX 3 (conceptEntry/langSec/termSec)', () => {
    expect(parseTbx(TBX3, { sourceLang: 'ar', targetLang: 'fr-FR' }).entries).toEqual([
      { source: ['الألعاب الأولمبية'], target: ['Jeux olympiques'], forbidden: ['JO'], note: '' },
    ]);
  });

  it('reports malformed XML with its line', () => {
    const r = parseTbx('<martif>\n<text>\n<body></text>\n</martif>', { sourceLang: 'ar', targetLang: 'fr' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(3);
    expect(r.errors[0]!.message).toMatch(/^not well-formed XML/);
  });

  it('says when nothing is usable', () => {
    expect(parseTbx('<root/>', { sourceLang: 'ar', targetLang: 'fr' }).errors[0]!.message).toMatch(/no termEntry/);
    expect(parseTbx(TBX2, { sourceLang: 'de', targetLang: 'fr' }).errors[0]!.message).toMatch(
      /no entry has terms in both de and fr/,
    );
  });
});

describe('GlossarySchema', () => {
  const REFERENCE = z.object({ sourceLang: z.string(), targetLang: z.string(), entries: z.array(GlossaryEntrySchema) });
  const entry = { source: ['لفتيت'], target: ['Laftit'], forbidden: ['Lafetet'], note: 'n' };
  it.each([
    ['a full entry', entry],
    ['no note: defaults to ""', { source: ['a'], target: ['b'], forbidden: [] }],
    ['unknown keys are dropped', { ...entry, extra: 1 }],
    ['forbidden only', { source: [], target: [], forbidden: ['x'] }],
    ['an empty term', { ...entry, target: [''] }],
    ['neither source nor forbidden', { source: [], target: ['b'], forbidden: [] }],
    ['a number as a term', { ...entry, source: [1] }],
    ['a note that is not a string', { ...entry, note: 3 }],
    ['not an object', ['a', 'b']],
    ['null', null],
  ])('%s: the same answer as the entry schema alone', (_what, e) => {
    const input = { sourceLang: 'ar', targetLang: 'fr', entries: [entry, e] };
    const [ours, reference] = [GlossarySchema.safeParse(input), REFERENCE.safeParse(input)];
    expect(ours.success).toBe(reference.success);
    if (ours.success && reference.success) expect(ours.data).toEqual(reference.data);
    else
      expect(ours.error!.issues.map((i) => [i.path, i.message])).toEqual(
        reference.error!.issues.map((i) => [i.path, i.message]),
      );
  });
});

describe('parseTbx and the XML safety rule (xml-safety.ts)', () => {
  const langs = { sourceLang: 'ar', targetLang: 'fr' };
  it.each([
    ['an external entity', '<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>', /external entity/],
    ['a parameter entity', '<!DOCTYPE martif [<!ENTITY % p SYSTEM "http://x/evil.dtd"> %p;]>', /parameter entity/],
    ['a huge entity', `<!DOCTYPE martif [<!ENTITY x "${'a'.repeat(200_000)}">]>`, /declares an entity/],
  ])('%s: refused, nothing read, no exception', (_what, doctype, message) => {
    const r = parseTbx(TBX2.replace('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">', doctype), langs);
    expect(r).toMatchObject({
      refused: true,
      entries: [],
      errors: [{ line: 2, message: expect.stringMatching(message) }],
    });
  });

  it('50,000 nested elements: refused, no exception', () => {
    const deep = TBX2.replace('<text>', `<text>${'<hi>'.repeat(50_000)}${'</hi>'.repeat(50_000)}`);
    expect(parseTbx(deep, langs)).toMatchObject({ refused: true, errors: [{ message: /nested more than/ }] });
  });

  it('numeric character references are decoded in terms', () => {
    const r = parseTbx(TBX2.replace('que Dieu le protège', 'que Dieu le prot&#xE8;ge'), langs);
    expect(r.entries[0]!.forbidden).toContain('que Dieu le protège');
  });
});

describe('writeGlossaryCsv: the round trip', () => {
  it('the sample glossary: read, write, read again gives the same entries', () => {
    const read = parseGlossaryCsv(fs.readFileSync(SAMPLE, 'utf8'));
    expect(read.entries.length).toBeGreaterThan(0);
    const again = parseGlossaryCsv(writeGlossaryCsv(read.entries));
    expect(again.errors).toEqual([]);
    expect(again.entries).toEqual(read.entries);
  });

  it('quotes, commas and alternatives survive', () => {
    const entries = [{ source: ['a, b', 'c'], target: ['« d »', 'e "f"'], forbidden: ['g'], note: 'h; i' }];
    expect(parseGlossaryCsv(writeGlossaryCsv(entries)).entries).toEqual(entries);
  });
});
