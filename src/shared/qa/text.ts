import { profileFor } from './lang-profile';
/** Words and small text helpers shared by the checks. Offsets are UTF-16 code units, like flags' anchors. */

export interface Token {
  start: number;
  end: number;
  text: string;
}

// Letters, combining marks (harakat, accents) and digits make words; apostrophes, hyphens and punctuation split them,
// so French elision ("l’Intérieur") gives two words and "site" never matches inside "website".
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
// One flag per UTF-16 code unit, filled on first use: 1 word character, 2 high surrogate (look at the pair), 0 other.
// Scanning with it is several times faster than a Unicode regex.
let BMP: Uint8Array | null = null;

function wordTable(): Uint8Array {
  if (!BMP) {
    BMP = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++)
      BMP[c] = c >= 0xd800 && c <= 0xdbff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return BMP;
}

const astralWord = (text: string, i: number) => WORD_CHAR.test(text.slice(i, i + 2));

function scanWords(text: string): Token[] {
  const table = wordTable();
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = 0;
    while (i < n && (c = table[text.charCodeAt(i)]!) !== 1) {
      if (c === 2 && astralWord(text, i)) break;
      i++;
    }
    if (i >= n) break;
    const start = i;
    while (i < n) {
      c = table[text.charCodeAt(i)]!;
      if (c === 1) i++;
      else if (c === 2 && astralWord(text, i)) i += 2;
      else break;
    }
    out.push({ start, end: i, text: text.slice(start, i) });
  }
  return out;
}

// The checks of one segment all tokenise the same strings: keep the last few (V8 caches a string's hash).
const recent = new Map<string, Token[]>();

export function words(text: string): Token[] {
  let w = recent.get(text);
  if (!w) {
    if (recent.size >= 8) recent.clear();
    w = scanWords(text);
    recent.set(text, w);
  }
  return w;
}

/** "fr-FR" → "fr". */
export const primaryLang = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0]!;

export const isUpperInitial = (word: string): boolean => {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
};

let UPPER: Uint8Array | null = null;

/** Whether the UTF-16 unit at i is an upper-case letter (BMP only; a table, no allocation). */
export function upperAt(text: string, i: number): boolean {
  if (!UPPER) {
    UPPER = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++)
      if (c < 0xd800 || c > 0xdfff) UPPER[c] = isUpperInitial(String.fromCharCode(c)) ? 1 : 0;
  }
  return UPPER[text.charCodeAt(i)] === 1;
}

export const isAllUpper = (word: string): boolean => word === word.toUpperCase() && word !== word.toLowerCase();

/** Lower case, œ/æ spelled out, and optionally without accents (NFD, combining marks removed). */
export function foldLatin(word: string, accents: 'keep' | 'strip'): string {
  let w = word.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  if (accents === 'strip') w = w.normalize('NFD').replace(/\p{M}/gu, '');
  return w.normalize('NFC');
}

const folded = new Map<string, string>();

/** foldLatin(word, 'strip'), memoised: names and number words fold the same few words over and over. */
export function foldStrip(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    if (folded.size >= 100_000) folded.clear();
    f = foldLatin(word, 'strip');
    folded.set(word, f);
  }
  return f;
}

/**
 * Apostrophes as the text writes them (’ or '), whatever the glossary used; when the text has none, languages
 * whose profile asks for it (French) get the typographic ’.
 */
export function matchApostrophes(replacement: string, text: string, lang: string): string {
  const curly = text.includes('’');
  const straight = text.includes("'");
  if (curly && !straight) return replacement.replace(/'/g, '’');
  if (straight && !curly) return replacement.replace(/’/g, "'");
  if (!curly && !straight && profileFor(lang).typographicApostrophe) return replacement.replace(/'/g, '’');
  return replacement;
}
