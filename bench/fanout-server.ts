import { buildApp } from '../src/server/app';
import { openAuthStore } from '../src/server/auth/auth-store';
import { ensureFirstAdmin } from '../src/server/auth/bootstrap';
import { openJsonFileStore } from '../src/server/store/json-file-store';

// The server of bench/fanout.ts: main.ts's app on DATA_DIR, PORT and HOST, which also prints its memory
// (after a full GC: run with --expose-gc) as one `MEMORY {…}` line on SIGUSR2.

const quiet = { info() {}, warn: console.warn, error: console.error };
const store = await openJsonFileStore({ dataDir: process.env.DATA_DIR!, logger: quiet });
const auth = await openAuthStore({ dataDir: store.dataDir, logger: quiet });
await ensureFirstAdmin(auth.users, process.env.ADMIN_PASSWORD);
const app = await buildApp({ store, auth, logger: false });

process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`MEMORY ${JSON.stringify({ rss, heapUsed, at: Date.now() })}\n`);
});
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await auth.close();
    await store.close();
    process.exit(0);
  })();
});

await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
