import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Flag, FlagStatus, Segment } from '../../../../shared/schemas';
import type { Draft } from '../lib/save-queue';
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

function setup(segment: Segment, flags: Flag[] = []) {
  const onEdit = vi.fn();
  const qc = new QueryClient();
  qc.setQueryData(['users', 'directory'], [{ id: 'u1', login: 'youssef', displayName: 'Youssef Alami' }]);
  const props = (s: Segment, editors?: string[], draft?: Draft): SegmentRowProps => ({
    segment: s,
    flags,
    draft,
    me: 'tina',
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
    update: (s: Segment, editors?: string[], draft?: Draft) =>
      view.rerender(wrap(<SegmentRow {...props(s, editors, draft)} />)),
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

  // F12: on a slow network the stream's echo of my own save arrives before the save's answer.
  it('the echo of my own save, arriving before its answer, is not announced as a change', () => {
    const row = setup(seg('Texte', 1, 'tina'));
    fireEvent.focus(row.cell());
    const saving: Draft = {
      segmentId: 's3',
      text: 'Texte revu et plus',
      baseVersion: 1,
      state: 'saving',
      sent: { text: 'Texte revu', baseVersion: 1 },
    };
    row.update(seg('Texte', 1, 'tina'), undefined, saving);
    row.update(seg('Texte revu', 2, 'tina'), undefined, saving);
    expect(screen.queryByRole('status')).toBeNull();
    expect(row.cell()).toHaveValue('Texte revu et plus');
  });

  it('while my save is out, someone else’s save of the segment is still announced', () => {
    const row = setup(seg('Texte', 1, 'tina'));
    fireEvent.focus(row.cell());
    const saving: Draft = {
      segmentId: 's3',
      text: 'Texte revu',
      baseVersion: 1,
      state: 'saving',
      sent: { text: 'Texte revu', baseVersion: 1 },
    };
    row.update(seg('Texte', 1, 'tina'), undefined, saving);
    row.update(seg('Texte corrigé', 2, 'youssef'), undefined, saving);
    expect(screen.getByRole('status')).toHaveTextContent('Youssef Alami changed this translation');
    expect(row.cell()).toHaveValue('Texte revu');
  });

  it('shows who else is editing the row', () => {
    const row = setup(seg('Texte', 1));
    expect(screen.queryByText(/is editing/)).toBeNull();
    row.update(seg('Texte', 1), ['Amina Benali']);
    expect(screen.getByText('Amina Benali is editing')).toBeVisible();
  });
});

const flag = (status: FlagStatus): Flag => ({
  id: `f-${status}`,
  segmentId: 's3',
  side: 'target',
  anchor: { start: 0, end: 5, quote: 'Texte', prefix: '', suffix: '' },
  quote: 'Texte',
  orphaned: false,
  category: 'style',
  severity: 'minor',
  correction: 'Le texte',
  comment: '',
  status,
  reason: null,
  comments: [],
  version: 1,
  createdBy: 'rita',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'tina',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('SegmentRow flags', () => {
  // A disputed flag waits for the reviewer's answer: its words stay marked and it counts as open, as in the
  // header, the filter and the approval dialog (it used to vanish from the row while disputed).
  it.each(['open', 'disputed'] as const)('marks the words of a flag that is %s and counts it', (status) => {
    setup(seg('Texte', 1), [flag(status)]);
    expect(document.querySelector('.seg-target mark')).toHaveTextContent('Texte');
    expect(screen.getByText('1 open flag')).toBeVisible();
  });

  it.each(['accepted', 'rejected', 'withdrawn'] as const)(
    'leaves a flag that is %s unmarked and uncounted',
    (status) => {
      setup(seg('Texte', 1), [flag(status)]);
      expect(document.querySelector('.seg-target mark')).toBeNull();
      expect(screen.queryByText(/open flag/)).toBeNull();
    },
  );
});
