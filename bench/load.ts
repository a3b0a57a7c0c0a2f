import autocannon, { type AutocannonRequestParams } from 'autocannon';

// One autocannon run where every connection owns a disjoint set of segments, so that its writes are valid
// (the right baseVersion, a span that exists) and never collide with another connection's.

export interface SegmentRef {
  index: number;
  id: string;
  /** The text as first imported; edits derive their text from it. */
  original: string;
  /** The current text and version, as last answered by the server. */
  target: string;
  version: number;
  /** Revisions planned so far (every edit gets a new, different text). */
  rev: number;
}

export interface PlannedWrite {
  method: 'PATCH' | 'POST';
  path: string;
  body: string;
  /** What this write leaves in the journal, to match acknowledged writes with journal lines. */
  key: string;
  /** Called with a 2xx response body. */
  ack(body: string): void;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  headers: Record<string, string>;
  segments: SegmentRef[];
  plan(seg: SegmentRef): PlannedWrite;
}

export interface LoadResult {
  /** Seconds the run lasted, as autocannon measured it. */
  seconds: number;
  sent: number;
  ok: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Latency of every 2xx response, in ms (sub-millisecond resolution, unlike autocannon's histogram). */
  latencies: Float64Array;
  /** Keys of the writes the server acknowledged with a 2xx. */
  acked: string[];
  /** Keys of the writes sent but unanswered when autocannon stopped and closed its sockets. */
  inFlightAtStop: string[];
  firstFailure: string | null;
  /** Connections that claimed a segment set: equal to `connections` unless ownership broke down. */
  owners: number;
}

interface Connection {
  owned: SegmentRef[];
  cursor: number;
  inflight: PlannedWrite | null;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const conns: Connection[] = Array.from({ length: opts.connections }, () => ({
    owned: [],
    cursor: 0,
    inflight: null,
  }));
  for (const seg of opts.segments) conns[seg.index % opts.connections]!.owned.push(seg);
  let claimed = 0;
  let sent = 0;
  let ok = 0;
  let non2xx = 0;
  let firstFailure: string | null = null;
  const acked: string[] = [];
  const latencies: number[] = [];

  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/',
        headers: opts.headers,
        // autocannon deep-clones the request list per connection, so this object is the connection's own.
        slot: {},
        setupRequest(req: AutocannonRequestParams, context: Record<string, unknown>) {
          const slot = req.slot as { conn?: Connection };
          slot.conn ??= conns[claimed++ % conns.length]!;
          const conn = slot.conn;
          const seg = conn.owned[conn.cursor++ % conn.owned.length]!;
          const write = opts.plan(seg);
          conn.inflight = write;
          context.conn = conn;
          sent++;
          return { ...req, method: write.method, path: write.path, body: write.body };
        },
        onResponse(status: number, body: string, context: Record<string, unknown>) {
          const conn = context.conn as Connection;
          const write = conn.inflight;
          conn.inflight = null;
          if (!write) return;
          if (status >= 200 && status < 300) {
            ok++;
            acked.push(write.key);
            write.ack(body);
          } else {
            non2xx++;
            firstFailure ??= `${write.method} ${write.path} → ${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;

  const statusCounts: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCounts[code] = Number(count);
  const inFlightAtStop = conns.flatMap((c) => (c.inflight ? [c.inflight.key] : []));
  return {
    seconds: result.duration,
    sent,
    ok,
    non2xx: Math.max(non2xx, result.non2xx),
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    latencies: Float64Array.from(latencies).sort(),
    acked,
    inFlightAtStop,
    firstFailure,
    owners: claimed,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
