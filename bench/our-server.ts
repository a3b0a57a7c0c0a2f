import { ROOT, SERVER_ENTRY } from './config';
import { freePort, LOOPBACK, startChild, waitForHttp, type Child } from './processes';

// Our server as a child process (main.ts's environment contract), and signing in as its first admin: shared
// by the write, health and kill -9 benchmarks.

/** Starts SERVER_ENTRY (a .ts entry runs through tsx) on a free loopback port and waits until it answers. */
export async function startOurServer(opts: {
  dataDir: string;
  /** The first start creates `admin` with this password; later starts on the same DATA_DIR ignore it. */
  adminPassword: string;
  /** Node options before the entry (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Everything in this PostgreSQL database instead of DATA_DIR. */
  databaseUrl?: string;
}): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const entry = SERVER_ENTRY.endsWith('.ts') ? ['--import', 'tsx', SERVER_ENTRY] : [SERVER_ENTRY];
  const child = startChild('vis-à-vis server', [...(opts.nodeArgs ?? []), ...entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: LOOPBACK,
      DATA_DIR: opts.dataDir,
      SEED_SAMPLE: '0',
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: opts.adminPassword,
      DATABASE_URL: opts.databaseUrl ?? '',
    },
  });
  await waitForHttp(child, `${url}/api/health`);
  return { child, url };
}

/**
 * Signs in as `admin`: the session cookie and CSRF header to send with every request. A server without
 * accounts answers 404, and then there is nothing to send.
 */
export async function signInAsAdmin(url: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status === 404) return {};
  if (!res.ok) throw new Error(`signing in as admin: ${res.status} ${text.slice(0, 300)}`);
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}
