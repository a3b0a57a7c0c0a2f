import type { Actor } from './stamp';
import type { DocumentEvent, NewEvent } from '../../shared/events';
import type { FoldState } from '../../shared/reducer';
import type { DocumentListEntry } from '../../shared/schemas';

/**
 * Decides which events a command produces, given the document's current state (including writes that
 * were decided but are not yet durable). Throw an AppError to refuse: nothing is appended.
 */
export type Decide<R> = (state: FoldState) => { events: NewEvent[]; result?: R };

export interface AppendResult<R> {
  /** The document after the events, as durable on disk (`toDocumentState` gives the plain document). */
  state: FoldState;
  events: DocumentEvent[];
  result: R | undefined;
}

export type Listener = (events: DocumentEvent[], state: FoldState) => void;

/**
 * Where documents live. The embedded JSON-file store is the default; a PostgreSQL one comes later.
 * Every method that writes resolves only once the events are durable (fsync'd).
 */
export interface DocumentStore {
  /** Summaries of every document, newest change first; those that cannot be read too (`available: false`). */
  list(): Promise<DocumentListEntry[]>;
  /**
   * The document's durable state, or undefined when there is no such document. O(1): `toDocumentState` gives
   * the plain document (O(flags)) for those who send or analyse all of it.
   */
  get(id: string): Promise<FoldState | undefined>;
  /**
   * For a write about to be appended: the document as this server last saw it (may be behind another
   * server's commits, which the append's own check catches), or what get() says. Saves a read per write.
   */
  getForAppend?(id: string): Promise<FoldState | undefined>;
  /** Appends a DocumentCreated event for a new document. Fails with DOCUMENT_EXISTS-like AppError if the id is taken. */
  create(event: Extract<NewEvent, { type: 'DocumentCreated' }>, actor: Actor): Promise<AppendResult<undefined>>;
  /** Serialized per document: decide runs against the latest state, then its events are journaled. */
  append<R>(id: string, actor: Actor, decide: Decide<R>): Promise<AppendResult<R>>;
  /** Events with seq > after, in order. */
  events(id: string, after: number): Promise<DocumentEvent[]>;
  subscribe(id: string, listener: Listener): () => void;
  /**
   * Deletes a document and its files (durably). For undoing a failed import, not a user-facing delete:
   * writes still queued on it settle first; later ones find no document. No-op for an unknown id.
   */
  remove(id: string): Promise<void>;
  /** Flushes, writes snapshots, releases the data directory lock. */
  close(): Promise<void>;
}
