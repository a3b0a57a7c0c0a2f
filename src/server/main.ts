import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { seedSample } from './sample';
import { openJsonFileStore } from './store/json-file-store';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 8080);
// Loopback by default: there are no accounts yet, so sharing on a network is an explicit choice (HOST=0.0.0.0).
const host = process.env.HOST ?? 'localhost';
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), 'data'));
// Request logs are info-level: off by default, LOG_LEVEL=info shows them.
const logger = { level: process.env.LOG_LEVEL ?? 'warn' };

async function main() {
  let store;
  try {
    store = await openJsonFileStore({ dataDir, logger: console });
  } catch (err) {
    console.error(`Vis-à-vis cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  if (process.env.SEED_SAMPLE !== '0' && (await seedSample(store, path.join(root, 'samples')))) {
    console.log('Loaded the sample document (Laftit–Darmanin).');
  }
  const app = await buildApp({ store, staticDir: path.join(root, 'dist'), logger });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  console.log(`\nVis-à-vis is running: http://localhost:${port}  (data: ${dataDir})\n`);
}

void main();
