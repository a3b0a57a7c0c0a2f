/*
 * English outside the United States (issue: British spellings reported as typos). The English dictionary we load
 * (dictionary-en) is American, so "kilometres", "neighbouring" or "organised" were reported and "fixed" into
 * American spelling in an en-GB (or plain en) translation. For an English target that is not en-US, a word is
 * known when its American spelling is: the regular British → American correspondences below, one at a time.
 */

const RULES: [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ful|less|er|ers)?$/i, 'or$1'], // colour, neighbouring, favourite, honourable
  [/our(?=[a-z])/i, 'or'], // neighbourhood, behaviour
  [/([btv])re(s)?$/i, '$1er$2'], // kilometres, fibre, manoeuvre
  [/([btv])red$/i, '$1ered'], // centred
  [/tring$/i, 'tering'], // centring
  [/is(e|es|ed|ing|ation|ations|er|ers)$/i, 'iz$1'], // organise, realised, organisation
  [/ys(e|es|ed|ing)$/i, 'yz$1'], // analyse, paralysed
  [/ll(ed|ing|er|ers)$/i, 'l$1'], // travelled, cancelling, traveller
  [/logue(s)?$/i, 'log$1'], // catalogue, dialogues
  [/ence(s)?$/i, 'ense$1'], // defence, licence, offence
  [/mme(s)?$/i, 'm$1'], // programme
  [/ae/i, 'e'], // paediatric, anaemia
  [/oe/i, 'e'], // manoeuvre (with -tre), oestrogen
  [/eing$/i, 'ing'], // ageing
  [/ould(s|ed|ing|y)?$/i, 'old$1'], // mould, smouldering
  [/l(ment|ments)$/i, 'll$1'], // fulfilment, enrolment
  [/llery$/i, 'lry'], // jewellery
];

/** Whether a target language takes the Commonwealth spellings: English, except in the United States. */
export function takesCommonwealthSpelling(lang: string): boolean {
  const [primary, ...rest] = lang.toLowerCase().split(/[-_]/);
  return primary === 'en' && !rest.includes('us');
}

/** The word's possible American spellings (each British correspondence applied alone, then two together). */
export function americanSpellings(word: string): string[] {
  const out = new Set<string>();
  const once = (w: string) => RULES.map(([re, to]) => w.replace(re, to)).filter((x) => x !== w);
  for (const a of once(word)) {
    out.add(a);
    for (const b of once(a)) out.add(b);
  }
  return [...out];
}
