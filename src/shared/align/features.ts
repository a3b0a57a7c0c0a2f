/**
 * Anchors that need no dictionary: numbers, cognates and names (the first letters of longer words, accents
 * and case folded), and the rarer punctuation. Each sentence becomes a bag of feature ids; the aligner
 * rewards a pair for the features it shares and penalises numbers that one side has and the other lacks.
 */

/** Where the digits 0–9 of a script start (NFKC already folds full-width digits to ASCII). */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50];

// After folding (NFD, marks removed, lower case): numbers, words, and the punctuation worth matching.
const TOKEN = /(\p{N}+)|(\p{L}+)|([?!:;()«»"“”„%§&+=/])/gu;
const MARKS = /\p{M}/gu;

/** Digits of any script as ASCII, so that "٢٠٢٤" and "2024" are the same anchor. */
export function asciiDigits(digits: string): string {
  let out = '';
  for (const ch of digits) {
    const cp = ch.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    out += zero === undefined ? ch : String(cp - zero);
  }
  return out;
}

export interface FeatureOptions {
  /** Letters kept of a word for it to count as a cognate or a name (Simard's 4). */
  prefix: number;
  /** Weight of a shared number, of a shared word prefix, of a shared punctuation mark. */
  numberWeight: number;
  wordWeight: number;
  punctWeight: number;
  /** Weight of a word pair of the lexicon induced from the document itself (second pass). */
  lexWeight: number;
  /** Weight of a word pair of the optional bilingual dictionary (`dictionary` in the aligner's options). */
  dictWeight: number;
  /** Letters a word may lose at its end to be found in the dictionary (crude inflection, any language). */
  dictTrim: number;
  /** 1: upper-case Roman numerals of two letters or more (II, IV, XII) are numbers ("camp IV" = "Lager 4"). */
  romanNumerals: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  prefix: 4,
  numberWeight: 2,
  wordWeight: 1,
  punctWeight: 0.3,
  lexWeight: 0,
  dictWeight: 0.25,
  dictTrim: 2,
  romanNumerals: 1,
};

const ROMAN = /(?<![\p{L}\p{N}])(?=[IVX]{2})(X{0,3})(IX|IV|V?I{0,3})(?![\p{L}\p{N}])/gu;
const ROMAN_VALUE: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9 };

/** The text with its Roman numerals of two letters or more (up to XXXIX) as Arabic numbers. */
export const romanToArabic = (text: string): string =>
  text.replace(ROMAN, (_: string, tens: string, units: string) => String(tens.length * 10 + (ROMAN_VALUE[units] ?? 0)));

export interface SentenceFeatures {
  /** Feature ids (into a shared vocabulary) with their counts in the sentence. */
  ids: number[];
  counts: number[];
  /** How many number tokens the sentence holds. */
  numbers: number;
  /** Letters and digits: what Gale–Church counts (spaces and punctuation vary with typography). */
  length: number;
}

export type FeatureKind = 'number' | 'word' | 'punct' | 'lex' | 'dict';

export interface Vocabulary {
  ids: Map<string, number>;
  kinds: FeatureKind[];
}

export const newVocabulary = (): Vocabulary => ({ ids: new Map(), kinds: [] });

function featureId(vocab: Vocabulary, key: string, kind: FeatureKind): number {
  let id = vocab.ids.get(key);
  if (id === undefined) {
    id = vocab.kinds.length;
    vocab.ids.set(key, id);
    vocab.kinds.push(kind);
  }
  return id;
}

/** Letters and digits in a text. */
export const contentLength = (text: string): number => text.replace(/[^\p{L}\p{N}]+/gu, '').length;

const fold = (text: string) => text.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase();

/** The words of a text, folded as the anchors are (accents and case), for the induced lexicon. */
export const unitWords = (text: string): string[] => fold(text).match(/\p{L}+/gu) ?? [];

/** A bilingual dictionary as the aligner uses it: each folded word → the keys of its pairs. */
export interface Dictionary {
  source: Map<string, string[]>;
  target: Map<string, string[]>;
}

/**
 * Word pairs (source word, target word; single words, any case or accents) as a dictionary. The data comes
 * from the caller (a file it loads): nothing is shipped, and the aligner works without one.
 */
export function buildDictionary(pairs: Iterable<readonly [string, string]>): Dictionary {
  const dictionary: Dictionary = { source: new Map(), target: new Map() };
  const add = (map: Map<string, string[]>, word: string, key: string) => {
    const list = map.get(word);
    if (list) list.push(key);
    else map.set(word, [key]);
  };
  for (const [s, t] of pairs) {
    const a = fold(s.trim());
    const b = fold(t.trim());
    if (!/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b)) continue;
    const key = `${a}=${b}`;
    add(dictionary.source, a, key);
    add(dictionary.target, b, key);
  }
  return dictionary;
}

/** Reads a dictionary file: one pair a line, source and target word separated by a tab. */
export const parseDictionary = (tsv: string): Dictionary =>
  buildDictionary(
    tsv
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells): cells is [string, string] => cells.length >= 2)
      .map(([s, t]) => [s, t] as const),
  );

/** The dictionary pairs of a word: as it is, or failing that less up to `trim` letters at its end. */
function dictionaryKeys(dictionary: ReadonlyMap<string, readonly string[]>, word: string, trim: number) {
  for (let k = 0; k <= trim && word.length - k >= 4; k++) {
    const keys = dictionary.get(k === 0 ? word : word.slice(0, -k));
    if (keys) return keys;
  }
  return dictionary.get(word) ?? [];
}

/**
 * `lexicon` maps a folded word of this side to the key of its lexicon pair: both words of a pair then share
 * that feature, as two cognates share their prefix.
 */
export function sentenceFeatures(
  text: string,
  vocab: Vocabulary,
  opts: FeatureOptions,
  lexicon?: ReadonlyMap<string, string>,
  dictionary?: ReadonlyMap<string, readonly string[]>,
): SentenceFeatures {
  const counts = new Map<number, number>();
  let numbers = 0;
  const add = (id: number) => counts.set(id, (counts.get(id) ?? 0) + 1);
  const folded = fold(opts.romanNumerals ? romanToArabic(text) : text);
  for (const [, number, word, punct] of folded.matchAll(TOKEN)) {
    if (number !== undefined) {
      const digits = /^[0-9]+$/.test(number) ? number : asciiDigits(number);
      add(featureId(vocab, `n:${digits.replace(/^0+(?=\d)/, '')}`, 'number'));
      numbers++;
    } else if (word !== undefined) {
      // Code units: a letter outside the BMP counts twice, which only makes such words anchors sooner.
      const pair = lexicon?.get(word);
      if (pair !== undefined) add(featureId(vocab, `l:${pair}`, 'lex'));
      if (dictionary)
        for (const key of dictionaryKeys(dictionary, word, opts.dictTrim)) add(featureId(vocab, `d:${key}`, 'dict'));
      if (word.length < opts.prefix) continue;
      add(featureId(vocab, `w:${word.slice(0, opts.prefix)}`, 'word'));
    } else if (punct !== undefined) {
      add(featureId(vocab, `p:${/[«»“”„]/u.test(punct) ? '"' : punct}`, 'punct'));
    }
  }
  return { ids: [...counts.keys()], counts: [...counts.values()], numbers, length: contentLength(text) };
}
