import path from 'node:path';
import { buildApp } from './app';
import { appRoot } from './app-root';
import { openAuthStore, type AuthStore } from './auth/auth-store';
import { ensureFirstAdmin } from './auth/bootstrap';
import { seedSample } from './sample';
import { openJsonFileStore } from './store/json-file-store';

const root = appRoot();
const port = Number(process.env.PORT ?? 8080);
// Loopback by default: sharing on a network is an explicit choice (HOST=0.0.0.0), best behind HTTPS.
const host = process.env.HOST ?? 'localhost';
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), 'data'));
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

async function main() {
  let store;
  let auth: AuthStore;
  try {
    store = await openJsonFileStore({ dataDir, logger: console });
    auth = await openAuthStore({ dataDir: store.dataDir, logger: console });
    const admin = await ensureFirstAdmin(auth.users, process.env.ADMIN_PASSWORD);
    if (admin?.generated) announceAdmin(admin.login, admin.password);
    else if (admin)
      console.log(`First start: created the account "${admin.login}" with the password in ADMIN_PASSWORD.`);
  } catch (err) {
    await store?.close();
    console.error(`Vis-à-vis cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  if (process.env.SEED_SAMPLE !== '0' && (await seedSample(store, path.join(root, 'samples')))) {
    console.log('Loaded the sample document (Laftit–Darmanin).');
  }
  const app = await buildApp({ store, auth, staticDir: path.join(root, 'dist'), logger, trustProxy });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await auth.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  console.log(`\nVis-à-vis is running: http://localhost:${port}  (data: ${dataDir})\n`);
}

void main();
