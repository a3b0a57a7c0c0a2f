import fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { DocumentEventSchema, type DocumentEvent } from '../../shared/events';
import { errorCode, errorMessage } from './logger';

// journal.jsonl: one DocumentEvent per line, compact JSON, "\n"-terminated, seq 1, 2, 3… without gaps
// (or base+1, base+2… when the document was recovered from a snapshot: see base.json in document-files.ts).

const NEWLINE = 0x0a;

export interface JournalProblem {
  /** 1-based line number. */
  line: number;
  reason: string;
}

export interface ParsedJournal {
  /** Every good line, in order (seq firstSeq+i at index i). */
  events: DocumentEvent[];
  /** Bytes up to and including the newline of the last good line. */
  goodBytes: number;
  /** A bad LAST line: a crash mid-append, never acknowledged. Dropped. */
  torn: JournalProblem | null;
  /** A bad line before the last one: the journal is corrupt. `events` stops before it. */
  corrupt: JournalProblem | null;
}

/** The text written for events: one compact JSON line each. */
export function encodeEvents(events: readonly DocumentEvent[]): string {
  let out = '';
  for (const e of events) out += JSON.stringify(e) + '\n';
  return out;
}

type LineResult = { ok: true; event: DocumentEvent } | { ok: false; reason: string };

function parseLine(text: string, expectedSeq: number): LineResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${errorMessage(err)})` };
  }
  const parsed = DocumentEventSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not a valid event: ${z.prettifyError(parsed.error)}` };
  if (parsed.data.seq !== expectedSeq) {
    return { ok: false, reason: `seq ${parsed.data.seq} where ${expectedSeq} was expected` };
  }
  return { ok: true, event: parsed.data };
}

/** Splits and validates a journal whose first line is `firstSeq`. Never throws: problems are reported in the result. */
export function parseJournal(buf: Buffer, firstSeq = 1): ParsedJournal {
  const events: DocumentEvent[] = [];
  let pos = 0;
  let line = 0;
  while (pos < buf.length) {
    line++;
    const nl = buf.indexOf(NEWLINE, pos);
    const isLast = nl === -1 || nl === buf.length - 1;
    const result: LineResult =
      nl === -1
        ? { ok: false, reason: 'no trailing newline (incomplete write)' }
        : parseLine(buf.toString('utf8', pos, nl), firstSeq + events.length);
    if (!result.ok) {
      const problem = { line, reason: result.reason };
      return { events, goodBytes: pos, torn: isLast ? problem : null, corrupt: isLast ? null : problem };
    }
    events.push(result.event);
    pos = nl + 1;
  }
  return { events, goodBytes: pos, torn: null, corrupt: null };
}

/** The journal's bytes (at most `limit` of them), or null when there is no journal file. */
export async function readJournal(file: string, limit?: number): Promise<Buffer | null> {
  try {
    if (limit === undefined) return await fs.readFile(file);
    const handle = await fs.open(file, 'r');
    try {
      const buf = Buffer.alloc(limit);
      let done = 0;
      while (done < limit) {
        const { bytesRead } = await handle.read(buf, done, limit - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buf.subarray(0, done);
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
}

/** Writes the whole buffer at the end of an append-mode file handle. */
export async function appendAll(handle: FileHandle, buf: Buffer): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await handle.write(buf, done, buf.length - done);
    done += bytesWritten;
  }
}
