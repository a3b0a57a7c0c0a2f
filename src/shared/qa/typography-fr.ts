import type { QaSegment, RawFinding } from './types';

/*
 * French typography (Lexique des règles typographiques en usage à l’Imprimerie nationale): a no-break space
 * before ":" ";" "!" "?" and inside « », either U+00A0 or the narrow U+202F. The fix inserts U+00A0 before ":"
 * and inside guillemets, U+202F before ; ! ?. Exempt: URLs, e-mail addresses and paths (https://x.fr/a:b),
 * times and ratios between digits (10:30, 3:2), smileys, and the second mark of "?!" or "!!".
 */

const NO_BREAK = /[\u00a0\u202f]/;
const PLAIN_SPACE = /[ \t]/;
const BEFORE = new Set([':', ';', '!', '?']);
const PUNCT = /[.!?…:;]/;
const MARKS = /[:;!?«»]/g;

const noBreakFor = (ch: string) => (ch === ':' || ch === '«' || ch === '»' ? '\u00a0' : '\u202f');

/** The whitespace-free run around i: a URL, an address or a path keeps its colons and question marks. */
function inUrlOrPath(text: string, i: number): boolean {
  let a = i;
  let b = i;
  while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
  while (b < text.length && !/\s/.test(text[b]!)) b++;
  return /[a-z][a-z0-9+.-]*:\/\/|www\.|@|\/|\\/i.test(text.slice(a, b));
}

function checkBefore(text: string, i: number): RawFinding | null {
  const ch = text[i]!;
  const prev = text[i - 1];
  const next = text[i + 1] ?? '';
  if (prev === undefined || prev === '\n' || NO_BREAK.test(prev) || PUNCT.test(prev)) return null;
  if ((ch === ':' || ch === ';') && /^-?[()DPp](?![\p{L}])/u.test(text.slice(i + 1, i + 4))) return null; // :) ;-)
  if (PLAIN_SPACE.test(prev)) {
    let s = i - 1;
    while (s > 0 && PLAIN_SPACE.test(text[s - 1]!)) s--;
    if (s === 0) return null; // the paragraph starts with it: nothing to glue it to
    return {
      checkId: 'fr-spacing',
      side: 'target',
      start: s,
      end: i + 1,
      variant: 'plain-space-before',
      params: { char: ch },
      fix: noBreakFor(ch) + ch,
    };
  }
  if (/\d/.test(prev) && /\d/.test(next)) return null; // 10:30, 3:2
  if (inUrlOrPath(text, i)) return null;
  return {
    checkId: 'fr-spacing',
    side: 'target',
    start: i,
    end: i + 1,
    variant: 'missing-before',
    params: { char: ch },
    fix: noBreakFor(ch) + ch,
  };
}

function checkGuillemet(text: string, i: number): RawFinding | null {
  const ch = text[i]!;
  const opening = ch === '«';
  const neighbour = opening ? text[i + 1] : text[i - 1];
  if (
    neighbour === undefined ||
    neighbour === '\n' ||
    NO_BREAK.test(neighbour) ||
    neighbour === '«' ||
    neighbour === '»'
  )
    return null;
  const nb = noBreakFor(ch);
  if (PLAIN_SPACE.test(neighbour)) {
    let s = i;
    let e = i + 1;
    if (opening) while (e < text.length && PLAIN_SPACE.test(text[e]!)) e++;
    else while (s > 0 && PLAIN_SPACE.test(text[s - 1]!)) s--;
    if ((opening && e === text.length) || (!opening && s === 0)) return null;
    return {
      checkId: 'fr-spacing',
      side: 'target',
      start: s,
      end: e,
      variant: 'plain-space-inside',
      params: { char: ch },
      fix: opening ? ch + nb : nb + ch,
    };
  }
  if (inUrlOrPath(text, i)) return null;
  return {
    checkId: 'fr-spacing',
    side: 'target',
    start: i,
    end: i + 1,
    variant: 'missing-inside',
    params: { char: ch },
    fix: opening ? ch + nb : nb + ch,
  };
}

export function checkFrenchSpacing(seg: QaSegment): RawFinding[] {
  const text = seg.target;
  const out: RawFinding[] = [];
  for (const m of text.matchAll(MARKS)) {
    const f = BEFORE.has(m[0]) ? checkBefore(text, m.index) : checkGuillemet(text, m.index);
    if (f) out.push(f);
  }
  return out;
}
