import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenInfo, CreateTokenBody } from '../../../shared/api-tokens';
import { api } from '../../lib/api';

export const tokenQueries = {
  all: () => ['tokens'] as const,
  list: (everyone: boolean) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), everyone ? 'everyone' : 'mine'] as const,
      queryFn: ({ signal }) =>
        api<{ tokens: ApiTokenInfo[] }>(`/api/tokens${everyone ? '?all=1' : ''}`, { signal }).then((r) => r.tokens),
    }),
};

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) =>
      api<{ token: ApiTokenInfo; secret: string }>('/api/tokens', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: tokenQueries.all() }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: tokenQueries.all() }),
  });
}
