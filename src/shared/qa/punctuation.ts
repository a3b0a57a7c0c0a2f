import { profileFor } from './lang-profile';
import { words } from './text';
import type { QaSegment, RawFinding } from './types';

/* Spaces, repeated words and end punctuation of the translation. */

// ---- Double spaces ---------------------------------------------------------------------------------

const SPACES = /[ \t\u00a0\u202f]{2,}/g;

interface SpaceRuns {
  leading: boolean;
  trailing: boolean;
  inner: number;
}

function spaceRuns(text: string): { runs: RegExpExecArray[] } & SpaceRuns {
  const runs = [...text.matchAll(SPACES)];
  const leading = runs[0]?.index === 0;
  const last = runs[runs.length - 1];
  const trailing = last !== undefined && last.index + last[0].length === text.length;
  return { runs, leading, trailing, inner: runs.length - (leading ? 1 : 0) - (trailing ? 1 : 0) };
}

/**
 * Several spaces in a row in the translation that the source does not have (like the other "same in source"
 * rules): leading and trailing runs are mirrored when the source has them too (string resources keep their
 * padding), inner runs as many times as the source has inner runs.
 */
export function checkDoubleSpaces(seg: QaSegment): RawFinding[] {
  const out: RawFinding[] = [];
  const src = spaceRuns(seg.source);
  const tgt = spaceRuns(seg.target);
  let innerLeft = src.inner;
  for (const m of tgt.runs) {
    const atStart = m.index === 0;
    const atEnd = m.index + m[0].length === seg.target.length;
    if ((atStart && src.leading) || (atEnd && src.trailing)) continue;
    if (!atStart && !atEnd && innerLeft > 0) {
      innerLeft--;
      continue;
    }
    const keep = /[\u00a0\u202f]/.exec(m[0])?.[0] ?? ' '; // a no-break space is there for a reason: keep it
    out.push({
      checkId: 'double-space',
      side: 'target',
      start: m.index,
      end: m.index + m[0].length,
      variant: 'default',
      fix: keep,
    });
  }
  return out;
}

// ---- Repeated words ---------------------------------------------------------------------------------

// Legitimate doublings come from the language's profile: French "nous nous sommes", English "had had",
// German "die die" (article then relative pronoun), Dutch "dat dat".

export function checkRepeatedWords(seg: QaSegment, lang: string): RawFinding[] {
  const out: RawFinding[] = [];
  const allowed = profileFor(lang).grammaticalDoubles;
  const ws = words(seg.target);
  for (let i = 1; i < ws.length; i++) {
    const [a, b] = [ws[i - 1]!, ws[i]!];
    if (a.text.length !== b.text.length || a.text.toLowerCase() !== b.text.toLowerCase() || !/\p{L}/u.test(a.text))
      continue;
    if (!/^[ \u00a0\u202f]+$/.test(seg.target.slice(a.end, b.start))) continue;
    if (allowed.has(a.text.toLowerCase())) continue;
    if (/^\p{Lu}/u.test(a.text) && /^\p{Lu}/u.test(b.text)) continue; // Bora Bora, Baden Baden
    out.push({
      checkId: 'repeated-word',
      side: 'target',
      start: a.start,
      end: b.end,
      variant: 'default',
      params: { word: b.text },
      fix: a.text,
    });
  }
  return out;
}

// ---- End punctuation --------------------------------------------------------------------------------

const CLOSERS = /[\s\u00a0\u202f)\]}»”’"›'«“‹」』）》]/;
// Arabic and Urdu marks, and the full-width ones of Chinese and Japanese (。！？：；，、), are classed with their Latin kin.
const PUNCT = /[.!?…:;,؟۔،؛。！？：；，、．]/;
const CLASS: Record<string, string> = {
  '.': '.',
  '۔': '.',
  '!': '!',
  '?': '?',
  '؟': '?',
  '…': '…',
  ':': ':',
  ';': ';',
  '؛': ';',
  ',': ',',
  '،': ',',
  '。': '.',
  '．': '.',
  '！': '!',
  '？': '?',
  '：': ':',
  '；': ';',
  '，': ',',
  '、': ',',
};

interface End {
  cls: string | null;
  /** The final punctuation with the spaces before it; when there is none, the last character. */
  start: number;
  end: number;
}

export function endPunctuation(text: string): End {
  let end = text.length;
  while (end > 0 && CLOSERS.test(text[end - 1]!)) end--;
  // The punctuation run, with the spaces inside and before it (French " ?"): a fix replaces all of it.
  let start = end;
  let i = end;
  while (i > 0) {
    const c = text[i - 1]!;
    if (PUNCT.test(c)) start = --i;
    else if (start < end && /[ \u00a0\u202f]/.test(c)) i--;
    else break;
  }
  if (start === end) {
    const last = end >= 2 && /[\udc00-\udfff]/.test(text[end - 1]!) ? end - 2 : Math.max(0, end - 1);
    return { cls: null, start: last, end };
  }
  const run = text.slice(start, end).replace(/[\s\u00a0\u202f]/g, '');
  const cls =
    run.includes('?') || run.includes('؟') || run.includes('？')
      ? '?'
      : run.endsWith('...')
        ? '…'
        : CLASS[run[run.length - 1]!]!;
  return { cls, start: i, end };
}

const written = (cls: string, lang: string): string => {
  if (!profileFor(lang).noBreakSpaceBeforePunctuation) return cls;
  if (cls === ':') return '\u00a0:';
  return cls === ';' || cls === '!' || cls === '?' ? `\u202f${cls}` : cls;
};

export function checkEndPunctuation(seg: QaSegment, lang: string): RawFinding[] {
  if (seg.source.trim() === '' || seg.target.trim() === '') return [];
  const s = endPunctuation(seg.source);
  const t = endPunctuation(seg.target);
  if (s.cls === t.cls) return [];
  const base = { checkId: 'end-punctuation' as const, side: 'target' as const, start: t.start, end: t.end };
  if (t.cls === null) {
    const last = seg.target.slice(t.start, t.end);
    return [{ ...base, variant: 'missing', params: { expected: s.cls! }, fix: last + written(s.cls!, lang) }];
  }
  if (s.cls === null) return [{ ...base, variant: 'extra', params: { found: t.cls }, fix: '' }];
  return [{ ...base, variant: 'different', params: { expected: s.cls, found: t.cls }, fix: written(s.cls, lang) }];
}
