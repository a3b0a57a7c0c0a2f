import { describe, expect, it } from 'vitest';
import type { Glossary } from '../formats/glossary';
import { checkDocument, type QaDocument } from './engine';
import { fallbacks, profileFor } from './lang-profile';
import { parseNumbers } from './number-parse';
import { countWords } from '../word-count';
import type { Finding, Lexicon } from './types';
// German glossary matching stems words: the stemmers are provided as the server provides them.
import './snowball';

const doc = (sourceLang: string, targetLang: string, pairs: [string, string][]): QaDocument => ({
  sourceLang,
  targetLang,
  segments: pairs.map(([source, target], i) => ({ id: `s${i + 1}`, index: i, source, target })),
});
const run = (d: QaDocument, glossary: Glossary | null = null, lexicon: Lexicon | null = null) =>
  checkDocument(d, glossary, undefined, lexicon);
const brief = (f: Finding) => [f.segmentIndex, f.checkId, f.quote, f.fix?.replacement];
const only = (findings: Finding[], checkId: string) => findings.filter((f) => f.checkId === checkId).map(brief);
/** A stand-in dictionary: these words exist. */
const lexicon = (words: string): Lexicon => {
  const set = new Set(words.split(' '));
  return { name: 'test', isWord: (w) => set.has(w) };
};

describe('word counts read the elisions from the profile', () => {
  it('French, Italian and Catalan elided words count apart, in any region; English keeps "don’t" whole', () => {
    expect([...profileFor('fr-CA').elisions]).toContain('qu');
    expect(countWords('l’Intérieur qu’il', 'fr-CA')).toBe(4);
    expect(countWords('dell’anno', 'it-CH')).toBe(2);
    expect(countWords('l’any', 'ca')).toBe(2);
    expect(countWords('don’t l’a', 'en')).toBe(2);
  });
});

describe('profiles: by BCP 47 tag with fallbacks', () => {
  it('goes from the region to the language to the default', () => {
    expect(fallbacks('de_ch-1996')).toEqual(['de-CH-1996', 'de-CH', 'de']);
    expect(profileFor('de-AT').tag).toBe('de');
    expect(profileFor('de-CH').tag).toBe('de-CH');
    expect(profileFor('xx').tag).toBe('default');
    expect(profileFor('not a tag!').tag).toBe('default');
  });
  it('a regional profile keeps its language data and overrides the rest', () => {
    const ch = profileFor('de-CH');
    expect(ch.capitalisesNouns).toBe(true);
    expect(ch.quotes[0]).toEqual({ open: '«', close: '»' });
    expect(profileFor('de').quotes[0]).toEqual({ open: '„', close: '“' });
  });
  it('takes the separators from CLDR (Intl)', () => {
    expect([profileFor('de').decimal, profileFor('de').group]).toEqual([',', '.']);
    expect([profileFor('en').decimal, profileFor('en').group]).toEqual(['.', ',']);
    expect(profileFor('de-CH').decimal).toBe('.');
  });
});

describe('German: nouns are not names', () => {
  const pairs: [string, string][] = [
    ['The state helps women.', 'Der Staat hilft den Frauen und den Damen.'],
    ['The city asks questions.', 'Die Stadt stellt Fragen zu den Daten.'],
    ['Her sons saw the sun.', 'Ihre Söhne sahen die Sonne, sagte der Staat.'],
    ['The city again.', 'Die Stadt und die Stadt und die Fragen.'],
  ];
  it('without a dictionary (browser) no ordinary noun is called a misspelt name', () => {
    expect(only(run(doc('en', 'de', pairs)), 'name-near-miss')).toEqual([]);
  });
  it('with a dictionary, real words are never names', () => {
    const lex = lexicon('Staat Stadt Frauen Fragen Damen Daten Söhne Sonne');
    expect(only(run(doc('en', 'de', pairs), null, lex), 'name-near-miss')).toEqual([]);
  });
  it('a glossary name misspelt is still found in German', () => {
    const glossary: Glossary = {
      sourceLang: 'en',
      targetLang: 'de',
      entries: [{ source: ['Scholz'], target: ['Olaf Scholz'], forbidden: [], note: '' }],
    };
    const d = doc('en', 'de', [['Scholz spoke.', 'Scholtz sprach.']]);
    expect(only(run(d, glossary), 'name-near-miss')).toEqual([[0, 'name-near-miss', 'Scholtz', 'Scholz']]);
  });
  it('in French a capital inside a sentence still makes a name (unchanged)', () => {
    const d = doc('ar', 'fr', [
      ['أ', 'Le ministre Darmanin a parlé.'],
      ['ب', 'Puis le ministre Darmanin est parti.'],
      ['ت', 'Enfin Darmanen a conclu.'],
    ]);
    expect(only(run(d), 'name-near-miss')).toEqual([[2, 'name-near-miss', 'Darmanen', 'Darmanin']]);
  });
});

