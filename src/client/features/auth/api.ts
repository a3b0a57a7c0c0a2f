import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, SessionResponse } from '../../../shared/users';
import { api } from '../../lib/api';
import { sessionQueries, setSession } from '../../lib/session';

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<SessionResponse>('/api/session', { method: 'POST', body }),
    onSuccess: (session) => {
      // Nothing cached for someone else may show: start from a clean cache, then this session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueries.all()[0] });
      setSession(qc, session);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/session', { method: 'DELETE' }),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueries.all()[0] });
      setSession(qc, null, { byUser: true });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api<SessionResponse>('/api/session/password', { method: 'PATCH', body }),
    onSuccess: (session) => setSession(qc, session),
  });
}

/** Where to go after signing in: a path of this app only (never another site). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login')
    ? next
    : '/';
}
