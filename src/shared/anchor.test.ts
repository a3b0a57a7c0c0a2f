import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, anchorMatches, makeAnchor, reanchor, replaceSpan } from './anchor';
import type { Anchor } from './schemas';

/** Anchor on the nth occurrence of quote in text (throws if absent so a typo cannot pass silently). */
function on(text: string, quote: string, nth = 0): Anchor {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(quote, i + 1);
    if (i === -1) throw new Error(`"${quote}" #${nth} not in "${text}"`);
  }
  return makeAnchor(text, i, i + quote.length);
}

const FR = 'Les pays du Sahel et du désert coopèrent.';
// "Sahel et du désert" is [12, 30); " coopèrent." is [30, 41).

// Arabic harakat.
const FATHA = '\u064E';
const DAMMA = '\u064F';
const KASRA = '\u0650';
const SHADDA = '\u0651';
const AR = 'وزير الداخلية عبد الوافي لفتيت'; // "لفتيت" is [25, 30)
// Same sentence with 10 harakat added to the first two words (3 + 7).
const AR_VOC = `و${FATHA}ز${KASRA}ير${DAMMA} الد${SHADDA}${FATHA}اخ${KASRA}ل${KASRA}ي${SHADDA}${FATHA}ة${KASRA} عبد الوافي لفتيت`;

const ACUTE = '\u0301';
const FAMILY = '👨‍👩‍👧'; // 8 UTF-16 units: 3 surrogate pairs + 2 ZWJ
const THUMB = '👍'; // 2 units
const TONE = '🏽'; // 2 units, skin-tone modifier

describe('makeAnchor', () => {
  it('captures quote, prefix and suffix', () => {
    expect(makeAnchor(FR, 12, 30)).toEqual({
      start: 12,
      end: 30,
      quote: 'Sahel et du désert',
      prefix: 'Les pays du ',
      suffix: ' coopèrent.',
    });
  });

  it('clamps context to CONTEXT_CHARS and to the text edges', () => {
    const text = 'a'.repeat(50) + 'QUOTE' + 'b'.repeat(50);
    expect(makeAnchor(text, 50, 55)).toEqual({
      start: 50,
      end: 55,
      quote: 'QUOTE',
      prefix: 'a'.repeat(CONTEXT_CHARS),
      suffix: 'b'.repeat(CONTEXT_CHARS),
    });
    expect(makeAnchor('abc', 0, 3)).toEqual({ start: 0, end: 3, quote: 'abc', prefix: '', suffix: '' });
    expect(makeAnchor('abc', 1, 1)).toEqual({ start: 1, end: 1, quote: '', prefix: 'a', suffix: 'bc' });
  });

  it('never cuts a surrogate pair at the edge of the context', () => {
    const text = THUMB + 'x'.repeat(31) + 'Q' + 'y'.repeat(31) + THUMB;
    const a = makeAnchor(text, 33, 34);
    expect(a.prefix).toBe('x'.repeat(31));
    expect(a.suffix).toBe('y'.repeat(31));
  });

  it.each([
    ['start inside a surrogate pair', `a${THUMB}b`, 2, 4, 1, 4, `${THUMB}b`],
    ['end inside a surrogate pair', `a${THUMB}b`, 0, 2, 0, 3, `a${THUMB}`],
    ['inside a skin-toned emoji', `ok ${THUMB}${TONE} !`, 5, 6, 3, 7, `${THUMB}${TONE}`],
    ['inside a ZWJ family', `Famille ${FAMILY} heureuse`, 11, 12, 8, 16, FAMILY],
    ['end between e and its accent', `cafe${ACUTE} noir`, 0, 4, 0, 5, `cafe${ACUTE}`],
    ['only the combining accent', `cafe${ACUTE} noir`, 4, 5, 3, 5, `e${ACUTE}`],
    ['Arabic letter without its shadda+fatha', AR_VOC, 18, 19, 18, 21, `ي${SHADDA}${FATHA}`],
    ['already on boundaries', `${THUMB}${FAMILY}`, 2, 10, 2, 10, FAMILY],
  ])('snaps outward: %s', (_name, text, start, end, wantStart, wantEnd, wantQuote) => {
    const a = makeAnchor(text, start, end);
    expect([a.start, a.end, a.quote]).toEqual([wantStart, wantEnd, wantQuote]);
  });

  it.each([
    [5, 4],
    [-1, 2],
    [0, 42],
    [1.5, 3],
  ])('throws RangeError for [%d, %d)', (start, end) => {
    expect(() => makeAnchor(FR, start, end)).toThrow(RangeError);
  });
});

