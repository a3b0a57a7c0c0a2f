import fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { DocumentEvent } from '../../shared/events';
import { toDocumentState, type FoldState } from '../../shared/reducer';
import { AppError } from '../errors';
import { fsyncDir, truncateFile } from './atomic-write';
import type { AppendResult } from './document-store';
import { documentPaths, loadDocument, writeSnapshot, type LoadedDocument } from './document-files';
import { appendAll, encodeEvents, parseJournal, readJournal } from './journal';
import { errorMessage, type StoreLogger } from './logger';
import { isStorageFull, storageFullError } from './storage-full';

export interface StoreStats {
  /** Journal write + datasync rounds (one per group commit). */
  fsyncs: number;
  /** Events made durable. */
  events: number;
  snapshots: number;
  /** Events folded at start-up (on top of snapshots). */
  replayed: number;
}

/** The journal's writes, replaceable in tests (a full disk, a failing fsync). */
export interface JournalIo {
  /** Writes the whole buffer at the end of the (append-mode) journal. */
  append(file: FileHandle, buf: Buffer): Promise<void>;
  /** Makes what was appended durable (fdatasync). */
  datasync(file: FileHandle): Promise<void>;
}

export const DEFAULT_JOURNAL_IO: JournalIo = { append: appendAll, datasync: (file) => file.datasync() };

export interface StoreContext {
  documentsDir: string;
  io: JournalIo;
  logger: StoreLogger;
  stats: StoreStats;
  snapshotEvery: number;
  /** Wait this long without writes before snapshotting (unless far past snapshotEvery). */
  snapshotIdleMs: number;
  cachedEvents: number;
  notify(id: string, events: DocumentEvent[], state: FoldState): void;
}

interface Pending {
  events: DocumentEvent[];
  /** The head after these events. */
  state: FoldState;
  result: unknown;
  resolve(r: AppendResult<unknown>): void;
  reject(err: unknown): void;
}

/**
 * One document: its decided head, its durable state and the journal writer between them. Decisions are
 * synchronous against `head`; a single loop writes what was decided, one write + datasync per batch.
 */
export class DocumentHandle {
  readonly paths;
  /** Why the document cannot be used (corrupt journal, failed recovery), or null. */
  unavailable: string | null = null;
  /** Latest state on disk; null while the document is being created (or does not exist). */
  durable: FoldState | null = null;
  /** Latest decided state: durable + queued/in-flight events. */
  head: FoldState | null = null;
  /** What could be read of an unavailable document that never loaded (to list it by name), or null. */
  lastKnown: FoldState | null = null;
  /** When an unavailable document that never loaded was last changed on disk (its folder's mtime). */
  since: string | null = null;
  private size = 0;
  /** seq of base.json: the journal's first line is baseSeq + 1. */
  private baseSeq = 0;
  private recent: DocumentEvent[] = [];
  private snapshotSeq = 0;
  private snapshotTriedSeq = 0;
  private pending: Pending[] = [];
  private writing: Promise<void> | null = null;
  private snapshotting: Promise<void> | null = null;
  private file: FileHandle | null = null;
  /** The journal file (and its directories) must be created and their entries fsync'd. */
  private isNew = false;

  constructor(
    readonly id: string,
    private readonly ctx: StoreContext,
  ) {
    this.paths = documentPaths(ctx.documentsDir, id);
  }

  loaded(doc: LoadedDocument): void {
    this.durable = this.head = doc.state;
    this.size = doc.size;
    this.baseSeq = doc.baseSeq;
    this.recent = doc.recent;
    this.snapshotSeq = this.snapshotTriedSeq = doc.snapshotSeq;
    this.maybeSnapshot();
  }

  markUnavailable(reason: string, lastKnown: FoldState | null = null): void {
    this.unavailable = reason;
    this.lastKnown = this.durable ?? lastKnown;
    this.ctx.logger.error(`document ${this.id} is unavailable: ${reason}`);
    const waiting = this.pending;
    this.pending = [];
    this.head = this.durable;
    for (const p of waiting) p.reject(this.unavailableError());
  }

