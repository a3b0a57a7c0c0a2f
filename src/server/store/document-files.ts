import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentEvent } from '../../shared/events';
import { fold, fromDocumentState, type FoldState } from '../../shared/reducer';
import { DocumentStateSchema, type DocumentState } from '../../shared/schemas';
import { fsyncDir, isAtomicTempFile, truncateFile, writeFileAtomic } from './atomic-write';
import { parseJournal, readJournal } from './journal';
import { errorCode, errorMessage, type StoreLogger } from './logger';

// DATA_DIR/documents/<docId>/journal.jsonl  — every event, the source of truth
// DATA_DIR/documents/<docId>/snapshot.json  — { "seq": n, "state": DocumentState }, a shortcut for start-up
// DATA_DIR/documents/<docId>/base.json      — only in a document recovered from its snapshot after its journal
//   was lost: the state at seq n (same format, never rewritten); the journal then holds seq n+1, n+2…

export interface DocumentPaths {
  dir: string;
  journal: string;
  snapshot: string;
  base: string;
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
    base: path.join(dir, 'base.json'),
    journalLabel: `documents/${id}/journal.jsonl`,
  };
}

/** The journal cannot be replayed: the document stays unavailable until someone repairs the file. */
export class DocumentCorruptError extends Error {
  constructor(
    message: string,
    /** The document as far as it could be read (before the bad line), to list it by name; null if nothing. */
    readonly lastKnown: FoldState | null = null,
  ) {
    super(message);
    this.name = 'DocumentCorruptError';
  }
}

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
  /** seq of base.json (the journal starts after it), 0 if none. */
  baseSeq: number;
}

const SnapshotSchema = z.object({ seq: z.number().int().min(1), state: DocumentStateSchema });

export async function writeSnapshot(paths: DocumentPaths, state: DocumentState): Promise<void> {
  await writeFileAtomic(paths.snapshot, JSON.stringify({ seq: state.seq, state }, null, 2) + '\n');
}

type StateFile = { seq: number; state: DocumentState };

/** snapshot.json or base.json: its content, `{ problem }` when it cannot be used, null when there is none. */
async function readStateFile(file: string, id: string): Promise<StateFile | { problem: string } | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problem: `not valid JSON: ${errorMessage(err)}` };
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) return { problem: `not a valid snapshot: ${z.prettifyError(parsed.error)}` };
  const { seq, state } = parsed.data;
  if (state.id !== id) return { problem: `it is for document "${state.id}"` };
  if (state.seq !== seq) return { problem: `its state is at seq ${state.seq}, not ${seq}` };
  return parsed.data;
}

/** The events folded on top of `base` up to the first that does not apply: what is known of a broken document. */
function foldWhilePossible(base: StateFile | null, events: readonly DocumentEvent[]): FoldState | null {
  let state: FoldState | null = base ? fromDocumentState(base.state) : null;
  for (const event of events) {
    try {
      state = fold(state, event);
    } catch {
      break;
    }
  }
  return state;
}

/** An empty journal.jsonl, durable, for a document whose state so far is in base.json. */
async function createEmptyJournal(paths: DocumentPaths): Promise<void> {
  const handle = await fs.open(paths.journal, 'w');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(paths.dir);
}

/**
 * Base + snapshot + journal tail → state. Returns null when the folder holds no document: no event in the
 * journal (missing, empty, or only a torn line) and no snapshot. A torn last line is dropped and the file
 * truncated; any other bad line throws DocumentCorruptError.
 *
 * A journal lost (missing or empty) beside a usable snapshot.json is recovered from the snapshot: its
 * content becomes base.json, and an empty journal continues from the seq after it. The events before that
 * seq are gone (history, diffs and exports start there); the document itself is whole.
 */
