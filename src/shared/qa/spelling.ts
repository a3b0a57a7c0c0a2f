import { profileFor, type LanguageProfile } from './lang-profile';
import { wordsIn } from './normalize';
import { americanSpellings, takesCommonwealthSpelling } from './spelling-variants';
import { isAllUpper, isUpperInitial, upperAt } from './text';
import type { Lexicon, QaSegment, RawFinding } from './types';

/*
 * Spelling: a word of the translation that the target language's Hunspell dictionary does not know. It exists
 * only where a dictionary is loaded (server and CLI: server/spelling/lexicon.ts); the browser shows the server's.
 * Left alone, as they are names, codes or words a dictionary cannot list: words with digits, all-capital words,
 * words also in the source or the glossary, words joined to an apostrophe (English "isn't"), capitalised words
 * where a capital marks a name (not in German, where it marks a noun), parts of hyphenated words and abbreviations,
 * a word written the same way twice or more in the document (a deliberate choice: "Multiversum"), a word known
 * once an inflection ending of the profile is taken off (the dictionaries miss forms: "galaktischen"), and in
 * compounding languages (German, Dutch) a word that splits into dictionary words, with a linking s, es, n or en
 * ("Wasserstoff|busse"). Of the rest, only a word one edit from a dictionary word is reported (a slip of the
 * keyboard, with that word as its fix when there is one): a rare word far from any is left alone.
 */

const MIN_LETTERS = 3;
const MIN_PART = 3;
const LINKS = ['', 's', 'es', 'n', 'en'];
const MIN_REPEATS = 2;

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function known(lex: Lexicon, w: string): boolean {
  return lex.isWord(w) || lex.isWord(w.toLowerCase()) || lex.isWord(capital(w.toLowerCase()));
}

/** Known once an inflection ending of the profile is taken off ("galaktischen" → "galaktisch"). */
function knownInflected(lex: Lexicon, w: string, endings: readonly string[]): boolean {
  for (const e of endings)
    if (w.length - e.length >= MIN_PART && w.endsWith(e) && known(lex, w.slice(0, -e.length))) return true;
  return false;
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

const BASE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const MAX_NEAR = 3;

/**
 * Dictionary words one edit away (a letter deleted, inserted, replaced, or two swapped), or one of the profile's
 * spelling pairs away (German "ss" for "ß"): at most MAX_NEAR. A word with none is a rare word the dictionary
 * lacks ("Multiversum"), not a slip of the keyboard ("Empfinflichkeit" → "Empfindlichkeit").
 */
export function nearWords(lex: Lexicon, word: string, profile: LanguageProfile): string[] {
  const out = new Set<string>();
  const add = (w: string) => {
    if (out.size < MAX_NEAR && w !== word && w.length >= 2 && lex.isWord(w)) out.add(w);
  };
  for (const [from, to] of profile.spellingPairs) {
    for (let i = word.indexOf(from); i !== -1; i = word.indexOf(from, i + 1))
      add(word.slice(0, i) + to + word.slice(i + from.length));
  }
  const letters = [...new Set(BASE_ALPHABET + profile.extraLetters + word.toLowerCase())].filter((c) =>
    /\p{L}/u.test(c),
  );
  for (let i = 0; i <= word.length && out.size < MAX_NEAR; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (b) add(a + b.slice(1));
    if (b.length > 1) add(a + b[1] + b[0] + b.slice(2));
    for (const c of letters) {
      const cc = i === 0 && isUpperInitial(word) ? c.toUpperCase() : c;
      if (b) add(a + cc + b.slice(1));
      add(a + cc + b);
    }
  }
  return [...out];
}

const APOSTROPHES = new Set(["'", '’', 'ʼ']);

const MAX_ABBREVIATION = 4;

/**
 * A word before a full stop that is an abbreviation rather than a sentence's last word: short ("Nr.", "bzw."),
 * known with its dot, or followed by more of the sentence ("Abt. für", "Jh. 20").
 */
function abbreviation(text: string, end: number, word: string, lex: Lexicon): boolean {
  if (text[end] !== '.') return false;
  if (word.length <= MAX_ABBREVIATION || lex.isWord(`${word}.`)) return true;
  return /^\.\s*[\p{Ll}\p{N}]/u.test(text.slice(end, end + 4));
}

function skip(text: string, start: number, end: number, word: string, profile: LanguageProfile, lex: Lexicon): boolean {
  if (word.length < MIN_LETTERS || /\p{N}/u.test(word) || isAllUpper(word)) return true;
  if (APOSTROPHES.has(text[start - 1] ?? '') || APOSTROPHES.has(text[end] ?? '')) return true;
  // Part of a hyphenated word or of an elided compound ("Kindersterblichkeits- und Impfraten"), or an abbreviation
  // (a sentence's last word is checked: "mehrere Stunnden." is a typo, not an abbreviation).
  if (/[-‐‑–]/.test(text[start - 1] ?? '') || /[-‐‑]/.test(text[end] ?? '')) return true;
  if (abbreviation(text, end, word, lex)) return true;
  if (!profile.capitalisesNouns && upperAt(text, start) && isUpperInitial(word)) return true;
  return false;
}

/**
 * `ignore`: lower-case words never reported (the glossary's); `frequent`: how often each lower-case word occurs in
 * the document's targets: a word written the same way several times is a deliberate choice, not a slip.
 */
export function checkSpelling(
  seg: QaSegment,
  targetLang: string,
  lexicon: Lexicon,
  ignore: ReadonlySet<string>,
  frequent: ReadonlyMap<string, number> = new Map(),
): RawFinding[] {
  const profile = profileFor(targetLang);
  const commonwealth = takesCommonwealthSpelling(targetLang);
  const source = seg.source.toLowerCase();
  const out: RawFinding[] = [];
  for (const t of wordsIn(seg.target, targetLang)) {
    if (skip(seg.target, t.start, t.end, t.text, profile, lexicon)) continue;
    const lower = t.text.toLowerCase();
    if (ignore.has(lower) || source.includes(lower) || (frequent.get(lower) ?? 0) >= MIN_REPEATS) continue;
    if (known(lexicon, t.text) || knownInflected(lexicon, t.text, profile.inflectionEndings)) continue;
    if (profile.compounds && isCompound(lexicon, t.text)) continue;
    if (commonwealth && americanSpellings(t.text).some((w) => known(lexicon, w))) continue;
    const near = nearWords(lexicon, t.text, profile);
    if (near.length === 0) continue;
    out.push({
      checkId: 'spelling',
      side: 'target',
      start: t.start,
      end: t.end,
      variant: 'default',
      params: { word: t.text, dictionary: lexicon.name, suggestions: near.join(', ') },
      ...(near.length === 1 ? { fix: near[0]! } : {}),
    });
  }
  return out;
}
