import { profileFor, type LanguageProfile } from './lang-profile';
import { wordsIn } from './normalize';
import { isAllUpper, isUpperInitial, upperAt } from './text';
import type { Lexicon, QaSegment, RawFinding } from './types';

/*
 * Spelling: a word of the translation that the target language's Hunspell dictionary does not know. It exists
 * only where a dictionary is loaded (server and CLI: server/spelling/lexicon.ts); the browser shows the server's.
 * Left alone, as they are names, codes or words a dictionary cannot list: words with digits, all-capital words,
 * words also in the source or the glossary, words joined to an apostrophe (English "isn't"), capitalised words
 * where a capital marks a name (not in German, where it marks a noun), and in compounding languages (German,
 * Dutch) a word that splits into dictionary words, with a linking s, es, n or en ("Wasserstoff|busse").
 */

const MIN_LETTERS = 3;
const MIN_PART = 3;
const LINKS = ['', 's', 'es', 'n', 'en'];

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function known(lex: Lexicon, w: string): boolean {
  return lex.isWord(w) || lex.isWord(w.toLowerCase()) || lex.isWord(capital(w.toLowerCase()));
}

/** Whether the word splits into two or three dictionary words (the last one a word by itself). */
export function isCompound(lex: Lexicon, word: string, depth = 0): boolean {
  const w = word.toLowerCase();
  for (let i = MIN_PART; i <= w.length - MIN_PART; i++) {
    const tail = w.slice(i);
    const tailOk = known(lex, tail) || (depth < 1 && isCompound(lex, tail, depth + 1));
    if (!tailOk) continue;
    const head = w.slice(0, i);
    for (const link of LINKS) {
      if (!head.endsWith(link) || head.length - link.length < MIN_PART) continue;
      if (known(lex, head.slice(0, head.length - link.length))) return true;
    }
  }
  return false;
}

const APOSTROPHES = new Set(["'", '’', 'ʼ']);

function skip(text: string, start: number, end: number, word: string, profile: LanguageProfile): boolean {
  if (word.length < MIN_LETTERS || /\p{N}/u.test(word) || isAllUpper(word)) return true;
  if (APOSTROPHES.has(text[start - 1] ?? '') || APOSTROPHES.has(text[end] ?? '')) return true;
  if (!profile.capitalisesNouns && upperAt(text, start) && isUpperInitial(word)) return true;
  return false;
}

export function checkSpelling(
  seg: QaSegment,
  targetLang: string,
  lexicon: Lexicon,
  ignore: ReadonlySet<string>,
): RawFinding[] {
  const profile = profileFor(targetLang);
  const source = seg.source.toLowerCase();
  const out: RawFinding[] = [];
  for (const t of wordsIn(seg.target, targetLang)) {
    if (skip(seg.target, t.start, t.end, t.text, profile)) continue;
    const lower = t.text.toLowerCase();
    if (ignore.has(lower) || source.includes(lower)) continue;
    if (known(lexicon, t.text)) continue;
    if (profile.compounds && isCompound(lexicon, t.text)) continue;
    out.push({
      checkId: 'spelling',
      side: 'target',
      start: t.start,
      end: t.end,
      variant: 'default',
      params: { word: t.text, dictionary: lexicon.name },
    });
  }
  return out;
}
