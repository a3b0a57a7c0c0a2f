import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentState, Flag, FlagStatus, Segment } from '../../../../shared/schemas';
import { DocumentBar } from './document-bar';

const AT = '2026-01-01T00:00:00.000Z';
const segment = (n: number, status: Segment['status']): Segment => ({
  id: `s${n}`,
  index: n - 1,
  source: `Source ${n}`,
  target: `Cible ${n}`,
  version: 1,
  status,
  updatedAt: AT,
  updatedBy: 'tina',
});
const flag = (n: number, status: FlagStatus): Flag => ({
  id: `f${n}`,
  segmentId: 's1',
  side: 'target',
  anchor: { start: 0, end: 5, quote: 'Cible', prefix: '', suffix: ' 1' },
  quote: 'Cible',
  orphaned: false,
  category: 'terminology',
  severity: 'minor',
  correction: 'Target',
  comment: '',
  status,
  reason: null,
  comments: [],
  version: 1,
  createdBy: 'rolf',
  createdAt: AT,
  updatedBy: 'rolf',
  updatedAt: AT,
});

function show(segments: Segment[], flags: Flag[]) {
  const doc = {
    id: 'd1',
    title: 'Klimaplan',
    sourceLang: 'en',
    targetLang: 'de',
    status: 'in-review',
    createdAt: AT,
    updatedAt: AT,
    seq: 9,
    segments,
    flags,
  } as DocumentState;
  const onStatus = vi.fn();
  render(
    <DocumentBar doc={doc} canDecide busy={false} approvedCount={null} onStatus={onStatus} onApproveClean={vi.fn()} />,
  );
  return onStatus;
}

// F5: "Approve document" signed off at once with no segment approved and a dispute unanswered.
describe('Approve document', () => {
  it('asks first, saying what is still open; Cancel approves nothing', () => {
    const onStatus = show(
      [segment(1, 'translated'), segment(2, 'translated'), segment(3, 'approved')],
      [flag(1, 'disputed'), flag(2, 'open'), flag(3, 'accepted')],
    );
    fireEvent.click(screen.getByRole('button', { name: 'Approve document' }));
    expect(onStatus).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Approve the whole document?' });
    const items = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['2 segments not approved (of 3)', '1 open flag', '1 disputed flag not answered']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onStatus).not.toHaveBeenCalled();
  });

  it('approves once confirmed', () => {
    const onStatus = show([segment(1, 'translated')], []);
    fireEvent.click(screen.getByRole('button', { name: 'Approve document' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve the whole document?' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1 segment not approved (of 1)']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve document' }));
    expect(onStatus).toHaveBeenCalledWith('approve');
  });

  it('approves at once when every segment is approved and no flag is unsettled', () => {
    const onStatus = show([segment(1, 'approved'), segment(2, 'approved')], [flag(1, 'accepted')]);
    fireEvent.click(screen.getByRole('button', { name: 'Approve document' }));
    expect(onStatus).toHaveBeenCalledWith('approve');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
