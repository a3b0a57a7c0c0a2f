import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isAtomicTempFile, writeFileAtomic } from '../store/atomic-write';
import { errorCode, type StoreLogger } from '../store/logger';
import { isStorageFull, storageFullError } from '../store/storage-full';

export type WriteFile = (file: string, data: string, opts: { mode?: number }) => Promise<void>;

/** The file exists but cannot be used: not JSON, or not what the schema says. */
export class StateFileCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file} ${problem}`);
    this.name = 'StateFileCorruptError';
  }
}

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
    /** Tests replace it (a full disk). */
    private readonly writeFile: WriteFile = writeFileAtomic,
  ) {}

  /** The file's content, or undefined when it does not exist. Invalid content: StateFileCorruptError. */
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
      throw new StateFileCorruptError(this.file, `is not valid JSON (${(err as Error).message})`);
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      throw new StateFileCorruptError(this.file, `is not valid: ${z.prettifyError(parsed.error)}`);
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
      try {
        await this.writeFile(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      } catch (err) {
        // Nothing changed: the old file is intact (atomic rename) and memory follows only after the write.
        if (isStorageFull(err)) throw storageFullError(path.basename(this.file), err);
        throw err;
      }
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
