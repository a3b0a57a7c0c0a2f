import type { Severity } from '../../../../shared/mqm';

export interface Highlight {
  id: string;
  start: number;
  end: number;
  severity: Severity;
  /** A reviewer's flag, an automatic finding not yet confirmed, a glossary term, or a search match (the current one). */
  kind?: 'flag' | 'suggestion' | 'term' | 'search' | 'search-current';
}

export interface Piece {
  text: string;
  start: number;
  /** Highlights covering this piece, most severe first. */
  marks: Highlight[];
}

const RANK: Record<Severity, number> = { critical: 3, major: 2, minor: 1, neutral: 0 };
// A search match is painted apart (data-search): under it, a flag still shows as a flag.
const KIND_RANK = { flag: 2, suggestion: 1, term: 0, search: -1, 'search-current': -1 } as const;

/** Cuts text at every highlight boundary; each piece lists its highlights, flags first, then by severity. */
export function splitForHighlights(text: string, highlights: readonly Highlight[]): Piece[] {
  const valid = highlights.filter((h) => h.start < h.end && h.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const h of valid) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const marks = valid
      .filter((h) => h.start <= start && h.end >= end)
      .sort((a, b) => KIND_RANK[b.kind ?? 'flag'] - KIND_RANK[a.kind ?? 'flag'] || RANK[b.severity] - RANK[a.severity]);
    pieces.push({ text: text.slice(start, end), start, marks });
  }
  return pieces;
}
