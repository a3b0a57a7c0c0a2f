import os from 'node:os';
import { CONNECTIONS, SECONDS, SEGMENTS, TARGET_P99_MS, TARGET_WRITES_PER_S } from './config';
import type { JsonServerAftermath } from './json-server';
import { percentile, type LoadResult } from './load';
import type { Durability } from './ours';
import { WORKLOADS, type Workload } from './target';

// The printed report: results table, ratios against the baseline, targets, durability, caveats.

export interface Measured extends LoadResult {
  target: string;
  workload: Workload;
  serverCpu: number | null;
  clientCpu: number;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

export function log(line = ''): void {
  process.stdout.write(line + '\n');
}

export const fmtRate = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const fmtMs = (n: number) =>
  Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) : '–';
const fmtRatio = (n: number) =>
  Number.isFinite(n) ? (n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(3)) : '–';
const fmtCpu = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)}%`);

function table(headers: string[], rows: string[][], alignLeft = 2): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function statusSummary(m: Measured): string {
  const bad = Object.entries(m.statusCounts).filter(([code]) => !code.startsWith('2'));
  return bad.length ? bad.map(([code, n]) => `${code}×${n}`).join(' ') : '';
}

export function printResults(results: Measured[], durability: Durability, aftermath: JsonServerAftermath) {
  log();
  log(
    `Results (${CONNECTIONS} connections, ${SECONDS} s per workload, ${SEGMENTS} segments; latency of 2xx responses)`,
  );
  log();
  log(
    table(
      [
        'target',
        'workload',
        'writes/s (2xx)',
        'p50 ms',
        'p99 ms',
        'max ms',
        'non-2xx',
        'conn errors',
        'server CPU',
        'bench CPU',
      ],
      results.map((m) => [
        m.target,
        m.workload,
        fmtRate(m.ok / m.seconds),
        fmtMs(percentile(m.latencies, 50)),
        fmtMs(percentile(m.latencies, 99)),
        fmtMs(m.latencies.at(-1) ?? NaN),
        `${m.non2xx}${statusSummary(m) ? ` (${statusSummary(m)})` : ''}`,
        String(m.errors + m.timeouts),
        fmtCpu(m.serverCpu),
        fmtCpu(m.clientCpu),
      ]),
    ),
  );
  for (const m of results) {
    if (m.firstFailure) log(`  first failure, ${m.target} ${m.workload}: ${m.firstFailure}`);
  }

  log();
  log('Ratios, vis-à-vis ÷ json-server (same run, same machine, same workload)');
  log();
  const find = (target: string, w: Workload) => results.find((r) => r.target === target && r.workload === w)!;
  log(
    table(
      ['workload', 'throughput (higher is better)', 'p50 (lower is better)', 'p99 (lower is better)'],
      WORKLOADS.map((w) => {
        const a = find('vis-à-vis', w);
        const b = find('json-server', w);
        return [
          w,
          `×${fmtRatio(a.ok / a.seconds / (b.ok / b.seconds))}`,
          `×${fmtRatio(percentile(a.latencies, 50) / percentile(b.latencies, 50))}`,
          `×${fmtRatio(percentile(a.latencies, 99) / percentile(b.latencies, 99))}`,
        ];
      }),
      1,
    ),
  );

  log();
  log(
    `Targets for vis-à-vis: ≥ ${TARGET_WRITES_PER_S.toLocaleString('en-US')} durable writes/s and p99 < ${TARGET_P99_MS} ms`,
  );
  let allMet = true;
  for (const w of WORKLOADS) {
    const m = find('vis-à-vis', w);
    const rate = m.ok / m.seconds;
    const p99 = percentile(m.latencies, 99);
    const rateOk = rate >= TARGET_WRITES_PER_S;
    const p99Ok = p99 < TARGET_P99_MS;
    const clean = m.non2xx === 0 && m.errors + m.timeouts === 0;
    allMet &&= rateOk && p99Ok && clean;
    log(
      `  ${w.padEnd(15)} ${fmtRate(rate).padStart(6)} writes/s ${rateOk ? 'MET' : 'NOT MET'}` +
        `   p99 ${fmtMs(p99).padStart(5)} ms ${p99Ok ? 'MET' : 'NOT MET'}` +
        `${clean ? '' : '   (with non-2xx responses or connection errors)'}`,
    );
  }
  log(`  overall: ${allMet ? 'MET' : 'NOT MET'}`);

  log();
  log('Durability (vis-à-vis, after SIGTERM; every run counted, warm-up included)');
  const d = durability;
  const explained = 1 + d.acked + d.unackedCommitted;
  const row = (label: string, value: string | number) => log(`  ${label.padEnd(46)} ${value}`);
  row('server stopped', `${d.exit} after ${d.shutdownMs.toFixed(0)} ms`);
  row('journal.jsonl lines', d.journalLines);
  row('2xx writes acknowledged + 1 DocumentCreated', d.acked + 1);
  row('acknowledged writes missing from the journal', d.ackedMissing);
  row('writes in flight when autocannon stopped', `${d.inFlightAtStop} (sent; socket closed before the answer)`);
  row('  … of which committed (in the journal)', d.unackedCommitted);
  row('journal lines no request explains', d.unexplained);
  const durable = d.ackedMissing === 0 && d.unexplained === 0 && d.journalLines === explained;
  log(
    `  ${durable ? 'OK' : 'FAILED'}: ${d.journalLines} lines = 1 DocumentCreated + ${d.acked} acknowledged + ` +
      `${d.unackedCommitted} unanswered in-flight` +
      `${d.journalLines === d.acked + 1 ? ' (exact match with the 2xx count)' : ''}`,
  );

  log();
  log('About the baseline: json-server 0.17.4 (CLI) stores through lowdb 1 FileAsync → steno 0.4 writeFile. On every');
  log(
    'write it JSON.stringify()s the whole database (pretty, 2-space) on the event loop, writes it to a temp file and',
  );
  log('renames it over db.json; it never fsyncs, coalesces writes that arrive while one is in progress (latest state');
  log(
    'wins), and answers before the write finishes (its write middleware calls db.write() without awaiting it). So its',
  );
  log('2xx means "in memory", ours means "in the journal, fdatasync\'d": json-server does less per write, not more.');
  log(
    `  after SIGTERM (following a pause), db.json holds ${aftermath.onDisk} flags, ${(aftermath.fileBytes / 1024 / 1024).toFixed(1)} MiB; ` +
      `of the ${aftermath.acked} acknowledged writes it`,
  );
  log(
    `  should still show (last edit per segment, every flag), ${aftermath.lost} are missing. Not a crash test: without fsync a`,
  );
  log('  power cut can lose whatever the OS had not flushed yet.');
}
