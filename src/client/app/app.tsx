import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { DocumentsPage } from '../features/documents/components/documents-page';
import { WorkspacePage } from '../features/workspace/components/workspace-page';
import { Layout } from './layout';
import { NotFound } from './not-found';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <DocumentsPage /> },
      { path: '/documents/:id', element: <WorkspacePage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
