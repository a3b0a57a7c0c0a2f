import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocumentEvent, NewEvent } from '../../shared/events';
import { isValidId } from '../../shared/ids';
import { fold, type FoldState } from '../../shared/reducer';
import { summarize, type DocumentListEntry } from '../../shared/schemas';
import { AppError } from '../errors';
import {
  DEFAULT_JOURNAL_IO,
  DocumentHandle,
  type JournalIo,
  type StoreContext,
  type StoreStats,
} from './document-handle';
import { DocumentCorruptError, loadDocument, removeEmptyDocumentDir, removeTempFiles } from './document-files';
import type { AppendResult, Decide, DocumentStore, Listener } from './document-store';
import { fsyncDir } from './atomic-write';
import { stamp, type Actor } from './stamp';
import { acquireLock, type DataDirLock } from './lock';
import { errorMessage, type StoreLogger } from './logger';

export type { StoreLogger } from './logger';
export type { JournalIo, StoreStats } from './document-handle';

export interface JsonFileStoreOptions {
  dataDir: string;
  logger?: StoreLogger;
  /** Write a snapshot after this many events since the last one (default 10,000). */
  snapshotEvery?: number;
  /** Quiet time (ms) to wait for before a snapshot (default 1000). */
  snapshotIdleMs?: number;
  /** Recent events kept in memory per document for events(); older ones are read from the journal (default 1000). */
  cachedEvents?: number;
  /** Tests replace the journal's writes (e.g. to fail one with ENOSPC). */
  io?: Partial<JournalIo>;
}

/** The JSON-file DocumentStore, plus counters for tests and diagnostics. */
export interface JsonFileStore extends DocumentStore {
  readonly dataDir: string;
  readonly stats: Readonly<StoreStats>;
}

/**
 * Opens (and locks) DATA_DIR and loads every document: see DESIGN.md, "Storage: the JSON backend".
 * A corrupt document is logged and marked unavailable; it never stops the others from loading.
 */
