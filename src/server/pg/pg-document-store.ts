import type { Sql } from 'postgres';
import type { DocumentEvent, NewEvent } from '../../shared/events';
import { DocumentEventSchema } from '../../shared/events';
import { isValidId } from '../../shared/ids';
import { fold, fromDocumentState, toDocumentState, type FoldState } from '../../shared/reducer';
import { DocumentStateSchema, summarize, type DocumentListEntry } from '../../shared/schemas';
import { AppError } from '../errors';
import type { AppendResult, Decide, DocumentStore, Listener } from '../store/document-store';
import { errorMessage, type StoreLogger } from '../store/logger';
import { stamp, type Actor } from '../store/stamp';
import { CHANNELS, type Notifications } from './notifications';

export interface PgDocumentStoreOptions {
  sql: Sql;
  notifications: Notifications;
  logger?: StoreLogger;
  /** Write a snapshot after this many events since the last one (default 10,000). */
  snapshotEvery?: number;
}

interface Pending {
  actor: Actor;
  decide: Decide<unknown>;
  resolve(r: AppendResult<unknown>): void;
  reject(err: unknown): void;
}

interface Writer {
  pending: Pending[];
  running: Promise<void> | null;
}

/** The expected seq was not the database's: another server appended first. Re-read, decide again. */
class StaleHead extends Error {}

/** A batch retries this often (each time after reading what the other servers committed) before giving up. */
const MAX_RETRIES = 100;
/** A due snapshot waits for this long without writes to its document. */
const SNAPSHOT_QUIET_MS = 1000;

const notFound = (id: string) => new AppError(404, 'DOCUMENT_NOT_FOUND', `No document ${JSON.stringify(id)}`);

const isUniqueViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === '23505';

function parseEvent(body: unknown, id: string): DocumentEvent {
  const parsed = DocumentEventSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(503, 'DOCUMENT_UNAVAILABLE', `Document ${id} holds an event that is not valid`);
  }
  return parsed.data;
}

/**
 * The PostgreSQL DocumentStore: every server keeps the folded documents it has read in memory and brings
 * them up to date from the events table ("events after seq") before it answers. Appends to one document are
 * queued in this process and written in batches (group commit: one transaction, one WAL flush for all that
 * queued while the previous batch committed). A batch moves documents.seq from the value its decisions saw:
 * if another server moved it first, the batch reads the new events and decides again, so a race has one
 * winner and the loser's command sees the winner's change (409 from the same check as the JSON store).
 */
export class PgDocumentStore implements DocumentStore {
  private readonly cache = new Map<string, FoldState>();
  /** Single-flight reads of a document's new events (several requests, one query). */
  private readonly catchingUp = new Map<string, Promise<FoldState | undefined>>();
  private readonly writers = new Map<string, Writer>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly snapshotSeq = new Map<string, number>();
  private readonly snapshotTimers = new Map<string, NodeJS.Timeout>();
  private readonly sql: Sql;
  private readonly logger: StoreLogger;
  private readonly snapshotEvery: number;
  private readonly off: (() => void)[] = [];
  private closing: Promise<void> | null = null;
  readonly stats = { transactions: 0, events: 0, retries: 0, snapshots: 0 };

  constructor(opts: PgDocumentStoreOptions) {
    this.sql = opts.sql;
    this.logger = opts.logger ?? console;
    this.snapshotEvery = opts.snapshotEvery ?? 10_000;
    this.off.push(opts.notifications.on(CHANNELS.events, (payload) => this.heard(payload)));
    // Notifications missed while the LISTEN connection was down: re-read every followed document.
    this.off.push(opts.notifications.onReconnect(() => [...this.listeners.keys()].forEach((id) => this.wake(id))));
  }

  async list(): Promise<DocumentListEntry[]> {
    const rows = await this.sql<{ summary: DocumentListEntry }[]>`
      SELECT summary FROM documents ORDER BY updated_at DESC, id`;
    return rows.map((r) => ({ ...r.summary, available: true }));
  }

  async get(id: string): Promise<FoldState | undefined> {
    if (!isValidId(id)) return undefined;
    return this.catchUp(id);
  }

