import { describe, expect, it } from 'vitest';
import { arabicTermKeys, arabicTextKeys, normalizeArabic } from './normalize-ar';

describe('normalizeArabic', () => {
  it.each([
    ['harakat', 'الأَلْعَابُ', 'الالعاب'],
    ['shadda', 'ذكّر', 'ذكر'],
    ['tatweel', 'الألعـــاب', 'الالعاب'],
    ['hamza alef variants', 'أإآٱ', 'اااا'],
    ['alef maqsura and Persian ya', 'مستوى یوم', 'مستوي يوم'],
    ['ta marbuta', 'الأولمبية', 'الاولمبيه'],
    ['hamza seats', 'مؤتمر رئيس', 'موتمر رييس'],
    ['superscript alef', 'هٰذا', 'هذا'],
  ])('%s: %s → %s', (_what, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('arabicTextKeys: attached clitics', () => {
  it.each([
    ['و + ال', 'والصحراء', 'صحراء'],
    ['و + ال keeps the article form', 'والصحراء', 'الصحراء'],
    ['ب + ال', 'بالرباط', 'الرباط'],
    ['ل + ال written لل', 'للتوجيهات', 'التوجيهات'],
    ['ل + ال written لل, bare stem', 'للتوجيهات', 'توجيهات'],
    ['ك + ال', 'كالمغرب', 'مغرب'],
    ['ف + ب + ال', 'فبالمغرب', 'المغرب'],
    ['و + ل', 'ولفتيت', 'لفتيت'],
    ['harakat and prefixes together', 'وَالأَلْعَابُ', 'العاب'],
  ])('%s: %s has key %s', (_what, word, key) => {
    expect(arabicTextKeys(word)).toContain(normalizeArabic(key));
  });

  it('never strips down to a single letter', () => {
    expect(arabicTextKeys('بل').every((k) => k.length >= 2)).toBe(true);
  });

  it('term keys: the dictionary form, with and without the article', () => {
    expect(arabicTermKeys('الساحل')).toEqual(['الساحل', 'ساحل']);
    expect(arabicTermKeys('لفتيت')).toEqual(['لفتيت']);
  });
});
