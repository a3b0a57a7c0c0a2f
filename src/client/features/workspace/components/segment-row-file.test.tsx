import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../../../shared/schemas';
import { SegmentRow } from './segment-row';

/** Rows of a document from an XLIFF file: translate="no" segments are locked; no structure change loses a unit. */

const seg = (extra: Partial<Segment> = {}): Segment => ({
  id: 's3',
  index: 2,
  source: 'Visa Pro',
  target: 'Visa Pro',
  version: 1,
  status: 'translated',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'amina',
  ...extra,
});

function renderRow(segment: Segment, extra: { noMerge?: boolean; noDelete?: boolean } = {}) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <table>
        <tbody>
          <SegmentRow
            segment={segment}
            flags={[]}
            draft={undefined}
            sourceLang="en"
            targetLang="es"
            activeFlagId={undefined}
            onEdit={vi.fn()}
            onBlur={vi.fn()}
            onSelection={vi.fn()}
            onFlagShortcut={vi.fn()}
            onRetry={vi.fn()}
            registerCell={vi.fn()}
            locked={segment.readOnly === true}
            canDecide
            onStatus={vi.fn()}
            onHistory={vi.fn()}
            onStructure={vi.fn()}
            isLast={false}
            suggestions={{ source: [], target: [] }}
            sourceTerms={[]}
            termNotes={[]}
            {...extra}
          />
        </tbody>
      </table>
    </QueryClientProvider>,
  );
}

describe('SegmentRow of a file-bound document', () => {
  it('a translate="no" segment says so, is read-only, and offers no decision or structure action', () => {
    renderRow(seg({ readOnly: true }));
    expect(screen.getByText('Not to be translated')).toBeTruthy();
    expect(screen.queryByText('Translated')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Translation of segment 3' }).getAttribute('aria-readonly')).toBe(
      'true',
    );
    for (const name of [/approve/i, /request changes/i, /split/i, /merge/i])
      expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('no Merge where the next segment is of another unit, no Delete of file text', () => {
    renderRow(seg({ target: '' }), { noMerge: true, noDelete: true });
    expect(screen.getByRole('button', { name: /split/i })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /merge/i })).toBeNull();
    expect(screen.queryByRole('button', { name: /delete/i })).toBeNull();
  });

  it('a segment of a document from texts keeps Merge and Delete', () => {
    renderRow(seg({ target: '' }));
    expect(screen.getByRole('button', { name: /merge/i })).toBeTruthy();
    expect(screen.getByRole('button', { name: /delete/i })).toBeTruthy();
  });
});
