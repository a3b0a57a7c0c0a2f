import type { Sql } from 'postgres';
import type { StoreLogger } from '../store/logger';
import { errorMessage } from '../store/logger';

/** The channels every server listens on. Payloads are small (ids and seqs): never the data itself. */
export const CHANNELS = {
  /** `<documentId> <seq>`: events up to seq are committed (seq 0: the document was removed). */
  events: 'visavis_events',
  /** Space-separated session ids that ended (sign-out, password change, disabled user). */
  sessions: 'visavis_sessions',
  /** `<documentId>`: who is present in the document changed. */
  presence: 'visavis_presence',
} as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

type Handler = (payload: string) => void;

/**
 * LISTEN on one dedicated connection (postgres.js keeps it and reconnects with a backoff). A notification
 * is only a wake-up: NOTIFY is not replayed after a reconnection, so every (re)connection also calls the
 * `onReconnect` handlers, which re-read what they follow from the tables.
 */
export class Notifications {
  private readonly handlers = new Map<Channel, Set<Handler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private readonly unlisten: (() => Promise<void>)[] = [];
  private connections = 0;

  private constructor(
    private readonly sql: Sql,
    private readonly logger: StoreLogger,
  ) {}

  static async start(sql: Sql, logger: StoreLogger): Promise<Notifications> {
    const n = new Notifications(sql, logger);
    for (const channel of Object.values(CHANNELS)) {
      const { unlisten } = await sql.listen(
        channel,
        (payload) => n.deliver(channel, payload),
        () => n.listening(channel),
      );
      n.unlisten.push(unlisten);
    }
    return n;
  }

  on(channel: Channel, handler: Handler): () => void {
    let set = this.handlers.get(channel);
    if (!set) this.handlers.set(channel, (set = new Set()));
    const entry: Handler = (p) => handler(p);
    set.add(entry);
    return () => void set.delete(entry);
  }

  /** `handler` runs after every reconnection of the LISTEN connection (not the first connection). */
  onReconnect(handler: () => void): () => void {
    const entry = () => handler();
    this.reconnectHandlers.add(entry);
    return () => void this.reconnectHandlers.delete(entry);
  }

  /** Sends outside any transaction (inside one, use `SELECT pg_notify(...)` so it goes out on commit). */
  async notify(channel: Channel, payload: string): Promise<void> {
    await this.sql.notify(channel, payload);
  }

  private listening(channel: Channel): void {
    // Each channel reports once per connection: the first round is the start, later rounds reconnections.
    this.connections++;
    if (channel !== CHANNELS.events || this.connections <= Object.keys(CHANNELS).length) return;
    this.logger.warn('PostgreSQL LISTEN connection re-established: re-reading what live streams follow');
    for (const h of [...this.reconnectHandlers]) this.safely(h, 'a reconnection handler');
  }

  private deliver(channel: Channel, payload: string): void {
    for (const h of [...(this.handlers.get(channel) ?? [])]) this.safely(() => h(payload), `a ${channel} handler`);
  }

  private safely(fn: () => void, what: string): void {
    try {
      fn();
    } catch (err) {
      this.logger.error(`${what} threw: ${errorMessage(err)}`);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.unlisten.map((u) => u()));
    this.handlers.clear();
    this.reconnectHandlers.clear();
  }
}
