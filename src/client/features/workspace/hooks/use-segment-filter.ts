import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
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
  // The URL changes in a transition, after the click: the boxes show the new filter at once from here, and
  // follow the URL when it changes otherwise (a link, back and forward).
  const [filter, setLocal] = useState(() => filterFromParams(params));
  const [seen, setSeen] = useState(search);
  // Filters this page wrote itself: arriving late, they must not undo a later click.
  const [written] = useState(() => new Set<string>());
  if (seen !== search) {
    setSeen(search);
    if (!written.delete(search)) setLocal(filterFromParams(params));
  }
  const setFilter = useCallback(
    (next: SegmentFilter) => {
      setLocal(next);
      setParams(
        (p) => {
          const url = filterToParams(next, p);
          written.add(url.toString());
          return url;
        },
        { replace: true },
      );
    },
    [setParams, written],
  );
  const events = useQuery({ ...activityQueries.document(docId), enabled: filter.changed });
  const approved = useMemo(() => (events.data ? approvedTexts(events.data.events) : null), [events.data]);
  const segments = doc?.segments;
  // Whole-document sets, built only while their filter is on: each save changes `segments` and `findings`, and
  // on a 10,000-segment document rebuilding them for a filter nobody uses was work on every save.
  const changedSegments = useMemo(
    () => (filter.changed && approved && segments ? changedSinceApproval(segments, approved) : NONE),
    [filter.changed, approved, segments],
  );
  const findingSegments = useMemo(
    () => (filter.findings ? new Set(findings.map((f) => f.segmentId)) : NONE),
    [filter.findings, findings],
  );
  const active = isFiltering(filter);
  const rows = useMemo(
    () =>
      doc && active ? filterSegments(doc.segments, doc.flags, filter, { findingSegments, changedSegments }) : segments,
    [doc, segments, active, filter, findingSegments, changedSegments],
  );
  return { filter, setFilter, active, rows, loading: filter.changed && events.isPending };
}