export async function loadDocument(
  paths: DocumentPaths,
  id: string,
  logger: StoreLogger,
  keepEvents: number,
): Promise<LoadedDocument | null> {
  const baseFile = await readStateFile(paths.base, id);
  if (baseFile && 'problem' in baseFile) {
    throw new DocumentCorruptError(`documents/${id}/base.json (the state before the journal) is ${baseFile.problem}`);
  }
  const base = baseFile;
  const baseSeq = base?.seq ?? 0;
  const buf = await readJournal(paths.journal);
  const journal = buf === null ? null : parseJournal(buf, baseSeq + 1);
  if (journal?.corrupt) {
    const { line, reason } = journal.corrupt;
    // A full journal restored from a backup beside base.json starts at seq 1: base.json is then in the way.
    const hint = base
      ? ` (it must continue base.json, at seq ${baseSeq}; to restore older events, put them in front and delete base.json)`
      : '';
    throw new DocumentCorruptError(
      `${paths.journalLabel} line ${line} is corrupt: ${reason}${hint}`,
      foldWhilePossible(base, journal.events),
    );
  }
  if (buf && journal?.torn) {
    logger.warn(
      `${paths.journal}: dropping the incomplete last line ${journal.torn.line} (${journal.torn.reason}); ` +
        `it was never acknowledged. Truncating the file from ${buf.length} to ${journal.goodBytes} bytes.`,
    );
    await truncateFile(paths.journal, journal.goodBytes);
  }
  const events = journal?.events ?? [];
  if (events.length === 0 && !base) return recoverFromSnapshot(paths, id, logger, buf === null ? 'missing' : 'empty');
  if (buf === null) {
    logger.warn(`${paths.journal} was missing; recreated it empty (the document continues from base.json)`);
    await createEmptyJournal(paths);
  }
  if (!base) {
    const first = events[0]!;
    if (first.type !== 'DocumentCreated' || first.payload.id !== id) {
      throw new DocumentCorruptError(`${paths.journalLabel} line 1 is not the DocumentCreated event of "${id}"`);
    }
  }

  const snapshot = await readSnapshot(paths, id, events, baseSeq, logger);
  let state: FoldState | null = snapshot
    ? fromDocumentState(snapshot.state)
    : base
      ? fromDocumentState(base.state)
      : null;
  const from = snapshot?.seq ?? baseSeq;
  for (let i = from - baseSeq; i < events.length; i++) {
    const event = events[i]!;
    try {
      state = fold(state, event);
    } catch (err) {
      throw new DocumentCorruptError(
        `${paths.journalLabel} line ${i + 1}: ${event.type} does not apply (${errorMessage(err)})`,
        state,
      );
    }
  }
  return {
    state: state!,
    size: journal?.goodBytes ?? 0,
    snapshotSeq: from,
    replayed: events.length - (from - baseSeq),
    recent: keepEvents > 0 ? events.slice(-keepEvents) : [],
    baseSeq,
  };
}

/** No event in the journal: the snapshot, if any, becomes base.json and an empty journal follows it. */
async function recoverFromSnapshot(
  paths: DocumentPaths,
  id: string,
  logger: StoreLogger,
  journalWas: 'missing' | 'empty',
): Promise<LoadedDocument | null> {
  const snapshot = await readStateFile(paths.snapshot, id);
  if (snapshot === null) return null;
  if ('problem' in snapshot) {
    throw new DocumentCorruptError(
      `${paths.journalLabel} is ${journalWas} and documents/${id}/snapshot.json cannot replace it: ${snapshot.problem}`,
    );
  }
  // base.json first: a crash before the journal is recreated leaves base.json and no journal, handled above.
  await writeFileAtomic(paths.base, JSON.stringify(snapshot, null, 2) + '\n');
  await createEmptyJournal(paths);
  logger.warn(
    `${paths.journal} was ${journalWas}: recovered document ${id} at seq ${snapshot.seq} from snapshot.json ` +
      `(now base.json; the journal continues from seq ${snapshot.seq + 1}). The events before are lost: ` +
      `its history starts there.`,
  );
  return {
    state: fromDocumentState(snapshot.state),
    size: 0,
    snapshotSeq: snapshot.seq,
    replayed: 0,
    recent: [],
    baseSeq: snapshot.seq,
  };
}

/** A usable snapshot, or null (missing, unreadable, older than base.json or inconsistent with the journal). */
async function readSnapshot(
  paths: DocumentPaths,
  id: string,
  events: readonly DocumentEvent[],
  baseSeq: number,
  logger: StoreLogger,
): Promise<StateFile | null> {
  const snapshot = await readStateFile(paths.snapshot, id);
  if (snapshot === null) return null;
  const ignore = (why: string) => {
    logger.warn(`${paths.snapshot}: ignoring the snapshot (${why}); replaying the whole journal`);
    return null;
  };
  if ('problem' in snapshot) return ignore(snapshot.problem);
  const { seq, state } = snapshot;
  if (seq <= baseSeq) return null; // base.json is at least as recent
  const last = baseSeq + events.length;
  if (seq > last) return ignore(`seq ${seq} is ahead of the journal (${last} events)`);
  if (events[seq - baseSeq - 1]!.at !== state.updatedAt) return ignore(`it does not match event ${seq} of the journal`);
  return snapshot;
}

/**
 * Removes a folder that holds no document (loadDocument found nothing): nothing in it was ever
 * acknowledged (a creation interrupted before its first event was durable). Only when it holds nothing else
 * than its (empty) journal: true when removed.
 */
export async function removeEmptyDocumentDir(paths: DocumentPaths, documentsDir: string, logger: StoreLogger) {
  const names = await fs.readdir(paths.dir);
  if (names.some((n) => n !== path.basename(paths.journal))) return false;
  await fs.rm(paths.dir, { recursive: true, force: true });
  await fsyncDir(documentsDir);
  logger.warn(`${paths.dir}: removed; its journal held no event (a creation that never completed)`);
  return true;
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
    if (!isAtomicTempFile(name, 'snapshot.json') && !isAtomicTempFile(name, 'base.json')) continue;
    logger.warn(`${paths.dir}: removing ${name}, left over from an interrupted snapshot`);
    await fs.rm(path.join(paths.dir, name), { force: true });
  }
}
