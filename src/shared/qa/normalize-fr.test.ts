import { describe, expect, it } from 'vitest';
import { englishKeys, frenchKeys } from './normalize-fr';
import { keyedTokens, normalizerFor, sharesKey, termPattern } from './normalize';

describe('frenchKeys', () => {
  it.each([
    ['case', 'Olympiques', false, 'olympiques'],
    ['plural -s', 'royales', false, 'royale'],
    ['plural -x', 'Jeux', false, 'jeu'],
    ['plural -aux', 'régionaux', false, 'régional'],
    ['œ ligature', 'Cœur', false, 'coeur'],
    ['accents kept by default', 'désert', false, 'désert'],
    ['accents ignored when asked', 'Désert', true, 'desert'],
  ])('%s: %s', (_what, word, accentInsensitive, key) => {
    expect(frenchKeys(word, accentInsensitive)).toContain(key);
  });

  it('does not strip short words', () => {
    expect(frenchKeys('pas', false)).toEqual(['pas']);
  });

  it('English plurals', () => {
    expect(englishKeys('Policies', false)).toContain('policy');
    expect(englishKeys('boxes', false)).toContain('box');
  });
});

describe('term patterns against running text', () => {
  const fr = normalizerFor('fr-FR', false);
  const matches = (term: string, text: string) => {
    const p = termPattern(term, fr);
    const toks = keyedTokens(text, fr);
    return toks.tokens.some((_, i) => p.every((keys, k) => i + k < toks.length && sharesKey(toks.keyAt(i + k), keys)));
  };
  it.each([
    ['elision with a curly apostrophe', "que Dieu L'assiste", 'que Dieu l’assiste', true],
    ['inflection and case', 'Jeux olympiques', 'aux Jeux Olympiques', true],
    ['singular for a plural term', 'directives royales', 'une directive royale', true],
    ['word boundary', 'site', 'le website officiel', false],
    ['hyphenated compound', 'sahélo-saharienne', 'la bande sahélo-saharienne', true],
  ])('%s', (_what, term, text, expected) => {
    expect(matches(term, text)).toBe(expected);
  });
});
