import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { BENCH_LOGIN, BENCH_PASSWORD } from './browser-app';

// One figure each: opening a document, typing in it, its JS heap, rows in the DOM, long tasks while
// scrolling, and a cold load over a slow network. Timings are read from the page's own clock.

// The app's own cell (in #root), not the server's first screen (#first-screen, server/first-screen.ts): opening
// and typing are measured on the workspace itself; the cold load reports both.
const CELL = 'textarea[aria-label="Translation of segment 1"]';
const FIRST_CELL = `#root ${CELL}`;
const FIRST_SCREEN_CELL = `#first-screen ${CELL}`;

/** A browser context signed in as the bench reviewer (the session cookie is set by the API answer). */
export async function signedInContext(browser: Browser, url: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  const res = await context.request.post('/api/session', { data: { login: BENCH_LOGIN, password: BENCH_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in: ${res.status()} ${await res.text()}`);
  return context;
}

/** Navigation start → the workspace's first translation cell in the DOM, editable (page clock, ms). */
export async function openDocument(page: Page, docId: string, timeoutMs = 180_000): Promise<number> {
  return (await openTimes(page, docId, timeoutMs)).app;
}

/**
 * Navigation start → the first editable translation cell (the server's first screen, or the app's when there is
 * none), and → the workspace's own (the app has taken over: flags, shortcuts, live). Page clock, ms.
 */
export async function openTimes(page: Page, docId: string, timeoutMs: number): Promise<{ first: number; app: number }> {
  await page.goto(`/documents/${encodeURIComponent(docId)}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    ([firstScreen, app]) => {
      const w = window as unknown as { __first?: number };
      // No named inner functions: the bundler's name helper does not exist in the page.
      const [onFirstScreen, inApp] = [firstScreen, app].map((sel) => {
        const el = document.querySelector<HTMLTextAreaElement>(sel);
        return !!el && el.getAttribute('aria-readonly') !== 'true';
      });
      const now = performance.now();
      if (w.__first === undefined && (onFirstScreen || inApp)) w.__first = now;
      return inApp ? { first: w.__first ?? now, app: now } : null;
    },
    [FIRST_SCREEN_CELL, FIRST_CELL] as const,
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as { first: number; app: number };
}

/**
 * Types `keys` characters at the end of segment 1's translation: bursts of 10 keys 80 ms apart, then a
 * pause of 700 ms (autosave runs after 500 ms), so some keys land after a save re-rendered the page.
 * Each figure: the keydown event's timestamp → the end of the next frame (a task posted from
 * requestAnimationFrame runs after that frame's paint).
 */
export async function typingLatencies(page: Page, keys: number): Promise<number[]> {
  const cell = page.locator(FIRST_CELL);
  await cell.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    window.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => w.__lat.push(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
  const letters = 'abcdefghij';
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(letters[i % letters.length]!);
    await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, i, {
      polling: 10,
      timeout: 120_000,
    });
    await page.waitForTimeout(i % 10 === 9 ? 700 : 80);
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

export async function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** JS heap in use after a full garbage collection (bytes). */
export async function heapUsed(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

export async function rowsInDom(page: Page): Promise<number> {
  return page.locator('textarea[aria-label^="Translation of segment "]').count();
}

/**
 * Long tasks (≥ 50 ms) while scrolling the segments with the mouse wheel, 60 notches of 400 px, 30 ms apart,
 * then a jump to the middle and one to the end: count and the longest (ms).
 */
export async function scrollLongTasks(page: Page): Promise<{ count: number; longest: number; total: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const box = await page.getByRole('textbox', { name: 'Translation of segment 1', exact: true }).boundingBox();
  await page.mouse.move((box?.x ?? 700) + 20, (box?.y ?? 400) + 20);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(30);
  }
  for (const where of [0.5, 1]) {
    await page.evaluate((f) => {
      const wrap = document.querySelector('table')?.parentElement;
      const scroller =
        wrap && wrap.scrollHeight > wrap.clientHeight + 1 ? wrap : (document.scrollingElement ?? document.body);
      scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f;
    }, where);
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(300);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return { count: long.length, longest: Math.max(0, ...long), total: long.reduce((a, b) => a + b, 0) };
}

/**
 * The sample's workspace from an empty cache over a slow network: navigation → first editable cell, and → the
 * workspace's own cell (ms).
 * With `trace`, each request the page made before then: start → end (ms from the first), bytes on the wire
 * and path (what waits for what, and which files weigh).
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  docId: string,
  network: { latencyMs: number; bytesPerSecond: number },
  trace?: (line: string) => void,
): Promise<{ first: number; app: number }> {
  const context = await signedInContext(browser, url);
  try {
    const page = await context.newPage();
    const session = await cdp(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: network.bytesPerSecond,
      uploadThroughput: network.bytesPerSecond,
    });
    const requests = new Map<string, { path: string; start: number; end?: number; bytes?: number }>();
    session.on('Network.requestWillBeSent', (e) =>
      requests.set(e.requestId, { path: e.request.url.replace(url, ''), start: e.timestamp }),
    );
    session.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
    });
    const ms = await openTimes(page, docId, 120_000);
    if (trace) {
      const t0 = Math.min(...[...requests.values()].map((r) => r.start));
      const at = (t: number | undefined) => (t === undefined ? '…' : String(Math.round((t - t0) * 1000)));
      for (const r of requests.values())
        trace(
          `      ${at(r.start).padStart(5)} → ${at(r.end).padStart(5)} ms ${String(r.bytes ?? '').padStart(7)} B  ${r.path}`,
        );
    }
    return ms;
  } finally {
    await context.close();
  }
}

export function percentileOf(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]) => percentileOf(values, 50);
