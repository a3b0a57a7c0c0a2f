import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useEffect, useState, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { RequirePermission, RequireSession } from '../features/auth/components/require-session';
import { ApiError, setUnauthenticatedHandler } from '../lib/api';
import { documentQueries } from '../lib/document-queries';
import { sessionQueries, setSession } from '../lib/session';
import { Layout } from './layout';
import { NotFound } from './not-found';

/**
 * A page loaded with its route: the first paint downloads only what the page it shows needs. `load` is
 * also called by the route's loader, so the code comes while the session is checked, not after.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return { Page: lazy(async () => ({ default: (await load())[name] as ComponentType })), load };
}

/** A route loader that starts downloading the page's code and returns at once. */
const preload = (p: { load: () => Promise<unknown> }) => () => {
  void p.load();
  return null;
};

const login = page(() => import('../features/auth/components/login-page'), 'LoginPage');
const password = page(() => import('../features/auth/components/change-password-page'), 'ChangePasswordPage');
const documents = page(() => import('../features/documents/components/documents-page'), 'DocumentsPage');
const compare = page(() => import('../features/documents/components/compare-page'), 'ComparePage');
const workspace = page(() => import('../features/workspace/components/workspace-page'), 'WorkspacePage');
const users = page(() => import('../features/admin/components/users-page'), 'UsersPage');
const tokens = page(() => import('../features/tokens/components/tokens-page'), 'TokensPage');
const webhooks = page(() => import('../features/webhooks/components/webhooks-page'), 'WebhooksPage');
const mentions = page(() => import('../features/mentions/components/mentions-page'), 'MentionsPage');

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

/**
 * The routes. Loaders only start requests (they never wait): the session, and the page's data, go out at
 * once, in parallel with the page's code, instead of one after the other once each component mounts.
 */
export function createRouter(qc: QueryClient) {
  return createBrowserRouter([
    {
      element: <Layout />,
      loader: () => {
        void qc.prefetchQuery(sessionQueries.current());
        return null;
      },
      children: [
        { path: '/login', element: <login.Page />, loader: preload(login) },
        {
          // Everything else needs a session (the server refuses /api without one anyway).
          element: <RequireSession />,
          children: [
            {
              path: '/',
              element: <documents.Page />,
              loader: () => {
                void documents.load();
                void qc.prefetchQuery(documentQueries.list());
                return null;
              },
            },
            {
              path: '/documents/:id',
              element: <workspace.Page />,
              loader: ({ params }) => {
                void workspace.load();
                if (params.id) void qc.prefetchQuery(documentQueries.detail(params.id));
                return null;
              },
            },
            { path: '/compare', element: <compare.Page />, loader: preload(compare) },
            { path: '/account/password', element: <password.Page />, loader: preload(password) },
            { path: '/account/tokens', element: <tokens.Page />, loader: preload(tokens) },
            { path: '/mentions', element: <mentions.Page />, loader: preload(mentions) },
            {
              element: <RequirePermission permission="users.manage" />,
              children: [
                { path: '/admin/users', element: <users.Page />, loader: preload(users) },
                { path: '/admin/webhooks', element: <webhooks.Page />, loader: preload(webhooks) },
              ],
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  const [router] = useState(() => createRouter(queryClient));
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
