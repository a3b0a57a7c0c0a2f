/**
 * Word counts for MQM scoring (penalty points per 1,000 evaluated words).
 *
 * Words are the `isWordLike` segments of `Intl.Segmenter(lang, {granularity: 'word'})` (Unicode UAX #29
 * plus ICU dictionaries for Thai, Khmer, CJK…), with these conventions, close to what CAT tools count:
 * - Han, Hiragana and Katakana text counts one word per character, the usual convention for Chinese and
 *   Japanese (word boundaries there are a dictionary's guess; characters are what rates and counts use).
 *   This follows the script, not `lang`: a Japanese name quoted in an English text counts per character.
 *   Latin words and numbers inside CJK text count one each. Korean (Hangul) uses spaces: normal words.
 * - Arabic: the segmenter's words; attached clitics (وفرنسا "and France") make one word, as in CAT tools.
 * - French, Italian, Catalan: an elided article or pronoun counts as its own word, so "l’Intérieur",
 *   "qu’il" and "d’aujourd’hui" are 2 words each ("aujourd’hui" alone is 1). English "don't" stays 1.
 * - A hyphenated compound ("e-mail", "Junior-Berufe") is 1 word; a number with digit-group spaces
 *   ("1 000 000", French style, also with no-break or narrow no-break spaces) is 1 word.
 * - Punctuation, symbols and spaces never count.
 */
import { profileFor } from './qa/lang-profile';

// One segmenter per language: constructing Intl objects costs far more than using them.
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let seg = segmenters.get(lang);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(lang, { granularity: 'word' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'word' }); // malformed tag: root rules
    }
    segmenters.set(lang, seg);
  }
  return seg;
}

// Ideographs and kana; ー (U+30FC, halfwidth U+FF70) is "Common" script but is part of katakana words.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const APOSTROPHE = /['’ʼ]/gu;

// Hyphen between letters/digits: joined for counting ("e-mail" → "email").
const INNER_HYPHEN = /(?<=[\p{L}\p{N}])[-\u2010\u2011](?=[\p{L}\p{N}])/gu;
// Digit groups separated by a space, NBSP or NNBSP ("1 000 000"): joined for counting.
const GROUPED_NUMBER = /(?<!\d)\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)/gu;

/** Words in one word-like segment: extra words for elisions (the language profile's: fr, it, ca). */
function elisionWords(word: string, elided: ReadonlySet<string> | undefined): number {
  if (!elided) return 1;
  let count = 1;
  let from = 0;
  for (const m of word.matchAll(APOSTROPHE)) {
    const at = m.index;
    if (at > from && at < word.length - 1 && elided.has(word.slice(from, at).toLowerCase())) {
      count++;
      from = at + 1;
    }
  }
  return count;
}

// Segmenting is the costly part (~5 µs a word in V8) and a scorecard recounts every segment on each change,
// mostly unchanged texts: counts are remembered per language, then per text, the memo cleared when it grows
// large. Two levels, not one key `lang + text`: a text's hash is computed once and kept on the string, where a
// joined key is a new string to hash on every lookup (a 10,000-paragraph document: 3 MB hashed per score).
const memo = new Map<string, Map<string, number>>();
const MEMO_MAX = 50_000;
const NOT_SPACE = /\S/u;
let memoSize = 0;

/** Number of words in `text` of language `lang` (a BCP 47 tag such as "fr", "ar", "zh-Hans"). */
export function countWords(text: string, lang: string): number {
  if (!NOT_SPACE.test(text)) return 0;
  let byText = memo.get(lang);
  const known = byText?.get(text);
  if (known !== undefined) return known;
  if (memoSize >= MEMO_MAX) {
    memo.clear();
    memoSize = 0;
    byText = undefined;
  }
  if (!byText) memo.set(lang, (byText = new Map()));
  const n = count(text, lang);
  byText.set(text, n);
  memoSize++;
  return n;
}

function count(text: string, lang: string): number {
  const prepared = text.replace(INNER_HYPHEN, '').replace(GROUPED_NUMBER, (n) => n.replace(/[ \u00A0\u202F]/gu, ''));
  const elisions = profileFor(lang).elisions;
  const elided = elisions.size > 0 ? elisions : undefined;
  let count = 0;
  for (const s of segmenterFor(lang).segment(prepared)) {
    if (!s.isWordLike) continue;
    const cjk = s.segment.match(CJK_CHAR)?.length ?? 0;
    if (cjk === 0) {
      count += elisionWords(s.segment, elided);
      continue;
    }
    // Mixed segment (rare: the segmenter usually splits scripts): CJK characters plus one for the rest.
    count += cjk + (LETTER_OR_DIGIT.test(s.segment.replace(CJK_CHAR, '')) ? 1 : 0);
  }
  return count;
}
