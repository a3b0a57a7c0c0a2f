import { randomBytes } from 'node:crypto';
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { makeSegments, type CorpusSegment } from './corpus';
import { freePort, LOOPBACK, makeTempDir, startChild, waitForHttp, type Child } from './processes';
import { ROOT } from './config';

// The built app (node build/main.js) on a temp DATA_DIR with the sample, a reviewer account, and the
// generated documents the browser benchmark opens.

export const BENCH_LOGIN = 'bench-reviewer';
export const BENCH_PASSWORD = 'bench reviewer password';

export interface BenchApp {
  url: string;
  child: Child;
  /** Creates an Arabic → French document of `count` generated paragraphs; resolves with its id. */
  createDocument(count: number): Promise<string>;
  /** GETs an API path `times` times, one after another: each answer's time to its last byte (ms) and size. */
  timeGet(apiPath: string, times: number): Promise<{ ms: number[]; bytes: number }>;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(url: string, login: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`signing in as ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function post<T>(url: string, s: Session, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * Arabic sources, French translations (the corpus generates French → Arabic pairs: swapped), of 200–400
 * characters, with one long paragraph (~3,000 characters) every 500 so rows differ in height.
 */
export function arFrSegments(count: number): CorpusSegment[] {
  const pairs = makeSegments(count);
  return pairs.map((p, i) => {
    if (i % 500 !== 250) return { source: p.target, target: p.source };
    const longer = (s: string) => Array.from({ length: 10 }, () => s).join(' ');
    return { source: longer(p.target), target: longer(p.source) };
  });
}

const SKIP = new Set(['.git', 'node_modules', 'data', 'test-results', 'playwright-report', '.tmp']);

/** A frozen copy of the built app (node_modules linked): a `vite build` elsewhere in the tree cannot change it mid-run. */
async function frozenApp(): Promise<string> {
  const copy = await makeTempDir('visavis-browser-app-');
  await cp(ROOT, copy, {
    recursive: true,
    filter: (src) => path.dirname(src) !== ROOT || !SKIP.has(path.basename(src)),
  });
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

export async function startBenchApp(log: (line: string) => void): Promise<BenchApp> {
  const appRoot = await frozenApp();
  const dataDir = await makeTempDir('visavis-browser-bench-');
  const adminPassword = randomBytes(18).toString('base64url');
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const child = startChild('vis-à-vis server', ['build/main.js'], {
    cwd: appRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: LOOPBACK,
      DATA_DIR: dataDir,
      SEED_SAMPLE: '1',
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: adminPassword,
    },
  });
  await waitForHttp(child, `${url}/api/health`);
  const admin = await signIn(url, 'admin', adminPassword);
  await post(`${url}/api/users`, admin, {
    login: BENCH_LOGIN,
    displayName: 'Bench Reviewer',
    password: BENCH_PASSWORD,
    roles: ['translator', 'reviewer', 'editor'],
  });
  const me = await signIn(url, BENCH_LOGIN, BENCH_PASSWORD);
  log(`  server ${url} (build/main.js, DATA_DIR ${dataDir}, the sample seeded)`);

  async function createDocument(count: number): Promise<string> {
    const segments = arFrSegments(count);
    const t0 = performance.now();
    const { document } = await post<{ document: { id: string; segments: { id: string; target: string }[] } }>(
      `${url}/api/documents`,
      me,
      { title: `Banc d’essai — ${count} paragraphes`, sourceLang: 'ar', targetLang: 'fr', segments },
    );
    // One flag per hundred segments, as a reviewed document has: the flags panel and heat strip have work.
    for (let i = 0; i < count; i += 100) {
      const seg = document.segments[Math.min(count - 1, i + 42)]!;
      const end = seg.target.indexOf(' ');
      await post(`${url}/api/documents/${document.id}/flags`, me, {
        segmentId: seg.id,
        side: 'target',
        start: 0,
        end,
        quote: seg.target.slice(0, end),
        category: 'fluency/spelling',
        severity: i % 300 === 0 ? 'major' : 'minor',
        correction: seg.target.slice(0, end),
        comment: '',
        baseVersion: 1,
      });
    }
    log(
      `  created ${document.id}: ${count} segments, ${Math.ceil(count / 100)} flags (${Math.round(performance.now() - t0)} ms)`,
    );
    return document.id;
  }

  async function timeGet(apiPath: string, times: number) {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}${apiPath}`, { headers: { cookie: me.cookie, 'accept-encoding': 'br, gzip' } });
      const body = await res.arrayBuffer();
      ms.push(performance.now() - t0);
      if (!res.ok) throw new Error(`GET ${apiPath}: ${res.status}`);
      bytes = body.byteLength;
    }
    return { ms, bytes };
  }

  return { url, child, createDocument, timeGet };
}
