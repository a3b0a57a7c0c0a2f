import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../app/app';
import { DocumentsPage } from './documents-page';

const summary = {
  title: 'Laftit reçoit Darmanin',
  sourceLang: 'ar',
  targetLang: 'fr',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2026-03-02T10:00:00.000Z',
  status: 'in-translation',
  statusReason: null,
  seq: 4,
  segmentCount: 13,
  openFlagCount: 2,
};

const DOCUMENTS = [
  { ...summary, id: 'good', available: true },
  {
    ...summary,
    id: 'broken',
    title: 'Rapport annuel',
    available: false,
    error: { code: 'DOCUMENT_UNAVAILABLE', message: 'documents/broken/journal.jsonl line 3 is corrupt' },
  },
  {
    ...summary,
    id: 'lost',
    title: 'lost',
    sourceLang: 'und',
    targetLang: 'und',
    seq: 0,
    segmentCount: 0,
    openFlagCount: 0,
    available: false,
    error: { code: 'DOCUMENT_UNAVAILABLE', message: 'documents/lost/journal.jsonl is missing' },
  },
];

afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/documents') return new Response(JSON.stringify({ documents: DOCUMENTS }), { status: 200 });
      if (url === '/api/session') {
        const user = { id: 'u1', login: 'v', displayName: 'V', roles: ['viewer'], mustChangePassword: false };
        return new Response(JSON.stringify({ user, csrfToken: 't' }), { status: 200 });
      }
      return new Response(null, { status: 404 });
    }),
  );
  const router = createMemoryRouter([{ path: '/', element: <DocumentsPage /> }], { initialEntries: ['/'] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('documents page', () => {
  it('lists a document the server cannot read, greyed with the reason, and not as a link', async () => {
    renderPage();
    expect(await screen.findByRole('link', { name: 'Laftit reçoit Darmanin' }, { timeout: 4_000 })).toHaveAttribute(
      'href',
      '/documents/good',
    );
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3
    const broken = rows.find((r) => r.textContent?.includes('Rapport annuel'))!;
    expect(broken).toHaveAttribute('aria-disabled', 'true');
    expect(broken).toHaveClass('unavailable');
    expect(within(broken).queryByRole('link')).toBeNull();
    expect(broken).toHaveTextContent('Unavailable');
    expect(broken).toHaveTextContent(/cannot be opened.*journal\.jsonl line 3 is corrupt/);
    const lost = rows.find((r) => r.textContent?.includes('journal.jsonl is missing'))!;
    expect(within(lost).queryByRole('link')).toBeNull();
    expect(lost).toHaveTextContent('— → —');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
