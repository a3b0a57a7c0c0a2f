import { z } from 'zod';
import { EventPayloadSchemas, type NewEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import { overLimit, type LimitViolation } from '../../shared/limits';
import { LIMITS } from '../../shared/schemas';
import {
  buildDocuments,
  parseWmtTsv,
  type WmtImportedDocument,
  type WmtIssue,
  type WmtRow,
} from '../../shared/formats/wmt-tsv';
import { AppError } from '../errors';
import type { DocumentStore } from '../store/document-store';

type FlagEvent = Extract<NewEvent, { type: 'FlagCreated' }>;

/** Consecutive flags of one rater: one append each (the store's actor is per append), in file order. */
function runsByRater(imported: WmtImportedDocument): { actor: string; events: FlagEvent[] }[] {
  const runs: { actor: string; events: FlagEvent[] }[] = [];
  for (const f of imported.flags) {
    const last = runs[runs.length - 1];
    const event: FlagEvent = { type: 'FlagCreated', payload: f.payload };
    if (last && last.actor === f.actor) last.events.push(event);
    else runs.push({ actor: f.actor, events: [event] });
  }
  return runs;
}

/**
 * Writes every document of an import (DocumentCreated by `actor`, then each rater's flags under the rater's
 * name), or none: when one fails (a full disk…), those already written are removed before the error is
 * rethrown. Check them first (parseWmtFile's violations, importProblems): then only the store can fail.
 */
export async function importDocuments(
  store: DocumentStore,
  documents: readonly WmtImportedDocument[],
  actor: string,
): Promise<void> {
  // Documents whose create was not refused as a duplicate id are ours to remove (even half-written).
  const ours = new Set<string>();
  // All at once: their journals are separate files, so writes and fsyncs overlap.
  const results = await Promise.allSettled(
    documents.map(async (d) => {
      try {
        await store.create({ type: 'DocumentCreated', payload: d.document }, actor);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'DOCUMENT_EXISTS')) ours.add(d.document.id);
        throw err;
      }
      ours.add(d.document.id);
      // Not awaited one by one: decided in call order, written by the store in group commits (few fsyncs).
      await Promise.all(
        runsByRater(d).map((run) => store.append(d.document.id, run.actor, () => ({ events: run.events }))),
      );
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return;
  const removals = await Promise.allSettled([...ours].map((id) => store.remove(id)));
  const left = [...ours].filter((_, i) => removals[i]!.status === 'rejected');
  if (left.length > 0) {
    const reason = failed.reason instanceof Error ? failed.reason.message : String(failed.reason);
    throw new Error(`${reason}; and removing the documents already written failed for ${left.join(', ')}`, {
      cause: failed.reason,
    });
  }
  throw failed.reason;
}

/**
 * What the event schemas would refuse, found before anything is written (the store checks every event
 * again, and importDocuments undoes a failed import whole). Empty when the import can be written. The
 * limits are checked with line numbers by parseWmtFile; this is the net under them.
 */
export function importProblems(documents: readonly WmtImportedDocument[]): WmtIssue[] {
  const problems: WmtIssue[] = [];
  // Payloads only: the envelope (seq, time, actor) is the store's, and a fold here would double the import's time.
  for (const d of documents) {
    const where = `system ${JSON.stringify(d.system)}`;
    const created = EventPayloadSchemas.DocumentCreated.safeParse(d.document);
    if (!created.success) problems.push({ line: 0, message: `${where}: ${z.prettifyError(created.error)}` });
    for (const f of d.flags) {
      const flag = EventPayloadSchemas.FlagCreated.safeParse(f.payload);
      if (!flag.success)
        problems.push({ line: f.line, message: `${where}, line ${f.line}: ${z.prettifyError(flag.error)}` });
    }
  }
  return problems;
}

export interface ParsedWmtFile {
  documents: WmtImportedDocument[];
  /** Malformed rows, skipped, with their line numbers. */
  skipped: WmtIssue[];
  warnings: WmtIssue[];
  /** Limits exceeded (LIMITS), with line numbers where there is one: the import must be refused whole. */
  violations: LimitViolation[];
  rows: number;
}

/** A kept row's texts, comment and rater against the limits. */
function rowViolations(row: WmtRow): LimitViolation[] {
  const at = `Line ${row.line}:`;
  return [
    overLimit('segmentChars', `${at} the source`, row.source.length, row.line),
    overLimit('segmentChars', `${at} the target`, row.target.length, row.line),
    // Only error rows become flags: a No-error row's comment is not kept.
    row.span ? overLimit('commentChars', `${at} the comment`, row.comment.length, row.line) : null,
    overLimit('actorChars', `${at} the rater`, row.rater.length, row.line),
  ].filter((v): v is LimitViolation => v !== null);
}

/** Parses a WMT MQM TSV into one document per system, titled "<file> — <system>". */
export function parseWmtFile(
  text: string,
  opts: { file: string; sourceLang: string; targetLang: string },
): ParsedWmtFile {
  const parsed = parseWmtTsv(text);
  const built = buildDocuments(parsed.rows, opts);
  const batch = newId('b');
  for (const d of built.documents) {
    if (d.document.origin) d.document.origin = { ...d.document.origin, batch };
    const title = `${opts.file} — ${d.system}`;
    d.document.title = title.length > LIMITS.titleChars ? title.slice(0, LIMITS.titleChars - 1) + '…' : title;
  }
  const skipped = [...parsed.errors, ...built.errors].sort((a, b) => a.line - b.line);
  const skippedLines = new Set(built.errors.map((e) => e.line));
  const violations: LimitViolation[] = [];
  const tooMany = overLimit('documentsPerImport', 'The file (one document per system)', built.documents.length);
  if (tooMany) violations.push(tooMany);
  for (const d of built.documents) {
    const v = overLimit('segmentsPerDocument', `System ${JSON.stringify(d.system)}`, d.document.segments.length);
    if (v) violations.push(v);
  }
  for (const row of parsed.rows) if (!skippedLines.has(row.line)) violations.push(...rowViolations(row));
  return {
    documents: built.documents,
    skipped,
    warnings: parsed.warnings,
    violations,
    rows: parsed.rows.length - built.errors.length,
  };
}
