/*
 * Arabic term matching (https://en.wikipedia.org/wiki/Arabic_alphabet#Letter_forms and the usual IR normalisation):
 * harakat, Quranic marks and tatweel are ignored; أ إ آ ٱ count as ا, ى and Persian ی as ي, ة as ه, ؤ as و,
 * ئ as ي, Persian ک as ك. A word may carry attached clitics: a conjunction (و ف), then a preposition (ب ل ك),
 * then the article ال — with ل + ال written لل ("للتوجيهات" = "to the directives").
 */

const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const FOLD: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي', ک: 'ك' };
const FOLDABLE = /[أإآٱىیةؤئک]/g;
/** The same rules, for text search (shared/search): marks ignored, letter variants as one. */
export { MARKS as ARABIC_MARKS, FOLD as ARABIC_LETTER_VARIANTS };

export function normalizeArabic(word: string): string {
  return word
    .replace(MARKS, '')
    .replace(FOLDABLE, (c) => FOLD[c]!)
    .toLowerCase();
}

const CONJ = ['', 'و', 'ف'];
const PREP = ['', 'ب', 'ل', 'ك'];
const ARTICLE = 'ال';
/** Shortest stem kept after removing clitics (two-letter words such as يد exist). */
const MIN_STEM = 2;

/** Keys of a word in running text: the word and every reading with its clitics removed. */
export function arabicTextKeys(word: string): string[] {
  const w = normalizeArabic(word);
  const keys = new Set<string>([w]);
  const add = (k: string) => {
    if (k.length >= MIN_STEM) keys.add(k);
  };
  for (const conj of CONJ) {
    if (!w.startsWith(conj)) continue;
    const a = w.slice(conj.length);
    for (const prep of PREP) {
      if (!a.startsWith(prep)) continue;
      const b = a.slice(prep.length);
      if (prep === 'ل' && b.startsWith('ل')) {
        // لل = ل + ال: the article's alef is dropped after the preposition.
        add(ARTICLE + b.slice(1));
        add(b.slice(1));
      }
      add(b);
      if (b.startsWith(ARTICLE)) add(b.slice(ARTICLE.length));
    }
  }
  return [...keys];
}

/** Keys of a word in a glossary term (dictionary form: no conjunction or preposition, maybe the article). */
export function arabicTermKeys(word: string): string[] {
  const w = normalizeArabic(word);
  return w.startsWith(ARTICLE) && w.length - ARTICLE.length >= MIN_STEM ? [w, w.slice(ARTICLE.length)] : [w];
}
