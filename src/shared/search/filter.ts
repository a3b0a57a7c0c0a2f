import type { DocumentEvent } from '../events';
import { cutText, joined } from '../segment-structure';
import { groupOf, MQM_CATEGORIES, MQM_CATEGORY_GROUPS } from '../mqm';
import { SegmentStatusSchema, UNSETTLED_FLAG_STATUSES, type Flag, type SegmentStatus } from '../schemas';

/** Which segments to show. Every criterion set must hold (they combine); an empty filter shows them all. */
export interface SegmentFilter {
  statuses: SegmentStatus[];
  /** Has open (or disputed) flags. */
  openFlags: boolean;
  /** Has automatic QA findings. */
  findings: boolean;
  /** The translation differs from the text it had when last approved. */
  changed: boolean;
  /** Has open flags of this MQM category or category group ('fluency' or 'fluency/spelling'). */
  category: string | null;
}

export const NO_FILTER: SegmentFilter = {
  statuses: [],
  openFlags: false,
  findings: false,
  changed: false,
  category: null,
};

export const isFiltering = (f: SegmentFilter) =>
  f.statuses.length > 0 || f.openFlags || f.findings || f.changed || f.category !== null;

const CATEGORY_VALUES: ReadonlySet<string> = new Set([...MQM_CATEGORY_GROUPS.map((g) => g.group), ...MQM_CATEGORIES]);

/** The filter a URL says (`?status=draft,approved&flags=open&findings=1&changed=1&category=fluency`). Unknown values are ignored. */
export function filterFromParams(params: URLSearchParams): SegmentFilter {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .flatMap((s) => (SegmentStatusSchema.safeParse(s).success ? [s as SegmentStatus] : []));
  const category = params.get('category');
  return {
    statuses: [...new Set(statuses)],
    openFlags: params.get('flags') === 'open',
    findings: params.get('findings') === '1',
    changed: params.get('changed') === '1',
    category: category && CATEGORY_VALUES.has(category) ? category : null,
  };
}

/** Writes the filter into URL parameters, leaving the others (segment, flag…) as they are. */
export function filterToParams(filter: SegmentFilter, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('status', filter.statuses.join(','));
  set('flags', filter.openFlags ? 'open' : null);
  set('findings', filter.findings ? '1' : null);
  set('changed', filter.changed ? '1' : null);
  set('category', filter.category);
  return next;
}

export interface FilterFacts {
  /** Segments with automatic findings now. */
  findingSegments: ReadonlySet<string>;
  /** Segments changed since their last approval (approvedTexts). */
  changedSegments: ReadonlySet<string>;
}

interface FilterableSegment {
  id: string;
  status: SegmentStatus;
}

/** The segments the filter keeps, in document order. */
export function filterSegments<S extends FilterableSegment>(
  segments: readonly S[],
  flags: Iterable<Flag>,
  filter: SegmentFilter,
  facts: FilterFacts,
): S[] {
  if (!isFiltering(filter)) return [...segments];
  const flagged = new Set<string>();
  const ofCategory = new Set<string>();
  for (const f of flags) {
    if (!UNSETTLED_FLAG_STATUSES.includes(f.status)) continue;
    flagged.add(f.segmentId);
    if (filter.category && (f.category === filter.category || groupOf(f.category) === filter.category)) {
      ofCategory.add(f.segmentId);
    }
  }
  const statuses = new Set(filter.statuses);
  return segments.filter(
    (s) =>
      (statuses.size === 0 || statuses.has(s.status)) &&
      (!filter.openFlags || flagged.has(s.id)) &&
      (!filter.findings || facts.findingSegments.has(s.id)) &&
      (!filter.changed || facts.changedSegments.has(s.id)) &&
      (!filter.category || ofCategory.has(s.id)),
  );
}

/**
 * Each segment's text when it was last approved (the segment itself, or the whole document), read from the
 * log in one pass, as segmentHistory does for one segment.
 */
export function approvedTexts(events: readonly DocumentEvent[]): Map<string, string> {
  const text = new Map<string, string>();
  const approved = new Map<string, string>();
  const flagSegment = new Map<string, string>();
  for (const e of events) {
    switch (e.type) {
      case 'DocumentCreated':
        for (const s of e.payload.segments) text.set(s.id, s.target);
        break;
      case 'FlagCreated':
        flagSegment.set(e.payload.flagId, e.payload.segmentId);
        break;
      case 'SegmentEdited':
        text.set(e.payload.segmentId, e.payload.target);
        break;
      case 'FlagAccepted': {
        const segmentId = flagSegment.get(e.payload.flagId);
        if (e.payload.target !== null && segmentId) text.set(segmentId, e.payload.target);
        break;
      }
      case 'SegmentStatusChanged':
        if (e.payload.status === 'approved') approved.set(e.payload.segmentId, text.get(e.payload.segmentId) ?? '');
        break;
      case 'DocumentStatusChanged':
        if (e.payload.status === 'approved') for (const [id, t] of text) approved.set(id, t);
        break;
      // Splits, merges and deletions move text between segments as the reducer does (segment-structure.ts).
      case 'SegmentSplit': {
        const cut = cutText(text.get(e.payload.segmentId) ?? '', e.payload.targetAt);
        text.set(e.payload.segmentId, cut.first);
        text.set(e.payload.newSegmentId, cut.second);
        break;
      }
      case 'SegmentsMerged': {
        const { segmentId, nextSegmentId, targetSeparator } = e.payload;
        text.set(segmentId, joined(text.get(segmentId) ?? '', text.get(nextSegmentId) ?? '', targetSeparator));
        text.delete(nextSegmentId);
        approved.delete(nextSegmentId);
        break;
      }
      case 'SegmentDeleted':
        text.delete(e.payload.segmentId);
        approved.delete(e.payload.segmentId);
        break;
      case 'SegmentInserted':
        text.set(e.payload.segmentId, e.payload.target);
        break;
      default:
        break;
    }
  }
  return approved;
}

/** Segments whose translation is not the one last approved. */
export function changedSinceApproval(
  segments: readonly { id: string; target: string }[],
  approved: ReadonlyMap<string, string>,
): Set<string> {
  const out = new Set<string>();
  for (const s of segments) {
    const at = approved.get(s.id);
    if (at !== undefined && at !== s.target) out.add(s.id);
  }
  return out;
}
