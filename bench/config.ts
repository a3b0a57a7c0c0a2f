import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Settings of `npm run bench`, from the environment:
//   BENCH_SECONDS (default 10)          length of each measured workload
//   BENCH_CONNECTIONS (32)              concurrent clients (autocannon connections)
//   BENCH_SEGMENTS (2000)               segments in the benchmark document
//   BENCH_WARMUP_SECONDS (1)            unreported segment edits before measuring each target
//   BENCH_CPU_PROF=<dir>                write a V8 CPU profile of our server there (open it in Chrome DevTools)
//   BENCH_SERVER_ENTRY=<file>           run another server entry with main.ts's env contract (.ts runs through tsx)

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min} (got ${JSON.stringify(raw)})`);
  return n;
}

export const SECONDS = envNumber('BENCH_SECONDS', 10, 1);
export const CONNECTIONS = Math.floor(envNumber('BENCH_CONNECTIONS', 32, 1));
export const SEGMENTS = Math.floor(envNumber('BENCH_SEGMENTS', 2000, 1));
export const WARMUP = envNumber('BENCH_WARMUP_SECONDS', 1, 0);
if (SEGMENTS < CONNECTIONS)
  throw new Error('BENCH_SEGMENTS must be at least BENCH_CONNECTIONS: each connection owns segments');
export const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
export const SERVER_ENTRY = process.env.BENCH_SERVER_ENTRY
  ? path.resolve(process.env.BENCH_SERVER_ENTRY)
  : 'build/main.js'; // the server as deployed (run.ts builds it first)

/** The targets for our server. */
export const TARGET_WRITES_PER_S = 2000;
export const TARGET_P99_MS = 25;

// accept-encoding as a browser sends it: our server compresses large answers (never write answers, which
// stay under its 8 KiB threshold, so autocannon reads them as plain JSON); json-server ignores it.
export const HEADERS = {
  'content-type': 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'x-actor': 'bench',
};
/** Whole run, generously: two targets × (warm-up + 2 workloads) plus start-up, creation and shutdown. */
export const TIME_LIMIT_MS =
  (2 * (WARMUP + 2 * SECONDS) + 180 + 15 * Number(process.env.BENCH_KILL_CYCLES ?? 20)) * 1000 +
  // The browser benchmark (bench/browser.ts) opens a 10,000-segment document several times.
  (process.env.BENCH_ONLY === 'browser' ? 3_600_000 : 0);
