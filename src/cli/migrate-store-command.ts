import path from 'node:path';
import { isDatabaseUrl, migrateStore } from '../server/migrate-store';
import type { StoreLogger } from '../server/store/logger';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, type CliIo } from './io';

export interface MigrateStoreOptions {
  from?: string;
  to?: string;
}

/**
 * `visavis migrate-store --from DATA_DIR --to postgres://…` (or back): see server/migrate-store.ts. The
 * servers on both stores must be stopped (a data directory's lock says so; a database cannot tell).
 */
export async function migrateStoreCommand(io: CliIo, opts: MigrateStoreOptions): Promise<number> {
  const from = opts.from ?? io.env?.DATA_DIR;
  const to = opts.to ?? io.env?.DATABASE_URL;
  if (!from || !to) throw new CliError(EXIT_BAD_INPUT, 'say where from and where to: --from <dir|url> --to <dir|url>');
  const resolve = (where: string) => (isDatabaseUrl(where) ? where : path.resolve(io.cwd ?? process.cwd(), where));
  const logger: StoreLogger = {
    info: () => {},
    warn: (...args) => io.stderr(`warning: ${args.join(' ')}\n`),
    error: (...args) => io.stderr(`error: ${args.join(' ')}\n`),
  };
  const started = performance.now();
  try {
    const report = await migrateStore(resolve(from), resolve(to), logger);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout(
      `Migrated ${report.documents} document(s) (${report.events} events), ${report.users} user(s) and ` +
        `${report.sessions} session(s) in ${seconds} s; every document read back from the target folds to the same ` +
        'state (dismissals and settings included), and the accounts and sessions read back the same.\n',
    );
    return 0;
  } catch (err) {
    throw new CliError(EXIT_FAILURE, `migration failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
