import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CPU_PROFILE_DIR, HEADERS } from './config';
import type { CorpusSegment } from './corpus';
import type { LoadResult, SegmentRef } from './load';
import { signInAsAdmin, startOurServer } from './our-server';
import { makeTempDir, stopChild, type Child } from './processes';
import { flagBody, http, nextRevision, sleep, type Target } from './target';

// Our server, as a child process on a fresh DATA_DIR, and the journal check after it stops.

interface OurDocument {
  id: string;
  seq: number;
  segments: { id: string; index: number; target: string; version: number }[];
}

export async function startOurs(
  corpus: CorpusSegment[],
  log: (line: string) => void,
  opts: { databaseUrl?: string; name?: string } = {},
): Promise<Target & { dataDir: string; docId: string }> {
  const dataDir = await makeTempDir('visavis-bench-');
  // The first start of a server with accounts creates `admin` with this password (others ignore it).
  const adminPassword = randomBytes(18).toString('base64url');
  const prof = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
  const { child, url } = await startOurServer({
    dataDir,
    adminPassword,
    nodeArgs: prof,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
  });
  const session = await signInAsAdmin(url, adminPassword);
  if (session.cookie) log('  signed in as admin (session cookie + CSRF header on every request)');
  const headers = { ...HEADERS, ...session };
  const t0 = performance.now();
  const { document } = await http<{ document: OurDocument }>(`${url}/api/documents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: `Banc d’essai — ${corpus.length} segments`,
      sourceLang: 'fr',
      targetLang: 'ar',
      segments: corpus,
    }),
    expect: 201,
  });
  log(
    `  created document ${document.id} (${document.segments.length} segments) in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const segments: SegmentRef[] = document.segments.map((s) => ({
    index: s.index,
    id: s.id,
    original: s.target,
    target: s.target,
    version: s.version,
    rev: 0,
  }));
  const docUrl = `/api/documents/${document.id}`;
  return {
    name: opts.name ?? 'vis-à-vis',
    url,
    headers,
    child,
    dataDir,
    docId: document.id,
    segments,
    edit(seg) {
      const { target, key } = nextRevision(seg);
      return {
        method: 'PATCH',
        path: `${docUrl}/segments/${seg.id}`,
        body: JSON.stringify({ target, baseVersion: seg.version }),
        key,
        ack(body) {
          seg.version = (JSON.parse(body) as { segment: { version: number } }).segment.version;
          seg.target = target;
        },
      };
    },
    flag(seg) {
      const { body, key } = flagBody(seg);
      return { method: 'POST', path: `${docUrl}/flags`, body, key, ack() {} };
    },
    async resync() {
      // Writes whose sockets autocannon closed are still being committed: wait until seq stops moving.
      let doc = (await http<{ document: OurDocument }>(`${url}${docUrl}`, { headers })).document;
      for (let i = 0; i < 100; i++) {
        await sleep(150);
        const again = (await http<{ document: OurDocument }>(`${url}${docUrl}`, { headers })).document;
        const settled = again.seq === doc.seq;
        doc = again;
        if (settled) break;
      }
      const byId = new Map(doc.segments.map((s) => [s.id, s]));
      for (const seg of segments) {
        const s = byId.get(seg.id)!;
        seg.version = s.version;
        seg.target = s.target;
      }
    },
  };
}

export interface Durability {
  journalLines: number;
  acked: number;
  ackedMissing: number;
  inFlightAtStop: number;
  /** Journal events that were never acknowledged: all must be writes in flight when a run stopped. */
  unackedCommitted: number;
  unexplained: number;
  exit: string;
  shutdownMs: number;
}

/** Stops the server with SIGTERM and matches journal lines with the writes the runs sent. */
export async function checkOurDurability(
  ours: { child: Child; dataDir: string; docId: string },
  runs: LoadResult[],
  /** The stored events as JSON lines (default: the document's journal.jsonl). */
  readEvents?: () => Promise<string[]>,
): Promise<Durability> {
  const t0 = performance.now();
  const ended = await stopChild(ours.child);
  const shutdownMs = performance.now() - t0;
  const journal = path.join(ours.dataDir, 'documents', ours.docId, 'journal.jsonl');
  const lines = readEvents
    ? await readEvents()
    : (await fs.readFile(journal, 'utf8')).split('\n').filter((l) => l !== '');
  const inJournal = new Set<string>();
  for (const line of lines) {
    const e = JSON.parse(line) as { type: string; payload: { segmentId?: string; target?: string; comment?: string } };
    if (e.type === 'SegmentEdited') inJournal.add(`edit:${e.payload.segmentId}:${e.payload.target}`);
    else if (e.type === 'FlagCreated') inJournal.add(`flag:${e.payload.comment}`);
  }
  const acked = new Set(runs.flatMap((r) => r.acked));
  const inFlight = new Set(runs.flatMap((r) => r.inFlightAtStop));
  let ackedMissing = 0;
  for (const k of acked) if (!inJournal.has(k)) ackedMissing++;
  let unackedCommitted = 0;
  let unexplained = 0;
  for (const k of inJournal) {
    if (acked.has(k)) continue;
    if (inFlight.has(k)) unackedCommitted++;
    else unexplained++;
  }
  return {
    journalLines: lines.length,
    acked: runs.reduce((n, r) => n + r.ok, 0),
    ackedMissing,
    inFlightAtStop: inFlight.size,
    unackedCommitted,
    unexplained,
    exit: ended.signal ? `signal ${ended.signal}` : `exit code ${ended.code}`,
    shutdownMs,
  };
}
