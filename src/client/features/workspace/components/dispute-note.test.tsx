import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DisputeNote } from './dispute-note';

const AT = '2026-01-01T00:00:00.000Z';

function show(response: Parameters<typeof DisputeNote>[0]['dispute']['response']) {
  const qc = new QueryClient();
  qc.setQueryData(
    ['users', 'directory'],
    [
      { id: 'u1', login: 'tariq', displayName: 'Tariq Benali' },
      { id: 'u2', login: 'youssef', displayName: 'Youssef Alami' },
    ],
  );
  render(
    <QueryClientProvider client={qc}>
      <DisputeNote dispute={{ by: 'tariq', at: AT, reason: 'Lafetet is the usage here.', response }} />
    </QueryClientProvider>,
  );
  return screen.getByRole('group', { name: 'Dispute' });
}

describe('DisputeNote', () => {
  it('says who disputed and why, and that the reviewer has not answered yet', () => {
    const note = show(null);
    expect(note).toHaveTextContent('Disputed by Tariq Benali');
    expect(note).toHaveTextContent('Why: Lafetet is the usage here.');
    expect(note).toHaveTextContent('Waiting for the reviewer’s answer');
  });

  it('keeps the reviewer’s answer beside the dispute', () => {
    const note = show({ by: 'youssef', at: AT, reason: 'The official name is Laftit.', action: 'maintained' });
    expect(note).toHaveTextContent('Disputed by Tariq Benali');
    expect(note).toHaveTextContent('Why: Lafetet is the usage here.');
    expect(note).toHaveTextContent('Maintained by Youssef Alami');
    expect(note).toHaveTextContent('Why: The official name is Laftit.');
  });
});
