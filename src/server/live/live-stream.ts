import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '../store/document-store';
import type { StoreLogger } from '../store/logger';
import type { PresenceUser } from './presence';
import { eventMessage, namedMessage, resetMessage } from './sse';

/** A client that lets this much pile up unread is dropped; it resumes from its Last-Event-ID on reconnect. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Why a stream ended, sent as `event: closed` before the server ends it. */
export type CloseReason = 'signed-out' | 'server-closing' | 'too-slow' | 'unavailable';

export interface StreamOwner {
  user: PresenceUser;
  /** The session it was opened with (session-store.ts): the stream ends when that session does. */
  sessionId: string;
  /** The cookie's token, to check the session again on each heartbeat (expiry, other servers). */
  token: string;
  /**
   * Opened by a bearer request: `token` is the API token's secret, `sessionId` is `token:<id>`, and each
   * heartbeat checks the token (revoked, expired, its user disabled) instead of a session.
   */
  bearer?: boolean;
}

/**
 * One open event stream. It never trusts that it saw a write: a wake-up (store.subscribe, a reconnection)
 * only means "there may be something after lastSent", and it reads the store's "events after seq" to know
 * what. Subscribed before its first read, so nothing falls between; events at or before lastSent are skipped,
 * so nothing comes twice.
 */
export class LiveStream {
  readonly id = randomUUID();
  private lastSent: number;
  private wanted = true;
  private pumping = false;
  private lastPresence: string | null = null;
  ended = false;

  constructor(
    readonly documentId: string,
    readonly owner: StreamOwner,
    private readonly res: ServerResponse,
    private readonly store: DocumentStore,
    from: number,
    private readonly logger: StoreLogger,
    private readonly onEnd: (stream: LiveStream) => void,
  ) {
    this.lastSent = from;
    res.on('close', () => this.end());
  }

  /** Something new may follow lastSent: read it (once more if woken again while reading). */
  wake(): void {
    this.wanted = true;
    if (!this.pumping && !this.ended) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.wanted && !this.ended) {
        this.wanted = false;
        const events = await this.store.events(this.documentId, this.lastSent);
        if (this.ended) return;
        let out = '';
        for (const event of events) {
          if (event.seq <= this.lastSent) continue;
          // The store promises consecutive seqs; if that ever broke, the client's copy would be wrong: reload.
          if (event.seq !== this.lastSent + 1) out += resetMessage(event.seq - 1);
          out += eventMessage(event);
          this.lastSent = event.seq;
        }
        if (out !== '') this.write(out);
        // Backpressure: the events wait in the store, not in this process's memory.
        if (this.res.writableNeedDrain && !this.ended) await this.drained();
      }
    } catch (err) {
      this.logger.warn(`stream of document ${this.documentId}: ${(err as Error).message}`);
      this.end('unavailable');
    } finally {
      this.pumping = false;
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  /** The presence list, unless this stream already has this very list. */
  sendPresence(message: string): void {
    if (message === this.lastPresence) return;
    this.lastPresence = message;
    this.write(message);
  }

  write(text: string): void {
    if (this.ended) return;
    this.res.write(text);
    if (this.res.writableLength > MAX_BUFFERED_BYTES) this.end('too-slow');
  }

  /** Ends the response (saying why, when it is the server's decision) and forgets the stream. */
  end(reason?: CloseReason): void {
    if (this.ended) return;
    if (reason && !this.res.writableEnded && !this.res.destroyed && reason !== 'too-slow') {
      this.res.write(namedMessage('closed', { reason }));
    }
    this.ended = true;
    if (!this.res.writableEnded) this.res.end();
    if (reason === 'too-slow') this.res.destroy();
    this.onEnd(this);
  }
}
