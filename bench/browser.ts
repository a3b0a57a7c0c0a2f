import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { startBenchApp } from './browser-app';
import {
  cdp,
  coldLoad,
  heapUsed,
  median,
  openDocument,
  percentileOf,
  rowsInDom,
  scrollLongTasks,
  signedInContext,
  typingLatencies,
} from './browser-measure';
import { ROOT } from './config';
import { stopChild } from './processes';

// BENCH_ONLY=browser npm run bench — the built app in the system Chromium: a generated 10,000-paragraph
// Arabic → French document against a 100-paragraph one, in the same run (issue #10), and a cold load of the
// sample's workspace over a slow network. Settings:
//   BENCH_BROWSER_SEGMENTS (10000)   the large document
//   BENCH_BROWSER_RUNS (3)           opens of each document (the median is reported)
//   BENCH_BROWSER_KEYS (60)          keys typed in each document
//   BENCH_BROWSER_BUILD (1)          0: use dist/ and build/ as they are
//   BENCH_BROWSER_TRACE (0)          1: list the first cold load's requests (start → end, bytes)

const num = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(n) || n < 1) throw new Error(`${name} must be a positive number`);
  return Math.floor(n);
};

const SMALL = 100;
const LARGE = num('BENCH_BROWSER_SEGMENTS', 10_000);
const RUNS = num('BENCH_BROWSER_RUNS', 3);
const KEYS = num('BENCH_BROWSER_KEYS', 60);
const SAMPLE_ID = 'laftit-darmanin';
const SLOW = { latencyMs: 400, bytesPerSecond: 50 * 1024 };

/** The targets. */
const TARGET = { openRatio: 1.5, typingRatio: 1.2, typingMs: 33, heapMb: 100, coldMs: 3500 };

interface DocFigures {
  openMs: number;
  typingP50: number;
  typingP95: number;
  heapMb: number;
  rows: number;
  longTasks: { count: number; longest: number; total: number };
}

async function measureDocument(browser: Browser, url: string, docId: string, log: (l: string) => void) {
  const opens: number[] = [];
  let figures: Omit<DocFigures, 'openMs'> | null = null;
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each time: no query cache, the heap holds this document only.
    const context = await signedInContext(browser, url);
    try {
      const page = await context.newPage();
      opens.push(await openDocument(page, docId));
      if (run < RUNS - 1) continue;
      await page.waitForTimeout(1000);
      const session = await cdp(page);
      const heap = await heapUsed(session);
      const rows = await rowsInDom(page);
      const lat = await typingLatencies(page, KEYS);
      await page.waitForTimeout(1000);
      const longTasks = await scrollLongTasks(page);
      figures = {
        typingP50: percentileOf(lat, 50),
        typingP95: percentileOf(lat, 95),
        heapMb: heap / 1024 / 1024,
        rows,
        longTasks,
      };
    } finally {
      await context.close();
    }
  }
  const out: DocFigures = { openMs: median(opens), ...figures! };
  log(
    `    open ${opens.map((o) => Math.round(o)).join(' / ')} ms (median ${Math.round(out.openMs)}), typing p50 ` +
      `${out.typingP50.toFixed(1)} ms p95 ${out.typingP95.toFixed(1)} ms, heap ${out.heapMb.toFixed(1)} MB, ` +
      `${out.rows} rows in the DOM, scrolling: ${out.longTasks.count} long tasks (longest ${Math.round(out.longTasks.longest)} ms)`,
  );
  return out;
}

const ok = (pass: boolean) => (pass ? 'met' : 'NOT met');

