import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './logger';

/** Makes a directory's entries (a new or renamed file) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals metadata anyway.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files of writeFileAtomic are named `.<name>.<random>.tmp`, beside the target. */
export function isAtomicTempFile(fileName: string, target: string): boolean {
  return fileName.startsWith(`.${target}.`) && fileName.endsWith('.tmp');
}

/**
 * Replaces `file` so that a reader (or a crash) sees either the old content or the new one, never a mix:
 * write a temp file in the same directory, fsync it, rename it over, fsync the directory.
 */
export async function writeFileAtomic(file: string, data: string, opts: { mode?: number } = {}): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx', opts.mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** Cuts a file back to `size` bytes and makes that durable. A missing file counts as empty. */
export async function truncateFile(file: string, size: number): Promise<void> {
  let handle;
  try {
    handle = await fs.open(file, 'r+');
  } catch (err) {
    if (errorCode(err) === 'ENOENT' && size === 0) return;
    throw err;
  }
  try {
    await handle.truncate(size);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