  /** The cached state when there is one (the append's head check catches what other servers did), else get(). */
  async getForAppend(id: string): Promise<FoldState | undefined> {
    if (!isValidId(id)) return undefined;
    return this.cache.get(id) ?? this.catchUp(id);
  }

  async create(event: Extract<NewEvent, { type: 'DocumentCreated' }>, actor: Actor): Promise<AppendResult<undefined>> {
    this.assertOpen();
    const id = event.payload.id;
    if (!isValidId(id)) throw new AppError(400, 'INVALID_ID', `Invalid document id ${JSON.stringify(id)}`);
    const [stamped] = stamp([event], 0, actor);
    const state = fold(null, stamped!);
    const inserted = await this.sql.begin(async (tx) => {
      const rows = await tx`
        INSERT INTO documents (id, seq, summary, updated_at)
        VALUES (${id}, 1, ${JSON.stringify(summarize(state))}::text::json, ${state.updatedAt})
        ON CONFLICT (id) DO NOTHING`;
      if (rows.count === 0) return false;
      await tx`INSERT INTO events (document_id, seq, body) VALUES (${id}, 1, ${JSON.stringify(stamped)}::text::json)`;
      await tx`SELECT pg_notify(${CHANNELS.events}, ${`${id} 1`})`;
      return true;
    });
    if (!inserted)
      throw new AppError(409, 'DOCUMENT_EXISTS', `A document with id ${JSON.stringify(id)} already exists`);
    this.stats.transactions++;
    this.stats.events++;
    this.remember(id, state);
    this.notifyLocal(id, [stamped!], state);
    return { state, events: [stamped!], result: undefined };
  }

  append<R>(id: string, actor: Actor, decide: Decide<R>): Promise<AppendResult<R>> {
    this.assertOpen();
    if (!isValidId(id)) return Promise.reject(notFound(id));
    let writer = this.writers.get(id);
    if (!writer) this.writers.set(id, (writer = { pending: [], running: null }));
    const w = writer;
    return new Promise<AppendResult<R>>((resolve, reject) => {
      w.pending.push({ actor, decide: decide as Decide<unknown>, resolve: resolve as Pending['resolve'], reject });
      w.running ??= Promise.resolve().then(() => this.writeLoop(id, w));
    });
  }

  async events(id: string, after: number): Promise<DocumentEvent[]> {
    if (!isValidId(id)) throw notFound(id);
    const rows = await this.sql<{ body: unknown }[]>`
      SELECT body FROM events WHERE document_id = ${id} AND seq > ${Math.max(0, Math.floor(after))} ORDER BY seq`;
    if (rows.length === 0) {
      const [doc] = await this.sql`SELECT 1 FROM documents WHERE id = ${id}`;
      if (!doc) throw notFound(id);
    }
    return rows.map((r) => parseEvent(r.body, id));
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    const entry: Listener = (events, state) => listener(events, state);
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  async remove(id: string): Promise<void> {
    this.assertOpen();
    if (!isValidId(id)) return;
    while (this.writers.get(id)?.running) await this.writers.get(id)!.running;
    await this.sql.begin(async (tx) => {
      await tx`DELETE FROM documents WHERE id = ${id}`;
      await tx`SELECT pg_notify(${CHANNELS.events}, ${`${id} 0`})`;
    });
    this.cache.delete(id);
    this.logger.info(`Removed document ${id}`);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const off of this.off) off();
      for (const timer of this.snapshotTimers.values()) clearTimeout(timer);
      for (const w of [...this.writers.values()]) while (w.running) await w.running;
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The document store is closed');
  }

  /** The document as committed now (cached state + the events other servers added), or undefined. */
  private catchUp(id: string): Promise<FoldState | undefined> {
    let running = this.catchingUp.get(id);
    if (!running) {
      running = this.read(id).finally(() => this.catchingUp.delete(id));
      this.catchingUp.set(id, running);
    }
    return running;
  }

