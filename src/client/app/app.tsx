import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useEffect, useLayoutEffect, type ComponentType } from 'react';
import { BrowserRouter, matchPath, Route, Routes, useLocation, type Params } from 'react-router';
import { RequirePermission, RequireSession } from '../features/auth/components/require-session';
import { dropFirstScreen } from '../first-screen/handover';
import { ApiError, setUnauthenticatedHandler } from '../lib/api';
import { documentQueries } from '../lib/document-queries';
import { sessionQueries, setSession } from '../lib/session';
import { Layout } from './layout';
import { NotFound } from './not-found';

/**
 * A page loaded with its route: the first paint downloads only what the page it shows needs. `load` is
 * also called as soon as the address is known (RoutePrefetch), so the code comes while the session is
 * checked, not after.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return { Page: lazy(async () => ({ default: (await load())[name] as ComponentType })), load };
}

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

/** What each address needs first: its page's code and its data, asked for at once, in parallel. */
const PREFETCH: { path: string; start: (qc: QueryClient, params: Params) => void }[] = [
  { path: '/login', start: () => void login.load() },
  {
    path: '/',
    start: (qc) => {
      void documents.load();
      void qc.prefetchQuery(documentQueries.list());
    },
  },
  {
    path: '/documents/:id',
    start: (qc, params) => {
      void workspace.load();
      if (params.id) void qc.prefetchQuery(documentQueries.detail(params.id));
    },
  },
  { path: '/compare', start: () => void compare.load() },
  { path: '/account/password', start: () => void password.load() },
  { path: '/mentions', start: () => void mentions.load() },
  { path: '/account/tokens', start: () => void tokens.load() },
  { path: '/admin/users', start: () => void users.load() },
  { path: '/admin/webhooks', start: () => void webhooks.load() },
];

/**
 * Starts the requests an address needs (never waits for them) when it is first shown: the session, the
 * page's code and its data go out together instead of one after the other as each component mounts.
 */
function RoutePrefetch({ qc }: { qc: QueryClient }) {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    // The server's first screen is the workspace's (first-screen/handover.ts): any other page shows at once.
    if (!matchPath('/documents/:id', pathname)) dropFirstScreen();
    void qc.prefetchQuery(sessionQueries.current());
    for (const r of PREFETCH) {
      const m = matchPath(r.path, pathname);
      if (m) return r.start(qc, m.params);
    }
  }, [qc, pathname]);
  return null;
}

/**
 * The routes, declared as components: the app uses no loaders or actions, and react-router's data router
 * is twice the code (29 kB against 14 kB compressed) on a first load that waits for every byte (issue #10).
 */
function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<login.Page />} />
        {/* Everything else needs a session (the server refuses /api without one anyway). */}
        <Route element={<RequireSession />}>
          <Route path="/" element={<documents.Page />} />
          <Route path="/documents/:id" element={<workspace.Page />} />
          <Route path="/compare" element={<compare.Page />} />
          <Route path="/account/password" element={<password.Page />} />
          <Route path="/account/tokens" element={<tokens.Page />} />
          <Route path="/mentions" element={<mentions.Page />} />
          <Route element={<RequirePermission permission="users.manage" />}>
            <Route path="/admin/users" element={<users.Page />} />
            <Route path="/admin/webhooks" element={<webhooks.Page />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  // A request that finds the session gone (expired, signed out elsewhere) forgets it here: the guard
  // then sends the user to /login and back to this page afterwards.
  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(queryClient, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <RoutePrefetch qc={queryClient} />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
