import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentState, Segment } from '../../../../shared/schemas';
import i18n, { loadUiLanguage } from '../../../lib/i18n';
import { DocumentProgress } from './document-progress';

/*
 * Counted phrases "n of total": the noun agrees with what the language makes it agree with, whatever count the
 * component passes. French said "1 segments approuvés sur 7", and the Arabic filter count was written for the
 * total while it was given the number shown ("1 of one segment shown" for 1 of 7).
 */

const AT = '2026-01-01T00:00:00.000Z';
const doc = (approved: number, total: number) =>
  ({
    id: 'd1',
    segments: Array.from({ length: total }, (_, i): Segment => ({
      id: `s${i}`,
      index: i,
      source: 'a',
      target: 'b',
      version: 1,
      status: i < approved ? 'approved' : 'translated',
      updatedAt: AT,
      updatedBy: 'tina',
    })),
    flags: [],
  }) as unknown as DocumentState;

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

async function inLanguage(lng: 'fr' | 'ar') {
  await loadUiLanguage(lng);
  await act(() => i18n.changeLanguage(lng));
}

describe('counted phrases', () => {
  it.each([
    [1, 7, '1 sur 7 segments approuvés'],
    [0, 1, '0 sur 1 segment approuvé'],
    [5, 7, '5 sur 7 segments approuvés'],
  ])('French progress: %i approved of %i', async (approved, total, text) => {
    await inLanguage('fr');
    render(<DocumentProgress doc={doc(approved, total)} findings={undefined} />);
    expect(screen.getByText(text)).toBeVisible();
  });

  it('the filter’s count agrees with the total, in French and Arabic', async () => {
    await loadUiLanguage('fr');
    await loadUiLanguage('ar');
    // As filter-bar.tsx asks: count is the total.
    const shown = (lng: string) =>
      i18n.getFixedT(lng, 'workspace')('filter.shown', { count: 7, shown: '1', total: '7' });
    expect(shown('fr')).toBe('1 sur 7 segments affichés');
    expect(shown('ar')).toBe('1 من 7 مقاطع معروضة');
  });

  it('replace: large counts are written as numbers of the language', async () => {
    await loadUiLanguage('fr');
    const en = i18n.getFixedT('en', 'workspace');
    const fr = i18n.getFixedT('fr', 'workspace');
    expect(en('replace.confirm', { count: 5000 })).toBe('Replace 5,000 matches');
    expect(en('replace.done', { count: 5000 })).toBe(
      '5,000 segments changed. Each change can be undone from the segment’s History.',
    );
    expect(fr('replace.confirm', { count: 5000 })).toBe('Remplacer 5\u202f000 occurrences');
    expect(en('replace.summary', { count: 5000, segments: 5000 })).toContain(
      '5,000 matches to replace in the translation (5,000 segments)',
    );
  });

  it('the alignment preview writes its counts as numbers of the language', async () => {
    await loadUiLanguage('fr');
    const en = i18n.getFixedT('en', 'documents');
    const fr = i18n.getFixedT('fr', 'documents');
    expect(en('align.create', { count: 3000 })).toBe('Create the document (3,000 segments)');
    expect(fr('align.create', { count: 3000 })).toBe('Créer le document (3\u202f000 segments)');
    expect(en('align.summary', { count: 3000, low: 1200 })).toBe(
      '3,000 pairs; 1,200 the aligner is unsure of (marked).',
    );
  });

  // file-import.tsx: "big.xlf: 5,000 units, 5,000 segments, 1 review marks, 0 notes." had no plurals.
  it('what an XLIFF import read: each count with its own plural', async () => {
    await loadUiLanguage('fr');
    const en = i18n.getFixedT('en', 'documents');
    const fr = i18n.getFixedT('fr', 'documents');
    expect(en('fileImport.marks', { count: 1, n: '1' })).toBe('1 review mark');
    expect(en('fileImport.notes', { count: 5, n: '5' })).toBe('5 notes');
    expect(fr('fileImport.units', { count: 1, n: '1' })).toBe('1 unité');
    expect(fr('fileImport.marks', { count: 0, n: '0' })).toBe('0 marque de révision');
  });
});
