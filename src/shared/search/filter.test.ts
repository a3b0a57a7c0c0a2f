import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../events';
import type { Flag, SegmentStatus } from '../schemas';
import {
  approvedTexts,
  changedSinceApproval,
  filterFromParams,
  filterSegments,
  filterToParams,
  NO_FILTER,
  type SegmentFilter,
} from './filter';

const segments = (['draft', 'approved', 'in-review', 'translated'] as SegmentStatus[]).map((status, i) => ({
  id: `s${i + 1}`,
  status,
  target: `t${i + 1}`,
}));
const flag = (segmentId: string, status: Flag['status'], category: Flag['category']) =>
  ({ id: `f-${segmentId}-${status}`, segmentId, status, category }) as Flag;
const flags = [
  flag('s1', 'open', 'fluency/spelling'),
  flag('s3', 'disputed', 'terminology'),
  flag('s4', 'rejected', 'terminology'),
];
const facts = { findingSegments: new Set(['s2', 's3']), changedSegments: new Set(['s3']) };
const ids = (f: Partial<SegmentFilter>) =>
  filterSegments(segments, flags, { ...NO_FILTER, ...f }, facts).map((s) => s.id);

describe('filterSegments', () => {
  it.each([
    ['nothing set: every segment', {}, ['s1', 's2', 's3', 's4']],
    ['by status (any of several)', { statuses: ['draft', 'approved'] }, ['s1', 's2']],
    ['open or disputed flags (not rejected)', { openFlags: true }, ['s1', 's3']],
    ['findings', { findings: true }, ['s2', 's3']],
    ['changed since approval', { changed: true }, ['s3']],
    ['a category group', { category: 'fluency' }, ['s1']],
    ['an exact category, open flags only', { category: 'terminology' }, ['s3']],
    ['criteria combine', { openFlags: true, findings: true }, ['s3']],
    ['combined with status', { statuses: ['draft'], findings: true }, []],
  ] as [string, Partial<SegmentFilter>, string[]][])('%s', (_n, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });
});

describe('the filter in the URL', () => {
  it('round-trips, leaving other parameters alone', () => {
    const f: SegmentFilter = {
      statuses: ['draft', 'in-review'],
      openFlags: true,
      findings: true,
      changed: true,
      category: 'fluency/spelling',
    };
    const params = filterToParams(f, new URLSearchParams('segment=s9'));
    expect(params.get('segment')).toBe('s9');
    expect(params.toString()).toContain('status=draft%2Cin-review');
    expect(filterFromParams(params)).toEqual(f);
    expect(filterToParams(NO_FILTER, params).toString()).toBe('segment=s9');
  });
  it('ignores unknown values', () => {
    expect(filterFromParams(new URLSearchParams('status=draft,bogus&flags=maybe&category=nope'))).toEqual({
      ...NO_FILTER,
      statuses: ['draft'],
    });
  });
});

describe('changed since approval', () => {
  const T = '2024-04-22T10:00:00.000Z';
  const e = (seq: number, type: string, payload: object) =>
    ({ seq, at: T, actor: 'a', type, payload }) as DocumentEvent;
  const events: DocumentEvent[] = [
    e(1, 'DocumentCreated', {
      id: 'd',
      title: 'T',
      sourceLang: 'ar',
      targetLang: 'fr',
      segments: [
        { id: 's1', source: 'a', target: 'one' },
        { id: 's2', source: 'b', target: 'two' },
        { id: 's3', source: 'c', target: 'three' },
      ],
    }),
    e(2, 'SegmentStatusChanged', { segmentId: 's1', status: 'approved', reason: null, override: false }),
    e(3, 'SegmentStatusChanged', { segmentId: 's1', status: 'in-review', reason: null, override: false }),
    e(4, 'SegmentEdited', { segmentId: 's1', target: 'one!', cause: 'edit' }),
    e(5, 'DocumentStatusChanged', { status: 'approved', reason: null, override: false }),
    e(6, 'DocumentStatusChanged', { status: 'in-review', reason: null, override: false }),
    e(7, 'SegmentEdited', { segmentId: 's2', target: 'deux', cause: 'edit' }),
  ];
  it('reads each segment’s last approved text from the log', () => {
    const approved = approvedTexts(events);
    expect(Object.fromEntries(approved)).toEqual({ s1: 'one!', s2: 'two', s3: 'three' });
    const now = [
      { id: 's1', target: 'one!' },
      { id: 's2', target: 'deux' },
      { id: 's3', target: 'three' },
    ];
    expect([...changedSinceApproval(now, approved)]).toEqual(['s2']);
  });

  it('follows splits, merges and deletions of segments after the approval', () => {
    const approvedAll = [
      ...events.slice(0, 1),
      e(2, 'DocumentStatusChanged', { status: 'approved', reason: null, override: false }),
      e(3, 'DocumentStatusChanged', { status: 'in-review', reason: null, override: false }),
    ];
    const log = [
      ...approvedAll,
      // "three" cut after "th": s3 keeps "th", the new s4 gets "ree"; s1 and s2 merged into "one two"; then s4 deleted.
      e(4, 'SegmentSplit', {
        segmentId: 's3',
        newSegmentId: 's4',
        sourceAt: 1,
        targetAt: 2,
        sourceGap: '',
        targetGap: '',
      }),
      e(5, 'SegmentsMerged', {
        segmentId: 's1',
        nextSegmentId: 's2',
        sourceSeparator: ' ',
        targetSeparator: ' ',
        sourceAt: 2,
        targetAt: 4,
      }),
    ];
    const approved = approvedTexts(log);
    expect(Object.fromEntries(approved)).toEqual({ s1: 'one', s3: 'three' });
    const now = [
      { id: 's1', target: 'one two' },
      { id: 's3', target: 'th' },
      { id: 's4', target: 'ree' },
    ];
    // Both changed since their approval; the new part was never approved. Re-approving after the split holds.
    expect([...changedSinceApproval(now, approved)]).toEqual(['s1', 's3']);
    const again = approvedTexts([
      ...log,
      e(6, 'DocumentStatusChanged', { status: 'approved', reason: null, override: false }),
      e(7, 'SegmentDeleted', { segmentId: 's4', source: 'c', target: 'ree', afterSegmentId: 's3' }),
    ]);
    expect(Object.fromEntries(again)).toEqual({ s1: 'one two', s3: 'th' });
    expect([...changedSinceApproval(now, again)]).toEqual([]);
  });
});
