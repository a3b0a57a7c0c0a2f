import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../../../shared/schemas';
import { SegmentRow, type SegmentRowProps } from './segment-row';

const seg = (target: string, version: number, updatedBy = 'amina'): Segment => ({
  id: 's3',
  index: 2,
  source: 'نص',
  target,
  version,
  status: 'translated',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy,
});

function setup(segment: Segment) {
  const onEdit = vi.fn();
  const qc = new QueryClient();
  qc.setQueryData(['users', 'directory'], [{ id: 'u1', login: 'youssef', displayName: 'Youssef Alami' }]);
  const props = (s: Segment, editors?: string[]): SegmentRowProps => ({
    segment: s,
    flags: [],
    draft: undefined,
    sourceLang: 'ar',
    targetLang: 'fr',
    activeFlagId: undefined,
    onEdit,
    onBlur: vi.fn(),
    onSelection: vi.fn(),
    onFlagShortcut: vi.fn(),
    onRetry: vi.fn(),
    registerCell: vi.fn(),
    locked: false,
    canDecide: false,
    onStatus: vi.fn(),
    onHistory: vi.fn(),
    suggestions: { source: [], target: [] },
    sourceTerms: [],
    termNotes: [],
    editors,
  });
  const wrap = (node: ReactNode) => (
    <QueryClientProvider client={qc}>
      <table>
        <tbody>{node}</tbody>
      </table>
    </QueryClientProvider>
  );
  const view = render(wrap(<SegmentRow {...props(segment)} />));
  return {
    onEdit,
    update: (s: Segment, editors?: string[]) => view.rerender(wrap(<SegmentRow {...props(s, editors)} />)),
    cell: () => screen.getByRole('textbox', { name: 'Translation of segment 3' }) as HTMLTextAreaElement,
  };
}

describe('SegmentRow with live updates', () => {
  it('a cell nobody is in takes someone else’s text at once', () => {
    const row = setup(seg('Texte', 1));
    row.update(seg('Texte revu', 2, 'youssef'));
    expect(row.cell()).toHaveValue('Texte revu');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('the cell I am in keeps my text, says who changed it, and my edit stays based on what I saw', () => {
    const row = setup(seg('Texte', 1));
    fireEvent.focus(row.cell());
    row.update(seg('Texte revu', 2, 'youssef'));
    expect(row.cell()).toHaveValue('Texte');
    expect(screen.getByRole('status')).toHaveTextContent('Youssef Alami changed this translation');
    fireEvent.change(row.cell(), { target: { value: 'Texte !' } });
    expect(row.onEdit).toHaveBeenLastCalledWith(expect.objectContaining({ id: 's3', version: 1 }), 'Texte !');
  });

  it('once I leave the cell, it shows the latest text', () => {
    const row = setup(seg('Texte', 1));
    fireEvent.focus(row.cell());
    row.update(seg('Texte revu', 2, 'youssef'));
    fireEvent.blur(row.cell());
    expect(row.cell()).toHaveValue('Texte revu');
  });

  it('shows who else is editing the row', () => {
    const row = setup(seg('Texte', 1));
    expect(screen.queryByText(/is editing/)).toBeNull();
    row.update(seg('Texte', 1), ['Amina Benali']);
    expect(screen.getByText('Amina Benali is editing')).toBeVisible();
  });
});
