import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../../shared/events';
import { deliveriesOf, deliveryIdOf } from './webhook-events';
import type { StoredHook } from './webhook-store';

const hook = (id: string, createdAt: string, over: Partial<StoredHook> = {}): StoredHook => ({
  id,
  url: 'http://127.0.0.1:9/hook',
  events: ['document.approved', 'flag.settled'],
  secret: 'a webhook secret, 16+ chars',
  active: true,
  createdAt,
  createdBy: 'boss',
  ...over,
});

const approved = (seq: number, at: string) =>
  ({
    seq,
    at,
    actor: 'amina',
    token: 'release-bot',
    type: 'DocumentStatusChanged',
    payload: { status: 'approved', reason: null },
  }) as unknown as DocumentEvent; // a hand-made event: only the fields deliveriesOf reads

const doc = { id: 'd1', title: 'Q3 report', status: 'approved' as const };

describe('deliveriesOf', () => {
  it('gives each delivery an id from hook, document, seq and event: the same when computed again', () => {
    const hooks = [hook('h1', '2026-03-01T09:00:00.000Z')];
    const first = deliveriesOf(hooks, doc, [approved(42, '2026-03-01T10:00:00.000Z')], 'in-review');
    const again = deliveriesOf(hooks, doc, [approved(42, '2026-03-01T10:00:00.000Z')], 'in-review');
    expect(first).toEqual(again);
    expect(first.map((d) => d.id)).toEqual([deliveryIdOf('h1', 'd1', 42, 'document.approved')]);
    expect(deliveryIdOf('h1', 'd1', 43, 'document.approved')).not.toBe(first[0]!.id);
    expect(JSON.parse(first[0]!.body)).toEqual({
      event: 'document.approved',
      document: doc,
      actor: 'amina',
      token: 'release-bot',
      seq: 42,
      at: '2026-03-01T10:00:00.000Z',
      status: 'approved',
      reason: null,
    });
  });

  it('reaches only active hooks that listen for the event and existed when it happened', () => {
    const hooks = [
      hook('early', '2026-03-01T09:00:00.000Z'),
      hook('late', '2026-03-01T11:00:00.000Z'),
      hook('off', '2026-03-01T09:00:00.000Z', { active: false }),
      hook('deaf', '2026-03-01T09:00:00.000Z', { events: ['flag.created'] }),
    ];
    const out = deliveriesOf(hooks, doc, [approved(7, '2026-03-01T10:00:00.000Z')], 'in-review');
    expect(out.map((d) => d.hookId)).toEqual(['early']);
  });
});
