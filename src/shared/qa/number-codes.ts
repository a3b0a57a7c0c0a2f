import type { NumberToken } from './number-parse';
import type { RawFinding } from './types';

/*
 * Codes: words that start with letters and carry digits (CO2, H2O, A4, MP3, G7, B2B, m2) or an acronym, a hyphen
 * and digits (COVID-19, Covid-19, Boeing-737). Their digits are part of a name, not an amount: they are not matched against the
 * numbers of the other side (a target that adds "CO2-Emissionen" has no number 2), and a code is compared as a
 * whole: the same code in the target (full-width, subscript digits, case and hyphens aside) is fine; one with the
 * same letters and other digits (A4 → A5, G7 → G20) is reported; a code the translation writes out (H2O →
 * Wasser) is not. Starting with a letter keeps numbers with units (10km, 5G, 2nd, 14h30) numbers.
 * Letters are cased ones (Latin, Greek, Cyrillic…): a Chinese or Japanese character before a digit (第3回) is
 * a word of its own.
 */

export interface CodeToken {
  start: number;
  end: number;
  raw: string;
  key: string;
  letters: string;
}

const CODE =
  /(?<![\p{Lu}\p{Ll}\p{N}])(?:[\p{Lu}\p{Ll}]+[0-9\uff10-\uff19][\p{Lu}\p{Ll}\p{N}]*|\p{Lu}[\p{Lu}\p{Ll}]+[-‑][0-9\uff10-\uff19]+[\p{Lu}\p{Ll}\p{N}]*)(?![\p{Lu}\p{Ll}\p{N}])/gu;

const LETTER_OR_HYPHEN = /[\p{L}\-‑]/u;

/** The codes of a text; `nums` are its numbers: without a letter or hyphen before one there is no code to look for. */
export function findCodes(text: string, nums: readonly NumberToken[]): CodeToken[] {
  const out: CodeToken[] = [];
  if (!nums.some((n) => n.start > 0 && LETTER_OR_HYPHEN.test(text[n.start - 1]!))) return out;
  for (const m of text.matchAll(CODE)) {
    const key = m[0].normalize('NFKC').toUpperCase().replace(/[-‑]/g, '');
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], key, letters: key.replace(/\P{L}/gu, '') });
  }
  return out;
}

/** The numbers that are not digits of a code. */
export function outsideCodes(nums: NumberToken[], codes: CodeToken[]): NumberToken[] {
  return nums.filter((n) => !codes.some((c) => n.start < c.end && c.start < n.end));
}

/** Source codes the target changed (same letters, other digits). */
export function checkCodes(source: CodeToken[], target: CodeToken[]): RawFinding[] {
  const used = new Set<CodeToken>();
  const missing: CodeToken[] = [];
  for (const s of source) {
    const t = target.find((t) => !used.has(t) && t.key === s.key);
    if (t) used.add(t);
    else missing.push(s);
  }
  const out: RawFinding[] = [];
  for (const s of missing) {
    const t = target.find((t) => !used.has(t) && t.letters === s.letters);
    if (!t) continue; // written out, or another thing altogether
    used.add(t);
    out.push({
      checkId: 'number-mismatch',
      side: 'target',
      start: t.start,
      end: t.end,
      variant: 'changed',
      params: { number: s.raw, found: t.raw },
      fix: s.raw,
    });
  }
  return out;
}
