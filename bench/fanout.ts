import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { SECONDS } from './config';
import { percentile } from './load';
import { freePort, LOOPBACK, makeTempDir, startChild, stopChild, waitForHttp, type Child } from './processes';
import { fmtMs, loadAverage } from './report';
import { http as request, sleep } from './target';

// BENCH_ONLY=fanout npm run bench — live fan-out (issue #9): the server (bench/fanout-server.ts, a child
// process on a temp DATA_DIR), N event streams open on real HTTP connections to 127.0.0.1 (N = 20, then
// 200), segment edits at a fixed 200 writes/s. For every write, the time from its answer to its arrival on
// each stream (p50/p99), whether every stream got every event once and in order, and the server's memory
// per open stream. Settings: BENCH_SECONDS (per N), FANOUT_RATE (writes/s), FANOUT_SIZES (e.g. "20,200").

const RATE = Number(process.env.FANOUT_RATE ?? 200);
const SIZES = (process.env.FANOUT_SIZES ?? '20,200').split(',').map(Number);
const SEGMENTS = 200;
const TARGET_P99_MS = 50;

interface Server {
  child: Child;
  url: string;
  headers: Record<string, string>;
  /** Server memory after a full GC. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
}

async function startServer(): Promise<Server> {
  const dataDir = await makeTempDir('visavis-fanout-');
  const password = randomBytes(18).toString('base64url');
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const child = startChild('vis-à-vis server', ['--expose-gc', '--import', 'tsx', 'bench/fanout-server.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), HOST: LOOPBACK, DATA_DIR: dataDir, ADMIN_PASSWORD: password },
  });
  await waitForHttp(child, `${url}/api/health`);
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  let seen = 0;
  return {
    child,
    url,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, 'accept-encoding': 'br, gzip' },
    async memory() {
      child.proc.kill('SIGUSR2');
      for (let i = 0; i < 100; i++) {
        await sleep(50);
        const lines = child
          .output()
          .split('\n')
          .filter((l) => l.startsWith('MEMORY '));
        const last = lines.at(-1);
        if (last && lines.length > 0) {
          const m = JSON.parse(last.slice(7)) as { rss: number; heapUsed: number; at: number };
          if (m.at > seen) {
            seen = m.at;
            return m;
          }
        }
      }
      throw new Error('the server did not report its memory');
    },
  };
}

/** Writes go through a keep-alive pool, as a browser's would (a handful of connections, reused). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function patch(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PATCH', headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One event stream, read as it arrives: the arrival time of each seq, and whether they came in order. */
class Stream {
  readonly arrivals: Float64Array;
  private expected: number;
  errors = 0;
  presence = false;
  private buffer = '';
  private req: http.ClientRequest | null = null;

  constructor(
    private readonly from: number,
    capacity: number,
  ) {
    this.arrivals = new Float64Array(capacity).fill(NaN);
    this.expected = from + 1;
  }

  open(url: string, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = http.get(url, { headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
        if (res.headers['content-encoding']) return reject(new Error('the stream is compressed'));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.read(chunk));
        resolve();
      });
      this.req.on('error', (err) => (this.req ? this.errors++ : reject(err)));
    });
  }

  private read(chunk: string) {
    const now = performance.now();
    this.buffer += chunk;
    const end = this.buffer.lastIndexOf('\n\n');
    if (end < 0) return;
    const complete = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 2);
    for (const block of complete.split('\n\n')) {
      if (block.startsWith('event: presence')) this.presence = true;
      if (!block.startsWith('id: ')) continue;
      const seq = Number(block.slice(4, block.indexOf('\n')));
      if (block.includes('\nevent: reset\n') || seq !== this.expected) {
        this.errors++; // out of order, missing, duplicated or reset
        this.expected = seq + 1;
        continue;
      }
      this.expected++;
      const i = seq - this.from - 1;
      if (i >= 0 && i < this.arrivals.length) this.arrivals[i] = now;
    }
  }

  close() {
    const req = this.req;
    this.req = null;
    req?.destroy();
  }
}

interface Phase {
  n: number;
  writes: number;
  failed: number;
  achievedRate: number;
  p50: number;
  p99: number;
  max: number;
  p99FromRequest: number;
  /** The writes' own answer times. */
  writeP50: number;
  writeP99: number;
  /** Arrivals whose event came before the write's answer (counted as 0 ms). */
  early: number;
  missing: number;
  disorder: number;
  heapPerStream: number;
  rssPerStream: number;
}

