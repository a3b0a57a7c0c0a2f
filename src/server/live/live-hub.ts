import type { ServerResponse } from 'node:http';
import type { DocumentStore } from '../store/document-store';
import type { StoreLogger } from '../store/logger';
import { LiveStream, type StreamOwner } from './live-stream';
import type { Presence } from './presence';
import type { Revocations } from './revocations';
import { PING, RETRY_MS, namedMessage, resetMessage } from './sse';

/** Heartbeat comments keep proxies (and their idle timeouts) from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

export interface LiveHubOptions {
  store: DocumentStore;
  presence: Presence;
  revocations: Revocations;
  /** Checked on each heartbeat: the stream's session is still live and its user may still read. */
  stillAllowed(owner: StreamOwner): Promise<boolean>;
  logger: StoreLogger;
  heartbeatMs?: number;
}

interface DocumentStreams {
  streams: Set<LiveStream>;
  unsubscribe: () => void;
  /** Presence lists are read asynchronously: only the newest read is sent. */
  presenceReads: number;
}

export interface OpenStream {
  documentId: string;
  owner: StreamOwner;
  res: ServerResponse;
  /** The stream sends the events after this seq. */
  from: number;
  /** The client asked for a place it cannot resume from: say `reset` (seq = from) first. */
  reset: boolean;
}

/** Every open event stream of this server, grouped by document; presence and revocations fan out here. */
export class LiveHub {
  private readonly docs = new Map<string, DocumentStreams>();
  private readonly all = new Set<LiveStream>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly unsubscribeRevocations: () => void;
  closed = false;

  constructor(private readonly opts: LiveHubOptions) {
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref();
    this.unsubscribeRevocations = opts.revocations.subscribe((ids) => this.endSessions(ids));
  }

  get size(): number {
    return this.all.size;
  }

  /** Starts a stream on a response whose headers were sent. */
  open({ documentId, owner, res, from, reset }: OpenStream): LiveStream {
    const { store, presence, logger } = this.opts;
    const stream = new LiveStream(documentId, owner, res, store, from, logger, (s) => this.forget(s));
    let doc = this.docs.get(documentId);
    if (!doc) {
      const group: DocumentStreams = { streams: new Set(), unsubscribe: () => {}, presenceReads: 0 };
      // A notification is only a wake-up: each stream reads what is new itself.
      const offStore = store.subscribe(documentId, () => {
        for (const s of group.streams) s.wake();
      });
      const offPresence = presence.subscribe(documentId, () => void this.broadcastPresence(documentId));
      group.unsubscribe = () => {
        offStore();
        offPresence();
      };
      this.docs.set(documentId, (doc = group));
    }
    doc.streams.add(stream);
    this.all.add(stream);
    stream.write(`retry: ${RETRY_MS}\n\n`);
    if (reset) stream.write(resetMessage(from));
    stream.wake();
    void presence
      .connect(documentId, owner.user, stream.id)
      // Right after opening, whether or not the list changed (a second tab of someone already present).
      .then(() => this.broadcastPresence(documentId))
      .catch((err: unknown) => logger.error(`presence of document ${documentId}: ${(err as Error).message}`));
    return stream;
  }

  private async broadcastPresence(documentId: string): Promise<void> {
    const doc = this.docs.get(documentId);
    if (!doc) return;
    const read = ++doc.presenceReads;
    const users = await this.opts.presence.list(documentId);
    if (read !== doc.presenceReads) return; // a newer read is on its way
    const message = namedMessage('presence', { users });
    for (const s of doc.streams) s.sendPresence(message);
  }

  private forget(stream: LiveStream): void {
    this.all.delete(stream);
    const doc = this.docs.get(stream.documentId);
    if (doc?.streams.delete(stream) && doc.streams.size === 0) {
      doc.unsubscribe();
      this.docs.delete(stream.documentId);
    }
    void this.opts.presence
      .disconnect(stream.documentId, stream.id)
      .catch((err: unknown) => this.opts.logger.error(`presence: ${(err as Error).message}`));
  }

  /** These sessions ended (sign-out, password change, disabled user): so do their streams. */
  endSessions(sessionIds: readonly string[]): void {
    const ended = new Set(sessionIds);
    for (const s of [...this.all]) if (ended.has(s.owner.sessionId)) s.end('signed-out');
  }

  private beat(): void {
    for (const s of [...this.all]) {
      this.opts.stillAllowed(s.owner).then(
        (allowed) => (allowed ? s.write(PING) : s.end('signed-out')),
        // The session could not be checked (database unreachable): keep the stream, check on the next beat.
        (err: unknown) => {
          this.opts.logger.warn(`live stream of document ${s.documentId}: ${(err as Error).message}`);
          s.write(PING);
        },
      );
    }
  }

  /** Ends every stream (so that the HTTP server can close) and stops listening. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribeRevocations();
    for (const s of [...this.all]) s.end('server-closing');
  }
}
