import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, parseTbx, writeGlossaryCsv, type GlossaryEntry } from './glossary';
import { writeTbx } from './tbx';

/**
 * Issue #14: a glossary CSV → TBX → CSV round trip loses nothing, whatever the notes and terms hold: double
 * quotes (a note with `"` was once seen to lose it), the delimiters, line breaks, characters a spreadsheet takes
 * for a formula (= + - @, written so that a spreadsheet shows them as text and read back as they were), a BOM.
 */

const HARD: GlossaryEntry[] = [
  {
    source: ['say "hello"'],
    target: ['dire « bonjour »'],
    forbidden: ['dire "salut"'],
    note: 'He said "no", then "yes"',
  },
  { source: ['"quoted"'], target: ['"guillemets"'], forbidden: [], note: '"' },
  { source: ['a, b; c'], target: ['x, y'], forbidden: [], note: 'commas, semicolons; and\ttabs' },
  { source: ['two lines'], target: ['deux lignes'], forbidden: [], note: 'first line\nsecond line\n\nthird' },
  { source: ['=SUM(A1:A2)'], target: ['=SOMME(A1:A2)'], forbidden: [], note: '=HYPERLINK("http://x","y")' },
  { source: ['+33'], target: ['+33 1'], forbidden: ['-ment'], note: '+ plus' },
  { source: ['-ing'], target: ['-ant'], forbidden: [], note: '-1' },
  { source: ['@user'], target: ['@utilisateur'], forbidden: [], note: '@SUM(1)' },
  { source: ["'=x"], target: ["''+y"], forbidden: [], note: "'@ already quoted" },
  { source: ['العربية'], target: ['日本語'], forbidden: [], note: 'مرحبا "عالم"' },
];

const langs = { sourceLang: 'en', targetLang: 'fr' };

describe('glossary CSV ↔ TBX with hard notes and terms', () => {
  it('CSV → TBX → CSV gives the same entries and the same file', () => {
    const csv = writeGlossaryCsv(HARD);
    const fromCsv = parseGlossaryCsv(csv);
    expect(fromCsv.errors).toEqual([]);
    expect(fromCsv.entries).toEqual(HARD);
    const tbx = writeTbx({ ...langs, entries: fromCsv.entries });
    const back = parseTbx(tbx, langs);
    expect(back.errors).toEqual([]);
    expect(back.entries).toEqual(HARD);
    expect(writeGlossaryCsv(back.entries)).toBe(csv);
  });

  it('TBX keeps a note’s line breaks as XML does (CRLF read as LF) and a term’s spaces collapsed', () => {
    const entries = [{ source: ['a\tb'], target: ['c'], forbidden: [], note: 'one\r\ntwo' }];
    expect(parseTbx(writeTbx({ ...langs, entries }), langs).entries).toEqual([
      { source: ['a b'], target: ['c'], forbidden: [], note: 'one\ntwo' },
    ]);
  });

  it('a CSV with a BOM reads the same as without', () => {
    const csv = writeGlossaryCsv(HARD);
    expect(parseGlossaryCsv(`\uFEFF${csv}`).entries).toEqual(HARD);
  });

  it('no field starts with a formula character: a spreadsheet shows it as text', () => {
    const csv = writeGlossaryCsv(HARD);
    const fields = csv.split(/[,\n]/).map((f) => f.replace(/^"/, ''));
    for (const f of fields) expect(f, f).not.toMatch(/^[=+\-@]/);
    expect(csv).toContain("'=SUM(A1:A2)");
  });
});
