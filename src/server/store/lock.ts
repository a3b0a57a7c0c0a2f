import fs from 'node:fs/promises';
import path from 'node:path';
import { errorCode, type StoreLogger } from './logger';

// DATA_DIR/.lock = {"pid": 1234, "startedAt": "…", "cmdline": "…"}: one process owns a data directory.

/** Data directories (real paths) open in this process: a second open of one is refused too. */
const openDirs = new Set<string>();

interface LockInfo {
  pid: number;
  startedAt: string;
  /** The owner's command line (Linux: /proc/self/cmdline), to tell it from a process that reused its pid. */
  cmdline?: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): Promise<void>;
}

function busy(pid: number, dataDir: string): Error {
  return new Error(
    `Another Vis-à-vis server (pid ${pid}) is using the data directory ${dataDir}. ` +
      `Stop that server, or choose another DATA_DIR. If no Vis-à-vis server is using it, ` +
      `delete ${path.join(dataDir, '.lock')} and start again.`,
  );
}

function notOurs(holder: LockInfo, running: string, dataDir: string): Error {
  const file = path.join(dataDir, '.lock');
  return new Error(
    `${file} names pid ${holder.pid} (started ${holder.startedAt}), but that process is not a Vis-à-vis ` +
      `server: it runs ${JSON.stringify(running.slice(0, 200))}. The lock was left behind by a server that did ` +
      `not stop cleanly, and its pid now belongs to another program. If no Vis-à-vis server is using ` +
      `${dataDir}, delete ${file} and start again.`,
  );
}

/** A process's command line, arguments separated by spaces; undefined where /proc is not there to ask. */
async function commandLine(pid: number | 'self'): Promise<string | undefined> {
  try {
    const raw = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.replace(/\0+$/, '').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** Whether the live process `pid` can be the lock's owner, judged by its command line when we can read it. */
async function mayBeOwner(holder: LockInfo): Promise<{ ok: true } | { ok: false; running: string }> {
  const running = await commandLine(holder.pid);
  if (running === undefined) return { ok: true }; // cannot tell (no /proc, or not ours to read): assume busy
  if (holder.cmdline !== undefined) return running === holder.cmdline ? { ok: true } : { ok: false, running };
  // A lock written before the command line was recorded: any Node.js process may be a server.
  return /node|tsx|visavis/i.test(running) ? { ok: true } : { ok: false, running };
}

/** `dataDir` must be an existing directory's real path. */
export async function acquireLock(dataDir: string, logger: StoreLogger): Promise<DataDirLock> {
  if (openDirs.has(dataDir)) throw busy(process.pid, dataDir);
  openDirs.add(dataDir);
  const file = path.join(dataDir, '.lock');
  const cmdline = await commandLine('self');
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...(cmdline ? { cmdline } : {}) };
  try {
    await takeLock(file, mine, dataDir, logger);
  } catch (err) {
    openDirs.delete(dataDir);
    throw err;
  }
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      try {
        const holder = await readLock(file, dataDir);
        if (holder && holder.pid === mine.pid && holder.startedAt === mine.startedAt)
          await fs.rm(file, { force: true });
        else logger.warn(`${file} no longer holds our lock (pid ${mine.pid}); leaving it alone`);
      } finally {
        openDirs.delete(dataDir);
      }
    },
  };
}

async function takeLock(file: string, mine: LockInfo, dataDir: string, logger: StoreLogger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await createExclusive(file, JSON.stringify(mine) + '\n');
      return;
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
      if (attempt >= 3) throw new Error(`Could not take the lock ${file}: other processes keep creating it`);
    }
    const holder = await readLock(file, dataDir);
    if (!holder) continue; // removed in between: try again
    // Our own pid here means a store of this process that was never closed (not in openDirs): stale.
    if (holder.pid !== process.pid && isAlive(holder.pid)) {
      const owner = await mayBeOwner(holder);
      throw owner.ok ? busy(holder.pid, dataDir) : notOurs(holder, owner.running, dataDir);
    }
    logger.warn(
      `${file}: taking over a stale lock of pid ${holder.pid} (started ${holder.startedAt}); that process is gone`,
    );
    await fs.rm(file, { force: true });
  }
}

async function createExclusive(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw err;
  }
  await handle.close();
}

/** The lock's content, or null when there is no lock file. */
async function readLock(file: string, dataDir: string): Promise<LockInfo | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  let info: Partial<LockInfo> | undefined;
  try {
    info = JSON.parse(text) as Partial<LockInfo>;
  } catch {
    info = undefined;
  }
  // pid 0 or negative would address process groups in process.kill: never accept those.
  if (!info || typeof info.pid !== 'number' || !Number.isInteger(info.pid) || info.pid <= 0) {
    throw new Error(
      `${file} exists but is not a valid lock file (${JSON.stringify(text.slice(0, 80))}). ` +
        `If no Vis-à-vis server is using ${dataDir}, delete that file.`,
    );
  }
  return {
    pid: info.pid,
    startedAt: String(info.startedAt ?? 'unknown'),
    ...(typeof info.cmdline === 'string' ? { cmdline: info.cmdline } : {}),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ESRCH') return false;
    if (errorCode(err) === 'EPERM') return true; // exists, owned by another user
    throw err;
  }
}
