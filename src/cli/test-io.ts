import type { CliIo } from './visavis';

/** A CliIo for tests: what the command printed, on each stream, and the environment it sees. */
export function capture(extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, ...extra };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
