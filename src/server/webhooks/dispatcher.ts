import { createHmac } from 'node:crypto';
import type { DocumentEvent } from '../../shared/events';
import type { FoldState } from '../../shared/reducer';
import {
  MAX_ATTEMPTS,
  SIGNATURE_HEADER,
  backoffSeconds,
  type Delivery,
  type WebhookEvent,
} from '../../shared/webhooks';
import { errorMessage, type StoreLogger } from '../store/logger';
import type { StoredHook, WebhookStore } from './webhook-store';

export interface WebhookDispatcherOptions {
  store: WebhookStore;
  logger?: StoreLogger;
  /** Looks for due deliveries this often (ms; default 5 s), besides right after a write. */
  pollMs?: number;
  /** A receiver must answer within this (ms; default 10 s). */
  timeoutMs?: number;
  /** Seconds before the next attempt after the n-th failure (tests shorten it). */
  backoff?: (attempt: number) => number;
  now?: () => number;
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the hook's secret. */
export const signature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The webhook events a committed batch of document events means, with what the receiver is told. */
export function webhookEventsOf(
  events: readonly DocumentEvent[],
  before: FoldState['status'] | undefined,
  after: FoldState,
): { event: WebhookEvent; data: Record<string, unknown> }[] {
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
  void after;
  return out;
}

/**
 * Sends webhook deliveries. A write only enqueues them (after its commit, not awaited by its answer); this
 * sends what is due, signs each body, retries failures with backoff (persisted: a restart or another server
 * picks up pending deliveries) and records each attempt in the hook's log.
 */
export class WebhookDispatcher {
  private readonly store: WebhookStore;
  private readonly logger: StoreLogger;
  private readonly pollMs: number;
  private readonly timeoutMs: number;
  private readonly backoff: (attempt: number) => number;
  private readonly now: () => number;
  private hooksCache: Promise<Map<string, StoredHook>> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Closing the app abandons the attempts under way (they stay pending and are tried again). */
  private readonly closing = new AbortController();

  constructor(opts: WebhookDispatcherOptions) {
    this.store = opts.store;
    this.logger = opts.logger ?? console;
    this.pollMs = opts.pollMs ?? 5000;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.backoff = opts.backoff ?? backoffSeconds;
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    this.schedule(0);
  }

  hooksChanged(): void {
    this.hooksCache = null;
  }

  /** After a commit: enqueue what the hooks asked for. Never throws (a write is never failed by a hook). */
  written(document: FoldState, events: readonly DocumentEvent[], before: FoldState['status'] | undefined): void {
    if (this.closed) return;
    const p = (async () => {
      const hooks = [...(await this.hooks()).values()].filter((h) => h.active);
      if (hooks.length === 0) return;
      const happened = webhookEventsOf(events, before, document);
      const deliveries = happened.flatMap(({ event, data }) =>
        hooks
          .filter((h) => h.events.includes(event))
          .map((h) => ({
            hookId: h.id,
            event,
            body: JSON.stringify({
              event,
              document: { id: document.id, title: document.title, status: document.status },
              ...data,
            }),
          })),
      );
      if (deliveries.length === 0) return;
      await this.store.enqueue(deliveries);
      this.kick();
    })()
      .catch((err: unknown) => this.logger.error(`webhooks: could not enqueue deliveries: ${errorMessage(err)}`))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Sends what is due now (soon after the current pass, if one runs). */
  kick(): void {
    if (this.closed) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.closing.abort();
    await Promise.all([...this.inFlight]);
    await this.running;
  }

  private async hooks(): Promise<Map<string, StoredHook>> {
    this.hooksCache ??= this.store.hooks().then((list) => new Map(list.map((h) => [h.id, h])));
    return this.hooksCache.catch((err: unknown) => {
      this.hooksCache = null;
      throw err;
    });
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running ??= this.pass().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else this.schedule(this.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    try {
      for (;;) {
        const due = await this.store.claimDue(this.now(), this.timeoutMs + 5000, 20);
        if (due.length === 0 || this.closed) return;
        const hooks = await this.hooks();
        await Promise.all(due.map((d) => this.send(d, hooks.get(d.hookId))));
      }
    } catch (err) {
      this.logger.error(`webhooks: ${errorMessage(err)}`);
    }
  }

  private async send(d: Delivery, hook: StoredHook | undefined): Promise<void> {
    const at = this.now();
    let status: number | null = null;
    let error: string | null = null;
    if (!hook) error = 'the webhook is gone';
    else if (!hook.active) error = 'the webhook is switched off';
    else {
      try {
        const res = await fetch(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Vis-a-vis webhooks',
            [SIGNATURE_HEADER]: signature(hook.secret, d.body),
            'x-visavis-event': d.event,
            'x-visavis-delivery': d.id,
          },
          body: d.body,
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal]),
        });
        status = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (err) {
        error = errorMessage(err);
      }
    }
    if (this.closed) return; // abandoned, not failed: still pending (leased), tried again after the lease
    const attempts = d.attempts + 1;
    const ok = error === null;
    const giveUp = !ok && (attempts >= MAX_ATTEMPTS || !hook);
    const next: Delivery = {
      ...d,
      attempts,
      status: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
      lastAttemptAt: new Date(at).toISOString(),
      lastStatus: status,
      lastError: error,
      nextAttemptAt: ok || giveUp ? null : new Date(at + this.backoff(attempts) * 1000).toISOString(),
    };
    try {
      await this.store.saveAttempt(next);
    } catch (err) {
      this.logger.error(`webhooks: could not record delivery ${d.id}: ${errorMessage(err)}`);
    }
  }
}
