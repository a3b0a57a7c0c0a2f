import { checkCodes, findCodes, outsideCodes } from './number-codes';
import { parseNumbers, westernDigits, withMultipliers, type NumberToken } from './number-parse';
import { editDistance } from './edit-distance';
import { withTimes } from './number-times';
import { profileFor } from './lang-profile';
import { foldStrip, primaryLang, words } from './text';
import type { QaSegment, RawFinding } from './types';

/*
 * Numbers: every number of the source must be in the target with the same value, however it is written there
 * ("٢٠٢٤" = "2024", "1 000" = "1000" = English "1,000", "3,5" = "3.5", "2 millions" = "2000000"); a French
 * "1,000" is one, so it does not stand for a thousand. A small number may be spelled out in the target
 * language's words ("trois", "zehn", its profile's numberWords), a month named ("avril" for 04), a century in
 * Roman numerals ("XXIe" for 21). Numbers only in the target are not reported, except as the changed form of a
 * missing one. A number that matches but is written with the other decimal mark than the target language's
 * ("2.5" in German, "2,5" in English) is reported with the right form as its fix.
 */

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
  const table = profileFor(lang).numberWords;
  const out: NumberToken[] = [];
  for (const t of words(text)) {
    const roman = /^([IVXLCDM]+)(e|er|ème|eme|ᵉ)?$/.exec(t.text);
    const r = roman && (roman[1]!.length >= 2 || roman[2]) ? romanValue(roman[1]!) : null;
    const w = table.get(foldStrip(t.text));
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
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v)) return undefined; // a time of day
  const [int, frac = ''] = v.split('.');
  if (int!.length > 15) return undefined;
  const plain = !/[^0-9]/.test(n.raw.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, '0')); // digits only: a year, a code
  try {
    return numberFormat(`${primaryLang(lang)}-u-nu-${arabicDigits ? 'arab' : 'latn'}`, plain, frac.length).format(
      Number(v),
    );
  } catch {
    return undefined;
  }
}

export function checkNumbers(seg: QaSegment, sourceLang: string, targetLang: string): RawFinding[] {
  if (!/[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/.test(seg.source) || seg.target.trim() === '') return [];
  const read = (text: string, lang: string) => {
    const nums = withMultipliers(text, parseNumbers(text, lang), lang);
    const codes = findCodes(text, nums);
    return { codes, nums: withTimes(text, outsideCodes(nums, codes), lang) };
  };
  const { codes: srcCodes, nums: src } = read(seg.source, sourceLang);
  const { codes: tgtCodes, nums: tgt } = read(seg.target, targetLang);
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
  const out = [...wrongDecimals([...used], targetLang), ...checkCodes(srcCodes, tgtCodes)];
  if (missing.length === 0) return out;
  const changed = tgt.filter((t) => !used.has(t));
  return out.concat(
    missing.map((s): RawFinding => {
      const t = closest(s, changed);
      if (t) changed.splice(changed.indexOf(t), 1);
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
    }),
  );
}

const digitsOf = (n: NumberToken) => westernDigits(n.raw).replace(/[^0-9]/g, '');

/** The left-over target number most like a missing one (65 → 56 rather than an unrelated 3); first on a tie. */
function closest(s: NumberToken, candidates: NumberToken[]): NumberToken | undefined {
  let best: NumberToken | undefined;
  let bestDistance = Infinity;
  for (const t of candidates) {
    const d = editDistance(digitsOf(s), digitsOf(t));
    if (d < bestDistance) [best, bestDistance] = [t, d];
  }
  return best;
}

const UNAMBIGUOUS_DECIMAL = /^[0-9]+([.,])([0-9]{1,2}|[0-9]{4,})$/;

/** Target numbers written with the decimal mark of another language: "2.5" in German is "2,5". */
function wrongDecimals(used: NumberToken[], lang: string): RawFinding[] {
  const p = profileFor(lang);
  if (p.ambiguousSeparators || (p.decimal !== ',' && p.decimal !== '.')) return [];
  const out: RawFinding[] = [];
  for (const t of used) {
    const m = UNAMBIGUOUS_DECIMAL.exec(t.raw);
    if (!m || m[1] === p.decimal || t.values.length !== 1) continue;
    const fix = formatFor(t, lang, false);
    out.push({
      checkId: 'number-mismatch',
      side: 'target',
      start: t.start,
      end: t.end,
      variant: 'decimal-separator',
      params: { found: t.raw, expected: p.decimal },
      ...(fix !== undefined ? { fix } : {}),
    });
  }
  return out;
}
