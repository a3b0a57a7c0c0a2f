import { LANGUAGE_DATA, type ProfileData } from './lang-data';

/*
 * Language profiles: what the checks need to know about a language, as data (lang-data.ts), looked up by BCP 47
 * tag with fallbacks: "de-CH-1996" → "de-CH" → "de" → the default profile. A regional profile only says what
 * differs from its language's ("de-CH" writes «…» and no ß). Number separators come from CLDR through Intl.
 * No check tests a language code: each reads the profile.
 */

export interface QuotePair {
  open: string;
  close: string;
}

export interface LanguageProfile {
  /** The tag whose data was found ("de" for "de-AT"), or "default". */
  tag: string;
  /** Words are split by Intl.Segmenter (no spaces between words: Chinese, Japanese, Thai…), not by letters. */
  segmenter: boolean;
  /** Nouns are capitalised (German): a capital letter is no evidence of a name. */
  capitalisesNouns: boolean;
  /** Words join into compounds (German, Dutch): a term may sit inside a longer word ("Wasserstoffbusse"). */
  compounds: boolean;
  /** Doubled words that are grammatical ("die die", "nous nous"), lower case. */
  grammaticalDoubles: ReadonlySet<string>;
  /** Spelled-out numbers, ordinals and month names, keys folded (lower case, no accents). */
  numberWords: ReadonlyMap<string, number>;
  /** Quotation marks of the language (brackets and straight quotes are everywhere). */
  quotes: readonly QuotePair[];
  /** French typography: a no-break space before : ; ! ? and inside « ». */
  noBreakSpaceBeforePunctuation: boolean;
  /** Typographic apostrophe (’) in fixes when the text has none. */
  typographicApostrophe: boolean;
  /** Sentence-initial capitalised words that are never names (folded). */
  sentenceStarters: ReadonlySet<string>;
  /** Endings that make a derived word of a name (Algérie → Algérien, Frankreich → französisch excluded). */
  nameSuffixes: ReadonlySet<string>;
  /** Inflection endings of a name (Royaume/Royaumes). */
  nameInflections: readonly string[];
  /** Glossary matching: today's French or English rules, Arabic clitics, a Snowball stemmer, or case only. */
  termKeys: 'fr' | 'en' | 'arabic' | 'stem' | 'plain';
  /** Snowball algorithm name for termKeys 'stem' (snowball-stemmers). */
  stemmer: string | null;
  /** How a lone "," or "." before three digits reads: from CLDR (Intl), unless the profile says "either". */
  decimal: string;
  group: string;
  /** Keep both readings of "1,000" / "1.000" (texts mixing conventions, as Arabic news does). */
  ambiguousSeparators: boolean;
  /** Inflection endings the spelling check may take off a word the dictionary lacks (German adjectives). */
  inflectionEndings: readonly string[];
  /** Spelling variants one step apart (German "ss" → "ß"), tried before single-letter edits. */
  spellingPairs: readonly (readonly [string, string])[];
  /** Letters beyond a–z that a single-letter edit may insert (German ä ö ü ß). */
  extraLetters: string;
  /** Words that multiply the number before them ("2 millions", "3万"), lower case. */
  multipliers: ReadonlyMap<string, number>;
  /** Multipliers stand against the number and the next word (3万人): no space before, no word boundary after. */
  multipliersAttached: boolean;
  /** Elided words before an apostrophe that count as words of their own (French "l’", "qu’"), lower case. */
  elisions: ReadonlySet<string>;
  /** The Hunspell dictionary package that can check this language's spelling (server and CLI only), if any. */
  dictionary: string | null;
}

const profiles = new Map<string, LanguageProfile>();

/** Canonical form of a tag ("DE_ch" → "de-CH"), or the lower-cased input when it is not a valid tag. */
export function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'und';
  } catch {
    return tag.toLowerCase();
  }
}

/** "de-CH-1996" → ["de-CH-1996", "de-CH", "de"]. */
export function fallbacks(tag: string): string[] {
  const parts = canonicalTag(tag).split('-');
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('-'));
  return out;
}

function cldrKnows(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false; // not a valid tag
  }
}

function separators(tag: string): { decimal: string; group: string } {
  try {
    const parts = new Intl.NumberFormat(`${tag}-u-nu-latn`).formatToParts(1234567.5);
    return {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
  } catch {
    return { decimal: '.', group: ',' };
  }
}

function build(tag: string): LanguageProfile {
  const chain = fallbacks(tag);
  const found = chain.filter((t) => LANGUAGE_DATA[t] !== undefined);
  // Most general first, so that the regional data overrides its language's.
  const data: ProfileData = Object.assign({}, LANGUAGE_DATA.default, ...found.reverse().map((t) => LANGUAGE_DATA[t]));
  const known = found.length > 0 ? found[found.length - 1]! : 'default';
  const numberWords = new Map<string, number>();
  for (const [w, v] of Object.entries(data.numberWords ?? {})) numberWords.set(foldKey(w), v);
  const sep = separators(chain[0] ?? 'und');
  return {
    tag: known,
    segmenter: data.segmenter ?? false,
    capitalisesNouns: data.capitalisesNouns ?? false,
    compounds: data.compounds ?? false,
    grammaticalDoubles: new Set(data.grammaticalDoubles ?? []),
    numberWords,
    quotes: (data.quotes ?? []).map(([open, close]) => ({ open, close })),
    noBreakSpaceBeforePunctuation: data.noBreakSpaceBeforePunctuation ?? false,
    typographicApostrophe: data.typographicApostrophe ?? false,
    sentenceStarters: new Set((data.sentenceStarters ?? []).map(foldKey)),
    nameSuffixes: new Set(data.nameSuffixes ?? []),
    // Longest ending first: "Royaumes" loses "es", not "s".
    nameInflections: [...(data.nameInflections ?? [])].sort((a, b) => b.length - a.length),
    termKeys: data.termKeys ?? 'plain',
    stemmer: data.stemmer ?? null,
    decimal: sep.decimal,
    group: sep.group,
    // A tag CLDR does not know ("und", "xx") says nothing about its separators: keep both readings.
    ambiguousSeparators: (data.ambiguousSeparators ?? false) || !cldrKnows(chain[0] ?? 'und'),
    dictionary: data.dictionary ?? null,
    multipliers: new Map(Object.entries(data.multipliers ?? {}).map(([w, v]) => [w.toLowerCase(), v])),
    multipliersAttached: data.multipliersAttached ?? false,
    elisions: new Set(data.elisions ?? []),
    spellingPairs: data.spellingPairs ?? [],
    extraLetters: data.extraLetters ?? '',
    inflectionEndings: [...(data.inflectionEndings ?? [])].sort((a, b) => b.length - a.length),
  };
}

function foldKey(w: string): string {
  return w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** The profile for a BCP 47 tag (memoised). */
export function profileFor(tag: string): LanguageProfile {
  const key = tag || 'und';
  let p = profiles.get(key);
  if (!p) profiles.set(key, (p = build(key)));
  return p;
}
