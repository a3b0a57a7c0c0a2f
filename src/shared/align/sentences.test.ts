import { describe, expect, it } from 'vitest';
import { sentenceRules } from './abbreviations';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it.each([
    [
      'de',
      'Am 18. Mai 1956 kam Dr. Müller an. Er sah z. B. den Berg. Das war 1956. Danach nichts.',
      ['Am 18. Mai 1956 kam Dr. Müller an.', 'Er sah z. B. den Berg.', 'Das war 1956.', 'Danach nichts.'],
    ],
    [
      'fr',
      'M. Dupont est arrivé. Mme Durand aussi ! « Vraiment ? » dit-il. Oui.',
      ['M. Dupont est arrivé.', 'Mme Durand aussi !', '« Vraiment ? » dit-il.', 'Oui.'],
    ],
    [
      'en',
      'Mr. Smith went to Washington. He saw the U.S. Capitol. Then he left.',
      ['Mr. Smith went to Washington.', 'He saw the U.S. Capitol.', 'Then he left.'],
    ],
    ['ar', 'قال د. لفتيت إن الاجتماع مهم. ثم غادر؟ نعم.', ['قال د. لفتيت إن الاجتماع مهم.', 'ثم غادر؟', 'نعم.']],
  ])('%s: splits at sentence ends, not after abbreviations, initials or ordinals', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });

  it.each([
    ['en', '1. The committee met. It voted.', ['1. The committee met.', 'It voted.']],
    ['en', '12. The report was published.', ['12. The report was published.']],
    ['en', '1000. The minister spoke.', ['1000. The minister spoke.']],
    ['de', '1000. Der Minister sprach.', ['1000. Der Minister sprach.']],
    ['en', '3.2. Scope of the agreement.', ['3.2. Scope of the agreement.']],
    ['en', 'iv. Final provisions apply.', ['iv. Final provisions apply.']],
    ['fr', '2. Le comité a voté.', ['2. Le comité a voté.']],
    ['en', 'It closed in 2024. Then it reopened.', ['It closed in 2024.', 'Then it reopened.']],
  ])('%s: a numbered paragraph keeps its number with its first sentence (%s)', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });

  it('treats "18." as the end of a sentence where ordinals have no dot', () => {
    expect(splitSentences('He was born on the 18. Then he left.', 'en')).toEqual([
      'He was born on the 18.',
      'Then he left.',
    ]);
  });

  it('reads rules by language tag, region falling back to the language, unknown to none', () => {
    expect(sentenceRules('de-CH')).toBe(sentenceRules('de'));
    expect(sentenceRules('xx').abbreviations).toEqual([]);
    expect(sentenceRules(undefined).ordinalDot).toBe(false);
  });

  it('drops whitespace-only pieces', () => {
    expect(splitSentences('   ', 'fr')).toEqual([]);
  });
});
