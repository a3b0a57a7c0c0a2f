import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentState, DocumentSummary, ImportTextBody } from '../../../shared/schemas';
import { api } from '../../lib/api';
import { documentQueries } from '../../lib/document-queries';
import { loaded } from '../../lib/live-document';

export function useImportText() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportTextBody) =>
      api<{ document: DocumentState }>('/api/documents/import-text', { method: 'POST', body }).then((r) => r.document),
    onSuccess: (doc) => {
      qc.setQueryData(documentQueries.detail(doc.id).queryKey, loaded(doc));
      void qc.invalidateQueries({ queryKey: documentQueries.list().queryKey });
    },
  });
}

export interface ImportMqmResult {
  documents: DocumentSummary[];
  skipped: { line: number; message: string }[];
  warnings: { line: number; message: string }[];
  rows: number;
}

export function useImportMqm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { file: string; tsv: string; sourceLang: string; targetLang: string }) =>
      api<ImportMqmResult>('/api/documents/import-mqm', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: documentQueries.all() }),
  });
}

export interface ComparedSystem {
  id: string;
  system: string;
  title: string;
  segments: number;
  items: number;
  mqm: number | null;
  flags: number;
}

export const comparisonQueries = {
  file: (file: string) =>
    queryOptions({
      queryKey: [...documentQueries.all(), 'comparison', file] as const,
      queryFn: ({ signal }) =>
        api<{ file: string; systems: ComparedSystem[] }>(`/api/comparisons?file=${encodeURIComponent(file)}`, {
          signal,
        }),
    }),
};

/** Rename, archive or restore (PATCH /api/documents/:id). */
export function usePatchDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; title?: string; archived?: boolean }) =>
      api<{ document: DocumentSummary }>(`/api/documents/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: documentQueries.all() }),
  });
}

/** Deletes a document and its history (admins). */
export function useDeleteDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: documentQueries.all() }),
  });
}

/** QA findings per document (GET /api/findings-counts), under the list's key: what refreshes the list refreshes them. */
export const findingsCountsQuery = () =>
  queryOptions({
    queryKey: [...documentQueries.list().queryKey, 'findings'] as const,
    queryFn: ({ signal }) =>
      api<{ counts: Record<string, number> }>('/api/findings-counts', { signal }).then((r) => r.counts),
  });
