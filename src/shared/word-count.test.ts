import { describe, expect, it } from 'vitest';
import { countWords } from './word-count';

describe('countWords', () => {
  it.each([
    // French: the elided article is a word of its own; "aujourd’hui" is one word.
    ['fr', 'l’Intérieur', 2],
    ['fr', "l'Intérieur", 2],
    ['fr', 'le ministre de l’Intérieur', 5],
    ['fr', 'qu’il vienne jusqu’à Rabat', 6],
    ['fr', 'aujourd’hui', 1],
    ['fr', 'd’aujourd’hui', 2],
    ['fr', 'Gérald Darmanin, ministre de l’Intérieur, s’est rendu à Rabat.', 11],
    ['it', "dell'anno e l'uomo", 5],
    // English contractions stay one word (no elision rule for English).
    ['en', "Don't stop, it's late.", 4],
    ['en', 'an e-mail to the Junior-Berufe', 5],
    // Arabic: the segmenter's words; the clitic و stays attached ("وفرنسا" = 1).
    ['ar', 'قال وزير الداخلية الفرنسي، جيرالد دارمانان، إن المغرب وفرنسا سيعززان التعاون.', 11],
    ['ar', 'وزير الداخلية عبد الوافي لفتيت', 5],
    // Chinese and Japanese: one word per Han/kana character; Latin words and numbers one each.
    ['zh', '我们去了北京大学。', 8],
    ['zh', '我们在2021年去了北京大学。iPhone很好', 14],
    ['zh-Hans', '法国内政部长', 6],
    ['ja', '東京タワーに行きました。', 11],
    ['ja', 'コーヒーを飲みます', 9],
    // Korean separates words with spaces.
    ['ko', '한국어 문장은 띄어쓰기를 합니다.', 4],
    // Numbers: one word each, grouped digits included (space, no-break space, narrow no-break space).
    ['en', '3.14 and 1,000 and 42', 5],
    ['fr', '1 000 000 habitants', 2],
    ['fr', '12\u202F300 euros et 1\u00A0000,50 €', 4],
    ['en', 'in 2021 300 people', 4],
    // Nothing to count.
    ['en', '', 0],
    ['en', '   \n\t ', 0],
    ['fr', '« — … » !', 0],
  ])('%s: %s → %i', (lang, text, expected) => {
    expect(countWords(text, lang)).toBe(expected);
  });

  it('falls back to root rules for a malformed language tag', () => {
    expect(countWords('two words', '!!')).toBe(2);
  });

  it('counts CJK characters by script whatever the language', () => {
    expect(countWords('He wrote 東京 on the board', 'en')).toBe(7);
  });

  it('gives the same answer from its memo', () => {
    const text = 'Le ministre de l’Intérieur a parlé.';
    expect(countWords(text, 'fr')).toBe(7);
    expect(countWords(text, 'fr')).toBe(7);
    expect(countWords(text, 'en')).toBe(6); // per language: no elision rule in English
  });
});
