import { createHash } from 'node:crypto';
import type { DocumentEvent } from '../../shared/events';
import type { FoldState } from '../../shared/reducer';
import type { WebhookEvent } from '../../shared/webhooks';
import type { StoredHook } from './webhook-store';

/** The webhook events a committed batch of document events means, with what the receiver is told. */
export function webhookEventsOf(
  events: readonly DocumentEvent[],
  before: FoldState['status'] | undefined,
): { event: WebhookEvent; data: Record<string, unknown>; at: string; seq: number }[] {
  const out: { event: WebhookEvent; data: Record<string, unknown> }[] = [];
  let status = before;
  for (const e of events) {
    const who = { actor: e.actor, ...(e.token ? { token: e.token } : {}), seq: e.seq, at: e.at };
    switch (e.type) {
      case 'DocumentStatusChanged': {
        const kind: WebhookEvent | null =
          e.payload.status === 'approved'
            ? 'document.approved'
            : e.payload.status === 'returned'
              ? 'document.returned'
              : status === 'approved'
                ? 'document.reopened'
                : null;
        if (kind) out.push({ event: kind, data: { ...who, status: e.payload.status, reason: e.payload.reason } });
        status = e.payload.status;
        break;
      }
      case 'SegmentStatusChanged':
        if (e.payload.status === 'approved') {
          out.push({ event: 'segment.approved', data: { ...who, segmentId: e.payload.segmentId } });
        }
        break;
      case 'FlagCreated': {
        const f = e.payload;
        out.push({
          event: 'flag.created',
          data: { ...who, flagId: f.flagId, segmentId: f.segmentId, category: f.category, severity: f.severity },
        });
        break;
      }
      case 'FlagAccepted':
      case 'FlagRejected':
      case 'FlagResolved':
      case 'FlagWithdrawn': {
        const outcome = e.type.slice('Flag'.length).toLowerCase();
        out.push({ event: 'flag.settled', data: { ...who, flagId: e.payload.flagId, outcome } });
        break;
      }
      default:
        break;
    }
  }
  return out.map((o) => ({ ...o, at: String(o.data.at), seq: Number(o.data.seq) }));
}

/** A delivery to enqueue: the hook, the webhook event, its body, and its id. */
export interface NewDelivery {
  /**
   * The same for the same hook, document, event and seq, however often it is computed (after a write, or
   * again at start-up after a crash): the store keeps one, and receivers can use it (X-Visavis-Delivery) to
   * recognise a delivery they already handled.
   */
  id: string;
  hookId: string;
  event: WebhookEvent;
  body: string;
}

export const deliveryIdOf = (hookId: string, documentId: string, seq: number, event: WebhookEvent) =>
  `w${createHash('sha256').update(`${hookId}\n${documentId}\n${seq}\n${event}`).digest('hex').slice(0, 24)}`;

/**
 * The deliveries a batch of committed events owes the active hooks that listen for them. A hook hears only
 * what happened after it was registered (so deliveries computed again at start-up never reach a hook made
 * after the event).
 */
export function deliveriesOf(
  hooks: readonly StoredHook[],
  document: Pick<FoldState, 'id' | 'title' | 'status'>,
  events: readonly DocumentEvent[],
  before: FoldState['status'] | undefined,
): NewDelivery[] {
  const active = hooks.filter((h) => h.active);
  if (active.length === 0) return [];
  return webhookEventsOf(events, before).flatMap(({ event, data, at, seq }) =>
    active
      .filter((h) => h.events.includes(event) && Date.parse(h.createdAt) <= Date.parse(at))
      .map((h) => ({
        id: deliveryIdOf(h.id, document.id, seq, event),
        hookId: h.id,
        event,
        body: JSON.stringify({
          event,
          document: { id: document.id, title: document.title, status: document.status },
          ...data,
        }),
      })),
  );
}