export async function runBrowserBench(log: (line: string) => void): Promise<number> {
  if (process.env.BENCH_BROWSER_BUILD !== '0') {
    log('Building the app (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  log('');
  log('Vis-à-vis in the browser (issue #10)');
  log(
    `  ${os.cpus().length} CPU(s), load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
  const app = await startBenchApp(log);
  const small = await app.createDocument(SMALL);
  const large = await app.createDocument(LARGE);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-extensions',
      '--no-first-run',
    ],
  });
  try {
    // Warm-up: the bundle compiled once, as for a user who opened another document before.
    {
      const context = await signedInContext(browser, app.url);
      await openDocument(await context.newPage(), small);
      await context.close();
    }
    // The server's whole-document answers at both sizes (the browser is idle meanwhile).
    const server: Record<string, { doc: number; qa: number }> = {};
    for (const [n, id] of [
      [SMALL, small],
      [LARGE, large],
    ] as const) {
      const doc = await app.timeGet(`/api/documents/${id}`, 7);
      const qa = await app.timeGet(`/api/documents/${id}/qa`, 7);
      server[n] = { doc: median(doc.ms), qa: median(qa.ms) };
      log(
        `  server, ${n} segments: GET document ${doc.ms.map((x) => x.toFixed(1)).join(' / ')} ms (median ${median(doc.ms).toFixed(1)}, ` +
          `${Math.round(doc.bytes / 1024)} KiB decoded); GET qa median ${median(qa.ms).toFixed(1)} ms (${Math.round(qa.bytes / 1024)} KiB)`,
      );
    }
    log(`  ${SMALL} segments:`);
    const a = await measureDocument(browser, app.url, small, log);
    log(`  ${LARGE} segments:`);
    const b = await measureDocument(browser, app.url, large, log);
    log('  cold load of the sample (400 ms RTT, 50 KB/s, cache disabled):');
    const colds: { first: number; app: number }[] = [];
    const trace = process.env.BENCH_BROWSER_TRACE === '1' ? log : undefined;
    for (let i = 0; i < 3; i++)
      colds.push(await coldLoad(browser, app.url, SAMPLE_ID, SLOW, i === 0 ? trace : undefined));
    const cold = median(colds.map((c) => c.first));
    const coldApp = median(colds.map((c) => c.app));
    log(`    first editable cell ${colds.map((c) => Math.round(c.first)).join(' / ')} ms`);
    log(`    the workspace's own cell (the app took over) ${colds.map((c) => Math.round(c.app)).join(' / ')} ms`);

    const openRatio = b.openMs / a.openMs;
    const typingRatio = b.typingP95 / a.typingP95;
    log('');
    log(`| | ${SMALL} segments | ${LARGE} segments | ratio | target |`);
    log('|---|---|---|---|---|');
    log(
      `| navigation → first editable row | ${Math.round(a.openMs)} ms | ${Math.round(b.openMs)} ms | ×${openRatio.toFixed(2)} | ≤ ×${TARGET.openRatio}: ${ok(openRatio <= TARGET.openRatio)} |`,
    );
    log(
      `| typing, keydown → next frame, p95 | ${a.typingP95.toFixed(1)} ms | ${b.typingP95.toFixed(1)} ms | ×${typingRatio.toFixed(2)} | ≤ ×${TARGET.typingRatio} and ≤ ${TARGET.typingMs} ms: ${ok(typingRatio <= TARGET.typingRatio && a.typingP95 <= TARGET.typingMs)} |`,
    );
    log(`| typing p50 | ${a.typingP50.toFixed(1)} ms | ${b.typingP50.toFixed(1)} ms | | |`);
    log(
      `| JS heap after GC | ${a.heapMb.toFixed(1)} MB | ${b.heapMb.toFixed(1)} MB | ×${(b.heapMb / a.heapMb).toFixed(2)} | ≤ ${TARGET.heapMb} MB: ${ok(b.heapMb <= TARGET.heapMb)} |`,
    );
    log(`| rows in the DOM | ${a.rows} | ${b.rows} | | |`);
    log(
      `| server: GET /api/documents/:id (median of 7) | ${server[SMALL]!.doc.toFixed(1)} ms | ${server[LARGE]!.doc.toFixed(1)} ms | ×${(server[LARGE]!.doc / server[SMALL]!.doc).toFixed(1)} | |`,
    );
    log(
      `| server: GET …/qa, every check on every segment (median of 7) | ${server[SMALL]!.qa.toFixed(1)} ms | ${server[LARGE]!.qa.toFixed(1)} ms | ×${(server[LARGE]!.qa / server[SMALL]!.qa).toFixed(1)} | |`,
    );
    log(
      `| long tasks while scrolling | ${a.longTasks.count} (longest ${Math.round(a.longTasks.longest)} ms) | ${b.longTasks.count} (longest ${Math.round(b.longTasks.longest)} ms) | | none: ${ok(b.longTasks.count === 0)} |`,
    );
    log(
      `| cold load of the sample → first editable cell (server's first screen) | ${Math.round(cold)} ms | | | < ${TARGET.coldMs} ms: ${ok(cold < TARGET.coldMs)} |`,
    );
    log(`| cold load of the sample → the app has taken over (every tool works) | ${Math.round(coldApp)} ms | | | |`);
    return 0;
  } finally {
    await browser.close();
    await stopChild(app.child);
  }
}
