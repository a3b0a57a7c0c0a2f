import http from 'node:http';

/** Test-only: an SSE client on a real HTTP connection that reads the body as it arrives. */

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

type Waiter = { test: () => boolean; resolve: () => void };

export class SseClient {
  readonly messages: SseMessage[] = [];
  comments = 0;
  ended = false;
  body = '';
  private buffer = '';
  private waiters: Waiter[] = [];

  private constructor(
    private readonly req: http.ClientRequest,
    readonly res: http.IncomingMessage,
  ) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (res.statusCode !== 200) {
        this.body += chunk;
        return;
      }
      this.buffer += chunk;
      let cut: number;
      while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, cut);
        this.buffer = this.buffer.slice(cut + 2);
        this.parse(block);
      }
      this.check();
    });
    const end = () => {
      this.ended = true;
      this.check();
    };
    res.on('end', end);
    res.on('close', end);
    res.on('error', end);
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) =>
        resolve(new SseClient(req, res)),
      );
      req.on('error', reject);
    });
  }

  get status(): number {
    return this.res.statusCode ?? 0;
  }

  private parse(block: string) {
    const msg: SseMessage = { event: 'message', data: '' };
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments++;
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') msg.id = value;
      else if (field === 'event') msg.event = value;
      else if (field === 'data') msg.data += value;
      else continue;
      any = true;
    }
    if (any) this.messages.push(msg);
  }

  private check() {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves once `test` holds (checked on every chunk); rejects if the stream ends first. */
  until(test: () => boolean, what = 'condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        test: () => test() || this.ended,
        resolve: () => (test() ? resolve() : reject(new Error(`stream ended before ${what}`))),
      };
      this.waiters.push(w);
    });
  }

  /** Messages of one event type (or of every document event: those with an id). */
  of(event: string): SseMessage[] {
    return this.messages.filter((m) => m.event === event);
  }

  /** Document events (messages with an id and a document event type) as parsed JSON. */
  events(): { seq: number; type: string; [k: string]: unknown }[] {
    return this.messages
      .filter((m) => m.id !== undefined && m.event !== 'reset')
      .map((m) => JSON.parse(m.data) as { seq: number; type: string });
  }

  /** Waits until the stream carried the document event with this seq. */
  untilSeq(seq: number): Promise<void> {
    return this.until(() => this.events().some((e) => e.seq >= seq), `seq ${seq}`);
  }

  untilEnded(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ended) return resolve();
      this.waiters.push({ test: () => this.ended, resolve });
    });
  }

  close(): void {
    this.req.destroy();
  }
}
