import type { SearchMatch, TextMatch } from './search';

/** Characters [start, end) of a text become `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

const TOKEN = /\$(\$|&|\d{1,2}|<([^>]*)>)/g;

/**
 * The replacement for one match. With a regular expression, `$&` is the match, `$1`… its groups, `$<name>` a
 * named group and `$$` a dollar (as String.prototype.replace); otherwise the template is taken as it is.
 */
export function expandTemplate(template: string, match: TextMatch, regex: boolean): string {
  if (!regex) return template;
  return template.replace(TOKEN, (all, token: string, name: string | undefined) => {
    if (token === '$') return '$';
    if (token === '&') return match.groups[0] ?? '';
    if (name !== undefined) return match.named && name in match.named ? (match.named[name] ?? '') : all;
    const n = Number(token);
    // "$12" with one group only is "$1" followed by "2", as in JavaScript.
    if (n < match.groups.length) return match.groups[n] ?? '';
    const one = Number(token[0]);
    if (token.length === 2 && one > 0 && one < match.groups.length) return (match.groups[one] ?? '') + token[1];
    return all;
  });
}

/** Applies replacements (in any order; they must not overlap) to a text. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) throw new Error(`Replacements overlap at ${r.start}`);
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

interface ReplaceableSegment {
  id: string;
  index: number;
  target: string;
  version: number;
  status: string;
}

/** One segment's change, as previewed (before → after) and as sent (segmentId, baseVersion, target). */
export interface ReplaceChange {
  segmentId: string;
  index: number;
  baseVersion: number;
  before: string;
  after: string;
  replacements: Replacement[];
}

export interface ReplacePlan {
  changes: ReplaceChange[];
  /** Segments with matches that cannot change (approved: an editor must reopen them). */
  locked: { segmentId: string; index: number }[];
}

/** A match's stable key in a plan (per-match confirmation). */
export const matchKey = (m: Pick<SearchMatch, 'segmentId' | 'side' | 'start'>) => `${m.segmentId}:${m.side}:${m.start}`;

/**
 * What replacing the translation matches would change, segment by segment (source matches are never
 * replaced). `include` chooses matches one by one; a segment whose text would not change is left out.
 */
export function planReplace(
  segments: readonly ReplaceableSegment[],
  matches: readonly SearchMatch[],
  template: string,
  regex: boolean,
  include: (m: SearchMatch) => boolean = () => true,
): ReplacePlan {
  const bySegment = new Map<string, SearchMatch[]>();
  for (const m of matches) {
    if (m.side !== 'target' || !include(m)) continue;
    const list = bySegment.get(m.segmentId);
    if (list) list.push(m);
    else bySegment.set(m.segmentId, [m]);
  }
  const plan: ReplacePlan = { changes: [], locked: [] };
  for (const s of segments) {
    const ms = bySegment.get(s.id);
    if (!ms) continue;
    if (s.status === 'approved') {
      plan.locked.push({ segmentId: s.id, index: s.index });
      continue;
    }
    const replacements = ms.map((m) => ({ start: m.start, end: m.end, text: expandTemplate(template, m, regex) }));
    const after = applyReplacements(s.target, replacements);
    if (after === s.target) continue;
    plan.changes.push({
      segmentId: s.id,
      index: s.index,
      baseVersion: s.version,
      before: s.target,
      after,
      replacements,
    });
  }
  return plan;
}
