import { describe, expect, it } from 'vitest';
import { checkNames, countNames, emptyNameInventory, likelyName, nearMiss } from './names';
import { editDistance } from './edit-distance';

describe('editDistance', () => {
  it.each([
    ['laftit', 'lafetet', 2],
    ['macron', 'macorn', 1], // transposition
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s / %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
  it('stops early past the cap', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});

describe('nearMiss', () => {
  it.each([
    ['Lafetet', 'Laftit', true, 'vowels drift, same consonants'],
    ['Mohamed', 'Mohammed', true, 'doubled consonant'],
    ['Gerald', 'Gérald', true, 'missing accent'],
    ['Macorn', 'Macron', true, 'one typo in a long name'],
    ['Darmanin', 'Darmanen', true, 'vowel'],
    ['Maroc', 'Macron', false, 'different names'],
    ['Royaume', 'Royaumes', false, 'inflection'],
    ['Française', 'Français', false, 'inflection'],
    ['Sahel', 'Sahara', false, 'different names'],
    ['Rabat', 'Rabat', false, 'same'],
    ['Paris', 'Boris', false, 'first letter differs'],
    ['Cette', 'Ceuta', false, 'too far for a short word'],
    ['Algérien', 'Algérie', false, 'derived word'],
    ['Tunisienne', 'Tunisie', false, 'derived word'],
    ['Marocain', 'Maroc', false, 'derived word'],
    ['Arabe', 'Arabie', false, 'derived word'],
    ['Macrom', 'Macron', true, 'final-letter typo'],
  ])('%s ~ %s: %s (%s)', (a, b, expected) => {
    expect(nearMiss(a, b)).toBe(expected);
  });
});

function inventory(texts: string[], glossary: string[] = []) {
  const inv = emptyNameInventory(glossary);
  for (const t of texts) countNames(inv, t, 1);
  return inv;
}

describe('checkNames', () => {
  it('finds the glossary name misspelt, with the fix', () => {
    const texts = ['Lafetet discute avec son homologue', 'M. Laftit a évoqué'];
    const inv = inventory(texts, ['Laftit', 'Abdelouafi Laftit']);
    expect(checkNames({ id: 's', index: 0, source: 'x', target: texts[0]! }, inv)).toEqual([
      {
        checkId: 'name-near-miss',
        side: 'target',
        start: 0,
        end: 7,
        variant: 'glossary',
        params: { found: 'Lafetet', expected: 'Laftit' },
        fix: 'Laftit',
      },
    ]);
  });

  it('prefers the spelling used more often in the document', () => {
    const inv = inventory(['M. Darmanin a dit', 'selon M. Darmanin', 'et M. Darmanen']);
    expect(likelyName(inv, 'Darmanen')).toBe('Darmanin');
    expect(likelyName(inv, 'Darmanin')).toBeNull();
  });

  it('leaves a tie alone, and never corrects a glossary name', () => {
    expect(likelyName(inventory(['M. Darmanin a dit', 'et M. Darmanen']), 'Darmanen')).toBeNull();
    expect(likelyName(inventory(['M. Laftit', 'M. Laftit'], ['Lafitte']), 'Lafitte')).toBeNull();
  });

  it('needs the reference name attested inside a sentence or in the glossary', () => {
    // "Mohamed" only ever starts sentences: not evidence of a name.
    const inv = inventory(['Mohamed est là.', 'Mohamed part.', 'Selon M. Mohammed, rien.']);
    expect(likelyName(inv, 'Mohammed')).toBeNull();
  });

  it('ignores sentence-initial function words and all-capital acronyms', () => {
    const inv = inventory(['Selon le Sénat', 'la ville de Selan', 'ONU et ONG']);
    expect(checkNames({ id: 's', index: 0, source: 'x', target: 'Selon le Sénat, ONG.' }, inv)).toEqual([]);
  });

  it('two people with similar names, each with their own other names, are not a misspelling', () => {
    const texts = ['le roi Mohammed VI a reçu', 'le discours de Mohammed VI', 'et le président Mohamed Ould Ghazouani'];
    const inv = inventory(texts);
    expect(likelyName(inv, 'Mohamed')).toBe('Mohammed'); // the words alone look alike…
    expect(checkNames({ id: 's', index: 2, source: 'x', target: texts[2]! }, inv)).toEqual([]); // …the full names do not
    // The same first name with the same surname is a misspelling.
    const inv2 = inventory(['Abdelouafi Laftit a dit', 'M. Laftit a dit', 'Abdelouafi Lafetet a dit']);
    expect(
      checkNames({ id: 's', index: 2, source: 'x', target: 'Abdelouafi Lafetet a dit' }, inv2).map((f) => f.fix),
    ).toEqual(['Laftit']);
  });

  it('updates when a segment is removed', () => {
    const inv = inventory(['M. Darmanin', 'M. Darmanin', 'M. Darmanen']);
    countNames(inv, 'M. Darmanin', -1);
    countNames(inv, 'M. Darmanin', -1);
    expect(likelyName(inv, 'Darmanen')).toBeNull();
  });
});