describe('grammatical doubled words', () => {
  it.each([
    ['de', 'Frauen, die die Regeln machen, und sie sie sehen; der der Stadt.', 0],
    ['de', 'Das ist und und falsch.', 1],
    ['fr', 'Nous nous sommes vus.', 0],
    ['en', 'He had had enough of the the rules.', 1],
  ])('%s: %s', (lang, target, n) => {
    expect(only(run(doc('xx', lang, [['x x.', target]])), 'repeated-word')).toHaveLength(n);
  });
});

describe('compounds: a glossary term inside a word', () => {
  const glossary: Glossary = {
    sourceLang: 'en',
    targetLang: 'de',
    entries: [
      { source: ['hydrogen'], target: ['Wasserstoff'], forbidden: [], note: '' },
      { source: ['bus'], target: ['Bus'], forbidden: [], note: '' },
    ],
  };
  it('German: "Wasserstoff" in "Wasserstoffbusse" and "Bus" in it are found', () => {
    const d = doc('en', 'de', [['The city buys hydrogen buses.', 'Die Stadt kauft Wasserstoffbusse.']]);
    expect(only(run(d, glossary), 'term-missing')).toEqual([]);
  });
  it('German: a term missing altogether is still reported', () => {
    const d = doc('en', 'de', [['The city buys hydrogen buses.', 'Die Stadt kauft Elektrobusse.']]);
    expect(only(run(d, glossary), 'term-missing')).toEqual([[0, 'term-missing', 'hydrogen', undefined]]);
  });
  it('German inflection by the Snowball stemmer: "Häuser" matches "Haus"', () => {
    const g: Glossary = { ...glossary, entries: [{ source: ['house'], target: ['Haus'], forbidden: [], note: '' }] };
    const d = doc('en', 'de', [['Two houses.', 'Zwei Häuser.']]);
    expect(only(run(d, g), 'term-missing')).toEqual([]);
  });
  it('French does not compound: the term must be a word of its own', () => {
    const g: Glossary = {
      sourceLang: 'en',
      targetLang: 'fr',
      entries: [{ source: ['site'], target: ['site'], forbidden: [], note: '' }],
    };
    const d = doc('en', 'fr', [['The site.', 'Le website.']]);
    expect(only(run(d, g), 'term-missing')).toEqual([[0, 'term-missing', 'site', undefined]]);
  });
});

describe('number formats (CLDR) and spelled-out numbers', () => {
  it('German "1.200" is 1200, "1,5" is 1.5', () => {
    expect(parseNumbers('1.200', 'de')[0]!.values).toEqual(['1200']);
    expect(parseNumbers('1,5', 'de')[0]!.values).toEqual(['1.5']);
    expect(only(run(doc('en', 'de', [['1,200 people.', '1.200 Menschen.']])), 'number-mismatch')).toEqual([]);
  });
  it('"2.5" in a German target is the wrong decimal mark, with the fix', () => {
    expect(only(run(doc('en', 'de', [['2.5 percent.', '2.5 Prozent.']])), 'number-mismatch')).toEqual([
      [0, 'number-mismatch', '2.5', '2,5'],
    ]);
    expect(only(run(doc('de', 'en', [['2,5 Prozent.', '2,5 percent.']])), 'number-mismatch')).toEqual([
      [0, 'number-mismatch', '2,5', '2.5'],
    ]);
  });
  it.each([
    ['de', 'zehn Busse und zwölf Bahnen.'],
    ['fr', 'dix bus et douze trains.'],
    ['es', 'diez autobuses y doce trenes.'],
    ['en', 'ten buses and twelve trains.'],
    ['ar', 'عشرة حافلات واثنا عشر قطارا.'],
    ['nl', 'tien bussen en twaalf treinen.'],
  ])('"10" and "12" spelled out in %s are not missing', (lang, target) => {
    const source = lang === 'en' ? '10 Busse und 12 Bahnen.' : '10 buses and 12 trains.';
    const found = only(run(doc(lang === 'en' ? 'de' : 'en', lang, [[source, target]])), 'number-mismatch');
    // Arabic writes twelve with a prefix (واثنا): ten is found, twelve needs the clitic gone.
    expect(found.length).toBeLessThanOrEqual(lang === 'ar' ? 1 : 0);
  });
  it('a number really missing is still reported in German', () => {
    expect(only(run(doc('en', 'de', [['10 buses.', 'Busse.']])), 'number-mismatch')).toEqual([
      [0, 'number-mismatch', '10', undefined],
    ]);
  });
});

