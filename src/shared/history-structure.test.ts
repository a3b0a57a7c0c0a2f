import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from './events';
import { segmentHistory } from './history';

const T0 = '2024-04-22T10:00:00.000Z';
const env = (seq: number) => ({ seq, at: new Date(Date.parse(T0) + seq * 60_000).toISOString(), actor: 'Ed' });

const events: DocumentEvent[] = [
  {
    ...env(1),
    type: 'DocumentCreated',
    payload: {
      id: 'd1',
      title: 'T',
      sourceLang: 'en',
      targetLang: 'fr',
      segments: [
        { id: 's1', source: 'One. Two.', target: 'Un. Deux.' },
        { id: 's2', source: 'Three.', target: 'Trois.' },
      ],
    },
  },
  {
    ...env(2),
    type: 'SegmentSplit',
    payload: { segmentId: 's1', newSegmentId: 'n1', sourceAt: 4, targetAt: 3, sourceGap: ' ', targetGap: ' ' },
  },
  {
    ...env(3),
    type: 'SegmentsMerged',
    payload: {
      segmentId: 'n1',
      nextSegmentId: 's2',
      sourceSeparator: ' ',
      targetSeparator: ' ',
      sourceAt: 5,
      targetAt: 6,
    },
  },
];

describe('segment history across splits and merges', () => {
  it('shows the split as a revision of the first part and as the start of the second', () => {
    expect(segmentHistory(events, 's1').revisions.map((r) => [r.cause, r.before, r.after])).toEqual([
      ['original', '', 'Un. Deux.'],
      ['split', 'Un. Deux.', 'Un.'],
    ]);
    expect(segmentHistory(events, 'n1').revisions.map((r) => [r.cause, r.before, r.after])).toEqual([
      ['split', '', 'Deux.'],
      ['joined', 'Deux.', 'Deux. Trois.'],
    ]);
  });
});
