import { ARABIC_LETTER_VARIANTS, ARABIC_MARKS } from '../qa/normalize-ar';

/** What a search may treat as the same: the QA checks' normalisation (qa/normalize-ar.ts, qa/text.ts). */
export interface FoldOptions {
  /** Harakat, tatweel and Latin accents ignored (é = e, مُحَمَّد = محمد). */
  ignoreDiacritics: boolean;
  /** Letter variants as one: أ إ آ ٱ = ا, ى = ي, ة = ه, œ = oe, ’ = ', no-break spaces = space. */
  letterVariants: boolean;
}

/** Text as searched, and for each of its UTF-16 units where it came from in the original text. */
export interface FoldedText {
  text: string;
  /** Original offset of the first unit behind each folded unit. */
  starts: number[];
  /** Original offset just past the last unit behind each folded unit (marks dropped after it included). */
  ends: number[];
}

const ARABIC_MARK = new RegExp(`^${ARABIC_MARKS.source}$`, 'u');
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const COMBINING = /\p{M}/gu;
/** Variants outside Arabic (whose letters come from the QA normalisation). */
const OTHER_VARIANTS: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

function foldChar(c: string, o: FoldOptions): string {
  let f = c;
  if (o.letterVariants) f = ARABIC_LETTER_VARIANTS[f] ?? OTHER_VARIANTS[f] ?? f;
  if (o.ignoreDiacritics) {
    if (ARABIC_SCRIPT.test(f)) return ARABIC_MARK.test(f) ? '' : f;
    f = f.normalize('NFD').replace(COMBINING, '').normalize('NFC');
  }
  return f;
}

/** Folds a text code point by code point, keeping the way back to the original offsets. */
export function foldText(text: string, o: FoldOptions): FoldedText {
  if (!o.ignoreDiacritics && !o.letterVariants) {
    const starts = Array.from({ length: text.length }, (_, i) => i);
    return { text, starts, ends: starts.map((i) => i + 1) };
  }
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const c of text) {
    const f = foldChar(c, o);
    const end = at + c.length;
    if (f === '') {
      // A dropped mark belongs to the letter before it: a match ending on that letter takes the mark too.
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      out += f;
      for (let k = 0; k < f.length; k++) {
        starts.push(at);
        ends.push(end);
      }
    }
    at = end;
  }
  return { text: out, starts, ends };
}
