import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../../../../shared/events';
import { fold, type FoldState } from '../../../../shared/reducer';
import { noticeFor } from './notices';

const AT = '2026-01-01T00:00:00.000Z';
function doc(): FoldState {
  let s = fold(null, {
    seq: 1,
    at: AT,
    actor: 'amina',
    type: 'DocumentCreated',
    payload: {
      id: 'd',
      title: 'T',
      sourceLang: 'ar',
      targetLang: 'fr',
      segments: [
        { id: 's1', source: 'a', target: 'x' },
        { id: 's2', source: 'b', target: 'Lafetet' },
      ],
    },
  });
  s = fold(s, {
    seq: 2,
    at: AT,
    actor: 'youssef',
    type: 'FlagCreated',
    payload: {
      flagId: 'f1',
      segmentId: 's2',
      side: 'target',
      anchor: { start: 0, end: 7, quote: 'Lafetet', prefix: '', suffix: '' },
      category: 'terminology',
      severity: 'major',
      correction: 'Laftit',
      comment: '',
    },
  });
  return s;
}
const ev = (type: string, actor: string, payload: object) =>
  ({ seq: 3, at: AT, actor, type, payload }) as unknown as DocumentEvent;

describe('notices: what concerns me in someone else’s event', () => {
  it('tells a reviewer that their flag was accepted, with the segment number', () => {
    const n = noticeFor(
      ev('FlagAccepted', 'amina', { flagId: 'f1', reason: null, target: 'Laftit' }),
      doc(),
      'youssef',
      'u-y',
    );
    expect(n).toMatchObject({ kind: 'accepted', actor: 'amina', segment: 2, segmentId: 's2', flagId: 'f1' });
  });

  it('says nothing about my own actions or flags that are not mine', () => {
    expect(
      noticeFor(ev('FlagAccepted', 'youssef', { flagId: 'f1', reason: null, target: 'x' }), doc(), 'youssef', 'u'),
    ).toBeNull();
    expect(
      noticeFor(ev('FlagAccepted', 'amina', { flagId: 'f1', reason: null, target: 'x' }), doc(), 'zineb', 'u'),
    ).toBeNull();
  });

  it('a comment on a flag where I commented is a reply; a mention of my id wins', () => {
    let s = doc();
    s = fold(s, {
      seq: 3,
      at: AT,
      actor: 'zineb',
      type: 'CommentAdded',
      payload: { flagId: 'f1', commentId: 'c1', text: 'hm' },
    });
    const reply = {
      ...ev('CommentAdded', 'youssef', { flagId: 'f1', commentId: 'c2', text: 'yes' }),
      seq: 4,
    } as DocumentEvent;
    expect(noticeFor(reply, s, 'zineb', 'u-z')?.kind).toBe('reply');
    const mention = {
      ...ev('CommentAdded', 'amina', { flagId: 'f1', commentId: 'c3', text: '@Zineb', mentions: ['u-z'] }),
      seq: 4,
    } as DocumentEvent;
    expect(noticeFor(mention, s, 'zineb', 'u-z')?.kind).toBe('mentioned');
  });
});
