import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Finding } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';
import {
  approvedTexts,
  changedSinceApproval,
  filterFromParams,
  filterSegments,
  filterToParams,
  isFiltering,
  type SegmentFilter,
} from '../../../../shared/search/filter';
import { activityQueries } from '../api';

const NONE: ReadonlySet<string> = new Set();

/**
 * The rows shown: the filter lives in the URL (a reload or a shared link keeps it). "Changed since approval"
 * reads the event log (fetched only while that criterion is on, and kept current by the live stream).
 */
export function useSegmentFilter(docId: string, doc: DocumentState | undefined, findings: readonly Finding[]) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the parameters' text is their identity
  const filter = useMemo(() => filterFromParams(params), [search]);
  const setFilter = useCallback(
    (next: SegmentFilter) => setParams((p) => filterToParams(next, p), { replace: true }),
    [setParams],
  );
  const events = useQuery({ ...activityQueries.document(docId), enabled: filter.changed });
  const approved = useMemo(() => (events.data ? approvedTexts(events.data.events) : null), [events.data]);
  const segments = doc?.segments;
  const changedSegments = useMemo(
    () => (approved && segments ? changedSinceApproval(segments, approved) : NONE),
    [approved, segments],
  );
  const findingSegments = useMemo(() => new Set(findings.map((f) => f.segmentId)), [findings]);
  const active = isFiltering(filter);
  const rows = useMemo(
    () =>
      doc && active ? filterSegments(doc.segments, doc.flags, filter, { findingSegments, changedSegments }) : segments,
    [doc, segments, active, filter, findingSegments, changedSegments],
  );
  return { filter, setFilter, active, rows, loading: filter.changed && events.isPending };
}