type Expected = { start: number; end: number; quote: string } | 'orphaned';

describe('reanchor follows edits', () => {
  it.each<[string, string, string, string, Expected]>([
    // [name, oldText, newText, flagged quote in oldText, expected]
    [
      'insertion before',
      FR,
      'Les grands pays du Sahel et du désert coopèrent.',
      'Sahel et du désert',
      { start: 19, end: 37, quote: 'Sahel et du désert' },
    ],
    [
      'insertion exactly at start goes before',
      FR,
      'Les pays du vaste Sahel et du désert coopèrent.',
      'Sahel et du désert',
      { start: 18, end: 36, quote: 'Sahel et du désert' },
    ],
    [
      'insertion inside extends',
      FR,
      'Les pays du Sahel et du grand désert coopèrent.',
      'Sahel et du désert',
      { start: 12, end: 36, quote: 'Sahel et du grand désert' },
    ],
    [
      'insertion exactly at end goes after',
      FR,
      'Les pays du Sahel et du désert, coopèrent.',
      'Sahel et du désert',
      { start: 12, end: 30, quote: 'Sahel et du désert' },
    ],
    [
      'insertion after',
      FR,
      'Les pays du Sahel et du désert coopèrent bien.',
      'Sahel et du désert',
      { start: 12, end: 30, quote: 'Sahel et du désert' },
    ],
    [
      'quotes around the span stay outside',
      FR,
      'Les pays du «Sahel et du désert» coopèrent.',
      'Sahel et du désert',
      { start: 13, end: 31, quote: 'Sahel et du désert' },
    ],
    [
      'deletion before',
      FR,
      'Les du Sahel et du désert coopèrent.',
      'Sahel et du désert',
      { start: 7, end: 25, quote: 'Sahel et du désert' },
    ],
    [
      'deletion after',
      FR,
      'Les pays du Sahel et du désert.',
      'Sahel et du désert',
      { start: 12, end: 30, quote: 'Sahel et du désert' },
    ],
    [
      'deletion overlapping start',
      FR,
      'Les pays et du désert coopèrent.',
      'Sahel et du désert',
      { start: 9, end: 21, quote: 'et du désert' },
    ],
    [
      'deletion overlapping end',
      FR,
      'Les pays du Sahel et du coopèrent.',
      'Sahel et du désert',
      { start: 12, end: 24, quote: 'Sahel et du ' },
    ],
    [
      'deletion inside (one word of three)',
      FR,
      'Les pays du Sahel désert coopèrent.',
      'Sahel et du désert',
      { start: 12, end: 24, quote: 'Sahel désert' },
    ],
    [
      'replacement over start stays outside',
      'AAAA BBBB CCCC',
      'xxBB CCCC',
      'BBBB CCCC',
      { start: 2, end: 9, quote: 'BB CCCC' },
    ],
    [
      'replacement straddling end stays outside',
      'AAAA BBBB CCCC',
      'AAAA BByyCC',
      'BBBB',
      { start: 5, end: 7, quote: 'BB' },
    ],
    ['first letter replaced stays inside', 'au sahel', 'au Sahel', 'sahel', { start: 3, end: 8, quote: 'Sahel' }],
    [
      'last letter replaced stays inside',
      'l’amendement n° 12 est adopté',
      'l’amendement n° 13 est adopté',
      'n° 12',
      { start: 13, end: 18, quote: 'n° 13' },
    ],
    [
      'edits before, inside and after at once',
      FR,
      'Les États du Sahel et du grand désert coopéraient.',
      'Sahel et du désert',
      { start: 13, end: 37, quote: 'Sahel et du grand désert' },
    ],
    ['all words deleted', FR, 'Les pays du coopèrent.', 'Sahel et du désert', 'orphaned'],
    ['all words replaced', FR, 'Les pays sahéliens coopèrent.', 'Sahel et du désert', 'orphaned'],
    [
      'flagged word replaced by another word',
      'Le ministre de l’Intérieur',
      'Le secrétaire de l’Intérieur',
      'ministre',
      'orphaned',
    ],
    ['flagged word replaced by a near-homograph', 'Le désert avance.', 'Le dessert avance.', 'désert', 'orphaned'],
    [
      'typo fixed in one word of the span',
      'Le minsitre de l’Intérieur',
      'Le ministre de l’Intérieur',
      'minsitre de l’Intérieur',
      { start: 3, end: 26, quote: 'ministre de l’Intérieur' },
    ],
    [
      'precomposed accent added inside the span',
      'le desert avance',
      'le désert avance',
      'desert',
      { start: 3, end: 9, quote: 'désert' },
    ],
    ['emoji swapped for another emoji', `a${THUMB}b`, 'a👎b', THUMB, 'orphaned'],
    // Arabic
    ['harakat added before the span', AR, AR_VOC, 'لفتيت', { start: 35, end: 40, quote: 'لفتيت' }],
    ['harakat removed before the span', AR_VOC, AR, 'لفتيت', { start: 25, end: 30, quote: 'لفتيت' }],
    [
      'kasra added inside the span',
      AR,
      'وزير الداخلية عبد الوافي ل\u0650فتيت',
      'لفتيت',
      { start: 25, end: 31, quote: 'ل\u0650فتيت' },
    ],
    [
      'damma on the last letter joins the span',
      AR,
      `${AR}${DAMMA}`,
      'لفتيت',
      { start: 25, end: 31, quote: `لفتيت${DAMMA}` },
    ],
    ['word deleted before the span', AR, 'وزير الداخلية الوافي لفتيت', 'لفتيت', { start: 21, end: 26, quote: 'لفتيت' }],
    // French typography
    [
      'apostrophe retyped before the span',
      'L’Assemblée a adopté l’amendement n° 12.',
      "L'Assemblée a adopté l’amendement n° 12.",
      'l’amendement',
      { start: 21, end: 33, quote: 'l’amendement' },
    ],
    [
      'apostrophe retyped inside the span',
      'L’Assemblée a adopté l’amendement n° 12.',
      "L’Assemblée a adopté l'amendement n° 12.",
      'l’amendement',
      { start: 21, end: 33, quote: "l'amendement" },
    ],
    [
      'accent added before the span',
      'il a adopte l’amendement',
      'il a adopté l’amendement',
      'l’amendement',
      { start: 12, end: 24, quote: 'l’amendement' },
    ],
    // Emoji and combining marks
    [
      'skin tone added to an emoji before the span',
      `Bravo ${THUMB} pour tout`,
      `Bravo ${THUMB}${TONE} pour tout`,
      'pour',
      { start: 11, end: 15, quote: 'pour' },
    ],
    [
      'skin tone added to the flagged emoji',
      `Bravo ${THUMB} merci`,
      `Bravo ${THUMB}${TONE} merci`,
      THUMB,
      { start: 6, end: 10, quote: `${THUMB}${TONE}` },
    ],
    [
      'family grows inside the flagged emoji',
      `Famille ${FAMILY} heureuse`,
      `Famille ${FAMILY}\u200D👦 heureuse`,
      FAMILY,
      { start: 8, end: 19, quote: `${FAMILY}\u200D👦` },
    ],
    [
      'family emoji inserted before the span',
      'Famille heureuse',
      `Famille ${FAMILY} heureuse`,
      'heureuse',
      { start: 17, end: 25, quote: 'heureuse' },
    ],
    [
      'acute accent added at the span end',
      'un cafe noir',
      `un cafe${ACUTE} noir`,
      'cafe',
      { start: 3, end: 8, quote: `cafe${ACUTE}` },
    ],
    [
      'acute accent added before the span',
      'cafe noir',
      `cafe${ACUTE} noir`,
      'noir',
      { start: 6, end: 10, quote: 'noir' },
    ],
  ])('%s', (_name, oldText, newText, quote, expected) => {
    const before = on(oldText, quote);
    const result = reanchor(oldText, newText, before, false);
    if (expected === 'orphaned') {
      expect(result).toEqual({ anchor: before, orphaned: true });
      return;
    }
    expect(result.orphaned).toBe(false);
    expect(result.anchor).toEqual(makeAnchor(newText, expected.start, expected.end));
    expect(result.anchor.quote).toBe(expected.quote);
    expect(anchorMatches(newText, result.anchor)).toBe(true);
  });

  it('returns the same anchor and flag when the text did not change', () => {
    const a = on(FR, 'désert');
    expect(reanchor(FR, FR, a, false)).toEqual({ anchor: a, orphaned: false });
    expect(reanchor(FR, FR, a, true)).toEqual({ anchor: a, orphaned: true });
  });

  it('follows words that were moved elsewhere', () => {
    const oldText = 'Sahel et désert : une coopération.';
    const newText = 'Une coopération : Sahel et désert.';
    const r = reanchor(oldText, newText, on(oldText, 'Sahel et désert'), false);
    expect(r).toEqual({ anchor: makeAnchor(newText, 18, 33), orphaned: false });
  });
});

