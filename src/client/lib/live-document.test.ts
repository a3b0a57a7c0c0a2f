import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../../shared/events';
import { fold, toDocumentState, type FoldState } from '../../shared/reducer';
import { byId } from '../../shared/state-index';
import { applyEvent, applyRows, applyWhole, GapError, lastSeq, loaded } from './live-document';

const at = (seq: number) => `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`;
const created: DocumentEvent = {
  seq: 1,
  at: at(1),
  actor: 'amina',
  type: 'DocumentCreated',
  payload: {
    id: 'doc',
    title: 'T',
    sourceLang: 'ar',
    targetLang: 'fr',
    segments: [
      { id: 's1', source: 'أ', target: 'Lafetet discute' },
      { id: 's2', source: 'ب', target: 'Sahel' },
    ],
  },
};
const edit = (seq: number, segmentId: string, target: string, actor = 'youssef'): DocumentEvent => ({
  seq,
  at: at(seq),
  actor,
  type: 'SegmentEdited',
  payload: { segmentId, target, cause: 'edit' },
});
const flagCreated = (seq: number, flagId: string): DocumentEvent => ({
  seq,
  at: at(seq),
  actor: 'youssef',
  type: 'FlagCreated',
  payload: {
    flagId,
    segmentId: 's1',
    side: 'target',
    anchor: { start: 0, end: 7, quote: 'Lafetet', prefix: '', suffix: ' discute' },
    category: 'terminology',
    severity: 'major',
    correction: 'Laftit',
    comment: '',
  },
});

const start = (): FoldState => loaded(toDocumentState(fold(null, created)));

describe('folding live events into the cached document', () => {
  it('applies each stream event with the shared fold, in order; older ones are no-ops', () => {
    const first = start();
    const doc = applyEvent(first, edit(2, 's2', 'Sahel et désert'));
    expect(lastSeq(doc)).toBe(2);
    expect(byId(doc.segments, 's2')).toMatchObject({ target: 'Sahel et désert', version: 2 });
    const same = applyEvent(doc, edit(2, 's2', 'Sahel et désert'));
    expect(same).toBe(doc);
    // Unchanged rows are shared, not copied.
    expect(byId(doc.segments, 's1')).toBe(byId(first.segments, 's1'));
  });

  it('refuses an event after a gap (the caller fetches the missing ones first)', () => {
    expect(() => applyEvent(start(), edit(3, 's1', 'x'))).toThrow(GapError);
  });

  it('a write answer patches its rows at once; its echo on the stream is then a no-op for them', () => {
    let doc = start();
    const base = fold(fold(null, created), edit(2, 's1', 'Laftit discute', 'amina'));
    const answer = { segment: byId(base.segments, 's1')!, flags: [], seq: 2 };
    doc = applyRows(doc, answer);
    expect(byId(doc.segments, 's1')).toMatchObject({ target: 'Laftit discute', version: 2 });
    expect(lastSeq(doc)).toBe(1); // only stream events move the last seq
    const patched = byId(doc.segments, 's1');
    doc = applyEvent(doc, edit(2, 's1', 'Laftit discute', 'amina'));
    // Not applied twice: still version 2, and the same row.
    expect(byId(doc.segments, 's1')).toMatchObject({ target: 'Laftit discute', version: 2 });
    expect(byId(doc.segments, 's1')).toEqual(patched);
    expect(lastSeq(doc)).toBe(2);
  });

  it('while a patch waits for its echo, other people’s events still arrive', () => {
    let doc = start();
    // My flag is created at seq 3; seq 2 (someone's edit of s2) has not reached me yet.
    const mine = fold(fold(fold(null, created), edit(2, 's2', 'Sahel !')), flagCreated(3, 'f1'));
    doc = applyRows(doc, { flag: byId(mine.flags, 'f1')!, seq: 3 });
    expect(doc.flags.size).toBe(1);
    doc = applyEvent(doc, edit(2, 's2', 'Sahel !'));
    expect(byId(doc.segments, 's2')?.target).toBe('Sahel !');
    expect(byId(doc.flags, 'f1')?.version).toBe(1);
    doc = applyEvent(doc, flagCreated(3, 'f1'));
    expect(doc.flags.size).toBe(1);
    expect(byId(doc.flags, 'f1')?.version).toBe(1);
    // Caught up: the view is the pure fold again.
    expect(toDocumentState(doc)).toEqual(toDocumentState(mine));
  });

  it('an older answer never steps a row back', () => {
    let doc = start();
    const v2 = fold(fold(null, created), edit(2, 's1', 'a'));
    const v3 = fold(v2, edit(3, 's1', 'ab'));
    doc = applyRows(doc, { segment: byId(v3.segments, 's1')!, seq: 3 });
    doc = applyRows(doc, { segment: byId(v2.segments, 's1')!, seq: 2 });
    expect(byId(doc.segments, 's1')?.target).toBe('ab');
    doc = applyEvent(applyEvent(doc, edit(2, 's1', 'a')), edit(3, 's1', 'ab'));
    expect(byId(doc.segments, 's1')).toMatchObject({ target: 'ab', version: 3 });
  });

  it('a whole-document answer shows at once and its events do not apply twice', () => {
    let doc = start();
    const after = fold(fold(null, created), {
      seq: 2,
      at: at(2),
      actor: 'amina',
      type: 'DocumentStatusChanged',
      payload: { status: 'in-review', reason: null, override: false },
    });
    doc = applyWhole(doc, toDocumentState(after));
    expect(doc.status).toBe('in-review');
    expect(lastSeq(doc)).toBe(1);
    doc = applyEvent(doc, {
      seq: 2,
      at: at(2),
      actor: 'amina',
      type: 'DocumentStatusChanged',
      payload: { status: 'in-review', reason: null, override: false },
    });
    expect(doc.status).toBe('in-review');
    expect(lastSeq(doc)).toBe(2);
  });
});

describe('structural events on the stream', () => {
  const split: DocumentEvent = {
    seq: 2,
    at: at(2),
    actor: 'editor',
    type: 'SegmentSplit',
    payload: { segmentId: 's1', newSegmentId: 's3', sourceAt: 1, targetAt: 7, sourceGap: '', targetGap: ' ' },
  };

  it('folds a split: the new row appears after the first part and rows are renumbered', () => {
    const view = applyEvent(fold(null, created), split);
    expect(toDocumentState(view).segments.map((s) => [s.id, s.index, s.target])).toEqual([
      ['s1', 0, 'Lafetet'],
      ['s3', 1, 'discute'],
      ['s2', 2, 'Sahel'],
    ]);
  });

  it('keeps a whole-document answer that already holds the split, and takes the fold over patched rows', () => {
    const base = fold(null, created);
    const whole = applyWhole(base, toDocumentState(fold(base, split)));
    const after = applyEvent(whole, split);
    expect(toDocumentState(after).segments.map((s) => s.id)).toEqual(['s1', 's3', 's2']);
    expect(lastSeq(after)).toBe(2);
    const patched = applyRows(base, { segment: { ...base.segments[1]!, target: 'Sahel !', version: 2 }, seq: 3 });
    const folded = applyEvent(patched, split);
    expect(toDocumentState(folded).segments.map((s) => s.id)).toEqual(['s1', 's3', 's2']);
  });
});
