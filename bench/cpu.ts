import { readFileSync } from 'node:fs';

// CPU seconds used by a process so far (Linux /proc; null elsewhere), to tell CPU-bound from I/O-bound.

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every mainstream Linux build

export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU seconds of this process (the load generator). */
export function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
