import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { createTestDatabase, type TestDatabase } from '../src/server/pg/test-database';
import { TARGET_P99_MS, TARGET_WRITES_PER_S } from './config';
import { percentile } from './load';
import type { Durability } from './ours';
import { fmtMs, fmtRate, type Measured } from './report';

// BENCH_ONLY=pg: the PostgreSQL store beside the JSON store and json-server, and pgbench's simple-update
// figure on the same database as the physical reference. The database: a fresh visavis_test_* one on the
// server of TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres), dropped after.

const run = promisify(execFile);

export const benchDatabase = (): Promise<TestDatabase> => createTestDatabase();

/** Every event of the document as stored (JSON text), for the durability check. */
export async function pgEventLines(url: string, docId: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ body: string }[]>`
      SELECT body::text AS body FROM events WHERE document_id = ${docId} ORDER BY seq`;
    return rows.map((r) => r.body);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export interface PgbenchResult {
  clients: number;
  tps: number;
  latencyMs: number;
}

/**
 * pgbench's simple-update script (-N: one UPDATE, one SELECT, one INSERT per transaction, committed with
 * the server's synchronous_commit) on the same database, its tables made here (scale 1) and dropped after.
 */
export async function runPgbench(url: string, clients: number, seconds: number): Promise<PgbenchResult> {
  await run('pgbench', ['-i', '-q', '-s', '1', url]);
  try {
    const { stdout } = await run('pgbench', ['-N', '-n', '-c', String(clients), '-j', '2', '-T', String(seconds), url]);
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
    return { clients, tps, latencyMs };
  } finally {
    await run('pgbench', ['-i', '-I', 'd', url]).catch(() => undefined);
  }
}

export async function hasPgbench(): Promise<boolean> {
  return run('pgbench', ['--version']).then(
    () => true,
    () => false,
  );
}

export interface PgReport {
  measured: Measured[];
  durability: Durability;
  pgbench: PgbenchResult[];
}

/** After the usual report: the PostgreSQL store against its targets, its durability, and pgbench beside it. */
export function printPgReport(log: (line?: string) => void, { measured, durability: d, pgbench }: PgReport) {
  log();
  log(
    `Targets for vis-à-vis on PostgreSQL (one server): ≥ ${TARGET_WRITES_PER_S.toLocaleString('en-US')} durable writes/s and p99 < ${TARGET_P99_MS} ms`,
  );
  for (const m of measured) {
    const rate = m.ok / m.seconds;
    const p99 = percentile(m.latencies, 99);
    log(
      `  ${m.workload.padEnd(15)} ${fmtRate(rate).padStart(6)} writes/s ${rate >= TARGET_WRITES_PER_S ? 'MET' : 'NOT MET'}` +
        `   p99 ${fmtMs(p99).padStart(5)} ms ${p99 < TARGET_P99_MS ? 'MET' : 'NOT MET'}` +
        `${m.non2xx === 0 && m.errors + m.timeouts === 0 ? '' : '   (with non-2xx responses or connection errors)'}`,
    );
  }
  log();
  log('Durability (vis-à-vis on PostgreSQL, after SIGTERM; events table read back)');
  const ok = d.ackedMissing === 0 && d.unexplained === 0 && d.journalLines === 1 + d.acked + d.unackedCommitted;
  log(
    `  ${ok ? 'OK' : 'FAILED'}: ${d.journalLines} events = 1 DocumentCreated + ${d.acked} acknowledged + ` +
      `${d.unackedCommitted} unanswered in-flight; ${d.ackedMissing} acknowledged missing, ${d.unexplained} unexplained`,
  );
  log();
  log('pgbench (simple-update, -N) on the same database and server: the physical reference');
  for (const p of pgbench) {
    log(
      `  ${String(p.clients).padStart(3)} client(s): ${fmtRate(p.tps)} transactions/s, latency average ${fmtMs(p.latencyMs)} ms`,
    );
  }
  const best = Math.max(...pgbench.map((p) => p.tps));
  for (const m of measured) {
    log(`  ${m.workload}: vis-à-vis on PostgreSQL ÷ best pgbench = ×${(m.ok / m.seconds / best).toFixed(2)}`);
  }
}
