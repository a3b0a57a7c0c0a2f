import { profileFor } from './lang-profile';

/*
 * Numbers as written in running text, with every value they can mean. Digits may be Western, Arabic-Indic
 * (٠–٩), Eastern Arabic-Indic (۰–۹) or full-width (０–９, Chinese and Japanese). Groups may be separated by a space (plain, no-break U+00A0, narrow U+202F,
 * thin), an apostrophe (Swiss), "٬", "," or "."; decimals by ",", "." or "٫". A single "," before exactly three
 * digits follows the text's language (CLDR separators via its profile): a decimal comma in French and German ("1,000"
 * is one), a thousands separator in English ("1,000" is a thousand); a single "." is a thousands separator where the
 * language groups with "." (German "1.200" is 1200); otherwise (Arabic texts mix conventions; English "1.000")
 * both values are kept, so that equal numbers are never reported as different.
 * Several dots that cannot be groups (22.04.2024) are separate numbers.
 */

export type CommaReading = 'decimal' | 'group' | 'either';
/** What a lone "," before three digits means in this language (CLDR separators, lang-profile.ts). */
export function commaReading(lang: string): CommaReading {
  const p = profileFor(lang);
  if (p.ambiguousSeparators) return 'either';
  return p.decimal === ',' ? 'decimal' : p.group === ',' ? 'group' : 'either';
}
/** What a lone "." before three digits means: a group where the language groups with "." (de "1.200"), else either. */
export function dotReading(lang: string): CommaReading {
  const p = profileFor(lang);
  return !p.ambiguousSeparators && p.group === '.' ? 'group' : 'either';
}

export interface NumberToken {
  start: number;
  end: number;
  raw: string;
  /** Canonical values ("1000", "3.5"); more than one when the notation is ambiguous. */
  values: string[];
  /** Digits were Arabic-Indic. */
  arabicDigits: boolean;
}

const DIGITS = /[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]+/g;
const GROUP_ONLY = new Set([' ', '\u00a0', '\u202f', '\u2009', '\u2007', "'", '’', '\u066c']);
const POINT = new Set([',', '.', '\u066b']);

export function westernDigits(s: string): string {
  if (!/[\u0080-\uffff]/.test(s)) return s;
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code - (code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** "007" → "7", ("3", "50") → "3.5". */
export function canonical(int: string, frac = ''): string {
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

interface Run {
  start: number;
  end: number;
  digits: string;
}

const groupsOk = (parts: Run[]) => parts[0]!.digits.length <= 3 && parts.slice(1).every((p) => p.digits.length === 3);

function token(text: string, parts: Run[], values: string[]): NumberToken {
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  const raw = text.slice(start, end);
  return { start, end, raw, values: [...new Set(values)], arabicDigits: /[\u0660-\u0669\u06f0-\u06f9]/.test(raw) };
}

function interpret(text: string, parts: Run[], seps: string[], comma: CommaReading, dot: CommaReading): NumberToken[] {
  const all = parts.map((p) => p.digits).join('');
  if (seps.length === 0) return [token(text, parts, [canonical(all)])];
  const last = seps[seps.length - 1]!;
  const head = seps.slice(0, -1);
  const lastPart = parts[parts.length - 1]!.digits;
  const intOf = (ps: Run[]) => ps.map((p) => p.digits).join('');
  if (seps.every((s) => GROUP_ONLY.has(s))) return [token(text, parts, [canonical(all)])];
  if (last === '\u066b' || (POINT.has(last) && head.length > 0 && head.every((s) => s === head[0] && s !== last))) {
    // Groups then a decimal point: 1,234.5 · 1.234,5 · 1 234,5 · ١٬٢٣٤٫٥
    if (groupsOk(parts.slice(0, -1))) return [token(text, parts, [canonical(intOf(parts.slice(0, -1)), lastPart)])];
  } else if (seps.every((s) => s === last) && POINT.has(last)) {
    if (seps.length === 1) {
      const [a, b] = [parts[0]!.digits, lastPart];
      const asGroup = canonical(a + b);
      const asDecimal = canonical(a, b);
      if (b.length !== 3 || a.length > 3 || /^0+$/.test(a)) return [token(text, parts, [asDecimal])];
      if (last === ',' && comma === 'decimal') return [token(text, parts, [asDecimal])];
      if (last === ',' && comma === 'group') return [token(text, parts, [asGroup])];
      if (last === '.' && dot === 'group') return [token(text, parts, [asGroup])];
      return [token(text, parts, [asDecimal, asGroup])];
    }
    if (groupsOk(parts)) return [token(text, parts, [canonical(all)])];
  }
  return parts.map((p) => token(text, [p], [canonical(p.digits)]));
}

/** Numbers of a text; `lang` decides what a lone comma before three digits means (see above). */
export function parseNumbers(text: string, lang = ''): NumberToken[] {
  const comma = commaReading(lang);
  const dot = dotReading(lang);
  const runs: Run[] = [];
  for (const m of text.matchAll(DIGITS))
    runs.push({ start: m.index, end: m.index + m[0].length, digits: westernDigits(m[0]) });
  const out: NumberToken[] = [];
  for (let i = 0; i < runs.length;) {
    const parts = [runs[i]!];
    const seps: string[] = [];
    let j = i;
    while (j + 1 < runs.length && runs[j + 1]!.start - runs[j]!.end === 1) {
      const sep = text[runs[j]!.end]!;
      const next = runs[j + 1]!;
      if (GROUP_ONLY.has(sep)) {
        // A space joins digit groups only when it really is grouping: 1 000 000, never "en 2024 200 personnes".
        const ok = next.digits.length === 3 && groupsOk(parts) && seps.every((s) => s === sep);
        if (!ok) break;
      } else if (!POINT.has(sep)) break;
      parts.push(next);
      seps.push(sep);
      j++;
    }
    out.push(...interpret(text, parts, seps, comma, dot));
    i = j + 1;
  }
  return out;
}

// A multiplier word right after the number (sticky: tried at one position, no slicing), per language.
const multiplierPatterns = new Map<string, RegExp | null>();

function multiplierAfter(lang: string): RegExp | null {
  const p = profileFor(lang);
  let re = multiplierPatterns.get(p.tag);
  if (re === undefined) {
    const words = [...p.multipliers.keys()].sort((a, b) => b.length - a.length).join('|');
    re = !words
      ? null
      : p.multipliersAttached
        ? new RegExp(`[\\s\\u00a0\\u202f]*(${words})`, 'iuy')
        : new RegExp(`[\\s\\u00a0\\u202f]+(${words})(?![\\p{L}])`, 'iuy');
    multiplierPatterns.set(p.tag, re);
  }
  return re;
}

/**
 * Adds the multiplied value of "2,5 millions", "3万" to its values; the words are the text language's
 * (its profile's `multipliers`).
 */
export function withMultipliers(text: string, nums: NumberToken[], lang = ''): NumberToken[] {
  const re = multiplierAfter(lang);
  if (!re) return nums;
  const table = profileFor(lang).multipliers;
  for (const n of nums) {
    re.lastIndex = n.end;
    const m = re.exec(text);
    const mult = m ? table.get(m[1]!.toLowerCase()) : undefined;
    if (!mult) continue;
    for (const v of [...n.values]) {
      const x = Number(v) * mult;
      if (Number.isSafeInteger(Math.round(x))) n.values.push(String(Math.round(x)));
    }
  }
  return nums;
}
