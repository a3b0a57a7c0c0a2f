import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { documentQueries } from '../../../lib/document-queries';
import { viewOf } from '../../../lib/live-document';

/**
 * The open document from the query cache, as components read it (a plain document, built once per cached
 * state), with a reader for the latest cached value and a refetch. The stream keeps it current, so it is
 * not refetched on focus.
 */
export function useDocument(id: string) {
  const qc = useQueryClient();
  const query = useQuery({
    ...documentQueries.detail(id),
    select: viewOf,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const latest = useCallback(() => {
    const state = qc.getQueryData(documentQueries.detail(id).queryKey);
    return state && viewOf(state);
  }, [qc, id]);
  const refetch = useCallback(async () => (await query.refetch()).data, [query]);
  const reload = useCallback(
    () => void qc.invalidateQueries({ queryKey: documentQueries.detail(id).queryKey }),
    [qc, id],
  );
  return { query, doc: query.data, latest, refetch, reload };
}
