import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentState, ReplaceBody } from '../../../shared/schemas';
import { api } from '../../lib/api';
import { documentQueries, patchDocument } from '../../lib/document-queries';

/** Find & replace: every change or none; the answer (the whole document) goes into the cache. */
export function useReplace(docId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplaceBody) =>
      api<{ changed: number; document: DocumentState }>(`/api/documents/${encodeURIComponent(docId)}/replace`, {
        method: 'POST',
        body,
      }),
    onSuccess: (r) => {
      patchDocument(qc, docId, r);
      void qc.invalidateQueries({ queryKey: [...documentQueries.detail(docId).queryKey, 'history'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: documentQueries.detail(docId).queryKey }),
  });
}
