import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress';

// One config for the UI build and for Vitest: node tests for shared/server/cli, jsdom for the client.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which files each page needs, for the server's preload hints (src/server/preload.ts).
    manifest: true,
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
          ],
        },
      },
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
