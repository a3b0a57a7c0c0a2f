import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import postgres from 'postgres';
import { precompress } from './scripts/precompress';

/** The API tests that run a second time on PostgreSQL (VISAVIS_TEST_STORE=postgres): those of the API, not of DATA_DIR's files. */
const API_TESTS_ON_POSTGRES = [
  'src/server/app.test.ts',
  'src/server/auth/auth-api.test.ts',
  'src/server/events-paging.test.ts',
  'src/server/glossary-upload.test.ts',
  'src/server/limits.test.ts',
  'src/server/live/comments-and-mentions.test.ts',
  'src/server/live/live.test.ts',
  'src/server/mqm-routes.test.ts',
  'src/server/permissions.test.ts',
  'src/server/qa-routes.test.ts',
  'src/server/security-headers.test.ts',
  'src/server/structure-api.test.ts',
  'src/server/workflow.test.ts',
  'src/server/tokens/tokens-api.test.ts',
  'src/server/gate-api.test.ts',
  'src/server/webhooks/webhooks-api.test.ts',
];

// One config for the UI build and for Vitest: node tests for shared/server/cli, jsdom for the client.
/** Can the PostgreSQL suites run? (The same check as src/server/pg/test-database.ts, which says why not.) */
async function postgresUsable(): Promise<boolean> {
  const url = process.env.TEST_DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres';
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql`SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user`;
    return row?.ok === true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

// Only Vitest probes for a PostgreSQL (the UI build does not need one).
const withPostgres = !!process.env.VITEST && (await postgresUsable());

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which files each page needs, for the server's preload hints (src/server/preload.ts).
    manifest: true,
    // One stylesheet (25 kB, 5 kB compressed), named by index.html: a page's code split off with its own CSS
    // waits for that file before it runs, one more round trip on a slow network (issue #10).
    cssCodeSplit: false,
    // Modules run in import order even across split chunks: main.tsx's first import (lib/zod-csp.ts) must set
    // zod's jitless mode before any schema exists, or zod's eval probe breaks the CSP.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: {
    // Generous: worker threads start through tsx in tests, and CI's two cores are shared with the build.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Is there a PostgreSQL for the PostgreSQL suites? Says so when they are skipped.
          globalSetup: ['src/server/pg/postgres-global-setup.ts'],
          include: [
            'src/shared/**/*.test.ts',
            'src/server/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'locales/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      // Without a PostgreSQL (see src/server/pg/postgres-global-setup.ts, which says so) this project is left out.
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'node-postgres',
                environment: 'node',
                include: API_TESTS_ON_POSTGRES,
                env: { VISAVIS_TEST_STORE: 'postgres' },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/client/**/*.test.{ts,tsx}'],
          setupFiles: ['src/client/test/setup.ts'],
        },
      },
    ],
  },
});