export async function openJsonFileStore(opts: JsonFileStoreOptions): Promise<JsonFileStore> {
  const logger = opts.logger ?? console;
  // A snapshot stringifies the whole document on the event loop (tens of ms for a large one): rarely.
  const snapshotEvery = opts.snapshotEvery ?? 10_000;
  const cachedEvents = opts.cachedEvents ?? 1000;
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) throw new Error('snapshotEvery must be an integer ≥ 1');
  if (!Number.isInteger(cachedEvents) || cachedEvents < 0) throw new Error('cachedEvents must be an integer ≥ 0');
  await fs.mkdir(opts.dataDir, { recursive: true });
  const dataDir = await fs.realpath(opts.dataDir);
  const lock = await acquireLock(dataDir, logger);
  try {
    const store = new JsonFileStoreImpl(
      dataDir,
      lock,
      logger,
      snapshotEvery,
      cachedEvents,
      opts.snapshotIdleMs ?? 1000,
      { ...DEFAULT_JOURNAL_IO, ...opts.io },
    );
    await store.loadAll();
    return store;
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/** A document that cannot be read, as listed: its last known summary (or only its id), and the reason. */
function unavailableEntry(doc: DocumentHandle): DocumentListEntry {
  const known = doc.lastKnown;
  const since = known?.updatedAt ?? doc.since ?? new Date(0).toISOString();
  const summary = known
    ? summarize(known)
    : {
        id: doc.id,
        title: doc.id,
        sourceLang: 'und', // BCP 47 "undetermined"
        targetLang: 'und',
        createdAt: since,
        createdBy: '',
        updatedAt: since,
        status: 'in-translation' as const,
        statusReason: null,
        seq: 0,
        segmentCount: 0,
        openFlagCount: 0,
        approvedCount: 0,
      };
  const { code, message } = doc.unavailableError();
  return { ...summary, available: false, error: { code, message } };
}

const notFound = (id: string) => new AppError(404, 'DOCUMENT_NOT_FOUND', `No document ${JSON.stringify(id)}`);

class JsonFileStoreImpl implements JsonFileStore {
  readonly stats: StoreStats = { fsyncs: 0, events: 0, snapshots: 0, replayed: 0 };
  private readonly docs = new Map<string, DocumentHandle>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly ctx: StoreContext;
  private closing: Promise<void> | null = null;

  constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private readonly logger: StoreLogger,
    snapshotEvery: number,
    cachedEvents: number,
    snapshotIdleMs: number,
    io: JournalIo,
  ) {
    this.ctx = {
      documentsDir: path.join(dataDir, 'documents'),
      io,
      logger,
      stats: this.stats,
      snapshotEvery,
      snapshotIdleMs,
      cachedEvents,
      notify: (id, events, state) => this.notify(id, events, state),
    };
  }

  async loadAll(): Promise<void> {
    const dir = this.ctx.documentsDir;
    await fs.mkdir(dir, { recursive: true });
    const entries = await fs.readdir(dir, { withFileTypes: true });
    let loaded = 0;
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      if (!isValidId(entry.name)) {
        this.logger.warn(`${path.join(dir, entry.name)}: not a valid document id; ignored`);
        continue;
      }
      const doc = new DocumentHandle(entry.name, this.ctx);
      try {
        await removeTempFiles(doc.paths, this.logger);
        const result = await loadDocument(doc.paths, doc.id, this.logger, this.ctx.cachedEvents);
        if (!result) {
          if (await removeEmptyDocumentDir(doc.paths, dir, this.logger)) continue;
          throw new DocumentCorruptError(
            `documents/${doc.id} has no journal.jsonl events and no snapshot.json, but other files: ` +
              (await fs.readdir(doc.paths.dir)).join(', '),
          );
        }
        this.stats.replayed += result.replayed;
        doc.loaded(result);
        loaded++;
      } catch (err) {
        // Corruption, or an unreadable file: only this document is affected.
        const corrupt = err instanceof DocumentCorruptError;
        doc.markUnavailable(
          corrupt ? err.message : `cannot be read: ${errorMessage(err)}`,
          corrupt ? err.lastKnown : null,
        );
        doc.since = await fs.stat(doc.paths.dir).then(
          (st) => st.mtime.toISOString(),
          () => new Date().toISOString(),
        );
      }
      this.docs.set(doc.id, doc);
    }
    this.logger.info(`Loaded ${loaded} document(s) from ${this.dataDir}`);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The document store is closed');
  }

  /** The document, available and existing (durable or being created when `orCreating`). */
  private require(id: string, orCreating: boolean): DocumentHandle {
    const doc = isValidId(id) ? this.docs.get(id) : undefined;
    if (!doc) throw notFound(id);
    if (doc.unavailable) throw doc.unavailableError();
    if (!(orCreating ? doc.head : doc.durable)) throw notFound(id);
    return doc;
  }

  /** Unavailable documents too (never vanish): what is known of them, `available: false` and why. */
  async list(): Promise<DocumentListEntry[]> {
    const out: DocumentListEntry[] = [];
    for (const doc of this.docs.values()) {
      if (doc.unavailable) out.push(unavailableEntry(doc));
      else if (doc.durable) out.push({ ...summarize(doc.durable), available: true });
    }
    return out.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<FoldState | undefined> {
    const doc = isValidId(id) ? this.docs.get(id) : undefined;
    if (!doc) return undefined;
    if (doc.unavailable) throw doc.unavailableError();
    return doc.durable ?? undefined;
  }

  async create(event: Extract<NewEvent, { type: 'DocumentCreated' }>, actor: Actor): Promise<AppendResult<undefined>> {
    this.assertOpen();
    const id = event.payload.id;
    if (!isValidId(id)) throw new AppError(400, 'INVALID_ID', `Invalid document id ${JSON.stringify(id)}`);
    const existing = this.docs.get(id);
    if (existing && (existing.head || existing.unavailable)) {
      throw new AppError(409, 'DOCUMENT_EXISTS', `A document with id ${JSON.stringify(id)} already exists`);
    }
    const [stamped] = stamp([event], 0, actor);
    const state = fold(null, stamped!);
    const doc = existing ?? new DocumentHandle(id, this.ctx);
    this.docs.set(id, doc);
    return doc.create(stamped!, state);
  }

  // Not awaiting anything before decide: it runs synchronously at call time against the head, so calls
  // are decided (and get their seqs) in call order.
  async append<R>(id: string, actor: Actor, decide: Decide<R>): Promise<AppendResult<R>> {
    this.assertOpen();
    const doc = this.require(id, true);
    const base = doc.head!;
    const { events: decided, result } = decide(base);
    const events = stamp(decided, base.seq, actor);
    let state = base;
    for (const e of events) state = fold(state, e);
    return doc.enqueue(events, state, result) as Promise<AppendResult<R>>;
  }

  async events(id: string, after: number): Promise<DocumentEvent[]> {
    return this.require(id, false).eventsAfter(after);
  }

  async remove(id: string): Promise<void> {
    this.assertOpen();
    const doc = isValidId(id) ? this.docs.get(id) : undefined;
    if (!doc) return;
    this.docs.delete(id); // from now on the document is not found
    await doc.close().catch((err: unknown) => this.logger.warn(`closing document ${id}: ${errorMessage(err)}`));
    await fs.rm(doc.paths.dir, { recursive: true, force: true });
    await fsyncDir(this.ctx.documentsDir);
    this.logger.info(`Removed document ${id}`);
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    const entry: Listener = (events, state) => listener(events, state); // one entry per subscribe call
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  private notify(id: string, events: DocumentEvent[], state: FoldState): void {
    const set = this.listeners.get(id);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(events, state);
      } catch (err) {
        this.logger.error(`a listener of document ${id} threw: ${errorMessage(err)}`);
      }
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        const closeOne = (doc: DocumentHandle) =>
          doc.close().catch((err: unknown) => this.logger.error(`closing document ${doc.id}: ${errorMessage(err)}`));
        await Promise.all([...this.docs.values()].map(closeOne));
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }
}
