import { describe, expect, it } from 'vitest';
import { checkDoubleSpaces, checkEndPunctuation, checkRepeatedWords, endPunctuation } from './punctuation';

const seg = (source: string, target: string) => ({ id: 's', index: 0, source, target });

describe('double spaces', () => {
  it.each([
    ['none', 'Le ministre a reçu.', []],
    ['two spaces', 'Le  ministre', [[2, 4, ' ']]],
    ['space + no-break space keeps the no-break', 'Bonjour \u00a0!', [[7, 9, '\u00a0']]],
  ])('%s', (_what, target, expected) => {
    expect(checkDoubleSpaces(seg('x', target)).map((f) => [f.start, f.end, f.fix])).toEqual(expected);
  });
  it.each([
    ['trailing spaces mirrored (Xcode "Settings  ")', 'Settings  ', 'Réglages  ', []],
    ['leading spaces mirrored', '  Settings', '  設定', []],
    ['inner spaces mirrored', 'Name:  value', 'Nom :  valeur', []],
    ['one more run than the source', 'Name:  value', 'Nom :  la  valeur', [[9, 11]]],
    ['trailing in the target only', 'Settings', 'Réglages  ', [[8, 10]]],
    ['ja→en, mirrored', '設定  ', 'Settings  ', []],
    ['zh→en, in the target only', '设置', 'Settings  here', [[8, 10]]],
  ])('same in source: %s', (_what, source, target, expected) => {
    expect(checkDoubleSpaces(seg(source, target)).map((f) => [f.start, f.end])).toEqual(expected);
  });
});

describe('repeated words', () => {
  it.each([
    ['a doubled article', 'le le ministre', [['le le', 'le']]],
    ['case-insensitive', 'Le le ministre', [['Le le', 'Le']]],
    ['French pronominal verbs', 'nous nous sommes vus, vous vous êtes parlé', []],
    ['place names', 'à Bora Bora', []],
    ['separated by punctuation', 'non, non et non', []],
    ['numbers', '10 10', []],
  ])('%s', (_what, target, expected) => {
    const t = target;
    expect(checkRepeatedWords(seg('x', t), 'fr').map((f) => [t.slice(f.start, f.end), f.fix])).toEqual(expected);
  });
});

describe('end punctuation', () => {
  it.each([
    ['full stops', 'انتهى.', 'Fini.', []],
    ['Arabic question mark', 'لماذا؟', 'Pourquoi\u202f?', []],
    ['closing quote after the full stop', 'قال "نعم".', 'Il a dit « oui ».', []],
    ['stray guillemet after the full stop', 'باريس 2024.', 'Paris 2024.\u00a0»', []],
    ['both without (a title)', 'لفتيت يبحث مع نظيره', 'Laftit discute avec son homologue', []],
    ['ellipsis written as three dots', 'وهكذا…', 'Et ainsi...', []],
    ['missing', 'انتهى.', 'Fini', [['missing', 'i', 'i.']]],
    ['missing question mark: French spacing in the fix', 'لماذا؟', 'Pourquoi', [['missing', 'i', 'i\u202f?']]],
    ['extra', 'عنوان', 'Titre.', [['extra', '.', '']]],
    ['different', 'لماذا؟', 'Pourquoi.', [['different', '.', '\u202f?']]],
    ['different, replacing the space too', 'انتهى.', 'Fini !', [['different', ' !', '.']]],
  ])('%s', (_what, source, target, expected) => {
    expect(
      checkEndPunctuation(seg(source, target), 'fr').map((f) => [f.variant, target.slice(f.start, f.end), f.fix]),
    ).toEqual(expected);
  });

  it('classes', () => {
    expect(['a.', 'a?!', 'a …', 'a:', 'a', 'a.)'].map((t) => endPunctuation(t).cls)).toEqual([
      '.',
      '?',
      '…',
      ':',
      null,
      '.',
    ]);
  });
});
