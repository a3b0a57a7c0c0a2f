import type { NewEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import { LIMITS } from '../../shared/schemas';
import { buildDocuments, parseWmtTsv, type WmtImportedDocument, type WmtIssue } from '../../shared/wmt-tsv';
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

/** Writes one imported document: DocumentCreated by `actor`, then each rater's flags under the rater's name. */
export async function importDocument(
  store: DocumentStore,
  imported: WmtImportedDocument,
  actor: string,
): Promise<void> {
  await store.create({ type: 'DocumentCreated', payload: imported.document }, actor);
  // Not awaited one by one: decided in call order, written by the store in group commits (few fsyncs).
  await Promise.all(
    runsByRater(imported).map((run) => store.append(imported.document.id, run.actor, () => ({ events: run.events }))),
  );
}

export interface ParsedWmtFile {
  documents: WmtImportedDocument[];
  /** Malformed rows, skipped, with their line numbers. */
  skipped: WmtIssue[];
  warnings: WmtIssue[];
  rows: number;
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
  return {
    documents: built.documents,
    skipped,
    warnings: parsed.warnings,
    rows: parsed.rows.length - built.errors.length,
  };
}
