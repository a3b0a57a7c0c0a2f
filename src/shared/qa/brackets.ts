import { profileFor } from './lang-profile';
import type { QaSegment, RawFinding } from './types';

/*
 * Unpaired brackets and quotation marks in the translation: ( ) [ ] { }, straight double quotes, and the quotation
 * marks of the target language's profile (« » “ ” ‹ › by default; „ “ and » « in German; 「 」 in Japanese).
 * Exempt: list markers "a)" "2)" and smileys ":)". A quotation may run over several paragraphs: a quote left open
 * is fine when the next paragraph continues it (French style: it starts with « again) or closes it, and a closing
 * mark is fine when the previous paragraph left that quote open.
 */

const BRACKETS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const STRAIGHT = '"';
const MARKS = /[()[\]{}«»“”‹›„‚‘"「」『』《》（）]/g;

export interface Unpaired {
  ch: string;
  at: number;
  kind: 'opening' | 'closing' | 'quote';
}

// Brackets everywhere, and the quotation marks of the language's profile (German „…“ and »…«, French «…»).
interface Pairs {
  openers: Record<string, string>;
  /** Each closing mark with the marks it may close (Dutch ” closes “ and „). */
  closers: Map<string, ReadonlySet<string>>;
}
const pairs = new Map<string, Pairs>();
function pairsFor(lang: string): Pairs {
  const profile = profileFor(lang);
  let p = pairs.get(profile.tag);
  if (!p) {
    const openers: Record<string, string> = { ...BRACKETS, '（': '）' };
    for (const q of profile.quotes) if (openers[q.open] === undefined) openers[q.open] = q.close;
    const closers = new Map<string, Set<string>>();
    for (const [o, c] of Object.entries(openers)) closers.set(c, (closers.get(c) ?? new Set()).add(o));
    pairs.set(profile.tag, (p = { openers, closers }));
  }
  return p;
}

// "a)" "2)" "iv)" at the start or after a space: a list marker; ":)" ";-)": a smiley.
const exemptCloser = (text: string, i: number) =>
  text[i] === ')' &&
  (/(^|[\s(])([\p{L}\d]{1,3})$/u.test(text.slice(Math.max(0, i - 4), i)) ||
    /[:;]-?$/.test(text.slice(Math.max(0, i - 2), i)));

export function unpairedMarks(text: string, lang: string): Unpaired[] {
  const { openers, closers } = pairsFor(lang);
  const stack: Unpaired[] = [];
  const out: Unpaired[] = [];
  for (const m of text.matchAll(MARKS)) {
    const ch = m[0];
    const i = m.index;
    if (ch === STRAIGHT) {
      const top = stack[stack.length - 1];
      if (top?.ch === STRAIGHT) stack.pop();
      else stack.push({ ch, at: i, kind: 'quote' });
    } else if (openers[ch] !== undefined) {
      stack.push({ ch, at: i, kind: 'opening' });
    } else if (closers.has(ch)) {
      const opens = closers.get(ch)!;
      let k = stack.length - 1;
      while (k >= 0 && !opens.has(stack[k]!.ch)) k--;
      if (k === -1) {
        if (!exemptCloser(text, i)) out.push({ ch, at: i, kind: 'closing' });
      } else {
        out.push(...stack.splice(k).slice(1)); // marks opened inside and never closed
      }
    }
  }
  out.push(...stack);
  return out.sort((a, b) => a.at - b.at);
}

const QUOTES = new Set(['«', '»', '“', '”', '„', '"', '‹', '›', '‚', '‘', '「', '」', '『', '』']);

export interface Neighbours {
  previousTarget?: string;
  nextTarget?: string;
}

function continued(u: Unpaired, lang: string, n: Neighbours): boolean {
  if (!QUOTES.has(u.ch)) return false;
  if (u.kind === 'closing') {
    return (
      n.previousTarget !== undefined &&
      unpairedMarks(n.previousTarget, lang).some((p) => p.kind === 'opening' && QUOTES.has(p.ch))
    );
  }
  const next = n.nextTarget?.trimStart();
  if (next === undefined) return false;
  return next.startsWith(u.ch) || unpairedMarks(next, lang).some((p) => p.kind !== 'opening' && QUOTES.has(p.ch));
}

export function checkBrackets(seg: QaSegment, lang: string, n: Neighbours): RawFinding[] {
  const text = seg.target;
  if (!/[()[\]{}«»“”‹›„‚‘"「」『』《》（）]/.test(text)) return [];
  const out: RawFinding[] = [];
  const trimmedEnd = text.trimEnd().length;
  const trimmedStart = text.length - text.trimStart().length;
  for (const u of unpairedMarks(text, lang)) {
    if (continued(u, lang, n)) continue;
    let start = u.at;
    let end = u.at + 1;
    let fix: string | undefined;
    // A stray mark at the very end or start of the paragraph (scraping debris): offer to delete it with its space.
    if (u.kind !== 'opening' && end === trimmedEnd) {
      while (start > 0 && /[\s\u00a0\u202f]/.test(text[start - 1]!)) start--;
      fix = '';
    } else if (u.kind !== 'closing' && start === trimmedStart) {
      while (end < text.length && /[\s\u00a0\u202f]/.test(text[end]!)) end++;
      fix = '';
    }
    out.push({
      checkId: 'unpaired',
      side: 'target',
      start,
      end,
      variant: u.kind,
      params: { char: u.ch },
      ...(fix !== undefined ? { fix } : {}),
    });
  }
  return out;
}
