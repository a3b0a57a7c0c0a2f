import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const isCI = !!process.env.CI;
// Debian's Chromium when present (browsers cannot be downloaded here); otherwise Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// Chromium refuses to start its sandbox as root (CI containers run as root).
const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

// The smoke project (e2e/smoke) runs against any deployment: E2E_BASE_URL with E2E_TOKEN and/or E2E_LOGIN +
// E2E_PASSWORD. Without E2E_BASE_URL, `npm test` starts the built server on a temporary DATA_DIR and points
// the same variables at it (global setup makes the API token there, through the API, once the server is up),
// so the smoke set always goes through the E2E_BASE_URL path, with a password and with a token alone.
const SMOKE_PORT = Number(process.env.SMOKE_PORT ?? 8795);
const localSmoke = !process.env.E2E_BASE_URL;
if (localSmoke) {
  process.env.E2E_BASE_URL = `http://127.0.0.1:${SMOKE_PORT}`;
  process.env.E2E_LOGIN = 'admin';
  process.env.E2E_PASSWORD = 'smoke admin password';
  process.env.E2E_SMOKE_LOCAL = '1';
}

export default defineConfig({
  testDir: 'e2e',
  // Each test starts its own server on a fresh DATA_DIR (see e2e/fixtures/test.ts).
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Two cores: one worker per core keeps server start-up and Chromium from starving each other.
  workers: 2,
  // Generous: each test starts its own server and browser contexts, and on a loaded two-core machine a spec with
  // two reviewers took over 45 s (the same specs take ~10 s on a quiet one).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        ...sandboxArgs,
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: ['smoke/**'] },
    { name: 'smoke', testDir: 'e2e/smoke', use: { baseURL: process.env.E2E_BASE_URL } },
  ],
  ...(localSmoke
    ? {
        webServer: {
          command: 'node scripts/smoke-server.mjs',
          url: `http://127.0.0.1:${SMOKE_PORT}/api/health`,
          env: { PORT: String(SMOKE_PORT), ADMIN_PASSWORD: process.env.E2E_PASSWORD! },
          reuseExistingServer: false,
          timeout: 60_000,
        },
      }
    : {}),
});
