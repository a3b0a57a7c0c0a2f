import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../../shared/events';
import type { FoldState } from '../../shared/reducer';
import { WebhookDispatcher } from './dispatcher';
import type { StoredHook, WebhookStore } from './webhook-store';

const HOOK: StoredHook = {
  id: 'h1',
  url: 'http://127.0.0.1:9/hook',
  events: ['document.approved'],
  secret: 'a webhook secret, 16+ chars',
  active: false, // switched off: nothing is sent, deliveries are still queued
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'boss',
};

const approved = (seq: number) =>
  ({
    seq,
    at: '2026-03-01T10:00:00.000Z',
    actor: 'amina',
    type: 'DocumentStatusChanged',
    payload: { status: 'approved', reason: null },
  }) as unknown as DocumentEvent; // a hand-made event: only the fields the dispatcher reads

const doc = (id: string) => ({ id, title: id, status: 'approved' }) as unknown as FoldState; // only id, title and status are read

describe('WebhookDispatcher.written', () => {
  it('a failed enqueue does not stop the deliveries of the writes after it', async () => {
    const queued: string[][] = [];
    let failNext = true;
    const store = {
      hooks: async () => [{ ...HOOK, active: true }],
      enqueue: async (deliveries: { id: string }[]) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        queued.push(deliveries.map((d) => d.id));
        return [];
      },
      claimDue: async () => [],
    } as unknown as WebhookStore; // only what written() and an idle sending pass call
    const errors: string[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };
    const dispatcher = new WebhookDispatcher({ store, logger, pollMs: 60_000 });
    dispatcher.written(doc('d1'), [approved(5)], 'in-review');
    dispatcher.written(doc('d2'), [approved(7)], 'in-review');
    await dispatcher.close();
    expect(errors).toEqual(['webhooks: could not enqueue deliveries: disk full']);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toHaveLength(1);
  });
});
