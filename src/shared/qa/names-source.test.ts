import { describe, expect, it } from 'vitest';
import { checkNames, countNames, emptyNameInventory } from './names';

// A misspelt name of the source (same script): the source is right there to compare with, glossary or not.
function names(source: string, target: string, targetLang: string) {
  const inv = emptyNameInventory([], targetLang);
  countNames(inv, target, 1);
  return checkNames({ id: 's', index: 0, source, target }, inv).map((f) => [
    f.variant,
    f.params,
    target.slice(f.start, f.end),
  ]);
}

describe('names: near-misses of the source’s names', () => {
  it.each([
    [
      'de',
      'Mayor Peter Tschentscher said the plan was on track.',
      'Bürgermeister Peter Tschentscer sagte, der Plan sei auf Kurs.',
      'Tschentscer',
      'Tschentscher',
    ],
    ['de', 'Economy Minister Robert Habeck', 'Wirtschaftsminister Robert Habek', 'Habek', 'Habeck'],
    [
      'fr',
      'Economy Minister Robert Habeck spoke.',
      'Le ministre de l’Économie Robert Habek a parlé.',
      'Habek',
      'Habeck',
    ],
    ['en', 'トヨタの豊田章男（Akio Toyoda）会長は述べた。', 'Toyota chairman Akio Toyada said.', 'Toyada', 'Toyoda'],
    ['en', '英伟达首席执行官黄仁勋（Jensen Huang）表示', 'Nvidia chief executive Jensen Haung said', 'Haung', 'Huang'],
  ])('→%s: %s', (lang, source, target, found, expected) => {
    expect(names(source, target, lang)).toEqual([['source', { found, expected }, found]]);
  });

  it.each([
    ['de', 'the European Parliament and the Senate', 'das Europäische Parlament und der Senat'],
    ['de', 'exports to Mexico, Turkey and Africa', 'Exporte nach Mexiko, in die Türkei und nach Afrika'],
    ['de', 'Mayor Peter Tschentscher said', 'Bürgermeister Peter Tschentscher sagte'],
    ['de', 'Habeck said so.', 'Das sagte Habek.'], // alone, without a dictionary: a German noun could look the same
    ['fr', 'the European Parliament voted', 'le Parlement européen a voté'],
    ['en', '東京都の小池百合子知事は述べた。', 'Tokyo Governor Yuriko Koike said.'],
    ['en', '新しいA4用紙', 'new A4 paper'],
  ])('no finding →%s: %s', (lang, source, target) => {
    expect(names(source, target, lang)).toEqual([]);
  });

  it('with the target language’s dictionary, a lone misspelt name is found too (a real word never is)', () => {
    const inv = emptyNameInventory([], 'de', { name: 'test', isWord: (w) => ['Senat', 'Sagte'].includes(w) });
    const target = 'Habek sagte, der Senat tage.';
    countNames(inv, target, 1);
    const f = checkNames({ id: 's', index: 0, source: 'Habeck said the Senate meets.', target }, inv);
    expect(f.map((x) => x.params)).toEqual([{ found: 'Habek', expected: 'Habeck' }]);
  });
});
