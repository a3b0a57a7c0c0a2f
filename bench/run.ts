import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CONNECTIONS, ROOT, SECONDS, SEGMENTS, TIME_LIMIT_MS, WARMUP } from './config';
import { makeSegments } from './corpus';
import { processCpuSeconds, selfCpuSeconds } from './cpu';
import { checkJsonServerFile, startJsonServer } from './json-server';
import { percentile, runLoad, type LoadResult } from './load';
import { runKill9Bench } from './kill9';
import { checkOurDurability, startOurs } from './ours';
import { cleanUp, killAllNow } from './processes';
import { runQaBench } from './qa';
import { runFanoutBench } from './fanout';
import { runHealthBench } from './health-during-upload';
import { runBrowserBench } from './browser';
import { runAlignBench } from './align';
import { runXliffBench } from './xliff';
import { benchDatabase, hasPgbench, pgEventLines, printPgReport, runPgbench } from './pg';
import { fmtMs, fmtRate, loadAverage, log, printResults, type Measured } from './report';
import { WORKLOADS, type Target, type Workload } from './target';

// npm run bench — the QA checks over a 10,000-segment document (bench/qa.ts), then durable writes against our
// server vs the same workload against json-server 0.17.4, measured in the same run. Settings: see config.ts;
// BENCH_ONLY=qa runs the QA checks benchmark alone; BENCH_ONLY=kill9 the kill -9 durability cycles alone;
// BENCH_ONLY=browser the app in Chromium alone (bench/browser.ts: large documents, cold load);
// BENCH_ONLY=align the sentence aligner against hunalign on the Bleualign dev set (bench/align.ts); BENCH_ONLY=pg
// the write workload on the JSON store, the PostgreSQL store and json-server, and pgbench on the same database;
// BENCH_ONLY=xliff reading and writing large XLIFF files (bench/xliff.ts).

async function measure(target: Target, workload: Workload, seconds: number): Promise<Measured> {
  const cpu0 = processCpuSeconds(target.child.proc.pid);
  const self0 = selfCpuSeconds();
  const result = await runLoad({
    url: target.url,
    seconds,
    connections: CONNECTIONS,
    headers: target.headers,
    segments: target.segments,
    plan: workload === 'segment edits' ? (s) => target.edit(s) : (s) => target.flag(s),
  });
  const cpu1 = processCpuSeconds(target.child.proc.pid);
  const clientCpu = (selfCpuSeconds() - self0) / result.seconds;
  await target.resync();
  if (result.owners !== CONNECTIONS) {
    throw new Error(`${result.owners} connections claimed segment sets, expected ${CONNECTIONS}: ownership broke down`);
  }
  return {
    ...result,
    target: target.name,
    workload,
    serverCpu: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / result.seconds : null,
    clientCpu,
  };
}

async function runTarget(target: Target): Promise<{ measured: Measured[]; all: LoadResult[] }> {
  const all: LoadResult[] = [];
  if (WARMUP > 0) {
    log(`  warm-up: ${WARMUP} s of segment edits (not reported)`);
    all.push(await measure(target, 'segment edits', WARMUP));
  }
  const measured: Measured[] = [];
  for (const workload of WORKLOADS) {
    log(`  ${workload}: ${SECONDS} s, ${CONNECTIONS} connections…`);
    const m = await measure(target, workload, SECONDS);
    log(`    ${fmtRate(m.ok / m.seconds)} writes/s, p99 ${fmtMs(percentile(m.latencies, 99))} ms, ${m.non2xx} non-2xx`);
    measured.push(m);
    all.push(m);
  }
  return { measured, all };
}

