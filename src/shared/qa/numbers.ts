import { parseNumbers, withMultipliers, type NumberToken } from './number-parse';
import { foldStrip, primaryLang, words } from './text';
import type { QaSegment, RawFinding } from './types';

/*
 * Numbers: every number of the source must be in the target with the same value, however it is written there
 * ("٢٠٢٤" = "2024", "1 000" = "1000" = English "1,000", "3,5" = "3.5", "2 millions" = "2000000"); a French
 * "1,000" is one, so it does not stand for a thousand. A small number may be
 * spelled out ("trois"), a month named ("avril" for 04), a century in Roman numerals ("XXIe" for 21).
 * Numbers only in the target are not reported, except as the changed form of a missing one.
 */

const WORD_VALUES: Record<string, Record<string, number>> = {
  fr: {
    zero: 0,
    un: 1,
    une: 1,
    premier: 1,
    premiere: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    six: 6,
    sept: 7,
    huit: 8,
    neuf: 9,
    dix: 10,
    onze: 11,
    douze: 12,
    treize: 13,
    quatorze: 14,
    quinze: 15,
    seize: 16,
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
    cent: 100,
    mille: 1000,
    janvier: 1,
    fevrier: 2,
    mars: 3,
    avril: 4,
    mai: 5,
    juin: 6,
    juillet: 7,
    aout: 8,
    septembre: 9,
    octobre: 10,
    novembre: 11,
    decembre: 12,
    deuxieme: 2,
    troisieme: 3,
    quatrieme: 4,
    cinquieme: 5,
    sixieme: 6,
    septieme: 7,
    huitieme: 8,
    neuvieme: 9,
    dixieme: 10,
    dizaine: 10,
    douzaine: 12,
    centaine: 100,
    millier: 1000,
  },
  en: {
    zero: 0,
    one: 1,
    first: 1,
    two: 2,
    second: 2,
    three: 3,
    third: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    hundred: 100,
    thousand: 1000,
    dozen: 12,
    january: 1,
    february: 2,
    march: 3,
    april: 4,
    may: 5,
    june: 6,
    july: 7,
    august: 8,
    september: 9,
    october: 10,
    november: 11,
    december: 12,
  },
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function romanValue(s: string): number | null {
  if (!/^[IVXLCDM]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** Values the target expresses in words: spelled-out numbers, month names, Roman numerals (VI, XXIe). */
function wordValues(text: string, lang: string): NumberToken[] {
  const table = WORD_VALUES[primaryLang(lang)] ?? {};
  const out: NumberToken[] = [];
  for (const t of words(text)) {
    const roman = /^([IVXLCDM]+)(e|er|ème|eme|ᵉ)?$/.exec(t.text);
    const r = roman && (roman[1]!.length >= 2 || roman[2]) ? romanValue(roman[1]!) : null;
    const w = table[foldStrip(t.text)];
    const v = r ?? w;
    if (v !== undefined && v !== null)
      out.push({ start: t.start, end: t.end, raw: t.text, values: [String(v)], arabicDigits: false });
  }
  return out;
}

const shares = (a: NumberToken, b: NumberToken) => a.values.some((v) => b.values.includes(v));

// Constructing Intl objects costs far more than using them.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, plain: boolean, digits: number): Intl.NumberFormat {
  const id = `${locale}|${plain}|${digits}`;
  let nf = formats.get(id);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, {
      useGrouping: plain ? false : 'min2',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(id, nf);
  }
  return nf;
}

/** The source number written the target language's way, when that is unambiguous. */
export function formatFor(n: NumberToken, lang: string, arabicDigits: boolean): string | undefined {
  if (n.values.length !== 1) return undefined;
  const v = n.values[0]!;
  const [int, frac = ''] = v.split('.');
  if (int!.length > 15) return undefined;
  const plain = !/[^0-9]/.test(n.raw.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, '0')); // digits only: a year, a code
  try {
    return numberFormat(`${primaryLang(lang)}-u-nu-${arabicDigits ? 'arab' : 'latn'}`, plain, frac.length).format(
      Number(v),
    );
  } catch {
    return undefined;
  }
}

export function checkNumbers(seg: QaSegment, sourceLang: string, targetLang: string): RawFinding[] {
  if (!/[0-9\u0660-\u0669\u06f0-\u06f9]/.test(seg.source) || seg.target.trim() === '') return [];
  const src = withMultipliers(seg.source, parseNumbers(seg.source, sourceLang));
  const tgt = withMultipliers(seg.target, parseNumbers(seg.target, targetLang));
  let spelled: NumberToken[] | null = null; // only looked for when digits do not account for a number
  const used = new Set<NumberToken>();
  const missing: NumberToken[] = [];
  for (const s of src) {
    const t =
      tgt.find((t) => !used.has(t) && shares(s, t)) ??
      (spelled ??= wordValues(seg.target, targetLang)).find((t) => !used.has(t) && shares(s, t));
    if (t) used.add(t);
    else missing.push(s);
  }
  if (missing.length === 0) return [];
  const changed = tgt.filter((t) => !used.has(t));
  return missing.map((s, i): RawFinding => {
    const t = changed[i];
    if (t) {
      const fix = formatFor(s, targetLang, t.arabicDigits);
      return {
        checkId: 'number-mismatch',
        side: 'target',
        start: t.start,
        end: t.end,
        variant: 'changed',
        params: { number: s.raw, found: t.raw },
        ...(fix !== undefined ? { fix } : {}),
      };
    }
    return {
      checkId: 'number-mismatch',
      side: 'source',
      start: s.start,
      end: s.end,
      variant: 'missing',
      params: { number: s.raw },
    };
  });
}
