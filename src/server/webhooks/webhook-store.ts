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

export interface WebhookData {
  hooks: StoredHook[];
  deliveries: Delivery[];
  marks?: Record<string, number>;
}

/** Webhooks and their deliveries (pending ones survive a restart). JSON file or PostgreSQL. */
export interface WebhookStore {
  hooks(): Promise<StoredHook[]>;
  createHook(body: WebhookBody, createdBy: string): Promise<StoredHook>;
  updateHook(id: string, changes: Partial<WebhookBody>): Promise<StoredHook | undefined>;
  deleteHook(id: string): Promise<boolean>;
  /**
   * Persists new pending deliveries (due now; one with the id of a delivery already kept is skipped) and, in
   * the same atomic write, raises the high-water marks: `marks[documentId]` is the seq up to which that
   * document's events have had their deliveries queued (start-up computes those after it again). Answers
   * the deliveries it added.
   */
  enqueue(deliveries: QueuedDelivery[], marks?: Readonly<Record<string, number>>): Promise<Delivery[]>;
  /** The high-water marks (document id → seq) enqueue has raised. */
  marks(): Promise<Map<string, number>>;
  /**
   * True for a store kept before the marks existed (until it is next written): its documents' events had
   * their deliveries queued then, so start-up only sets their marks. (PostgreSQL's migration sets them.)
   */
  legacyMarks(): Promise<boolean>;
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
  exportAll(): Promise<WebhookData>;
  importAll(data: WebhookData): Promise<void>;
  flush(): Promise<void>;
}

export function newHook(body: WebhookBody, createdBy: string, now: number): StoredHook {
  return { id: newId('h'), ...body, createdAt: new Date(now).toISOString(), createdBy };
}

/** A delivery to add: its id when it has one already (computed from the event it reports), else a new one. */
export type QueuedDelivery = { id?: string; hookId: string; event: WebhookEvent; body: string };

export function newDelivery({ id, ...d }: QueuedDelivery, now: number): Delivery {
  const at = new Date(now).toISOString();
  return {
    id: id ?? newId('w'),
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
  /** Document id → the seq up to which its events' deliveries are queued (absent in files from before). */
  marks: z.record(z.string(), z.number().int()).optional(),
});

/** DATA_DIR/webhooks.json: hooks and their delivery logs, rewritten atomically on every change. */
export class JsonWebhookStore implements WebhookStore {
  private data: z.infer<typeof FileSchema> = { version: 1, hooks: [], deliveries: [], marks: {} };
  private readonly file: JsonStateFile<typeof FileSchema>;
  private legacy = false;

  private constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonStateFile(path.join(dataDir, 'webhooks.json'), FileSchema);
  }

  static async open(dataDir: string, logger: StoreLogger, now: () => number = Date.now): Promise<JsonWebhookStore> {
    const store = new JsonWebhookStore(dataDir, now);
    store.data = (await store.file.read(logger)) ?? store.data;
    // A file from before the marks: its writes had their deliveries queued then (with other ids).
    store.legacy = store.data.marks === undefined;
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

  async enqueue(list: QueuedDelivery[], marks: Readonly<Record<string, number>> = {}) {
    const now = this.now();
    let made: Delivery[] = [];
    const raised = Object.entries(marks).filter(([id, seq]) => seq > (this.data.marks?.[id] ?? 0));
    if (list.length === 0 && raised.length === 0) return made;
    await this.save((d) => {
      const known = new Set(d.deliveries.map((x) => x.id));
      made = list.filter((x) => x.id === undefined || !known.has(x.id)).map((x) => newDelivery(x, now));
      const next = { ...(d.marks ?? {}) };
      for (const [id, seq] of Object.entries(marks)) next[id] = Math.max(next[id] ?? 0, seq);
      return { ...d, deliveries: [...d.deliveries, ...made], marks: next };
    });
    return made;
  }

  async legacyMarks() {
    return this.legacy;
  }

  async marks() {
    return new Map(Object.entries(this.data.marks ?? {}));
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
    return {
      hooks: [...this.data.hooks],
      deliveries: [...this.data.deliveries],
      marks: { ...(this.data.marks ?? {}) },
    };
  }

  async importAll(data: WebhookData) {
    await this.save((d) => ({
      ...d,
      hooks: [...d.hooks, ...data.hooks],
      deliveries: [...d.deliveries, ...data.deliveries],
      marks: { ...(d.marks ?? {}), ...data.marks },
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
