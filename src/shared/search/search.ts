import type { FlagSide } from '../primitives';
import { foldText, type FoldOptions } from './fold';

export type SearchScope = 'source' | 'target' | 'both';

export interface SearchOptions extends FoldOptions {
  scope: SearchScope;
  caseSensitive: boolean;
  /** Only whole words: no letter, digit or mark touches the match on either side. */
  wholeWord: boolean;
  /** The query is a JavaScript regular expression (Unicode mode). */
  regex: boolean;
}

export const DEFAULT_SEARCH: SearchOptions = {
  scope: 'both',
  caseSensitive: false,
  wholeWord: false,
  regex: false,
  ignoreDiacritics: false,
  letterVariants: false,
};

/** One match in one text: UTF-16 offsets into the original text, and the regex groups (for $1 in replace). */
export interface TextMatch {
  start: number;
  end: number;
  groups: readonly (string | undefined)[];
  named: Readonly<Record<string, string | undefined>> | undefined;
}

export interface SearchMatch extends TextMatch {
  segmentId: string;
  /** 0-based position of the segment in the document. */
  index: number;
  side: FlagSide;
}

export type Matcher = { ok: true; find: (text: string) => TextMatch[] } | { ok: false; error: string };

const WORD = String.raw`[\p{L}\p{N}\p{M}_]`;
/** Unicode-mode regexes allow escaping only their syntax characters and '/'. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Compiles a query. Matches never overlap: scanning goes on after each match, as in every editor (and so a
 * replacement never fights over the same characters). With a fold option on, the query (a regular expression
 * too) and the text are both folded. An empty query or a bad expression finds nothing.
 */
export function compileSearch(query: string, o: SearchOptions): Matcher {
  if (query === '') return { ok: true, find: () => [] };
  // A pattern is folded like the text (only letters change: escapes and syntax are ASCII, left as they are).
  const folded = foldText(query, o).text;
  let body = o.regex ? folded : escape(folded);
  if (o.wholeWord) body = `(?<!${WORD})(?:${body})(?!${WORD})`;
  let re: RegExp;
  try {
    re = new RegExp(body, o.caseSensitive ? 'gu' : 'giu');
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  const find = (text: string): TextMatch[] => {
    const f = foldText(text, o);
    const out: TextMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
      if (m[0] === '') {
        // An empty match finds nothing to show or replace: step over one code point.
        re.lastIndex += (f.text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      const a = m.index;
      const b = a + m[0].length;
      out.push({ start: f.starts[a]!, end: f.ends[b - 1]!, groups: [...m], named: m.groups });
    }
    return out;
  };
  return { ok: true, find };
}

interface SearchableSegment {
  id: string;
  index: number;
  source: string;
  target: string;
}

/** Every match in the document, in reading order: segment by segment, source before translation. */
export function searchSegments(
  segments: readonly SearchableSegment[],
  matcher: Matcher,
  scope: SearchScope,
): SearchMatch[] {
  if (!matcher.ok) return [];
  const sides: FlagSide[] = scope === 'both' ? ['source', 'target'] : [scope];
  const out: SearchMatch[] = [];
  for (const s of segments) {
    for (const side of sides) {
      for (const m of matcher.find(side === 'source' ? s.source : s.target)) {
        out.push({ ...m, segmentId: s.id, index: s.index, side });
      }
    }
  }
  return out;
}
