import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { documentQueries } from '../../../lib/document-queries';

/** The open document from the query cache, with a reader for the latest cached value and a refetch. */
export function useDocument(id: string) {
  const qc = useQueryClient();
  const query = useQuery(documentQueries.detail(id));
  const latest = useCallback(() => qc.getQueryData(documentQueries.detail(id).queryKey), [qc, id]);
  const refetch = useCallback(async () => (await query.refetch()).data, [query]);
  const reload = useCallback(
    () => void qc.invalidateQueries({ queryKey: documentQueries.detail(id).queryKey }),
    [qc, id],
  );
  return { query, doc: query.data, latest, refetch, reload };
}
