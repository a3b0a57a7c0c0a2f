import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

const changed = (before: string, after: string, lang: string) =>
  wordDiff(before, after, lang)
    .filter((p) => p.kind !== 'same')
    .map((p) => `${p.kind === 'added' ? '+' : '-'}${p.text}`);

describe('wordDiff', () => {
  it('marks whole words, not letters', () => {
    expect(changed('Lafetet discute avec', 'Laftit discute avec', 'fr')).toEqual(['-Lafetet', '+Laftit']);
  });

  it('keeps Arabic words whole', () => {
    expect(changed('في منطقة الساحل والصحراء', 'في منطقة الساحل والصحراء الكبرى', 'ar')).toEqual(['+الكبرى']);
    expect(changed('وزير الداخلية لفتيت', 'وزير الداخلية عبد الوافي لفتيت', 'ar')).toEqual(['+عبد الوافي ']);
  });

  it('rebuilds both texts exactly', () => {
    const before = 'dans la région du Sahel et du désert, a-t-il dit';
    const after = 'dans la région du Sahel et du Sahara, a-t-il ajouté';
    const parts = wordDiff(before, after, 'fr');
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });

  it('is all same for equal texts', () => {
    expect(wordDiff('abc def', 'abc def', 'fr').every((p) => p.kind === 'same')).toBe(true);
  });
});