describe('reanchor of orphaned flags', () => {
  const gone = 'Les pays du coopèrent.';
  const original = on(FR, 'Sahel et du désert');

  it('re-attaches when the exact words come back', () => {
    const r = reanchor(gone, FR, original, true);
    expect(r).toEqual({ anchor: original, orphaned: false });
  });

  it('re-attaches where the words now are, with fresh context', () => {
    const newText = 'Sahel et du désert : les pays coopèrent.';
    const r = reanchor(gone, newText, original, true);
    expect(r).toEqual({
      anchor: { start: 0, end: 18, quote: 'Sahel et du désert', prefix: '', suffix: ' : les pays coopèrent.' },
      orphaned: false,
    });
  });

  it('stays orphaned, keeping its last known anchor, while the words are absent', () => {
    const r = reanchor(gone, 'Les pays du Sahel coopèrent.', original, true);
    expect(r).toEqual({ anchor: original, orphaned: true });
  });

  it('does not re-attach to a match that cuts a grapheme', () => {
    const a = on('un cafe noir', 'e');
    expect(reanchor('un caf noir', `un cafe${ACUTE} noir`, a, true)).toEqual({ anchor: a, orphaned: true });
  });

  it('never re-attaches an empty quote', () => {
    const a = makeAnchor('abc', 1, 1);
    expect(reanchor('abc', 'abd', a, false)).toEqual({ anchor: a, orphaned: true });
  });

  it('picks the occurrence whose context matches, even when it is farther', () => {
    const a = on('Hier, le président a reçu le ministre de l’Intérieur.', 'le ministre');
    const newText = 'Hier, le président a reçu le ministre de l’Intérieur puis le ministre des Finances.';
    // The flag's last offset (26) maps to the very end, next to "le ministre des Finances".
    const r = reanchor('Hier, le président a reçu.', newText, a, true);
    expect(r).toEqual({ anchor: makeAnchor(newText, 26, 37), orphaned: false });
    expect(r.anchor.suffix.startsWith(' de l’Intérieur')).toBe(true);
  });

  it('breaks context ties by distance from the mapped position', () => {
    const a: Anchor = { start: 15, end: 19, quote: 'chat', prefix: '', suffix: '' };
    // "dddd" (where the flag was) is replaced, so position 15 maps to 15: the second "chat" is nearest.
    const r = reanchor('aaaa bbbb cccc dddd', 'chat bbbb cccc chat', a, true);
    expect(r).toEqual({ anchor: makeAnchor('chat bbbb cccc chat', 15, 19), orphaned: false });
    const r2 = reanchor('aaaa bbbb', 'chat bbbb chat', { ...a, start: 1, end: 5 }, true);
    expect(r2.anchor.start).toBe(0);
  });
});

