import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DirectoryEntry } from '../../shared/users';
import { api } from './api';

/** Logins and display names of every user (GET /api/users; admins get more, this keeps the two fields). */
export const directoryQueries = {
  all: () => ['users', 'directory'] as const,
  list: () =>
    queryOptions({
      queryKey: directoryQueries.all(),
      queryFn: ({ signal }) =>
        api<{ users: DirectoryEntry[] }>('/api/users', { signal }).then((r) =>
          r.users.map(({ login, displayName }) => ({ login, displayName })),
        ),
      staleTime: 5 * 60_000,
    }),
};

/**
 * The display name for an event's actor. Events record logins; those from before accounts (free-typed
 * names) or of deleted users are shown as they are.
 */
export function useDisplayName(): (actor: string) => string {
  const { data } = useQuery(directoryQueries.list());
  return (actor) => data?.find((u) => u.login === actor)?.displayName ?? actor;
}
