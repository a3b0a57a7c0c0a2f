import { describe, expect, it } from 'vitest';
import { makeAnchor } from './anchor';
import type { DocumentEvent, EventOf } from './events';
import { FoldError, foldAll, toDocumentState } from './reducer';
import { flagsOnSegment } from './state-index';

const T0 = '2024-04-22T10:00:00.000Z';
const at = (seq: number) => new Date(Date.parse(T0) + seq * 60_000).toISOString();
const env = (seq: number) => ({ seq, at: at(seq), actor: 'Editor' });

const created: EventOf<'DocumentCreated'> = {
  ...env(1),
  actor: 'Creator',
  type: 'DocumentCreated',
  payload: {
    id: 'd1',
    title: 'T',
    sourceLang: 'en',
    targetLang: 'fr',
    segments: [
      { id: 's1', source: 'One. Two.', target: 'Un. Deux.' },
      { id: 's2', source: 'Three.', target: 'Trois.' },
      { id: 's3', source: '', target: 'Partager cet article' },
    ],
  },
};

function flag(seq: number, flagId: string, segmentId: string, text: string, start: number, end: number): DocumentEvent {
  return {
    ...env(seq),
    actor: 'Reviewer',
    type: 'FlagCreated',
    payload: {
      flagId,
      segmentId,
      side: 'target',
      anchor: makeAnchor(text, start, end),
      category: 'fluency/spelling',
      severity: 'minor',
      correction: '',
      comment: '',
    },
  };
}

const split = (seq: number, p: Partial<EventOf<'SegmentSplit'>['payload']>): EventOf<'SegmentSplit'> => ({
  ...env(seq),
  type: 'SegmentSplit',
  payload: { segmentId: 's1', newSegmentId: 'n1', sourceAt: 4, targetAt: 3, sourceGap: ' ', targetGap: ' ', ...p },
});

const merge = (seq: number, p: Partial<EventOf<'SegmentsMerged'>['payload']> = {}): EventOf<'SegmentsMerged'> => ({
  ...env(seq),
  type: 'SegmentsMerged',
  payload: {
    segmentId: 's1',
    nextSegmentId: 's2',
    sourceSeparator: ' ',
    targetSeparator: ' ',
    sourceAt: 0,
    targetAt: 0,
    ...p,
  },
});

const texts = (events: DocumentEvent[]) =>
  toDocumentState(foldAll(events)).segments.map((s) => [s.id, s.index, s.source, s.target]);

describe('SegmentSplit', () => {
  it('cuts both sides, keeps the first id, inserts the second after it and renumbers', () => {
    expect(texts([created, split(2, {})])).toEqual([
      ['s1', 0, 'One.', 'Un.'],
      ['n1', 1, 'Two.', 'Deux.'],
      ['s2', 2, 'Three.', 'Trois.'],
      ['s3', 3, '', 'Partager cet article'],
    ]);
  });

  it('cuts one side only: the other stays whole in the first part', () => {
    expect(texts([created, split(2, { sourceAt: 9, sourceGap: '' })]).slice(0, 2)).toEqual([
      ['s1', 0, 'One. Two.', 'Un.'],
      ['n1', 1, '', 'Deux.'],
    ]);
  });

  it('moves a flag on the second part with its words, keeps one on the first, orphans one the cut crosses', () => {
    const t = 'Un. Deux.';
    const state = foldAll([
      created,
      flag(2, 'fa', 's1', t, 0, 2), // "Un"
      flag(3, 'fb', 's1', t, 4, 8), // "Deux"
      flag(4, 'fc', 's1', t, 1, 6), // "n. De": crosses the cut
      split(5, {}),
    ]);
    const [fa, fb, fc] = ['fa', 'fb', 'fc'].map((id) => state.flags.find((f) => f.id === id)!);
    expect([fa!.segmentId, fa!.anchor.quote, fa!.orphaned]).toEqual(['s1', 'Un', false]);
    expect([fb!.segmentId, fb!.anchor.start, fb!.anchor.quote, fb!.orphaned]).toEqual(['n1', 0, 'Deux', false]);
    expect([fc!.segmentId, fc!.orphaned]).toEqual(['s1', true]);
    expect(flagsOnSegment(state.flags, 'n1').map((f) => f.id)).toEqual(['fb']);
  });

  it('refuses an id that exists and an offset past the end (a log that disagrees with the state)', () => {
    expect(() => foldAll([created, split(2, { newSegmentId: 's2' })])).toThrow(FoldError);
    expect(() => foldAll([created, split(2, { targetAt: 99 })])).toThrow(FoldError);
  });
});

