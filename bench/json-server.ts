import fs from 'node:fs/promises';
import path from 'node:path';
import { HEADERS, ROOT } from './config';
import type { CorpusSegment } from './corpus';
import type { LoadResult, SegmentRef } from './load';
import { freePort, LOOPBACK, makeTempDir, startChild, stopChild, waitForHttp, type Child } from './processes';
import { flagBody, http, nextRevision, sleep, type Target } from './target';

// The baseline: json-server 0.17.4's CLI on a temp db.json holding the same segments and an empty `flags`.

export async function startJsonServer(corpus: CorpusSegment[], ids: string[]): Promise<Target & { dbFile: string }> {
  const dir = await makeTempDir('json-server-bench-');
  const dbFile = path.join(dir, 'db.json');
  const at = new Date().toISOString();
  const rows = corpus.map((s, index) => ({
    id: ids[index]!,
    index,
    source: s.source,
    target: s.target,
    version: 1,
    status: 'translated',
    updatedAt: at,
    updatedBy: 'bench',
  }));
  await fs.writeFile(dbFile, JSON.stringify({ segments: rows, flags: [] }, null, 2));
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const bin = path.join(ROOT, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js');
  const child = startChild('json-server', [bin, '--port', String(port), '--host', LOOPBACK, '--quiet', dbFile], {
    cwd: dir,
    env: process.env,
  });
  await waitForHttp(child, `${url}/flags`);
  const segments: SegmentRef[] = rows.map((r) => ({
    index: r.index,
    id: r.id,
    original: r.target,
    target: r.target,
    version: 1,
    rev: 0,
  }));
  return {
    name: 'json-server',
    url,
    headers: HEADERS,
    child,
    dbFile,
    segments,
    edit(seg) {
      const { target, key } = nextRevision(seg);
      return {
        method: 'PATCH',
        path: `/segments/${seg.id}`,
        body: JSON.stringify({ target }),
        key,
        ack() {
          seg.target = target;
        },
      };
    },
    flag(seg) {
      const { body, key } = flagBody(seg);
      return { method: 'POST', path: '/flags', body, key, ack() {} };
    },
    async resync() {
      await sleep(150); // json-server applies writes synchronously; let the last unanswered ones arrive
      const rows = await http<{ id: string; target: string }[]>(`${url}/segments`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const seg of segments) seg.target = byId.get(seg.id)!.target;
    },
  };
}

export interface JsonServerAftermath {
  acked: number;
  onDisk: number;
  lost: number;
  fileBytes: number;
}

/** What json-server's db.json holds after SIGTERM, against what it acknowledged. */
export async function checkJsonServerFile(
  js: { child: Child; dbFile: string },
  runs: LoadResult[],
): Promise<JsonServerAftermath> {
  await stopChild(js.child);
  const text = await fs.readFile(js.dbFile, 'utf8');
  const db = JSON.parse(text) as { segments: { id: string; target: string }[]; flags: { comment: string }[] };
  const onDisk = new Set<string>();
  for (const f of db.flags) onDisk.add(`flag:${f.comment}`);
  for (const s of db.segments) onDisk.add(`edit:${s.id}:${s.target}`);
  const segmentOf = (key: string) => key.split(':')[1]!;
  // A file store keeps only the latest text of a segment: the last acknowledged edit must be there, unless an
  // edit that was still in flight when autocannon stopped replaced it.
  const lastEdit = new Map<string, string>();
  const replacedInFlight = new Set<string>();
  for (const r of runs) {
    for (const k of r.acked) if (k.startsWith('edit:')) lastEdit.set(segmentOf(k), k);
    for (const k of r.inFlightAtStop) if (k.startsWith('edit:') && onDisk.has(k)) replacedInFlight.add(segmentOf(k));
  }
  let acked = 0;
  let lost = 0;
  for (const r of runs) {
    for (const k of r.acked) {
      if (k.startsWith('edit:') && (lastEdit.get(segmentOf(k)) !== k || replacedInFlight.has(segmentOf(k)))) continue;
      acked++;
      if (!onDisk.has(k)) lost++;
    }
  }
  return { acked, onDisk: db.flags.length, lost, fileBytes: Buffer.byteLength(text) };
}