describe('quotation marks of the language', () => {
  it.each([
    ['de', 'Er sagte „Ja“ und »Nein«.', 0],
    ['de', 'Er sagte „Ja.', 1],
    ['de-CH', 'Er sagte «Ja» und ‹Nein›.', 0],
    ['fr', 'Il a dit «\u00a0oui\u00a0».', 0],
    ['en', 'He said “yes”.', 0],
    ['en', 'He said “yes.', 1],
    ['ja', '彼は「はい」と言った。', 0],
    ['ja', '彼は「はいと言った。', 1],
  ])('%s: %s', (lang, target, n) => {
    expect(only(run(doc('xx', lang, [['x.', target]])), 'unpaired')).toHaveLength(n);
  });
});

describe('French typography only for French targets', () => {
  it('German "Achtung: hier!" has no French spacing finding; French does', () => {
    expect(only(run(doc('en', 'de', [['Note: here!', 'Achtung: hier!']])), 'fr-spacing')).toEqual([]);
    expect(only(run(doc('en', 'fr', [['Note: here!', 'Attention: ici!']])), 'fr-spacing')).toHaveLength(2);
  });
});

describe('Chinese and Japanese sources', () => {
  it('full-width digits and 。、「」 are read: nothing to report on a faithful translation', () => {
    const d = doc('zh', 'en', [
      ['２０２４年，北京市政府发布了「报告」。', 'In 2024, the Beijing city government published a “report”.'],
      ['会议有１２个国家、３５位代表参加。', 'Twelve countries and 35 delegates took part in the meeting.'],
    ]);
    expect(run(d).map(brief)).toEqual([]);
  });
  it('a changed full-width number and a different end mark are found', () => {
    const d = doc('ja', 'en', [['東京で１２人が参加した。', 'In Tokyo, 13 people took part?']]);
    expect(run(d).map((f) => f.checkId)).toEqual(['number-mismatch', 'end-punctuation']);
  });
  it('myriads: 3万 is 30,000, 1.5亿 and 1億 are 150 and 100 million, with full-width digits too', () => {
    const zh = doc('zh', 'en', [
      ['约有3万人参加了游行。', 'About 30,000 people took part in the march.'],
      ['投资额达1.5亿元。', 'The investment reached 150 million yuan.'],
    ]);
    expect(run(zh).map(brief)).toEqual([]);
    const ja = doc('ja', 'en', [
      ['売上高は1億円を超えた。', 'Sales exceeded 100 million yen.'],
      ['参加者は３万人だった。', 'There were 30,000 participants.'],
    ]);
    expect(run(ja).map(brief)).toEqual([]);
    expect(run(doc('en', 'ja', [['About 30,000 people.', '約3万人。']])).map(brief)).toEqual([]);
  });
  it('a myriad read wrong is found: 3万 is not 3,000', () => {
    const d = doc('ja', 'en', [['参加者は3万人だった。', 'There were 3,000 participants.']]);
    expect(run(d).map((f) => [f.checkId, f.quote])).toEqual([['number-mismatch', '3,000']]);
  });
  it('a Japanese target: 「」 paired, 。 ends like "."', () => {
    const d = doc('en', 'ja', [['He said "yes".', '彼は「はい」と言った。']]);
    expect(run(d).map(brief)).toEqual([]);
  });
});

describe('spelling (with a dictionary only)', () => {
  const lex = lexicon('Die Stadt kauft neue Busse Empfindlichkeit ist hoch Wasserstoff viele');
  it('reports a word one edit from a dictionary word, with the fix, and nothing in the browser', () => {
    const d = doc('en', 'de', [['The sensitivity is high.', 'Die Empfinflichkeit ist hoch.']]);
    expect(only(run(d, null, lex), 'spelling')).toEqual([[0, 'spelling', 'Empfinflichkeit', 'Empfindlichkeit']]);
    expect(only(run(d), 'spelling')).toEqual([]);
  });
  it("checks a sentence's last word (a full stop after it is no abbreviation), not a short abbreviation", () => {
    const d = doc('en', 'de', [
      ['It takes hours.', 'Es dauert mehrere Stunnden.'],
      ['No. 5', 'Es ist Nrr. 5.'],
    ]);
    expect(only(run(d, null, lexicon('Es es dauert mehrere Stunden ist Nr')), 'spelling')).toEqual([
      [0, 'spelling', 'Stunnden', 'Stunden'],
    ]);
  });
  it('leaves a word written the same way twice in the document alone (a choice, not a slip)', () => {
    const d = doc('en', 'de', [
      ['The city is high.', 'Die Stadtz ist hoch.'],
      ['Again.', 'Wieder die Stadtz hier.'],
    ]);
    expect(only(run(d, null, lexicon('Die die Stadt ist hoch Wieder hier')), 'spelling')).toEqual([]);
  });
  it('leaves compounds, rare words, names in the source and repeated words alone', () => {
    const d = doc('en', 'de', [
      ['The city buys hydrogen buses from Xylotec.', 'Die Stadt kauft Wasserstoffbusse von Xylotec.'],
      ['The multiverse is high.', 'Multiversum ist hoch.'],
    ]);
    expect(only(run(d, null, lex), 'spelling')).toEqual([]);
  });
});