async function main(): Promise<number> {
  // BENCH_ONLY=fanout: live event streams alone (bench/fanout.ts: 20 and 200 streams, 200 writes/s).
  if (process.env.BENCH_ONLY === 'fanout') return runFanoutBench(log);
  if (process.env.BENCH_ONLY === 'browser') return runBrowserBench(log);
  // BENCH_ONLY=align: sentence alignment quality (Bleualign dev set) and speed, beside hunalign (bench/align.ts).
  if (process.env.BENCH_ONLY === 'align') return runAlignBench(log);
  // BENCH_ONLY=xliff: reading and writing XLIFF files of 1,000 to 20,000 units (bench/xliff.ts).
  if (process.env.BENCH_ONLY === 'xliff') {
    runXliffBench(log);
    return 0;
  }
  // CPU-bound and short: before the load runs heat the machine.
  if (process.env.BENCH_ONLY !== 'kill9' && process.env.BENCH_ONLY !== 'pg') runQaBench(log);
  if (process.env.BENCH_ONLY === 'qa') return 0;
  // The servers below run as deployed: build/main.js, from the current source.
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  // BENCH_ONLY=health: GET /api/health while a big glossary uploads, a document is checked and exported, alone.
  if (process.env.BENCH_ONLY === 'health') {
    await runHealthBench(log);
    return 0;
  }
  if (process.env.BENCH_ONLY === 'kill9') {
    const { missing } = await runKill9Bench(log);
    return missing === 0 ? 0 : 1;
  }
  log();
  log('Vis-à-vis write benchmark');
  log(
    `  node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? '?'}), ${os.platform()} ${os.release()}, ` +
      `temp dir ${os.tmpdir()}`,
  );
  log(`  ${SEGMENTS} segments, ${CONNECTIONS} connections, ${SECONDS} s per workload, ${WARMUP} s warm-up per target`);
  log(`  load average before: ${loadAverage()}`);
  if (os.loadavg()[0]! > os.cpus().length * 0.5) {
    log('  warning: the machine is already busy; figures will be lower and noisier than on an idle machine');
  }
  const corpus = makeSegments(SEGMENTS);

  log();
  log('vis-à-vis (journal fdatasync’d before every response, group commit)');
  const ours = await startOurs(corpus, log);
  const oursRuns = await runTarget(ours);
  const durability = await checkOurDurability(ours, oursRuns.all);

  // BENCH_ONLY=pg: the same workload on the PostgreSQL store too, and pgbench on the same database.
  let pg: Parameters<typeof printPgReport>[1] | null = null;
  if (process.env.BENCH_ONLY === 'pg') {
    const db = await benchDatabase();
    try {
      log();
      log('vis-à-vis on PostgreSQL (DATABASE_URL; events committed with synchronous_commit on, group commit)');
      const onPg = await startOurs(corpus, log, { databaseUrl: db.url, name: 'vis-à-vis (PostgreSQL)' });
      const pgRuns = await runTarget(onPg);
      const pgDurability = await checkOurDurability(onPg, pgRuns.all, () => pgEventLines(db.url, onPg.docId));
      const pgbench = [];
      if (await hasPgbench()) {
        for (const clients of [1, CONNECTIONS]) {
          log(`  pgbench -N, ${clients} client(s), ${SECONDS} s…`);
          pgbench.push(await runPgbench(db.url, clients, SECONDS));
        }
      } else log('  pgbench is not installed (Debian: postgresql-contrib or the postgresql client package)');
      pg = { measured: pgRuns.measured, durability: pgDurability, pgbench };
    } finally {
      await db.drop();
    }
  }

  log();
  log('json-server 0.17.4 (baseline)');
  const js = await startJsonServer(
    corpus,
    ours.segments.map((s) => s.id),
  ); // same ids, same texts
  const jsRuns = await runTarget(js);
  const aftermath = await checkJsonServerFile(js, jsRuns.all);

  printResults([...oursRuns.measured, ...(pg?.measured ?? []), ...jsRuns.measured], durability, aftermath);
  if (pg) {
    printPgReport(log, pg);
    return 0;
  }
  log();
  await runHealthBench(log);
  log();
  const kill9 = await runKill9Bench(log);
  if (kill9.missing > 0) return 1;
  log();
  log(`Load average after: ${loadAverage()} (1, 5, 15 min; ${os.cpus().length} CPUs)`);
  return 0;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`\nbench: still running after ${TIME_LIMIT_MS / 1000} s; giving up\n`);
  void cleanUp().finally(() => process.exit(2));
}, TIME_LIMIT_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}
process.once('exit', () => killAllNow());

let code = 1;
try {
  code = await main();
} catch (err) {
  process.stderr.write(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
} finally {
  await cleanUp();
}
process.exit(code);
