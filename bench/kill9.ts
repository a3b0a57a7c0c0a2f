import { randomBytes } from 'node:crypto';
import { makeSegments } from './corpus';
import { signInAsAdmin, startOurServer } from './our-server';
import { makeTempDir, type Child } from './processes';
import { http, sleep } from './target';

// kill -9 under load: many cycles of (start the server on the same DATA_DIR, write from many clients at
// once, SIGKILL it mid-storm). A write counts as acknowledged only when its 2xx answer arrived. At the end a
// fresh server reads the document back: every acknowledged write must be in its event log.
//   BENCH_KILL_CYCLES (default 20), BENCH_KILL_WRITERS (default 16), BENCH_KILL_SEGMENTS (default 400)

const CYCLES = Number(process.env.BENCH_KILL_CYCLES ?? 20);
const WRITERS = Number(process.env.BENCH_KILL_WRITERS ?? 16);
const SEGMENTS = Number(process.env.BENCH_KILL_SEGMENTS ?? 400);

interface Seg {
  id: string;
  version: number;
  rev: number;
}

interface Server {
  child: Child;
  url: string;
  headers: Record<string, string>;
}

async function startServer(dataDir: string, adminPassword: string): Promise<Server> {
  const { child, url } = await startOurServer({ dataDir, adminPassword });
  const session = await signInAsAdmin(url, adminPassword);
  return { child, url, headers: { 'content-type': 'application/json', ...session } };
}

/** One client: edits its own segments as fast as answers come back, until the server dies. */
async function writer(server: Server, docId: string, owned: Seg[], acked: Set<string>, stop: { dead: boolean }) {
  let i = 0;
  while (!stop.dead) {
    const seg = owned[i++ % owned.length]!;
    const target = `révision ${seg.id} n° ${++seg.rev} ${randomBytes(3).toString('hex')}`;
    try {
      const res = await fetch(`${server.url}/api/documents/${docId}/segments/${seg.id}`, {
        method: 'PATCH',
        headers: server.headers,
        body: JSON.stringify({ target, baseVersion: seg.version }),
      });
      const body = (await res.json()) as { segment?: { version: number }; error?: { details?: unknown } };
      if (res.ok && body.segment) {
        seg.version = body.segment.version;
        acked.add(`${seg.id}\u0000${target}`);
      } else if (res.status === 409) {
        const current = (body.error?.details as { current?: { version: number } } | undefined)?.current;
        if (current) seg.version = current.version;
      }
    } catch {
      return; // the server is gone: this write's fate is unknown, so it is not counted as acknowledged
    }
  }
}

export async function runKill9Bench(log: (line?: string) => void): Promise<{ acked: number; missing: number }> {
  log(`kill -9 durability: ${CYCLES} cycles, ${WRITERS} concurrent writers, ${SEGMENTS} segments`);
  const dataDir = await makeTempDir('visavis-kill9-');
  const adminPassword = randomBytes(18).toString('base64url');
  const acked = new Set<string>();
  let docId = '';
  let segs: Seg[] = [];
  const rand = () => Math.random();
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const server = await startServer(dataDir, adminPassword);
    if (cycle === 0) {
      const { document } = await http<{ document: { id: string; segments: { id: string; version: number }[] } }>(
        `${server.url}/api/documents`,
        {
          method: 'POST',
          headers: server.headers,
          body: JSON.stringify({
            title: 'kill -9',
            sourceLang: 'fr',
            targetLang: 'ar',
            segments: makeSegments(SEGMENTS),
          }),
          expect: 201,
        },
      );
      docId = document.id;
      segs = document.segments.map((s) => ({ id: s.id, version: s.version, rev: 0 }));
    } else {
      // Versions as the restarted server knows them (writes in flight at the kill may or may not have landed).
      const { document } = await http<{ document: { segments: { id: string; version: number }[] } }>(
        `${server.url}/api/documents/${docId}`,
        { headers: server.headers },
      );
      const byId = new Map(document.segments.map((s) => [s.id, s.version]));
      for (const s of segs) s.version = byId.get(s.id)!;
    }
    const stop = { dead: false };
    const before = acked.size;
    const loops = Array.from({ length: WRITERS }, (_, w) =>
      writer(
        server,
        docId,
        segs.filter((_, k) => k % WRITERS === w),
        acked,
        stop,
      ),
    );
    await sleep(300 + rand() * 1200);
    server.child.proc.kill('SIGKILL');
    await server.child.exited;
    stop.dead = true;
    await Promise.all(loops);
    log(`  cycle ${cycle + 1}: ${acked.size - before} writes acknowledged, then kill -9`);
  }
  // A last start: everything acknowledged must be there.
  const server = await startServer(dataDir, adminPassword);
  const { events } = await http<{ events: { type: string; payload: { segmentId?: string; target?: string } }[] }>(
    `${server.url}/api/documents/${docId}/events?after=0`,
    { headers: server.headers },
  );
  const present = new Set<string>();
  for (const e of events)
    if (e.type === 'SegmentEdited') present.add(`${e.payload.segmentId}\u0000${e.payload.target}`);
  let missing = 0;
  for (const k of acked) if (!present.has(k)) missing++;
  server.child.proc.kill('SIGTERM');
  await server.child.exited;
  log(
    `  ${acked.size} acknowledged writes over ${CYCLES} kill -9 cycles; ${missing} missing after restart ` +
      `(${events.length} events in the log)`,
  );
  return { acked: acked.size, missing };
}
