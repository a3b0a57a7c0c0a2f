import path from 'node:path';
import { z } from 'zod';
import { newId } from '../../shared/ids';
import { IsoDateSchema } from '../../shared/schemas';
import {
  DELIVERY_LOG_SIZE,
  DeliverySchema,
  WebhookEventSchema,
  type Delivery,
  type WebhookBody,
  type WebhookEvent,
  type WebhookInfo,
} from '../../shared/webhooks';
import { JsonStateFile } from '../auth/json-state-file';
import type { StoreLogger } from '../store/logger';

export const StoredHookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSchema),
  secret: z.string(),
  active: z.boolean(),
  createdAt: IsoDateSchema,
  createdBy: z.string(),
});
export type StoredHook = z.infer<typeof StoredHookSchema>;

export const hookInfo = ({ secret: _secret, ...info }: StoredHook): WebhookInfo => info;

/** Webhooks and their deliveries (pending ones survive a restart). JSON file or PostgreSQL. */
export interface WebhookStore {
  hooks(): Promise<StoredHook[]>;
  createHook(body: WebhookBody, createdBy: string): Promise<StoredHook>;
  updateHook(id: string, changes: Partial<WebhookBody>): Promise<StoredHook | undefined>;
  deleteHook(id: string): Promise<boolean>;
  /** Persists new pending deliveries (due now). */
  enqueue(deliveries: { hookId: string; event: WebhookEvent; body: string }[]): Promise<Delivery[]>;
  /**
   * Pending deliveries due at `now`, each leased for `leaseMs` (its next attempt moved that far) so that
   * another server does not send it at the same time.
   */
  claimDue(now: number, leaseMs: number, limit: number): Promise<Delivery[]>;
  /** Saves the outcome of an attempt (and drops the hook's deliveries beyond DELIVERY_LOG_SIZE). */
  saveAttempt(delivery: Delivery): Promise<void>;
  /** The hook's last DELIVERY_LOG_SIZE deliveries, newest first. */
  deliveries(hookId: string): Promise<Delivery[]>;
  delivery(id: string): Promise<Delivery | undefined>;
  /** migrate-store: everything as it is. */
  exportAll(): Promise<{ hooks: StoredHook[]; deliveries: Delivery[] }>;
  importAll(data: { hooks: StoredHook[]; deliveries: Delivery[] }): Promise<void>;
  flush(): Promise<void>;
}

export function newHook(body: WebhookBody, createdBy: string, now: number): StoredHook {
  return { id: newId('h'), ...body, createdAt: new Date(now).toISOString(), createdBy };
}

export function newDelivery(d: { hookId: string; event: WebhookEvent; body: string }, now: number): Delivery {
  const at = new Date(now).toISOString();
  return {
    id: newId('w'),
    ...d,
    status: 'pending',
    attempts: 0,
    createdAt: at,
    nextAttemptAt: at,
    lastAttemptAt: null,
    lastStatus: null,
    lastError: null,
  };
}

const FileSchema = z.object({
  version: z.literal(1),
  hooks: z.array(StoredHookSchema),
  deliveries: z.array(DeliverySchema),
});

/** DATA_DIR/webhooks.json: hooks and their delivery logs, rewritten atomically on every change. */
export class JsonWebhookStore implements WebhookStore {
  private data: z.infer<typeof FileSchema> = { version: 1, hooks: [], deliveries: [] };
  private readonly file: JsonStateFile<typeof FileSchema>;

  private constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonStateFile(path.join(dataDir, 'webhooks.json'), FileSchema);
  }

  static async open(dataDir: string, logger: StoreLogger, now: () => number = Date.now): Promise<JsonWebhookStore> {
    const store = new JsonWebhookStore(dataDir, now);
    store.data = (await store.file.read(logger)) ?? store.data;
    return store;
  }

  async hooks() {
    return this.data.hooks.map((h) => ({ ...h }));
  }

  async createHook(body: WebhookBody, createdBy: string) {
    const hook = newHook(body, createdBy, this.now());
    await this.save((d) => ({ ...d, hooks: [...d.hooks, hook] }));
    return hook;
  }

  async updateHook(id: string, changes: Partial<WebhookBody>) {
    let hook: StoredHook | undefined;
    await this.save((d) => {
      const old = d.hooks.find((h) => h.id === id);
      if (!old) return d;
      hook = { ...old, ...changes };
      return { ...d, hooks: d.hooks.map((h) => (h.id === id ? hook! : h)) };
    });
    return hook;
  }

  async deleteHook(id: string) {
    if (!this.data.hooks.some((h) => h.id === id)) return false;
    await this.save((d) => ({
      ...d,
      hooks: d.hooks.filter((h) => h.id !== id),
      deliveries: d.deliveries.filter((x) => x.hookId !== id),
    }));
    return true;
  }

  async enqueue(list: { hookId: string; event: WebhookEvent; body: string }[]) {
    const now = this.now();
    const made = list.map((d) => newDelivery(d, now));
    if (made.length > 0) await this.save((d) => ({ ...d, deliveries: [...d.deliveries, ...made] }));
    return made;
  }

  async claimDue(now: number, leaseMs: number, limit: number) {
    const due = this.data.deliveries
      .filter((d) => d.status === 'pending' && d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) <= now)
      .slice(0, limit);
    // One process owns DATA_DIR: the lease only needs to live in memory (a restart retries at once).
    const lease = new Date(now + leaseMs).toISOString();
    return due.map((d) => {
      d.nextAttemptAt = lease;
      return { ...d };
    });
  }

  async saveAttempt(delivery: Delivery) {
    await this.save((data) => ({
      ...data,
      deliveries: trimLogs(data.deliveries.map((d) => (d.id === delivery.id ? delivery : d))),
    }));
  }

  async deliveries(hookId: string) {
    return this.data.deliveries
      .filter((d) => d.hookId === hookId)
      .reverse()
      .slice(0, DELIVERY_LOG_SIZE);
  }

  async delivery(id: string) {
    return this.data.deliveries.find((d) => d.id === id);
  }

  async exportAll() {
    return { hooks: [...this.data.hooks], deliveries: [...this.data.deliveries] };
  }

  async importAll(data: { hooks: StoredHook[]; deliveries: Delivery[] }) {
    await this.save((d) => ({
      ...d,
      hooks: [...d.hooks, ...data.hooks],
      deliveries: [...d.deliveries, ...data.deliveries],
    }));
  }

  flush() {
    return this.file.flush();
  }

  /** `change` runs alone, on the data as it is then (so two changes never lose each other). */
  private save(change: (data: z.infer<typeof FileSchema>) => z.infer<typeof FileSchema>): Promise<void> {
    return this.file.exclusive(() => {
      const next = change(this.data);
      return { data: next, result: undefined, commit: () => void (this.data = next) };
    });
  }
}

/** Keeps each hook's newest DELIVERY_LOG_SIZE deliveries (pending ones are never dropped). */
function trimLogs(deliveries: Delivery[]): Delivery[] {
  const seen = new Map<string, number>();
  const keep = new Set<Delivery>();
  for (let i = deliveries.length - 1; i >= 0; i--) {
    const d = deliveries[i]!;
    const n = (seen.get(d.hookId) ?? 0) + 1;
    seen.set(d.hookId, n);
    if (n <= DELIVERY_LOG_SIZE || d.status === 'pending') keep.add(d);
  }
  return deliveries.filter((d) => keep.has(d));
}
