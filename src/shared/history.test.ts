import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from './events';
import { segmentHistory, textAfter } from './history';

const at = (n: number) => `2026-01-01T00:00:0${n}.000Z`;
const anchor = { start: 0, end: 7, quote: 'Lafetet', prefix: '', suffix: ' discute' };
const events: DocumentEvent[] = [
  {
    seq: 1,
    at: at(1),
    actor: 'import',
    type: 'DocumentCreated',
    payload: {
      id: 'd',
      title: 't',
      sourceLang: 'ar',
      targetLang: 'fr',
      segments: [
        { id: 's1', source: 'a', target: 'Lafetet discute' },
        { id: 's2', source: 'b', target: 'autre' },
      ],
    },
  },
  {
    seq: 2,
    at: at(2),
    actor: 'rev',
    type: 'FlagCreated',
    payload: {
      flagId: 'f1',
      segmentId: 's1',
      side: 'target',
      anchor,
      category: 'fluency/spelling',
      severity: 'major',
      correction: 'Laftit',
      comment: '',
    },
  },
  {
    seq: 3,
    at: at(3),
    actor: 'tr',
    type: 'SegmentEdited',
    payload: { segmentId: 's2', target: 'autre texte', cause: 'edit' },
  },
  {
    seq: 4,
    at: at(4),
    actor: 'tr',
    type: 'FlagAccepted',
    payload: { flagId: 'f1', reason: null, target: 'Laftit discute' },
  },
  {
    seq: 5,
    at: at(5),
    actor: 'ed',
    type: 'SegmentStatusChanged',
    payload: { segmentId: 's1', status: 'approved', reason: null, override: false },
  },
  {
    seq: 6,
    at: at(6),
    actor: 'ed',
    type: 'SegmentStatusChanged',
    payload: { segmentId: 's1', status: 'in-review', reason: 'oops', override: false },
  },
  {
    seq: 7,
    at: at(7),
    actor: 'tr',
    type: 'SegmentEdited',
    payload: { segmentId: 's1', target: 'Laftit discute longuement', cause: 'edit' },
  },
  {
    seq: 8,
    at: at(8),
    actor: 'tr',
    type: 'SegmentEdited',
    payload: { segmentId: 's1', target: 'Lafetet discute', cause: 'revert', revertOf: 1 },
  },
];

describe('segmentHistory', () => {
  const h = segmentHistory(events, 's1');

  it('lists every revision of the segment with who, when, before → after and why', () => {
    expect(h.revisions.map((r) => [r.seq, r.cause, r.actor, r.before, r.after])).toEqual([
      [1, 'original', 'import', '', 'Lafetet discute'],
      [4, 'flag', 'tr', 'Lafetet discute', 'Laftit discute'],
      [7, 'edit', 'tr', 'Laftit discute', 'Laftit discute longuement'],
      [8, 'revert', 'tr', 'Laftit discute longuement', 'Lafetet discute'],
    ]);
    expect(h.revisions[1]?.flagId).toBe('f1');
    expect(h.revisions[3]?.revertOf).toBe(1);
  });

  it('knows the original and the last approved text', () => {
    expect(h.original).toBe('Lafetet discute');
    expect(h.lastApproved).toEqual({ seq: 5, at: at(5), actor: 'ed', text: 'Laftit discute' });
  });

  it('ignores other segments', () => {
    const h2 = segmentHistory(events, 's2');
    expect(h2.revisions.map((r) => r.seq)).toEqual([1, 3]);
    expect(h2.lastApproved).toBeNull();
  });

  it('finds the text after a revision', () => {
    expect(textAfter(h, 4)).toBe('Laftit discute');
    expect(textAfter(h, 3)).toBeUndefined();
  });

  it('is empty for an unknown segment', () => {
    expect(segmentHistory(events, 'nope')).toEqual({ revisions: [], original: '', lastApproved: null });
  });
});

describe('segmentHistory and document approval', () => {
  it('counts a document approval as the last approval of every segment', () => {
    const approved: DocumentEvent = {
      seq: 9,
      at: at(9),
      actor: 'ed',
      type: 'DocumentStatusChanged',
      payload: { status: 'approved', reason: null, override: false },
    };
    const h = segmentHistory([...events, approved], 's2');
    expect(h.lastApproved).toEqual({ seq: 9, at: at(9), actor: 'ed', text: 'autre texte' });
  });
});