describe('SegmentsMerged', () => {
  it('joins a segment with the next, keeps the first id, moves and shifts the second one’s flags', () => {
    const state = foldAll([created, flag(2, 'fb', 's2', 'Trois.', 0, 5), merge(3)]);
    expect(toDocumentState(state).segments.map((s) => [s.id, s.index, s.source, s.target])).toEqual([
      ['s1', 0, 'One. Two. Three.', 'Un. Deux. Trois.'],
      ['s3', 1, '', 'Partager cet article'],
    ]);
    const fb = state.flags.find((f) => f.id === 'fb')!;
    expect([fb.segmentId, fb.anchor.start, fb.anchor.quote]).toEqual(['s1', 10, 'Trois']);
    expect(flagsOnSegment(state.flags, 's1').map((f) => f.id)).toEqual(['fb']);
  });

  it('does not put a separator next to an empty side', () => {
    const e = merge(2, { segmentId: 's2', nextSegmentId: 's3' });
    expect(texts([created, e])[1]).toEqual(['s2', 1, 'Three.', 'Trois. Partager cet article']);
  });

  it('undoes a split exactly when merged with the gap the split recorded', () => {
    expect(texts([created, split(2, {}), merge(3, { nextSegmentId: 'n1' })])).toEqual(texts([created]));
  });

  it('refuses to merge with a segment that does not follow', () => {
    expect(() => foldAll([created, merge(2, { nextSegmentId: 's3' })])).toThrow(FoldError);
  });
});

describe('SegmentDeleted and SegmentInserted', () => {
  const deleted: EventOf<'SegmentDeleted'> = {
    ...env(2),
    type: 'SegmentDeleted',
    payload: { segmentId: 's3', source: '', target: 'Partager cet article', afterSegmentId: 's2' },
  };

  it('removes a segment and renumbers; an insertion puts it back where it was', () => {
    expect(texts([created, deleted])).toEqual([
      ['s1', 0, 'One. Two.', 'Un. Deux.'],
      ['s2', 1, 'Three.', 'Trois.'],
    ]);
    const inserted: EventOf<'SegmentInserted'> = {
      ...env(3),
      type: 'SegmentInserted',
      payload: { segmentId: 's3', source: '', target: 'Partager cet article', afterSegmentId: 's2' },
    };
    expect(texts([created, deleted, inserted])).toEqual(texts([created]));
  });

  it('refuses to delete a segment that has flags', () => {
    const f = flag(2, 'f1', 's3', 'Partager cet article', 0, 8);
    expect(() => foldAll([created, f, { ...deleted, seq: 3 }])).toThrow(FoldError);
  });
});

describe('inline codes through splits and merges (issue #13)', () => {
  const ph = (id: string) => ({
    kind: 'standalone' as const,
    xml: `<ph id="${id}"/>`,
    key: `ph#${id}`,
    name: 'ph',
    id,
  });
  const withCodes: EventOf<'DocumentCreated'> = {
    ...created,
    payload: {
      ...created.payload,
      segments: [
        {
          id: 's1',
          source: 'One\uE000 two\uE001.',
          target: 'Un\uE000 deux\uE001.',
          codes: { '\uE000': ph('1'), '\uE001': ph('2') },
        },
        { id: 's2', source: 'Three\uE000.', target: 'Trois\uE000.', codes: { '\uE000': ph('9') } },
      ],
    },
  };

  it('a split keeps the codes on both halves', () => {
    const doc = toDocumentState(foldAll([withCodes, split(2, { sourceAt: 5, targetAt: 4 })]));
    expect(doc.segments.slice(0, 2).map((s) => [s.source, Object.keys(s.codes ?? {}).length])).toEqual([
      ['One\uE000', 2],
      ['two\uE001.', 2],
    ]);
  });

  it('a merge gives the second segment’s codes characters of their own when the first uses the same ones', () => {
    const doc = toDocumentState(foldAll([withCodes, merge(2, { sourceAt: 9, targetAt: 9 })]));
    const s = doc.segments[0]!;
    const codes = s.codes!;
    const last = [...s.source].filter((c) => Object.hasOwn(codes, c)).pop()!;
    expect(last).not.toBe('\uE000');
    expect(codes[last]!.key).toBe('ph#9');
    expect(codes['\uE000']!.key).toBe('ph#1');
    expect(s.target.endsWith(`Trois${last}.`)).toBe(true);
  });
});
