import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER } from '../../shared/users';
import { createTestDatabase, type TestDatabase } from './test-database';

// Two real server processes (src/server/main.ts through tsx) on one database, started at the same time on
// an empty database; A is killed with SIGKILL in the middle of a write storm; every write A acknowledged
// must be readable through B.

const skipped = inject('postgresSkipped') !== '';
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ADMIN_PASSWORD = 'kill nine admin password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  base: string;
  output: string[];
}

async function startProcess(databaseUrl: string): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      SEED_SAMPLE: '1',
      LOG_LEVEL: 'warn',
      VISAVIS_TEST_STORE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output.join('')}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, output };
    if (Date.now() > deadline) throw new Error(`the server did not answer: ${output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' };
}

describe.skipIf(skipped)('kill -9 of one server during a write storm (PostgreSQL)', () => {
  let db: TestDatabase;
  const procs: Proc[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await db?.drop();
  });

  it('every write acknowledged by A is readable through B', async () => {
    // Both start at once on an empty database: one schema, one admin, one sample.
    const [a, b] = await Promise.all([startProcess(db.url), startProcess(db.url)]);
    procs.push(a, b);
    const headers = await signIn(a.base);
    const documents = (await (await fetch(`${b.base}/api/documents`, { headers })).json()) as {
      documents: { id: string }[];
    };
    expect(documents.documents.map((d) => d.id)).toEqual(['laftit-darmanin']);
    const users = (await (await fetch(`${b.base}/api/users`, { headers })).json()) as { users: unknown[] };
    expect(users.users).toHaveLength(1);

    const created = await fetch(`${a.base}/api/documents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Tempête',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: Array.from({ length: 16 }, (_, i) => ({ source: `S${i}`, target: `T${i}` })),
      }),
    });
    expect(created.status).toBe(201);
    const doc = ((await created.json()) as { document: { id: string; segments: { id: string; version: number }[] } })
      .document;

    // 16 writers, one segment each (no conflicts): each records what A acknowledged.
    const acked: { seq: number; segmentId: string; target: string }[] = [];
    let stop = false;
    const writer = async (seg: { id: string; version: number }) => {
      let version = seg.version;
      for (let n = 0; !stop; n++) {
        const target = `${seg.id} révision ${n}`;
        try {
          const res = await fetch(`${a.base}/api/documents/${doc.id}/segments/${seg.id}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ target, baseVersion: version }),
          });
          if (res.status !== 200) return;
          const body = (await res.json()) as { seq: number; segment: { version: number } };
          acked.push({ seq: body.seq, segmentId: seg.id, target });
          version = body.segment.version;
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const storm = Promise.all(doc.segments.map(writer));
    // Killed in full flow: once a few hundred writes were acknowledged (or after 20 s on a slow machine).
    const deadline = Date.now() + 20_000;
    while (acked.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    a.child.kill('SIGKILL');
    stop = true;
    await storm;
    expect(acked.length).toBeGreaterThan(100);

    const events = (await (await fetch(`${b.base}/api/documents/${doc.id}/events?after=0`, { headers })).json()) as {
      events: { seq: number; type: string; payload: { segmentId?: string; target?: string } }[];
    };
    const bySeq = new Map(events.events.map((e) => [e.seq, e]));
    const missing = acked.filter((w) => {
      const e = bySeq.get(w.seq);
      return !e || e.payload.segmentId !== w.segmentId || e.payload.target !== w.target;
    });
    expect(missing).toEqual([]);
    // And B still takes writes on the same document.
    const state = (await (await fetch(`${b.base}/api/documents/${doc.id}`, { headers })).json()) as {
      document: { segments: { id: string; version: number }[] };
    };
    const seg = state.document.segments[0]!;
    const after = await fetch(`${b.base}/api/documents/${doc.id}/segments/${seg.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ target: 'après', baseVersion: seg.version }),
    });
    expect(after.status).toBe(200);
    b.child.kill('SIGTERM');
  }, 120_000);
});
