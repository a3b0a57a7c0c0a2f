import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DirectoryEntry } from '../../shared/users';
import { api } from './api';

/** One person as everyone may know them: the id (what an @mention records), login and display name. */
export type Person = Pick<DirectoryEntry, 'login' | 'displayName'> & { id?: string | undefined };

/** Ids, logins and display names of every user (GET /api/users; admins get more, this keeps three fields). */
export const directoryQueries = {
  all: () => ['users', 'directory'] as const,
  list: () =>
    queryOptions({
      queryKey: directoryQueries.all(),
      queryFn: ({ signal }) =>
        api<{ users: Person[] }>('/api/users', { signal }).then((r) =>
          r.users.map(({ id, login, displayName }): Person => ({ id, login, displayName })),
        ),
      staleTime: 5 * 60_000,
    }),
};

/** Everyone, for @mentions. */
export function useDirectory(): readonly Person[] {
  return useQuery(directoryQueries.list()).data ?? [];
}

/**
 * The display name for an event's actor. Events record logins (unique regardless of case); those from
 * before accounts (free-typed names) or of deleted users are shown as they are.
 */
export function useDisplayName(): (actor: string) => string {
  const { data } = useQuery(directoryQueries.list());
  const byLogin = useMemo(() => new Map((data ?? []).map((u) => [u.login.toLowerCase(), u.displayName])), [data]);
  return useCallback((actor: string) => byLogin.get(actor.toLowerCase()) ?? actor, [byLogin]);
}
