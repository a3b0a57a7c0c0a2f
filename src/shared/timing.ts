import type { DocumentEvent } from './events';
import type { DocumentState, Flag } from './schemas';

/** One reviewer's totals on a document: the scorecard's "per reviewer" rows. */
export interface ReviewerTotals {
  reviewer: string;
  /** Flags they created (withdrawn ones excluded: the reviewer took them back). */
  flags: number;
  /** Segments they have marked reviewed. */
  reviewed: number;
  /** Active time on segments, in milliseconds. */
  activeMs: number;
  /** Time spent creating flags (first selection to Create), where the client measured it. */
  flagCreationMs: number;
  /** Active milliseconds per 1,000 evaluated words; null without words. */
  msPer1000Words: number | null;
  flagsPer1000Words: number | null;
}

/**
 * Per-reviewer totals from the document as folded: O(flags + reviewers), no pass over the events. `words`
 * is the scorecard's evaluated word count (mqm-score.ts), so both speak of the same 1,000 words.
 */
export function reviewerTotals(doc: Pick<DocumentState, 'reviewers'> & { flags: Iterable<Flag> }, words: number) {
  const by = new Map<string, ReviewerTotals>();
  const row = (reviewer: string) => {
    let r = by.get(reviewer);
    if (!r) {
      r = {
        reviewer,
        flags: 0,
        reviewed: 0,
        activeMs: 0,
        flagCreationMs: 0,
        msPer1000Words: null,
        flagsPer1000Words: null,
      };
      by.set(reviewer, r);
    }
    return r;
  };
  for (const f of doc.flags) {
    if (f.status === 'withdrawn' || f.original) continue; // imported annotations were not made here
    const r = row(f.createdBy);
    r.flags++;
    r.flagCreationMs += f.durationMs ?? 0;
  }
  for (const [reviewer, stats] of Object.entries(doc.reviewers ?? {})) {
    const r = row(reviewer);
    r.reviewed = stats.reviewed;
    r.activeMs = stats.activeMs;
  }
  const per1000 = (n: number) => (words > 0 ? Math.round((n / words) * 1000 * 100) / 100 : null);
  return [...by.values()]
    .map((r) => ({ ...r, msPer1000Words: per1000(r.activeMs), flagsPer1000Words: per1000(r.flags) }))
    .sort((a, b) => a.reviewer.localeCompare(b.reviewer));
}

/** The timing section of the JSON export: every measured flag creation, and active time per segment and reviewer. */
export interface TimingExport {
  flags: { flagId: string; segmentId: string; by: string; at: string; durationMs: number }[];
  segments: { segmentId: string; by: string; activeMs: number; reviewed: boolean }[];
}

/** Read from the event log (the export has it anyway): one pass, O(events). */
export function timingFromEvents(events: readonly DocumentEvent[]): TimingExport {
  const flags: TimingExport['flags'] = [];
  const perSegment = new Map<string, TimingExport['segments'][number]>();
  for (const e of events) {
    if (e.type === 'FlagCreated' && e.payload.durationMs !== undefined) {
      const p = e.payload;
      flags.push({ flagId: p.flagId, segmentId: p.segmentId, by: e.actor, at: e.at, durationMs: p.durationMs! });
    } else if (e.type === 'SegmentReviewed') {
      const key = `${e.payload.segmentId}\n${e.actor}`;
      const entry = perSegment.get(key) ?? {
        segmentId: e.payload.segmentId,
        by: e.actor,
        activeMs: 0,
        reviewed: false,
      };
      entry.activeMs += e.payload.activeMs;
      entry.reviewed = e.payload.reviewed;
      perSegment.set(key, entry);
    }
  }
  return { flags, segments: [...perSegment.values()] };
}
