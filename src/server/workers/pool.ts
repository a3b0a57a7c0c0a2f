import os from 'node:os';
import { Worker } from 'node:worker_threads';

/*
 * A small pool of worker threads running one entry file (src/server/workers/<name>-worker.ts), so that work on
 * a whole document never holds the event loop (issue #8). Plain worker_threads: one task at a time per worker,
 * a FIFO queue in front, a worker that dies is replaced on the next task. Workers start on first use and are
 * unref'd (an idle pool never keeps a process alive); close() terminates them.
 */

/**
 * Where the worker's code is. Bundled (esbuild puts build/main.js and build/<name>-worker.js side by side) this
 * module's URL ends in .js; otherwise this is the TypeScript source under tsx or vitest, with no compiled JS:
 * the worker starts through <name>-worker.mjs, which registers tsx in the thread and imports the .ts entry.
 */
export function workerUrl(name: string, base: string = import.meta.url): URL {
  return new URL(`./${name}-worker${base.endsWith('.js') ? '.js' : '.mjs'}`, base);
}

/** One or two workers: the server has other work for the remaining cores. */
export const defaultPoolSize = () => Math.min(2, Math.max(1, os.availableParallelism() - 1));

interface Job<Req, Res> {
  request: Req;
  resolve(value: Res): void;
  reject(err: unknown): void;
}

interface Slot<Req, Res> {
  worker: Worker;
  job: Job<Req, Res> | null;
}

/** Tasks started and finished by every pool in this process: lets tests tell when a task is in a worker. */
export const poolActivity = { started: 0, finished: 0 };

type Reply<Res> = { ok: true; value: Res } | { ok: false; error: { message: string; stack?: string } };

export class WorkerPool<Req, Res> {
  private readonly slots: Slot<Req, Res>[] = [];
  private readonly queue: Job<Req, Res>[] = [];
  private closed = false;

  constructor(
    private readonly url: URL,
    private readonly size: number = defaultPoolSize(),
  ) {}

  /** Runs one task on a worker; rejects with the worker's error (or its death). */
  run(request: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; tasks still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const gone = new Error('the worker pool was closed');
    for (const job of this.queue.splice(0)) job.reject(gone);
    const slots = this.slots.splice(0);
    for (const s of slots) s.job?.reject(gone);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.job === null) ?? this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a task in flight keeps the process alive until its answer
      poolActivity.started++;
      slot.worker.postMessage(job.request);
    }
  }

  private spawn(): Slot<Req, Res> | null {
    if (this.slots.length >= this.size) return null;
    const worker = new Worker(this.url);
    worker.unref();
    const slot: Slot<Req, Res> = { worker, job: null };
    this.slots.push(slot);
    worker.on('message', (reply: Reply<Res>) => {
      const job = slot.job;
      slot.job = null;
      worker.unref();
      poolActivity.finished++;
      if (reply.ok) job?.resolve(reply.value);
      else job?.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      this.dispatch();
    });
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i === -1) return; // closed, or already handled
      this.slots.splice(i, 1);
      if (slot.job) poolActivity.finished++;
      slot.job?.reject(err);
      slot.job = null;
      void worker.terminate();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker ${this.url.pathname} exited with code ${code}`)));
    return slot;
  }
}
