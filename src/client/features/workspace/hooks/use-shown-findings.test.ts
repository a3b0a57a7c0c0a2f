import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/qa/types';
import type { DocumentState, Flag, Segment } from '../../../../shared/schemas';
import * as engine from '../lib/qa-engine';
import { dictionaryKey } from './use-dictionary-findings';
import { useQaFindings } from './use-qa';
import { useShownFindings } from './use-shown-findings';

// Issue #12: the browser has no dictionary, so it showed neither the server's spelling findings nor which
// findings a flag already covers. The workspace shows its own findings with the server's dictionary findings
// added and the covered ones marked.

const AT = '2026-12-02T08:00:00.000Z';

const seg = (i: number, source: string, target: string): Segment => ({
  id: `s${i}`,
  index: i,
  source,
  target,
  version: 1,
  status: 'translated',
  updatedAt: AT,
  updatedBy: 'tina',
});

const doc = (segments: Segment[], over: Partial<DocumentState> = {}): DocumentState => ({
  id: 'd1',
  title: 'Busse',
  sourceLang: 'en',
  targetLang: 'de',
  createdAt: AT,
  createdBy: 'ada',
  updatedAt: AT,
  status: 'in-review',
  statusReason: null,
  seq: 1,
  segments,
  flags: [],
  ...over,
});

const SEGMENTS = [
  seg(0, 'It takes 12 minutes and several hours.', 'Es dauert 12 Minuten und mehrere Stunnden.'),
  seg(1, 'The city has 48 buses.', 'Die Stadt hat 46 Busse.'),
];

/** What the server answers for segment 0 (GET /qa?checks=spelling,name-near-miss). */
const spelling: Finding = {
  id: 'qa_spelling0001',
  checkId: 'spelling',
  category: 'fluency/spelling',
  severity: 'minor',
  segmentId: 's0',
  segmentIndex: 0,
  side: 'target',
  start: 33,
  end: 41,
  quote: 'Stunnden',
  message: {
    key: 'qa.spelling.default',
    params: { word: 'Stunnden', dictionary: 'dictionary-de', suggestions: 'Stunden' },
  },
  fix: { replacement: 'Stunden' },
};

const flagOn = (segmentId: string, start: number, end: number, over: Partial<Flag> = {}): Flag => ({
  id: 'f1',
  segmentId,
  side: 'target',
  anchor: { start, end, quote: '46', prefix: '', suffix: '' },
  quote: '46',
  orphaned: false,
  category: 'accuracy/mistranslation',
  severity: 'major',
  correction: '48',
  comment: '',
  status: 'open',
  reason: null,
  comments: [],
  version: 1,
  createdBy: 'rémi',
  createdAt: AT,
  updatedBy: 'rémi',
  updatedAt: AT,
  ...over,
});

function useBoth({ d, server }: { d: DocumentState; server: readonly Finding[] }) {
  return useShownFindings(d, useQaFindings(d, engine), server);
}

describe('useShownFindings', () => {
  it("adds the server's spelling finding to the browser's own, in the segment's order", () => {
    const { result } = renderHook(useBoth, { initialProps: { d: doc(SEGMENTS), server: [spelling] } });
    expect(result.current.findings.map((f) => [f.segmentId, f.checkId, f.quote])).toEqual([
      ['s0', 'spelling', 'Stunnden'],
      ['s1', 'number-mismatch', '46'],
    ]);
    expect(result.current.ofSegment('s0')).toEqual([spelling]);
  });

  it('drops it once the words changed (the text was edited since the server looked), or it was dismissed', () => {
    const edited = SEGMENTS.map((s, i) =>
      i === 0 ? { ...s, target: 'Es dauert 12 Minuten und mehrere Stunden.' } : s,
    );
    const { result, rerender } = renderHook(useBoth, { initialProps: { d: doc(SEGMENTS), server: [spelling] } });
    rerender({ d: doc(edited), server: [spelling] });
    expect(result.current.findings.map((f) => f.checkId)).toEqual(['number-mismatch']);
    const dismissed = doc(SEGMENTS, {
      dismissed: [
        { findingId: spelling.id, segmentId: 's0', checkId: 'spelling', reason: 'a name', by: 'rémi', at: AT },
      ],
    });
    rerender({ d: dismissed, server: [spelling] });
    expect(result.current.findings.map((f) => f.checkId)).toEqual(['number-mismatch']);
  });

  it('marks a finding a live flag covers, and only while the flag counts', () => {
    const { result, rerender } = renderHook(useBoth, {
      initialProps: { d: doc(SEGMENTS, { flags: [flagOn('s1', 14, 16)] }), server: [] },
    });
    expect(result.current.findings.map((f) => [f.quote, f.covered])).toEqual([['46', true]]);
    rerender({ d: doc(SEGMENTS, { flags: [flagOn('s1', 14, 16, { status: 'withdrawn' })] }), server: [] });
    expect(result.current.findings.map((f) => [f.quote, f.covered])).toEqual([['46', undefined]]);
    rerender({ d: doc(SEGMENTS, { flags: [flagOn('s1', 4, 9)] }), server: [] }); // "Stadt": other words
    expect(result.current.findings.map((f) => [f.quote, f.covered])).toEqual([['46', undefined]]);
  });

  it('keeps the same answer while nothing shown changed (rows keep their memos)', () => {
    const d = doc(SEGMENTS, { flags: [flagOn('s1', 14, 16)] });
    const { result, rerender } = renderHook(useBoth, { initialProps: { d, server: [spelling] } });
    const first = result.current;
    rerender({ d: { ...d, seq: 2 }, server: [spelling] });
    expect(result.current).toBe(first);
  });
});

describe('dictionaryKey', () => {
  it('changes with a text edit (segment version), the glossary or the settings, not with flags', () => {
    const d = doc(SEGMENTS);
    const key = dictionaryKey(d);
    const flagged: DocumentState = { ...d, flags: [flagOn('s1', 14, 16)] };
    expect(dictionaryKey(flagged)).toBe(key);
    expect(dictionaryKey({ ...d, segments: SEGMENTS.map((s) => ({ ...s, version: 2 })) })).not.toBe(key);
    expect(dictionaryKey({ ...d, glossary: { sourceLang: 'en', targetLang: 'de', entries: [] } })).not.toBe(key);
  });
});