  private async read(id: string): Promise<FoldState | undefined> {
    const [head] = await this.sql<{ seq: number }[]>`SELECT seq FROM documents WHERE id = ${id}`;
    if (!head) {
      this.cache.delete(id);
      return undefined;
    }
    let state = this.cache.get(id);
    if (state && state.seq >= head.seq) return state;
    const before = state?.seq ?? 0;
    if (!state) {
      const [snap] = await this.sql<{ seq: number; state: unknown }[]>`
        SELECT seq, state FROM snapshots WHERE document_id = ${id} ORDER BY seq DESC LIMIT 1`;
      const parsed = snap ? DocumentStateSchema.safeParse(snap.state) : undefined;
      if (parsed?.success) {
        state = fromDocumentState(parsed.data);
        this.snapshotSeq.set(id, state.seq);
      } else if (parsed) {
        this.logger.warn(`document ${id}: the snapshot at seq ${snap!.seq} is not valid; replaying every event`);
      }
    }
    const events = await this.events(id, state?.seq ?? 0).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'DOCUMENT_NOT_FOUND') return null;
      throw err;
    });
    if (events === null) {
      this.cache.delete(id);
      return undefined;
    }
    try {
      for (const e of events) state = fold(state ?? null, e);
    } catch (err) {
      throw new AppError(503, 'DOCUMENT_UNAVAILABLE', `Document ${id} cannot be read: ${errorMessage(err)}`);
    }
    if (!state) return undefined;
    this.remember(id, state);
    const current = this.cache.get(id)!;
    const fresh = events.filter((e) => e.seq > before);
    if (before > 0 && fresh.length > 0) this.notifyLocal(id, fresh, current);
    return current;
  }

  /** Keeps the newest state only: a slow read never replaces what a later write put there. */
  private remember(id: string, state: FoldState): void {
    const cached = this.cache.get(id);
    if (!cached || cached.seq < state.seq) this.cache.set(id, state);
  }

  private async writeLoop(id: string, w: Writer): Promise<void> {
    try {
      while (w.pending.length > 0) {
        const batch = w.pending;
        w.pending = [];
        await this.writeBatch(id, batch);
      }
    } finally {
      w.running = null;
      if (w.pending.length === 0 && this.writers.get(id) === w) this.writers.delete(id);
    }
  }

  /** Decides every queued command against the latest state and commits their events in one transaction. */
  private async writeBatch(id: string, batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let base: FoldState | undefined;
      // From the cache, the decisions may be behind another server's commits: a commit then finds the head
      // moved (StaleHead, below); a refusal is checked against the head before it is answered.
      let fresh = false;
      try {
        base = this.cache.get(id);
        if (!base) {
          base = await this.catchUp(id);
          fresh = true;
        }
      } catch (err) {
        for (const p of batch) p.reject(err);
        return;
      }
      if (!base) {
        for (const p of batch) p.reject(notFound(id));
        return;
      }
      let state = base;
      const outcomes: (
        { ok: true; state: FoldState; events: DocumentEvent[]; result: unknown } | { ok: false; err: unknown }
      )[] = [];
      for (const p of batch) {
        try {
          const { events: decided, result } = p.decide(state);
          const events = stamp(decided, state.seq, p.actor);
          for (const e of events) state = fold(state, e);
          outcomes.push({ ok: true, state, events, result });
        } catch (err) {
          outcomes.push({ ok: false, err });
        }
      }
      if (!fresh && outcomes.some((o) => !o.ok) && attempt < MAX_RETRIES) {
        // A 409 decided on a stale state would be wrong: one read of the head says whether it was.
        const now = await this.catchUp(id).catch(() => base);
        if (now !== base) continue;
      }
      const events = outcomes.flatMap((o) => (o.ok ? o.events : []));
      if (events.length > 0) {
        try {
          await this.commit(id, base.seq, state, events);
        } catch (err) {
          if ((err instanceof StaleHead || isUniqueViolation(err)) && attempt < MAX_RETRIES) {
            this.stats.retries++;
            await this.catchUp(id).catch(() => undefined);
            continue; // decide again, on top of what the other server committed
          }
          const failure =
            err instanceof StaleHead
              ? new AppError(503, 'DOCUMENT_UNAVAILABLE', `Document ${id} is too busy: try again`)
              : new AppError(500, 'INTERNAL', `Could not save the change to document ${id}: ${errorMessage(err)}`);
          if (!(err instanceof StaleHead)) this.logger.error(`document ${id}: ${errorMessage(err)}`);
          for (const p of batch) p.reject(failure);
          return;
        }
        this.remember(id, state);
        this.notifyLocal(id, events, state);
        this.maybeSnapshot(id, state);
      }
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve({ state: o.state, events: o.events, result: o.result });
        else p.reject(o.err);
      });
      return;
    }
  }

  /**
   * One statement, so one round trip and one implicit transaction: move the head from the seq the decisions
   * saw, insert the events (only if it moved), wake every server (delivered at commit). The primary key
   * (document_id, seq) would refuse a duplicate seq even if the head check were wrong.
   */
  private async commit(id: string, expected: number, state: FoldState, events: DocumentEvent[]): Promise<void> {
    const seqs = events.map((e) => e.seq);
    const bodies = events.map((e) => JSON.stringify(e));
    const summary = JSON.stringify(summarize(state));
    const [row] = await this.sql<{ moved: number }[]>`
      WITH moved AS (
        UPDATE documents SET seq = ${state.seq}, summary = ${summary}::text::json, updated_at = ${state.updatedAt}
        WHERE id = ${id} AND seq = ${expected}
        RETURNING id
      ), inserted AS (
        INSERT INTO events (document_id, seq, body)
        SELECT moved.id, t.s, t.b::json FROM moved, unnest(${seqs}::integer[], ${bodies}::text[]) AS t (s, b)
        RETURNING 1
      ), woken AS (
        SELECT pg_notify(${CHANNELS.events}, ${`${id} ${state.seq}`}) FROM moved
      )
      SELECT (SELECT count(*) FROM moved)::integer AS moved, (SELECT count(*) FROM inserted) AS n,
        (SELECT count(*) FROM woken) AS w`;
    if (!row || row.moved === 0) throw new StaleHead();
    this.stats.transactions++;
    this.stats.events += events.length;
  }

  /**
   * Off the hot path: a snapshot due is written once the document has had no write for SNAPSHOT_QUIET_MS (or
   * at once when it is 5 × snapshotEvery behind), so a write storm never waits for a large stringify.
   */
  private maybeSnapshot(id: string, state: FoldState): void {
    const last = this.snapshotSeq.get(id) ?? 0;
    if (state.seq - last < this.snapshotEvery) return;
    clearTimeout(this.snapshotTimers.get(id));
    if (state.seq - last >= 5 * this.snapshotEvery) return this.writeSnapshot(id);
    const timer = setTimeout(() => this.writeSnapshot(id), SNAPSHOT_QUIET_MS);
    timer.unref();
    this.snapshotTimers.set(id, timer);
  }

  private writeSnapshot(id: string): void {
    this.snapshotTimers.delete(id);
    const state = this.cache.get(id);
    if (!state || this.closing) return;
    this.snapshotSeq.set(id, state.seq);
    // Best effort: a missing snapshot only makes the first read on a server replay more events.
    void (async () => {
      const json = JSON.stringify(toDocumentState(state));
      await this.sql.begin(async (tx) => {
        await tx`INSERT INTO snapshots (document_id, seq, state) VALUES (${id}, ${state.seq}, ${json}::text::json)
                 ON CONFLICT DO NOTHING`;
        await tx`DELETE FROM snapshots WHERE document_id = ${id} AND seq < ${state.seq}`;
      });
      this.stats.snapshots++;
    })().catch((err: unknown) => this.logger.error(`document ${id}: snapshot failed: ${errorMessage(err)}`));
  }

  /** A notification from any server (this one included): `<id> <seq>`. */
  private heard(payload: string): void {
    const [id, seqText] = payload.split(' ');
    const seq = Number(seqText);
    if (!id || !Number.isInteger(seq)) return;
    if (seq === 0) {
      this.cache.delete(id);
      return;
    }
    const cached = this.cache.get(id);
    if (cached && cached.seq >= seq) return; // our own write, or read already
    // Followed here: read the new events now. Otherwise the next get() reads them (it always checks the head).
    if (this.listeners.has(id)) this.wake(id);
  }

  private wake(id: string): void {
    this.catchUp(id).catch((err: unknown) => this.logger.error(`document ${id}: ${errorMessage(err)}`));
  }

  private notifyLocal(id: string, events: DocumentEvent[], state: FoldState): void {
    for (const listener of [...(this.listeners.get(id) ?? [])]) {
      try {
        listener(events, state);
      } catch (err) {
        this.logger.error(`a listener of document ${id} threw: ${errorMessage(err)}`);
      }
    }
  }
}
