import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bead } from '../../../shared/align/align';
import type { CreateDocumentBody, DocumentState } from '../../../shared/schemas';
import { api } from '../../lib/api';
import { documentQueries } from '../../lib/document-queries';
import { loaded } from '../../lib/live-document';

export interface AlignPreviewBody {
  sourceLang: string;
  targetLang: string;
  sourceText: string;
  targetText: string;
  unit: 'sentence' | 'paragraph';
  paragraphBreak: 'line' | 'blank-line';
}

export interface AlignPreview {
  source: string[];
  target: string[];
  alignments: Bead[];
}

export function useAlignPreview() {
  return useMutation({
    mutationFn: (body: AlignPreviewBody) => api<AlignPreview>('/api/documents/align-preview', { method: 'POST', body }),
  });
}

export function useCreateDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDocumentBody) =>
      api<{ document: DocumentState }>('/api/documents', { method: 'POST', body }).then((r) => r.document),
    onSuccess: (doc) => {
      qc.setQueryData(documentQueries.detail(doc.id).queryKey, loaded(doc));
      void qc.invalidateQueries({ queryKey: documentQueries.list().queryKey });
    },
  });
}
