import { createHmac } from 'node:crypto';
import type { DocumentEvent } from '../../shared/events';
import type { FoldState } from '../../shared/reducer';
import { MAX_ATTEMPTS, SIGNATURE_HEADER, backoffSeconds, type Delivery } from '../../shared/webhooks';
import type { DocumentStore } from '../store/document-store';
import { errorMessage, type StoreLogger } from '../store/logger';
import { deliveriesOf } from './webhook-events';
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
  /** Marks of writes that owed no delivery, raised in the store by the next pass. */
  private readonly lateMarks = new Map<string, number>();
  /** written() runs its enqueues one after the other. */
  private queue: Promise<void> = Promise.resolve();
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

  /**
   * After a commit: enqueue what the hooks asked for, and raise the document's high-water mark in the same
   * write. Never throws (a write is never failed by a hook). A crash before this lands is made good by
   * recover() at the next start.
   */
  written(document: FoldState, events: readonly DocumentEvent[], before: FoldState['status'] | undefined): void {
    if (this.closed || events.length === 0) return;
    // One at a time, in commit order: a mark raised for a later write never lands before an earlier write's
    // deliveries (a crash in between would lose them).
    const p = this.serial(async () => {
      const hooks = [...(await this.hooks()).values()];
      // No hook at all, nothing owed: the mark stays behind, and recover() finds nothing after it either (a
      // hook hears only what happens after it is made).
      if (hooks.length === 0) return;
      const deliveries = deliveriesOf(hooks, document, events, before);
      const seq = events.at(-1)!.seq;
      if (deliveries.length === 0) {
        // Nothing to send: the mark is raised with the next write to the queue (at most one per pass).
        this.lateMarks.set(document.id, Math.max(this.lateMarks.get(document.id) ?? 0, seq));
        return;
      }
      await this.store.enqueue(deliveries, { [document.id]: seq });
      this.kick();
    })
      .catch((err: unknown) => this.logger.error(`webhooks: could not enqueue deliveries: ${errorMessage(err)}`))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /**
   * At start-up: the deliveries of events after each document's high-water mark, computed again (a crash
   * between a commit and its enqueue left them out). Each has the id it had the first time, so one already
   * queued is not queued twice; the mark then moves to the document's last event.
   */
  async recover(documents: DocumentStore): Promise<number> {
    const hooks = [...(await this.hooks()).values()].filter((h) => h.active);
    if (hooks.length === 0) return 0;
    const marks = await this.store.marks();
    // Before marks existed, every write's deliveries were queued at once (with other ids): start from now.
    const legacy = await this.store.legacyMarks();
    const baseline: Record<string, number> = {};
    let added = 0;
    for (const entry of await documents.list()) {
      if (!entry.available || this.closed) continue;
      const state = await documents.get(entry.id);
      const mark = marks.get(entry.id) ?? 0;
      if (!state || state.seq <= mark) continue;
      if (legacy) {
        baseline[entry.id] = state.seq;
        continue;
      }
      const all = await documents.events(entry.id, 0);
      const status = all.filter((e) => e.seq <= mark && e.type === 'DocumentStatusChanged').at(-1);
      const before = status?.type === 'DocumentStatusChanged' ? status.payload.status : undefined;
      const later = all.filter((e) => e.seq > mark);
      const made = await this.store.enqueue(deliveriesOf(hooks, state, later, before), { [entry.id]: state.seq });
      added += made.length;
    }
    if (legacy) await this.store.enqueue([], baseline);
    if (added > 0) {
      this.logger.warn(`webhooks: queued ${added} delivery(ies) a stop before their enqueue had left out`);
      this.kick();
    }
    return added;
  }

  /** Raises the marks of writes that owed nothing, after the enqueues before them (same queue). */
  private flushLateMarks(): Promise<void> {
    return this.serial(async () => {
      if (this.lateMarks.size === 0) return;
      const marks = Object.fromEntries(this.lateMarks);
      this.lateMarks.clear();
      await this.store.enqueue([], marks);
    });
  }

  /**
   * Runs `task` once the ones queued before it have ended, whether they succeeded or not: one failed enqueue
   * (a full disk, a lost connection) must not stop every later write's deliveries.
   */
  private serial(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
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
      if (this.lateMarks.size > 0) await this.flushLateMarks();
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
