import { arabicTermKeys, arabicTextKeys } from './normalize-ar';
import { englishKeys, frenchKeys, genericKeys } from './normalize-fr';
import { profileFor } from './lang-profile';
import { stemmerFor } from './stemmers';
import { foldLatin, primaryLang, words, type Token } from './text';

/**
 * How one language's words are compared: each word gets a few keys (its normalised form and its variants);
 * a glossary word matches a text word when they share a key.
 */
export interface TermNormalizer {
  lang: string;
  textKeys(word: string): readonly string[];
  termKeys(word: string): readonly string[];
  /**
   * The first character every key of the word starts with (Latin scripts: case and accents folded), for a cheap
   * test before computing keys; absent where keys may start elsewhere (Arabic: attached clitics are removed).
   */
  initial?: (word: string) => string;
  /** The last few texts' keyed tokens (the checks of one segment ask more than once). */
  recent: Map<string, KeyedText>;
  /** Words join into compounds (profile): an accepted target term may sit inside a longer word. */
  compounds: boolean;
  /** Splits a text into words (letters and digits, or Intl.Segmenter for languages without spaces). */
  tokenize(text: string): Token[];
}

/** A text's words, each word's keys computed when first asked for (arrays shared with the memo). */
export class KeyedText {
  private readonly keys: (readonly string[] | undefined)[];
  constructor(
    readonly tokens: readonly Token[],
    private readonly norm: TermNormalizer,
  ) {
    this.keys = new Array<readonly string[] | undefined>(tokens.length);
  }
  get length(): number {
    return this.tokens.length;
  }
  keyAt(i: number): readonly string[] {
    return (this.keys[i] ??= this.norm.textKeys(this.tokens[i]!.text));
  }
  initialAt(i: number): string | null {
    return this.norm.initial ? this.norm.initial(this.tokens[i]!.text) : null;
  }
}

// Words repeat a lot: memoise their keys (bounded, cleared when full).
const CACHE_LIMIT = 200_000;

function memo(fn: (w: string) => string[]): (w: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (w) => {
    let k = cache.get(w);
    if (!k) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      k = fn(w);
      cache.set(w, k);
    }
    return k;
  };
}

const normalizers = new Map<string, TermNormalizer>();
/** Lower case (and accents when asked), and the Snowball stem: "Wasserstoffbusse" → "wasserstoffbuss". */
function stemKeys(stem: (w: string) => string, word: string, accentInsensitive: boolean): string[] {
  const w = foldLatin(word, accentInsensitive ? 'strip' : 'keep');
  const st = stem(w);
  const stemmed = accentInsensitive ? foldLatin(st, 'strip') : st;
  return stemmed && stemmed !== w ? [w, stemmed] : [w];
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Words by Intl.Segmenter, for languages written without spaces (Chinese, Japanese, Thai). */
export function segmentedWords(text: string, lang: string): Token[] {
  let seg = segmenters.get(lang);
  if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: 'word' })));
  const out: Token[] = [];
  for (const s of seg.segment(text))
    if (s.isWordLike) out.push({ start: s.index, end: s.index + s.segment.length, text: s.segment });
  return out;
}

/** A text's words as the language's profile splits them (letters and digits, or Intl.Segmenter). */
export function wordsIn(text: string, lang: string): Token[] {
  return profileFor(lang).segmenter ? segmentedWords(text, lang) : words(text);
}

export function normalizerFor(lang: string, accentInsensitive: boolean): TermNormalizer {
  const profile = profileFor(lang);
  const id = `${profile.tag}|${accentInsensitive}`;
  let n = normalizers.get(id);
  if (!n) {
    const p = primaryLang(lang);
    const tokenize = profile.segmenter ? (text: string) => segmentedWords(text, lang) : words;
    const base = { lang: p, compounds: profile.compounds, tokenize, recent: new Map<string, KeyedText>() };
    if (profile.termKeys === 'arabic') {
      n = { ...base, textKeys: memo(arabicTextKeys), termKeys: memo(arabicTermKeys) };
    } else if (profile.termKeys === 'stem' && profile.stemmer) {
      const stem = stemmerFor(profile.stemmer);
      const k = memo((w) => stemKeys(stem, w, accentInsensitive));
      // No `initial`: a stem may start with another letter than the word (German "Über" → "uber").
      n = { ...base, textKeys: k, termKeys: k };
    } else {
      const keys = profile.termKeys === 'fr' ? frenchKeys : profile.termKeys === 'en' ? englishKeys : genericKeys;
      const k = memo((w) => keys(w, accentInsensitive));
      const initials = new Map<string, string>();
      const initial = (w: string) => {
        const c = String.fromCodePoint(w.codePointAt(0) ?? 32);
        let f = initials.get(c);
        if (f === undefined) initials.set(c, (f = foldLatin(c, accentInsensitive ? 'strip' : 'keep').charAt(0)));
        return f;
      };
      n = { ...base, textKeys: k, termKeys: k, initial };
    }
    normalizers.set(id, n);
  }
  return n;
}

export function keyedTokens(text: string, norm: TermNormalizer): KeyedText {
  let k = norm.recent.get(text);
  if (!k) {
    if (norm.recent.size >= 8) norm.recent.clear();
    k = new KeyedText(norm.tokenize(text), norm);
    norm.recent.set(text, k);
  }
  return k;
}

/** A glossary term as a sequence of key sets, one per word. */
export function termPattern(term: string, norm: TermNormalizer): (readonly string[])[] {
  return norm.tokenize(term).map((t) => norm.termKeys(t.text));
}

export function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}
