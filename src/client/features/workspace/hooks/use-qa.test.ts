import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DocumentState, Segment } from '../../../../shared/schemas';
import * as engine from '../lib/qa-engine';
import { useQaFindings } from './use-qa';

const AT = '2026-12-02T08:00:00.000Z';

function seg(i: number, target: string): Segment {
  return {
    id: `s${i}`,
    index: i,
    source: `La réunion a duré ${i + 10} minutes.`,
    target,
    version: 1,
    status: 'translated',
    updatedAt: AT,
    updatedBy: 'tina',
  };
}

function doc(segments: Segment[]): DocumentState {
  return {
    id: 'd1',
    title: 'Réunion',
    sourceLang: 'fr',
    targetLang: 'en',
    createdAt: AT,
    createdBy: 'ada',
    updatedAt: AT,
    status: 'in-review',
    statusReason: null,
    seq: 1,
    segments,
    flags: [],
  };
}

describe('useQaFindings after an edit', () => {
  const segments = Array.from({ length: 50 }, (_, i) => seg(i, `The meeting lasted ${i + 10} minutes.`));

  it('keeps the same answer when the edited segment still has the same findings (no whole-document work)', () => {
    const { result, rerender } = renderHook(({ d }) => useQaFindings(d, engine), {
      initialProps: { d: doc(segments) },
    });
    const first = result.current;
    expect(first.findings).toEqual([]);
    // Segment 7 edited, still correct: a new segments array and a new segment object, no new finding.
    const edited = segments.map((s, i) => (i === 7 ? { ...s, target: 'The meeting went on for 17 minutes.' } : s));
    rerender({ d: doc(edited) });
    expect(result.current).toBe(first);
  });

  it('shows a finding the edit made, and drops it when the next edit fixes it', () => {
    const { result, rerender } = renderHook(({ d }) => useQaFindings(d, engine), {
      initialProps: { d: doc(segments) },
    });
    const wrong = segments.map((s, i) => (i === 7 ? { ...s, target: 'The meeting lasted 71 minutes.' } : s));
    rerender({ d: doc(wrong) });
    const found = result.current.findings.filter((f) => f.segmentId === 's7');
    expect(found.length).toBeGreaterThan(0);
    expect(result.current.ofSegment('s7')).toEqual(found);
    const fixed = wrong.map((s, i) => (i === 7 ? { ...s, target: 'The meeting lasted 17 minutes.' } : s));
    rerender({ d: doc(fixed) });
    expect(result.current.findings).toEqual([]);
    expect(result.current.ofSegment('s7')).toEqual([]);
  });

  it('follows the segments when their order changes with the same count', () => {
    const wrong = segments.map((s, i) =>
      i === 3
        ? { ...s, target: 'The meeting lasted 31 minutes.' }
        : i === 40
          ? { ...s, target: 'It lasted 5 minutes.' }
          : s,
    );
    const { result, rerender } = renderHook(({ d }) => useQaFindings(d, engine), { initialProps: { d: doc(wrong) } });
    expect([...new Set(result.current.findings.map((f) => f.segmentId))]).toEqual(['s3', 's40']);
    const swapped = [...wrong];
    [swapped[3], swapped[40]] = [swapped[40]!, swapped[3]!];
    rerender({ d: doc(swapped) });
    expect([...new Set(result.current.findings.map((f) => f.segmentId))]).toEqual(['s40', 's3']);
  });
});
