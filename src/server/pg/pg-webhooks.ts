import type { Sql, TransactionSql } from 'postgres';
import { DELIVERY_LOG_SIZE, DeliverySchema, type Delivery, type WebhookBody } from '../../shared/webhooks';
import {
  StoredHookSchema,
  newDelivery,
  newHook,
  type QueuedDelivery,
  type StoredHook,
  type WebhookData,
  type WebhookStore,
} from '../webhooks/webhook-store';

const parseHook = (body: unknown) => StoredHookSchema.parse(body);
const parseDelivery = (body: unknown) => DeliverySchema.parse(body);

/** Webhooks and deliveries in PostgreSQL: any server may send a due delivery; a lease keeps it to one. */
export class PgWebhooks implements WebhookStore {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now,
  ) {}

  async hooks() {
    const rows = await this.sql<{ body: unknown }[]>`SELECT body FROM webhooks ORDER BY created_at, id`;
    return rows.map((r) => parseHook(r.body));
  }

  async createHook(body: WebhookBody, createdBy: string) {
    const hook = newHook(body, createdBy, this.now());
    await this.insertHook(hook);
    return hook;
  }

  async updateHook(id: string, changes: Partial<WebhookBody>) {
    return this.sql.begin(async (tx) => {
      const [row] = await tx<{ body: unknown }[]>`SELECT body FROM webhooks WHERE id = ${id} FOR UPDATE`;
      if (!row) return undefined;
      const hook = { ...parseHook(row.body), ...changes };
      await tx`UPDATE webhooks SET body = ${JSON.stringify(hook)}::text::json WHERE id = ${id}`;
      return hook;
    });
  }

  async deleteHook(id: string) {
    const rows = await this.sql`DELETE FROM webhooks WHERE id = ${id}`;
    return rows.count > 0;
  }

  async enqueue(list: QueuedDelivery[], marks: Readonly<Record<string, number>> = {}) {
    const made = list.map((d) => newDelivery(d, this.now()));
    if (made.length === 0 && Object.keys(marks).length === 0) return [];
    // One transaction: the deliveries and the marks saying they are queued commit together, or neither does.
    return this.sql.begin(async (tx) => {
      const added: Delivery[] = [];
      for (const d of made) if (await this.insertDelivery(d, tx)) added.push(d);
      await this.raiseMarks(marks, tx);
      return added;
    });
  }

  async legacyMarks() {
    return false; // migration 3 set them
  }

  async marks() {
    const rows = await this.sql<{ document_id: string; seq: string }[]>`SELECT document_id, seq FROM webhook_marks`;
    return new Map(rows.map((r) => [r.document_id, Number(r.seq)]));
  }

  async claimDue(now: number, leaseMs: number, limit: number) {
    const lease = new Date(now + leaseMs);
    const rows = await this.sql<{ body: unknown }[]>`
      UPDATE webhook_deliveries SET next_attempt_at = ${lease}
      WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at <= ${new Date(now)}
        ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING body`;
    return rows.map((r) => ({ ...parseDelivery(r.body), nextAttemptAt: lease.toISOString() }));
  }

  async saveAttempt(d: Delivery) {
    await this.sql.begin(async (tx) => {
      await tx`
        UPDATE webhook_deliveries SET status = ${d.status}, next_attempt_at = ${d.nextAttemptAt},
          body = ${JSON.stringify(d)}::text::json
        WHERE id = ${d.id}`;
      await tx`
        DELETE FROM webhook_deliveries WHERE hook_id = ${d.hookId} AND status <> 'pending' AND id IN (
          SELECT id FROM webhook_deliveries WHERE hook_id = ${d.hookId}
          ORDER BY created_at DESC, id DESC OFFSET ${DELIVERY_LOG_SIZE})`;
    });
  }

  async deliveries(hookId: string) {
    const rows = await this.sql<{ body: unknown }[]>`
      SELECT body FROM webhook_deliveries WHERE hook_id = ${hookId}
      ORDER BY created_at DESC, id DESC LIMIT ${DELIVERY_LOG_SIZE}`;
    return rows.map((r) => parseDelivery(r.body));
  }

  async delivery(id: string) {
    const [row] = await this.sql<{ body: unknown }[]>`SELECT body FROM webhook_deliveries WHERE id = ${id}`;
    return row ? parseDelivery(row.body) : undefined;
  }

  async exportAll() {
    const hooks = await this.hooks();
    const rows = await this.sql<{ body: unknown }[]>`SELECT body FROM webhook_deliveries ORDER BY created_at, id`;
    return { hooks, deliveries: rows.map((r) => parseDelivery(r.body)), marks: Object.fromEntries(await this.marks()) };
  }

  async importAll(data: WebhookData) {
    for (const h of data.hooks) await this.insertHook(h);
    for (const d of data.deliveries) await this.insertDelivery(d);
    await this.raiseMarks(data.marks ?? {});
  }

  async flush() {}

  private async insertHook(h: StoredHook) {
    await this
      .sql`INSERT INTO webhooks (id, created_at, body) VALUES (${h.id}, ${h.createdAt}, ${JSON.stringify(h)}::text::json)`;
  }

  /** Adds a delivery unless one with its id is kept already (true when added). */
  private async insertDelivery(d: Delivery, sql: Sql | TransactionSql = this.sql): Promise<boolean> {
    const rows = await sql`
      INSERT INTO webhook_deliveries (id, hook_id, created_at, status, next_attempt_at, body)
      VALUES (${d.id}, ${d.hookId}, ${d.createdAt}, ${d.status}, ${d.nextAttemptAt}, ${JSON.stringify(d)}::text::json)
      ON CONFLICT (id) DO NOTHING`;
    return rows.count > 0;
  }

  /** Marks only go up (two servers may raise the same one). */
  private async raiseMarks(marks: Readonly<Record<string, number>>, sql: Sql | TransactionSql = this.sql) {
    for (const [id, seq] of Object.entries(marks)) {
      await sql`
        INSERT INTO webhook_marks (document_id, seq) VALUES (${id}, ${seq})
        ON CONFLICT (document_id) DO UPDATE SET seq = GREATEST(webhook_marks.seq, EXCLUDED.seq)`;
    }
  }
}
