import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Delivery, WebhookBody, WebhookInfo } from '../../../shared/webhooks';
import { api } from '../../lib/api';

export const webhookQueries = {
  all: () => ['webhooks'] as const,
  list: () =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => api<{ webhooks: WebhookInfo[] }>('/api/webhooks', { signal }).then((r) => r.webhooks),
    }),
  deliveries: (id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'deliveries', id] as const,
      queryFn: ({ signal }) =>
        api<{ deliveries: Delivery[] }>(`/api/webhooks/${encodeURIComponent(id)}/deliveries`, { signal }).then(
          (r) => r.deliveries,
        ),
      refetchInterval: 5000,
    }),
};

function useWebhookMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: WebhookBody) => api<{ webhook: WebhookInfo }>('/api/webhooks', { method: 'POST', body }));
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, body }: { id: string; body: Partial<WebhookBody> }) =>
    api<{ webhook: WebhookInfo }>(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
export const useDeleteWebhook = () =>
  useWebhookMutation((id: string) => api<void>(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }));
export const useResendDelivery = () =>
  useWebhookMutation(({ hookId, id }: { hookId: string; id: string }) =>
    api<{ delivery: Delivery }>(
      `/api/webhooks/${encodeURIComponent(hookId)}/deliveries/${encodeURIComponent(id)}/resend`,
      { method: 'POST' },
    ),
  );
