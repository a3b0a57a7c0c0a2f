import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, PatchUserBody, User } from '../../../shared/users';
import { api } from '../../lib/api';
import { sessionQueries } from '../../lib/session';
import { directoryQueries } from '../../lib/user-directory';

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => api<{ users: User[] }>('/api/users', { signal }).then((r) => r.users),
    }),
};

function useUserMutation<V>(fn: (v: V) => Promise<{ user: User }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: userQueries.list().queryKey });
      void qc.invalidateQueries({ queryKey: directoryQueries.all() });
      // An admin may have changed their own name.
      void qc.invalidateQueries({ queryKey: sessionQueries.all() });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => api<{ user: User }>('/api/users', { method: 'POST', body }));
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: string; body: PatchUserBody }) =>
    api<{ user: User }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
}
