import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentState, ImportTextBody } from '../../../shared/schemas';
import { api } from '../../lib/api';
import { documentQueries } from '../../lib/document-queries';

export function useImportText() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportTextBody) =>
      api<{ document: DocumentState }>('/api/documents/import-text', { method: 'POST', body }).then((r) => r.document),
    onSuccess: (doc) => {
      qc.setQueryData(documentQueries.detail(doc.id).queryKey, doc);
      void qc.invalidateQueries({ queryKey: documentQueries.list().queryKey });
    },
  });
}
