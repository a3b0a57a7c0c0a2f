import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../app/app';
import { LoginPage } from './login-page';
import { RequireSession } from './require-session';

const USER = { id: 'u1', login: 'Amina', displayName: 'Amina B.', roles: ['translator'], mustChangePassword: false };

function serve(handler: (method: string, url: string, body: unknown) => { status: number; body?: unknown }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const r = handler(init.method ?? 'GET', url, init.body ? JSON.parse(String(init.body)) : undefined);
      return new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status });
    }),
  );
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <h1>Documents</h1> },
          { path: '/documents/:id', element: <h1>Workspace</h1> },
          { path: '/account/password', element: <h1>Change your password</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

afterEach(() => vi.unstubAllGlobals());

describe('sign-in', () => {
  it('a protected page sends to /login?next=…; a wrong password shows the error; the right one goes back', async () => {
    let signedIn = false;
    serve((method, url, body) => {
      if (url === '/api/session' && method === 'GET') {
        return signedIn
          ? { status: 200, body: { user: USER, csrfToken: 't' } }
          : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '' } } };
      }
      if (url === '/api/session' && method === 'POST') {
        const { password } = body as { password: string };
        if (password !== 'right password')
          return { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong login or password.' } } };
        signedIn = true;
        return { status: 200, body: { user: USER, csrfToken: 't' } };
      }
      return { status: 404 };
    });
    const router = renderAt('/documents/d1');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fdocuments%2Fd1');

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Login' }), 'Amina');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong login or password.');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'right password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Workspace' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/documents/d1');
  });

  it('never follows a next= that leaves the app', async () => {
    serve(() => ({ status: 200, body: { user: USER, csrfToken: 't' } }));
    const router = renderAt('/login?next=//evil.example/x');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('a user whose password an admin set goes to the password page first', async () => {
    serve(() => ({ status: 200, body: { user: { ...USER, mustChangePassword: true }, csrfToken: 't' } }));
    const router = renderAt('/documents/d1');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/account/password'));
    expect(router.state.location.search).toBe('?next=%2Fdocuments%2Fd1');
  });
});
