/**
 * The i18next context for a word put into a sentence: "vowel" when it begins with a vowel sound, so that a
 * language that elides before one (French: "en tant qu’Amina", "Envoi d’article.xlf") says so in its own
 * `key_vowel` string. Languages that do not elide give `key_vowel` the same text as `key`; the rule about
 * which words elide is in the strings, not here. A leading h is left alone: French has both h muet and
 * h aspiré, and "que Hugo" is never wrong where "qu’Hugo" may be.
 */
export function elisionContext(word: string): 'vowel' | undefined {
  const first = word.trim().normalize('NFD').charAt(0).toLowerCase();
  return 'aeiouœæ'.includes(first) && first !== '' ? 'vowel' : undefined;
}