async function phase(server: Server, docId: string, segments: { id: string; version: number }[], n: number) {
  const doc = await request<{ document: { seq: number } }>(`${server.url}/api/documents/${docId}`, {
    headers: server.headers,
  });
  const from = doc.document.seq;
  const capacity = Math.ceil(RATE * SECONDS) + 10;
  await sleep(300);
  const before = await server.memory();
  const streams = Array.from({ length: n }, () => new Stream(from, capacity));
  for (const s of streams) await s.open(`${server.url}/api/documents/${docId}/stream?after=${from}`, server.headers);
  for (let i = 0; i < 200 && !streams.every((s) => s.presence); i++) await sleep(25);
  await sleep(300);
  const after = await server.memory();

  // Writes at a fixed rate, each to its own segment in turn (a segment's previous write is long answered).
  const total = Math.round(RATE * SECONDS);
  const answered = new Float64Array(capacity).fill(NaN);
  const sent = new Float64Array(capacity).fill(NaN);
  let failed = 0;
  let next = 0;
  const busy = new Set<string>();
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    // The next segment whose last write was answered (its version is known), so no write is refused for a
    // stale version however slow answers get.
    let seg = segments[next++ % segments.length]!;
    for (let k = 0; k < segments.length && busy.has(seg.id); k++) seg = segments[next++ % segments.length]!;
    if (busy.has(seg.id)) {
      failed++; // every segment has a write in flight: the server is far behind
      continue;
    }
    busy.add(seg.id);
    const start = performance.now();
    inFlight.push(
      patch(
        `${server.url}/api/documents/${docId}/segments/${seg.id}`,
        server.headers,
        JSON.stringify({ target: `Révision ${i} du segment ${seg.id}`, baseVersion: seg.version }),
      )
        .then(({ status, text }) => {
          const now = performance.now();
          if (status !== 200) return void failed++;
          const body = JSON.parse(text) as { seq: number; segment: { version: number } };
          seg.version = body.segment.version;
          const k = body.seq - from - 1;
          answered[k] = now;
          sent[k] = start;
        })
        .catch(() => void failed++)
        .finally(() => busy.delete(seg.id)),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - t0) / 1000;
  const last = from + total - failed;
  for (let i = 0; i < 400 && streams.some((s) => Number.isNaN(s.arrivals[last - from - 1]!)); i++) await sleep(25);
  for (const s of streams) s.close();

  const latencies: number[] = [];
  const fromRequest: number[] = [];
  let early = 0;
  let missing = 0;
  for (const s of streams) {
    for (let k = 0; k < last - from; k++) {
      const got = s.arrivals[k]!;
      if (Number.isNaN(got)) {
        missing++;
        continue;
      }
      const d = got - answered[k]!;
      if (d < 0) early++;
      latencies.push(Math.max(0, d));
      fromRequest.push(got - sent[k]!);
    }
  }
  const writeTimes = Float64Array.from(
    Array.from({ length: last - from }, (_, k) => answered[k]! - sent[k]!).filter((x) => !Number.isNaN(x)),
  ).sort();
  const sorted = Float64Array.from(latencies).sort();
  const sortedReq = Float64Array.from(fromRequest).sort();
  return {
    n,
    writes: total - failed,
    failed,
    achievedRate: (total - failed) / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    p99FromRequest: percentile(sortedReq, 99),
    writeP50: percentile(writeTimes, 50),
    writeP99: percentile(writeTimes, 99),
    early: early / Math.max(1, latencies.length),
    missing,
    disorder: streams.reduce((a, s) => a + s.errors, 0),
    heapPerStream: (after.heapUsed - before.heapUsed) / n,
    rssPerStream: (after.rss - before.rss) / n,
  } satisfies Phase;
}

export async function runFanoutBench(log: (line?: string) => void): Promise<number> {
  log('Vis-à-vis live fan-out benchmark (GET /api/documents/:id/stream)');
  log(
    `  ${RATE} segment edits/s for ${SECONDS} s per size, streams: ${SIZES.join(', ')}; load average ${loadAverage()}`,
  );
  const server = await startServer();
  try {
    const { document } = await request<{ document: { id: string; segments: { id: string; version: number }[] } }>(
      `${server.url}/api/documents`,
      {
        method: 'POST',
        headers: server.headers,
        body: JSON.stringify({
          title: 'Fan-out',
          sourceLang: 'fr',
          targetLang: 'ar',
          segments: Array.from({ length: SEGMENTS }, (_, i) => ({ source: `Phrase ${i}.`, target: `جملة ${i}.` })),
        }),
        expect: 201,
      },
    );
    const segments = document.segments.map((s) => ({ id: s.id, version: s.version }));
    const results: Phase[] = [];
    for (const n of SIZES) {
      log(`  ${n} streams…`);
      results.push(await phase(server, document.id, segments, n));
    }
    const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
    log();
    log(
      'streams  writes/s  write p50/p99 ms  p50 ms  p99 ms  max ms  p99 from request  event before answer  missing  out of order  heap/stream  RSS/stream',
    );
    for (const r of results) {
      log(
        [
          String(r.n).padStart(7),
          r.achievedRate.toFixed(0).padStart(9),
          `${fmtMs(r.writeP50)} / ${fmtMs(r.writeP99)}`.padStart(17),
          fmtMs(r.p50).padStart(7),
          fmtMs(r.p99).padStart(7),
          fmtMs(r.max).padStart(7),
          fmtMs(r.p99FromRequest).padStart(17),
          `${(r.early * 100).toFixed(1)}%`.padStart(20),
          String(r.missing).padStart(8),
          String(r.disorder).padStart(13),
          kib(r.heapPerStream).padStart(12),
          kib(r.rssPerStream).padStart(11),
        ].join(' '),
      );
    }
    log();
    const worst = results.find((r) => r.n === 200) ?? results.at(-1)!;
    const complete = results.every((r) => r.missing === 0 && r.disorder === 0 && r.failed === 0);
    log(`  every event delivered once, in order, to every stream: ${complete ? 'yes' : 'NO'}`);
    log(
      `  target p99 < ${TARGET_P99_MS} ms at ${worst.n} streams: ${worst.p99 < TARGET_P99_MS ? 'met' : 'NOT met'} (${fmtMs(worst.p99)} ms)`,
    );
    log(`  load average after: ${loadAverage()}`);
    return complete ? 0 : 1;
  } finally {
    await stopChild(server.child);
  }
}
