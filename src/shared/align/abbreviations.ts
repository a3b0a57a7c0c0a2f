/**
 * What a sentence splitter needs to know about a language, by BCP 47 primary subtag: words written with a
 * full stop that does not end a sentence, and whether "18." is an ordinal ("am 18. Mai") rather than the end
 * of a sentence. Data, not code: a language is supported by adding a line here.
 */
export interface SentenceRules {
  /** Abbreviations, without their final full stop, compared case-sensitively. */
  abbreviations: readonly string[];
  /** "12." is an ordinal number (German, Scandinavian, Slavic, Finno-Ugric and Turkish usage). */
  ordinalDot: boolean;
}

const ORDINAL_DOT = { abbreviations: [], ordinalDot: true } as const;

export const SENTENCE_RULES: Readonly<Record<string, SentenceRules>> = {
  de: {
    abbreviations: [
      'Abb',
      'Abs',
      'Bd',
      'bzw',
      'ca',
      'Dr',
      'evtl',
      'Fa',
      'Fr',
      'geb',
      'ggf',
      'Hr',
      'Hrsg',
      'inkl',
      'Jh',
      'Kap',
      'Mio',
      'Mrd',
      'Nr',
      'Prof',
      'sog',
      'St',
      'Str',
      'Tel',
      'usw',
      'vgl',
      'Vol',
      'zit',
    ],
    ordinalDot: true,
  },
  fr: {
    abbreviations: [
      'MM',
      'Mme',
      'Mmes',
      'Mlle',
      'Mlles',
      'Me',
      'Mgr',
      'Dr',
      'Pr',
      'St',
      'Ste',
      'pp',
      'cf',
      'vol',
      'chap',
      'fig',
      'env',
      'av',
      'apr',
      'bd',
      'éd',
      'ex',
      'hab',
      'min',
      'no',
      'nos',
      'tél',
    ],
    ordinalDot: false,
  },
  en: {
    abbreviations: [
      'Mr',
      'Mrs',
      'Ms',
      'Dr',
      'Prof',
      'St',
      'Jr',
      'Sr',
      'vs',
      'Inc',
      'Ltd',
      'Co',
      'Corp',
      'No',
      'Nos',
      'Fig',
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Sept',
      'Oct',
      'Nov',
      'Dec',
      'approx',
      'Dept',
      'Gen',
      'Gov',
      'Lt',
      'Col',
      'Capt',
      'Rev',
      'Sen',
      'Rep',
      'Mt',
    ],
    ordinalDot: false,
  },
  es: { abbreviations: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Ud', 'Uds', 'pág', 'núm', 'etc'], ordinalDot: false },
  it: { abbreviations: ['Sig', 'Sigg', 'Dott', 'Prof', 'pag', 'ecc', 'ca'], ordinalDot: false },
  // Arabic abbreviations are single letters with a full stop (د. for doctor), which every language gets.
  ar: { abbreviations: [], ordinalDot: false },
  da: ORDINAL_DOT,
  nb: ORDINAL_DOT,
  no: ORDINAL_DOT,
  fi: ORDINAL_DOT,
  cs: ORDINAL_DOT,
  sk: ORDINAL_DOT,
  pl: ORDINAL_DOT,
  hu: ORDINAL_DOT,
  tr: ORDINAL_DOT,
  sl: ORDINAL_DOT,
  hr: ORDINAL_DOT,
  et: ORDINAL_DOT,
  is: ORDINAL_DOT,
};

const NONE: SentenceRules = { abbreviations: [], ordinalDot: false };

/** The rules of a language tag: "de-CH" falls back to "de"; an unknown language gets the universal rules only. */
export function sentenceRules(lang: string | undefined): SentenceRules {
  if (!lang) return NONE;
  const tag = lang.toLowerCase();
  return SENTENCE_RULES[tag] ?? SENTENCE_RULES[tag.split('-')[0]!] ?? NONE;
}
