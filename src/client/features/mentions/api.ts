import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Mention } from '../../../shared/schemas';
import { api } from '../../lib/api';

export const mentionQueries = {
  all: () => ['mentions'] as const,
  list: () =>
    queryOptions({
      queryKey: mentionQueries.all(),
      queryFn: ({ signal }) => api<{ mentions: Mention[] }>('/api/mentions', { signal }).then((r) => r.mentions),
      // A mention made while this page is open shows within a minute (and on focus).
      refetchInterval: 60_000,
    }),
};

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api<void>('/api/mentions/read', { method: 'POST', body: { ids } }),
    onSuccess: (_, ids) => {
      qc.setQueryData(mentionQueries.list().queryKey, (list) =>
        list?.map((m) => (ids.includes(m.id) ? { ...m, read: true } : m)),
      );
    },
  });
}

/** Where a mention points: the document, opened at the flag's segment. */
export function mentionHref(m: Pick<Mention, 'documentId' | 'segmentId' | 'flagId'>): string {
  const q = new URLSearchParams({ flag: m.flagId, ...(m.segmentId ? { segment: m.segmentId } : {}) });
  return `/documents/${encodeURIComponent(m.documentId)}?${q}`;
}
