import { arabicTermKeys, arabicTextKeys } from './normalize-ar';
import { englishKeys, frenchKeys, genericKeys } from './normalize-fr';
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

export function normalizerFor(lang: string, accentInsensitive: boolean): TermNormalizer {
  const p = primaryLang(lang);
  const id = `${p}|${accentInsensitive}`;
  let n = normalizers.get(id);
  if (!n) {
    if (p === 'ar' || p === 'fa' || p === 'ur') {
      n = { lang: p, textKeys: memo(arabicTextKeys), termKeys: memo(arabicTermKeys), recent: new Map() };
    } else {
      const keys = p === 'fr' ? frenchKeys : p === 'en' ? englishKeys : genericKeys;
      const k = memo((w) => keys(w, accentInsensitive));
      const initials = new Map<string, string>();
      const initial = (w: string) => {
        const c = String.fromCodePoint(w.codePointAt(0) ?? 32);
        let f = initials.get(c);
        if (f === undefined) initials.set(c, (f = foldLatin(c, accentInsensitive ? 'strip' : 'keep').charAt(0)));
        return f;
      };
      n = { lang: p, textKeys: k, termKeys: k, initial, recent: new Map() };
    }
    normalizers.set(id, n);
  }
  return n;
}

export function keyedTokens(text: string, norm: TermNormalizer): KeyedText {
  let k = norm.recent.get(text);
  if (!k) {
    if (norm.recent.size >= 8) norm.recent.clear();
    k = new KeyedText(words(text), norm);
    norm.recent.set(text, k);
  }
  return k;
}

/** A glossary term as a sequence of key sets, one per word. */
export function termPattern(term: string, norm: TermNormalizer): (readonly string[])[] {
  return words(term).map((t) => norm.termKeys(t.text));
}

export function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}
