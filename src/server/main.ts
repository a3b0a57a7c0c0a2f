import path from 'node:path';
import { buildApp } from './app';
import { appRoot } from './app-root';
import { openAuthStore, type AuthStore } from './auth/auth-store';
import { ensureFirstAdmin } from './auth/bootstrap';
import { seedSample } from './sample';
import { openJsonFileStore } from './store/json-file-store';
import { openPgBackend } from './pg/pg-backend';
import type { LiveOptions } from './routes/live';
import type { DocumentStore } from './store/document-store';

const root = appRoot();
const port = Number(process.env.PORT ?? 8080);
// Loopback by default: sharing on a network is an explicit choice (HOST=0.0.0.0), best behind HTTPS.
const host = process.env.HOST ?? 'localhost';
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), 'data'));
// Set: everything (documents, users, sessions…) lives in this PostgreSQL database, nothing in DATA_DIR.
const databaseUrl = process.env.DATABASE_URL || undefined;
// Request logs are info-level: off by default, LOG_LEVEL=info shows them.
const logger = { level: process.env.LOG_LEVEL ?? 'warn' };
const trustProxy = process.env.TRUST_PROXY === '1';

function announceAdmin(login: string, password: string) {
  const lines = [
    `First start: created the account "${login}" with this one-time password:`,
    '',
    `    ${password}`,
    '',
    `Sign in at http://localhost:${port}/login; you will be asked to choose a new password.`,
    'It is not shown again. (Set ADMIN_PASSWORD on the first start to choose it yourself.)',
  ];
  const rule = '='.repeat(Math.max(...lines.map((l) => l.length)) + 4);
  console.log(`\n${rule}\n${lines.map((l) => `  ${l}`).join('\n')}\n${rule}\n`);
}

/** Where everything lives: the JSON files of DATA_DIR (default), or PostgreSQL when DATABASE_URL is set. */
async function openBackend(): Promise<{
  store: DocumentStore;
  auth: AuthStore;
  live?: LiveOptions;
  where: string;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}> {
  if (databaseUrl) {
    const pg = await openPgBackend({ url: databaseUrl, logger: console });
    const where = new URL(databaseUrl);
    where.password = where.password ? '***' : '';
    return {
      store: pg.store,
      auth: pg.auth,
      live: { presence: pg.presence, revocations: pg.revocations },
      where: `database: ${where.toString()}`,
      exclusive: pg.exclusive,
      close: pg.close,
    };
  }
  const store = await openJsonFileStore({ dataDir, logger: console });
  try {
    const auth = await openAuthStore({ dataDir: store.dataDir, logger: console });
    return {
      store,
      auth,
      where: `data: ${dataDir}`,
      exclusive: (fn) => fn(), // the data directory's lock file already keeps other servers out
      async close() {
        await auth.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function main() {
  let backend;
  try {
    backend = await openBackend();
  } catch (err) {
    console.error(`Vis-à-vis cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  const { store, auth } = backend;
  try {
    // Two servers starting at once on an empty database: one admin, one sample.
    await backend.exclusive(async () => {
      const admin = await ensureFirstAdmin(auth.users, process.env.ADMIN_PASSWORD);
      if (admin?.generated) announceAdmin(admin.login, admin.password);
      else if (admin)
        console.log(`First start: created the account "${admin.login}" with the password in ADMIN_PASSWORD.`);
      if (process.env.SEED_SAMPLE !== '0' && (await seedSample(store, path.join(root, 'samples')))) {
        console.log('Loaded the sample document (Laftit–Darmanin).');
      }
    });
  } catch (err) {
    await backend.close();
    console.error(`Vis-à-vis cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  const app = await buildApp({
    store,
    auth,
    staticDir: path.join(root, 'dist'),
    logger,
    trustProxy,
    ...(backend.live ? { live: backend.live } : {}),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  console.log(`\nVis-à-vis is running: http://localhost:${port}  (${backend.where})\n`);
}

void main();