describe('reanchor in a long paragraph', () => {
  // How fast this runs is measured by bench/anchor.ts (tests never assert on wall-clock time).
  it('follows a flag through 300 small edits anywhere in a 5,000-char paragraph', () => {
    const text = `${AR_VOC} — Sahel et du désert ${FAMILY} cafe${ACUTE}. `.repeat(80).slice(0, 5000);
    const a = makeAnchor(text, 2500, 2540);
    for (let i = 0; i < 300; i++) {
      const at = (i * 97) % 4900;
      const removed = i % 3;
      const next = text.slice(0, at) + 'x' + text.slice(at + removed); // insertions and replacements
      const r = reanchor(text, next, a, false);
      const where = `edit ${i} at ${at} (−${removed} +1)`;
      if (at + removed <= a.start || at >= a.end) {
        // Outside the flagged words: the same words, shifted by what was inserted before them.
        const shift = at + removed <= a.start ? 1 - removed : 0;
        expect(r.orphaned, where).toBe(false);
        expect([r.anchor.start, r.anchor.end], where).toEqual([a.start + shift, a.end + shift]);
        expect(next.slice(r.anchor.start, r.anchor.end), where).toBe(a.quote);
      } else {
        // Inside them: the anchor still names the words it covers now, or the flag is orphaned.
        expect(r.orphaned || anchorMatches(next, r.anchor), where).toBe(true);
      }
    }
  });
});

