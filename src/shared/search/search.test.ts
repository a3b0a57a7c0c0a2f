import { describe, expect, it } from 'vitest';
import { compileSearch, DEFAULT_SEARCH, searchSegments, type SearchOptions } from './search';

const find = (text: string, query: string, o: Partial<SearchOptions> = {}) => {
  const m = compileSearch(query, { ...DEFAULT_SEARCH, ...o });
  if (!m.ok) throw new Error(m.error);
  return m.find(text).map((x) => text.slice(x.start, x.end));
};
const at = (text: string, query: string, o: Partial<SearchOptions> = {}) => {
  const m = compileSearch(query, { ...DEFAULT_SEARCH, ...o });
  return m.ok ? m.find(text).map((x) => [x.start, x.end]) : [];
};

describe('compileSearch', () => {
  it.each([
    ['French, case-insensitive by default', 'Laftit reçoit Darmanin. LAFTIT', 'laftit', {}, ['Laftit', 'LAFTIT']],
    ['case-sensitive', 'Laftit reçoit Darmanin. LAFTIT', 'Laftit', { caseSensitive: true }, ['Laftit']],
    ['accents count unless ignored', 'Le ministère, le ministere', 'ministère', {}, ['ministère']],
    [
      'accents ignored both ways',
      'Le ministère, le ministere',
      'ministere',
      { ignoreDiacritics: true },
      ['ministère', 'ministere'],
    ],
    ['œ = oe as a letter variant', 'le cœur et le coeur', 'coeur', { letterVariants: true }, ['cœur', 'coeur']],
    [
      "’ = ' as a variant",
      "l’Intérieur, l'Intérieur",
      "l'intérieur",
      { letterVariants: true },
      ['l’Intérieur', "l'Intérieur"],
    ],
    ['no-break space = space', 'M.\u00a0Laftit', 'M. Laftit', { letterVariants: true }, ['M.\u00a0Laftit']],
    ['whole word', 'Laftit Lafetet Laftitou', 'Laftit', { wholeWord: true }, ['Laftit']],
    ['whole word, French elision', 'l’Intérieur intérieurement', 'intérieur', { wholeWord: true }, ['Intérieur']],
    ['regex', 'Phrase 12, phrase 345.', String.raw`\d+`, { regex: true }, ['12', '345']],
    [
      'regex, case-insensitive',
      'Phrase 12, phrase 345.',
      String.raw`phrase \d`,
      { regex: true },
      ['Phrase 1', 'phrase 3'],
    ],
    ['regex, whole word', 'cat catalogue cat.', 'ca.', { regex: true, wholeWord: true }, ['cat', 'cat']],
    ['literal query with regex characters', 'a+b (c) [d] a+b', 'a+b (c)', {}, ['a+b (c)']],
  ] as const)('%s', (_name, text, query, o, expected) => {
    expect(find(text, query, o)).toEqual(expected);
  });

  it('Arabic: harakat and tatweel ignored as diacritics, the match spans them in the original text', () => {
    const text = 'استقبل مُحَمَّد وزيرَ الداخلية، ومحـــمد';
    expect(find(text, 'محمد')).toEqual([]);
    expect(find(text, 'محمد', { ignoreDiacritics: true })).toEqual(['مُحَمَّد', 'محـــمد']);
  });

  it('Arabic: hamza forms, alef maqsura and ta marbuta as letter variants, not as diacritics', () => {
    const text = 'أحمد وإحمد واحمد في المدرسة والمدرسه على علي';
    expect(find(text, 'احمد')).toEqual(['احمد']);
    expect(find(text, 'احمد', { letterVariants: true })).toEqual(['أحمد', 'إحمد', 'احمد']);
    expect(find(text, 'المدرسة', { letterVariants: true })).toEqual(['المدرسة', 'المدرسه']);
    expect(find(text, 'علي', { letterVariants: true })).toEqual(['على', 'علي']);
  });

  it('Arabic whole word: a word with a clitic attached is another word', () => {
    expect(find('وزير الداخلية ووزير', 'وزير', { wholeWord: true })).toEqual(['وزير']);
  });

  it('a match ending before dropped combining marks takes them (never cuts a letter from its accent)', () => {
    const text = 'cafe\u0301 noir';
    expect(at(text, 'cafe', { ignoreDiacritics: true })).toEqual([[0, 5]]);
  });

  it('overlapping occurrences: matches never overlap, scanning goes on after each one', () => {
    expect(at('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(at('aaa', 'aa')).toEqual([[0, 2]]);
    expect(at('ententente', 'entente')).toEqual([[0, 7]]);
  });

  it('empty regex matches are skipped, and astral characters are not split', () => {
    expect(at('a😀b', 'x*', { regex: true })).toEqual([]);
    expect(find('a😀b😀', '😀')).toEqual(['😀', '😀']);
  });

  it('an empty query finds nothing; a bad expression says why', () => {
    expect(at('text', '')).toEqual([]);
    const bad = compileSearch('(unclosed', { ...DEFAULT_SEARCH, regex: true });
    expect(bad.ok).toBe(false);
    expect(compileSearch('(unclosed', DEFAULT_SEARCH).ok).toBe(true);
  });

  it('a regular expression is folded like the text when diacritics are ignored', () => {
    expect(find('numero 1, numéro 2', String.raw`numéro \d`, { regex: true, ignoreDiacritics: true })).toEqual([
      'numero 1',
      'numéro 2',
    ]);
  });

  it('keeps the groups of a regex match (for $1 in a replacement)', () => {
    const m = compileSearch(String.raw`(\d+) (?<unit>km)`, { ...DEFAULT_SEARCH, regex: true });
    expect(m.ok && m.find('à 12 km')[0]).toMatchObject({ start: 2, end: 7, groups: ['12 km', '12', 'km'] });
  });
});

describe('searchSegments', () => {
  const segments = [
    { id: 's1', index: 0, source: 'استقبل لفتيت دارمانان', target: 'Laftit reçoit Darmanin' },
    { id: 's2', index: 1, source: 'لفتيت', target: 'Lafetet et Laftit' },
  ];
  it('reads segment by segment, source before translation, within the scope', () => {
    const both = searchSegments(segments, compileSearch('لفتيت', DEFAULT_SEARCH), 'both');
    expect(both.map((m) => [m.segmentId, m.side, m.start])).toEqual([
      ['s1', 'source', 7],
      ['s2', 'source', 0],
    ]);
    const target = searchSegments(segments, compileSearch('laftit', DEFAULT_SEARCH), 'target');
    expect(target.map((m) => [m.index, m.side, m.start, m.end])).toEqual([
      [0, 'target', 0, 6],
      [1, 'target', 11, 17],
    ]);
    expect(searchSegments(segments, compileSearch('laftit', DEFAULT_SEARCH), 'source')).toEqual([]);
  });
});
