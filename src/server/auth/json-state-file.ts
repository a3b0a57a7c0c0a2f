import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isAtomicTempFile, writeFileAtomic } from '../store/atomic-write';
import { errorCode, type StoreLogger } from '../store/logger';

export interface Change<S extends z.ZodType, R> {
  data: z.input<S>;
  result: R;
  commit?: () => void;
}

/**
 * One small JSON file under DATA_DIR (users.json, sessions.json): validated with zod when read,
 * written whole, pretty and atomically (temp file, fsync, rename), one write at a time.
 */
export class JsonStateFile<S extends z.ZodType> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: S,
  ) {}

  /** The file's content, or undefined when it does not exist. Invalid content stops the server: it names the file. */
  async read(logger: StoreLogger): Promise<z.infer<S> | undefined> {
    await this.removeTempFiles(logger);
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new Error(`${this.file} is not valid JSON (${(err as Error).message}). Fix or restore it from a backup.`);
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${this.file} is not valid: ${z.prettifyError(parsed.error)}. Fix or restore it from a backup.`);
    }
    return parsed.data;
  }

  /**
   * Runs `change` alone (no other change of this file in between), writes the data it returns, then calls
   * its `commit` (so memory follows the disk, never leads it) and resolves with its result.
   */
  exclusive<R>(change: () => Change<S, R> | Promise<Change<S, R>>): Promise<R> {
    const run = this.queue.then(async () => {
      const { data, result, commit } = await change();
      // Owner-only: password hashes and session hashes are nobody else's business on a shared machine.
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      commit?.();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for the writes queued so far. */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Leftovers of a crash in the middle of a write (the file itself is intact: rename is atomic). */
  private async removeTempFiles(logger: StoreLogger) {
    const dir = path.dirname(this.file);
    const base = path.basename(this.file);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return;
      throw err;
    }
    for (const name of names.filter((n) => isAtomicTempFile(n, base))) {
      logger.warn(`${path.join(dir, name)}: removing an unfinished write`);
      await fs.rm(path.join(dir, name), { force: true });
    }
  }
}