describe('replaceSpan', () => {
  it.each([
    ['Sahel et du désert', 'Sahel', 'Sahara', 'Sahara et du désert'],
    [FR, 'Sahel et du désert', 'Sahara', 'Les pays du Sahara coopèrent.'],
    [`Bravo ${THUMB} merci`, THUMB, '', 'Bravo  merci'],
    [AR, 'لفتيت', 'لفتيت', AR],
  ])('%j: %j → %j', (text, quote, replacement, expected) => {
    expect(replaceSpan(text, on(text, quote), replacement)).toBe(expected);
  });

  it('inserts at an empty span and throws for an invalid one', () => {
    expect(replaceSpan('ab', { start: 1, end: 1 }, 'X')).toBe('aXb');
    expect(() => replaceSpan('ab', { start: 2, end: 1 }, 'X')).toThrow(RangeError);
    expect(() => replaceSpan('ab', { start: 0, end: 3 }, 'X')).toThrow(RangeError);
  });
});

describe('anchorMatches', () => {
  const a = on(FR, 'désert');
  it.each<[string, string, Anchor, boolean]>([
    ['same text', FR, a, true],
    ['text edited elsewhere', `${FR} Fin.`, a, true],
    ['quote shifted', `Oui. ${FR}`, a, false],
    ['quote edited', FR.replace('désert', 'dessert'), a, false],
    ['end past the text', 'court', a, false],
    ['negative start', FR, { ...a, start: -1 }, false],
    ['start after end', FR, { ...a, start: 30, end: 24 }, false],
  ])('%s → %s', (_name, text, anchor, expected) => {
    expect(anchorMatches(text, anchor)).toBe(expected);
  });
});

describe('reanchor never moves a flag to other words', () => {
  it('orphans a deleted word even when the same word appears elsewhere with another context', () => {
    const text = 'Le ministre de l’Intérieur a reçu le ministre français de l’Intérieur.';
    const start = text.indexOf('ministre français');
    const a = makeAnchor(text, start, start + 'ministre'.length);
    const edited = text.replace('le ministre français', 'son homologue français');
    const r = reanchor(text, edited, a, false);
    expect(r.orphaned).toBe(true);
    expect(r.anchor).toEqual(a);
  });

  it('re-attaches when the same words come back in the same place (undo)', () => {
    const text = 'Le ministre de l’Intérieur a reçu le ministre français.';
    const start = text.indexOf('ministre français');
    const a = makeAnchor(text, start, start + 'ministre'.length);
    const deleted = text.replace('le ministre français', 'le français');
    const gone = reanchor(text, deleted, a, false);
    expect(gone.orphaned).toBe(true);
    const back = reanchor(deleted, text, gone.anchor, true);
    expect(back).toEqual({ anchor: a, orphaned: false });
  });
});
