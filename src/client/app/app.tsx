import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { UsersPage } from '../features/admin/components/users-page';
import { ChangePasswordPage } from '../features/auth/components/change-password-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RequirePermission, RequireSession } from '../features/auth/components/require-session';
import { ComparePage } from '../features/documents/components/compare-page';
import { DocumentsPage } from '../features/documents/components/documents-page';
import { WorkspacePage } from '../features/workspace/components/workspace-page';
import { ApiError, setUnauthenticatedHandler } from '../lib/api';
import { setSession } from '../lib/session';
import { Layout } from './layout';
import { NotFound } from './not-found';

const retryable = (err: unknown) => !(err instanceof ApiError && err.status >= 400 && err.status < 500);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // One retry for network and server trouble; a 4xx (an unknown document, no permission) is an answer.
      queries: { staleTime: 5_000, retry: (count, err) => retryable(err) && count < 1, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        // Everything else needs a session (the server refuses /api without one anyway).
        element: <RequireSession />,
        children: [
          { path: '/', element: <DocumentsPage /> },
          { path: '/documents/:id', element: <WorkspacePage /> },
          { path: '/compare', element: <ComparePage /> },
          { path: '/account/password', element: <ChangePasswordPage /> },
          {
            element: <RequirePermission permission="users.manage" />,
            children: [{ path: '/admin/users', element: <UsersPage /> }],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  // A request that finds the session gone (expired, signed out elsewhere) forgets it here: the guard
  // then sends the user to /login and back to this page afterwards.
  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(queryClient, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
