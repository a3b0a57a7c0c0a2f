import { PERMISSIONS } from '../src/shared/permissions';

/**
 * For the smoke set against the server `npm test` starts (playwright.config.ts): an API token of its admin,
 * made through the API as a QA team makes one on the account page, in E2E_TOKEN for the workers. The server
 * is up by then (Playwright starts webServer before global setup). Nothing to do against a deployment.
 */
export async function makeLocalSmokeToken(): Promise<void> {
  if (process.env.E2E_SMOKE_LOCAL !== '1' || process.env.E2E_TOKEN) return;
  const base = process.env.E2E_BASE_URL!;
  const signIn = await fetch(new URL('/api/session', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: process.env.E2E_LOGIN, password: process.env.E2E_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`smoke server: admin sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const made = await fetch(new URL('/api/tokens', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'smoke', expiresInDays: 1, permissions: Object.keys(PERMISSIONS) }),
  });
  if (!made.ok) throw new Error(`smoke server: making the API token failed: ${made.status} ${await made.text()}`);
  process.env.E2E_TOKEN = ((await made.json()) as { secret: string }).secret;
}