  unavailableError(): AppError {
    return new AppError(503, 'DOCUMENT_UNAVAILABLE', `Document ${this.id} is unavailable: ${this.unavailable}`);
  }

  /** The first event of a new document; `state` is that event folded. */
  create(event: DocumentEvent, state: FoldState): Promise<AppendResult<undefined>> {
    this.isNew = this.durable === null;
    return this.enqueue([event], state, undefined) as Promise<AppendResult<undefined>>;
  }

  /** Queues decided events (already folded into `state`); resolves once they are durable. */
  enqueue(events: DocumentEvent[], state: FoldState, result: unknown): Promise<AppendResult<unknown>> {
    if (events.length === 0 && this.pending.length === 0 && !this.writing) {
      return Promise.resolve({ state, events, result }); // nothing decided is in flight: head is durable
    }
    this.head = state;
    return new Promise((resolve, reject) => {
      // An entry without events still waits for the batch before it: its decide saw those events.
      this.pending.push({ events, state, result, resolve, reject });
      this.writing ??= Promise.resolve().then(() => this.writeLoop());
    });
  }

  private async writeLoop(): Promise<void> {
    let batch: Pending[] = [];
    try {
      while (this.pending.length > 0) {
        batch = this.pending;
        this.pending = [];
        await this.writeBatch(batch);
      }
    } catch (err) {
      this.markUnavailable(`internal error in the journal writer: ${errorMessage(err)}`);
      for (const p of batch) p.reject(this.unavailableError()); // no-op for those already settled
    } finally {
      this.writing = null; // same tick as the empty-queue check: nothing can slip between
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    if (this.unavailable) {
      for (const p of batch) p.reject(this.unavailableError());
      return;
    }
    const events = batch.flatMap((p) => p.events);
    const buf = Buffer.from(encodeEvents(events), 'utf8');
    if (buf.length > 0) {
      try {
        const file = await this.openFile();
        await this.ctx.io.append(file, buf);
        await this.ctx.io.datasync(file);
        this.ctx.stats.fsyncs++;
        if (this.isNew) {
          await fsyncDir(this.paths.dir);
          await fsyncDir(this.ctx.documentsDir);
          this.isNew = false;
        }
      } catch (err) {
        await this.recover(batch, err);
        return;
      }
    }
    this.size += buf.length;
    const state = batch[batch.length - 1]!.state;
    this.durable = state;
    if (events.length > 0) {
      this.ctx.stats.events += events.length;
      this.remember(events);
      this.ctx.notify(this.id, events, state);
    }
    for (const p of batch) p.resolve({ state: p.state, events: p.events, result: p.result });
    this.maybeSnapshot();
  }

  private async openFile(): Promise<FileHandle> {
    if (this.file) return this.file;
    if (this.isNew) {
      await fs.mkdir(this.paths.dir, { recursive: true });
      // Never trust a snapshot (or base) older than the journal.
      await fs.rm(this.paths.snapshot, { force: true });
      await fs.rm(this.paths.base, { force: true });
    }
    this.file = await fs.open(this.paths.journal, 'a');
    return this.file;
  }

  /**
   * A write or fsync failed. Everything decided since the last durable batch is rejected (later decisions
   * saw the failed events), the journal is cut back to its durable size and checked against memory.
   */
  private async recover(batch: Pending[], err: unknown): Promise<void> {
    const cause = errorMessage(err);
    this.ctx.logger.error(`${this.paths.journal}: write failed (${cause}); rolling back to seq ${this.seq}`);
    const failed = isStorageFull(err)
      ? storageFullError(`the change to document ${this.id}`, err)
      : new AppError(500, 'INTERNAL', `Could not save the change to document ${this.id}: ${cause}`);
    const dropped = [...batch, ...this.pending];
    this.pending = [];
    this.head = this.durable; // from now on, decisions see the rolled-back state
    try {
      const file = this.file;
      this.file = null;
      // After a failed fsync the descriptor's state is unknown: close it (errors are expected here).
      await file
        ?.close()
        .catch((e: unknown) => this.ctx.logger.warn(`closing ${this.paths.journal}: ${errorMessage(e)}`));
      await truncateFile(this.paths.journal, this.size);
      const reloaded = await loadDocument(this.paths, this.id, this.ctx.logger, 0);
      const seq = reloaded?.state.seq ?? 0;
      if (seq !== this.seq || (reloaded?.size ?? 0) !== this.size) {
        throw new Error(`the journal holds seq ${seq} (${reloaded?.size ?? 0} bytes), expected ${this.seq}`);
      }
    } catch (e) {
      this.markUnavailable(`${this.paths.journalLabel}: recovery after a failed write failed (${errorMessage(e)})`);
    }
    // Rejected once the journal is back to its durable size, so a retry starts from a clean file.
    for (const p of dropped) p.reject(failed);
  }

  private get seq(): number {
    return this.durable?.seq ?? 0;
  }

  private remember(events: DocumentEvent[]): void {
    const keep = this.ctx.cachedEvents;
    if (keep <= 0) return;
    this.recent.push(...events);
    if (this.recent.length > 2 * keep) this.recent = this.recent.slice(-keep);
  }

  /** Durable events with seq > after, from memory when recent enough, else from the journal. */
  async eventsAfter(after: number): Promise<DocumentEvent[]> {
    // Events up to base.json's seq were lost with the old journal (see document-files.ts): the log starts after.
    const from = Math.max(this.baseSeq, Math.floor(after)) + 1;
    if (from > this.seq) return [];
    const first = this.recent[0]?.seq;
    if (first !== undefined && from >= first) return this.recent.slice(from - first);
    const size = this.size;
    const buf = await readJournal(this.paths.journal, size);
    const journal = parseJournal(buf ?? Buffer.alloc(0), this.baseSeq + 1);
    if (journal.goodBytes !== size) {
      const problem = journal.corrupt ?? journal.torn;
      throw new AppError(
        503,
        'DOCUMENT_UNAVAILABLE',
        `${this.paths.journalLabel} cannot be read back at line ${problem?.line}: ${problem?.reason}`,
      );
    }
    return journal.events.slice(from - this.baseSeq - 1);
  }

  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  private maybeSnapshot(): void {
    const state = this.durable;
    if (!state || this.snapshotting || this.unavailable) return;
    const behind = state.seq - Math.max(this.snapshotSeq, this.snapshotTriedSeq);
    if (behind < this.ctx.snapshotEvery) return;
    // Stringifying a large document blocks the event loop for tens of ms: wait for a quiet moment, unless
    // writes never pause and start-up replay would grow too long.
    if (behind < this.ctx.snapshotEvery * 10) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.startSnapshot();
      }, this.ctx.snapshotIdleMs);
      this.idleTimer.unref?.();
      return;
    }
    this.startSnapshot();
  }

  private startSnapshot(): void {
    const state = this.durable;
    if (!state || this.snapshotting || this.unavailable || state.seq <= this.snapshotSeq) return;
    this.snapshotting = this.snapshot(state).finally(() => {
      this.snapshotting = null;
      // Writes that came in meanwhile may already call for the next one.
      if (!this.closing) this.maybeSnapshot();
    });
  }

  /** Never rejects: a failed snapshot only makes the next start-up replay more. */
  private async snapshot(state: FoldState): Promise<void> {
    this.snapshotTriedSeq = state.seq;
    try {
      await writeSnapshot(this.paths, toDocumentState(state));
      this.snapshotSeq = Math.max(this.snapshotSeq, state.seq);
      this.ctx.stats.snapshots++;
    } catch (err) {
      this.ctx.logger.error(
        `${this.paths.snapshot}: could not write the snapshot at seq ${state.seq}: ${errorMessage(err)}`,
      );
    }
  }

  /** Waits for queued writes, writes a final snapshot, closes the journal. */
  private closing = false;

  async close(): Promise<void> {
    this.closing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    while (this.writing) await this.writing;
    while (this.snapshotting) await this.snapshotting;
    if (this.durable && !this.unavailable && this.durable.seq > this.snapshotSeq) await this.snapshot(this.durable);
    const file = this.file;
    this.file = null;
    await file?.close();
  }
}
