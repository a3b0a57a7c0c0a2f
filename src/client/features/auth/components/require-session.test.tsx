import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../app/app';
import { api } from '../../../lib/api';
import { RequireSession } from './require-session';

const USER = { id: 'u1', login: 'Amina', displayName: 'Amina B.', roles: ['translator'], mustChangePassword: false };

afterEach(() => vi.unstubAllGlobals());

function Documents() {
  const q = useQuery({ queryKey: ['documents'], queryFn: () => api('/api/documents') });
  return <h1>{q.isError ? 'Could not load' : 'Documents'}</h1>;
}

describe('RequireSession', () => {
  it('an admin reset the password meanwhile: the next 403 PASSWORD_CHANGE_REQUIRED leads to the password page', async () => {
    let sessionReads = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/session') {
          sessionReads++;
          // The first read is from before the reset; the server knows better since.
          const user = { ...USER, mustChangePassword: sessionReads > 1 };
          return new Response(JSON.stringify({ user, csrfToken: 't' }), { status: 200 });
        }
        const error = { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password first' };
        return new Response(JSON.stringify({ error }), { status: 403 });
      }),
    );
    const router = createMemoryRouter(
      [
        {
          element: <RequireSession />,
          children: [
            { path: '/', element: <Documents /> },
            { path: '/account/password', element: <h1>Change your password</h1> },
          ],
        },
      ],
      { initialEntries: ['/'] },
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    // Generous: the session is fetched twice on a busy machine. Order, not time, is what is tested.
    const heading = await screen.findByRole('heading', { name: 'Change your password' }, { timeout: 4_000 });
    expect(heading).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/password');
    expect(router.state.location.search).toBe('?next=%2F');
  });
});
