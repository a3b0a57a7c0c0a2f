import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentEvent } from '../../shared/events';
import { fold, fromDocumentState, type FoldState } from '../../shared/reducer';
import { DocumentStateSchema, type DocumentState } from '../../shared/schemas';
import { isAtomicTempFile, truncateFile, writeFileAtomic } from './atomic-write';
import { parseJournal, readJournal } from './journal';
import { errorCode, errorMessage, type StoreLogger } from './logger';

// DATA_DIR/documents/<docId>/journal.jsonl  — every event, the source of truth
// DATA_DIR/documents/<docId>/snapshot.json  — { "seq": n, "state": DocumentState }, a shortcut for start-up

export interface DocumentPaths {
  dir: string;
  journal: string;
  snapshot: string;
  /** The journal's path relative to DATA_DIR, for messages that may reach clients. */
  journalLabel: string;
}

/** `id` must already be a valid id (see isValidId): it becomes a path segment. */
export function documentPaths(documentsDir: string, id: string): DocumentPaths {
  const dir = path.join(documentsDir, id);
  return {
    dir,
    journal: path.join(dir, 'journal.jsonl'),
    snapshot: path.join(dir, 'snapshot.json'),
    journalLabel: `documents/${id}/journal.jsonl`,
  };
}

/** The journal cannot be replayed: the document stays unavailable until someone repairs the file. */
export class DocumentCorruptError extends Error {}

export interface LoadedDocument {
  state: FoldState;
  /** Journal size in bytes (after dropping a torn last line). */
  size: number;
  /** seq of the snapshot used, 0 if none. */
  snapshotSeq: number;
  /** Events folded on top of the snapshot. */
  replayed: number;
  /** The last `keepEvents` events of the journal. */
  recent: DocumentEvent[];
}

const SnapshotSchema = z.object({ seq: z.number().int().min(1), state: DocumentStateSchema });

export async function writeSnapshot(paths: DocumentPaths, state: DocumentState): Promise<void> {
  await writeFileAtomic(paths.snapshot, JSON.stringify({ seq: state.seq, state }, null, 2) + '\n');
}

/**
 * Snapshot + journal tail → state. Returns null when there is no document (no journal, or an empty one).
 * A torn last line is dropped and the file truncated; any other bad line throws DocumentCorruptError.
 */
export async function loadDocument(
  paths: DocumentPaths,
  id: string,
  logger: StoreLogger,
  keepEvents: number,
): Promise<LoadedDocument | null> {
  const buf = await readJournal(paths.journal);
  if (buf === null) return null;
  const journal = parseJournal(buf);
  if (journal.corrupt) {
    const { line, reason } = journal.corrupt;
    throw new DocumentCorruptError(`${paths.journalLabel} line ${line} is corrupt: ${reason}`);
  }
  if (journal.torn) {
    logger.warn(
      `${paths.journal}: dropping the incomplete last line ${journal.torn.line} (${journal.torn.reason}); ` +
        `it was never acknowledged. Truncating the file from ${buf.length} to ${journal.goodBytes} bytes.`,
    );
    await truncateFile(paths.journal, journal.goodBytes);
  }
  const events = journal.events;
  if (events.length === 0) return null;
  const first = events[0]!;
  if (first.type !== 'DocumentCreated' || first.payload.id !== id) {
    throw new DocumentCorruptError(`${paths.journalLabel} line 1 is not the DocumentCreated event of "${id}"`);
  }

  const snapshot = await readSnapshot(paths, id, events, logger);
  let state: FoldState | null = snapshot ? fromDocumentState(snapshot.state) : null;
  const from = snapshot?.seq ?? 0;
  for (let i = from; i < events.length; i++) {
    const event = events[i]!;
    try {
      state = fold(state, event);
    } catch (err) {
      throw new DocumentCorruptError(
        `${paths.journalLabel} line ${i + 1}: ${event.type} does not apply (${errorMessage(err)})`,
      );
    }
  }
  return {
    state: state!,
    size: journal.goodBytes,
    snapshotSeq: from,
    replayed: events.length - from,
    recent: keepEvents > 0 ? events.slice(-keepEvents) : [],
  };
}

/** A usable snapshot, or null (missing, unreadable or inconsistent with the journal: replay everything). */
async function readSnapshot(
  paths: DocumentPaths,
  id: string,
  events: readonly DocumentEvent[],
  logger: StoreLogger,
): Promise<{ seq: number; state: DocumentState } | null> {
  let text: string;
  try {
    text = await fs.readFile(paths.snapshot, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  const ignore = (why: string) => {
    logger.warn(`${paths.snapshot}: ignoring the snapshot (${why}); replaying the whole journal`);
    return null;
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return ignore(`not valid JSON: ${errorMessage(err)}`);
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) return ignore(`not a valid snapshot: ${z.prettifyError(parsed.error)}`);
  const { seq, state } = parsed.data;
  if (state.id !== id) return ignore(`it is for document "${state.id}"`);
  if (state.seq !== seq) return ignore(`its state is at seq ${state.seq}, not ${seq}`);
  if (seq > events.length) return ignore(`seq ${seq} is ahead of the journal (${events.length} events)`);
  if (events[seq - 1]!.at !== state.updatedAt) return ignore(`it does not match event ${seq} of the journal`);
  return { seq, state };
}

/** Removes leftovers of a snapshot write interrupted by a crash (call at start-up only). */
export async function removeTempFiles(paths: DocumentPaths, logger: StoreLogger): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(paths.dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    if (!isAtomicTempFile(name, 'snapshot.json')) continue;
    logger.warn(`${paths.dir}: removing ${name}, left over from an interrupted snapshot`);
    await fs.rm(path.join(paths.dir, name), { force: true });
  }
}
