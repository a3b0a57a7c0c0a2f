import path from 'node:path';
import { importDocument } from '../server/domain/import-mqm';
import { openJsonFileStore, type JsonFileStore, type StoreLogger } from '../server/store/json-file-store';
import { CliError, EXIT_FAILURE, loadWmtFile, type CliIo } from './io';

export interface ImportMqmOptions {
  dataDir?: string;
  sourceLang: string;
  targetLang: string;
  /** Who creates the documents (flags are authored by their raters). */
  actor: string;
  strict?: boolean;
}

/** `visavis import-mqm FILE.tsv`: one document per system into the JSON-file store, one flag per error row. */
export async function importMqmCommand(io: CliIo, file: string, opts: ImportMqmOptions): Promise<number> {
  const started = performance.now();
  const loaded = await loadWmtFile(io, file, opts);
  const dataDir = path.resolve(io.cwd ?? process.cwd(), opts.dataDir ?? io.env?.DATA_DIR ?? 'data');
  // Info lines ("Loaded n documents") would drown the summary; problems go to stderr.
  const logger: StoreLogger = {
    info: () => {},
    warn: (...args) => io.stderr(`warning: ${args.join(' ')}\n`),
    error: (...args) => io.stderr(`error: ${args.join(' ')}\n`),
  };
  let store: JsonFileStore;
  try {
    store = await openJsonFileStore({ dataDir, logger });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CliError(
      EXIT_FAILURE,
      `cannot open the data directory ${dataDir}: ${reason}\n` +
        'import-mqm writes to the data directory itself: stop the Vis-à-vis server using it first, then import and restart the server.',
    );
  }
  // All documents at once: their journals are separate files, so writes and fsyncs overlap.
  let results: PromiseSettledResult<void>[];
  try {
    results = await Promise.allSettled(loaded.documents.map((d) => importDocument(store, d, opts.actor)));
  } finally {
    await store.close();
  }
  const failed = loaded.documents.flatMap((d, i) => {
    const r = results[i]!;
    return r.status === 'rejected'
      ? [`${d.system}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`]
      : [];
  });
  const imported = loaded.documents.filter((_, i) => results[i]!.status === 'fulfilled');
  const done = imported.length;
  const flags = imported.reduce((n, d) => n + d.flags.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const skipped = loaded.skipped.length;
  io.stdout(
    `Imported ${done} document(s) with ${flags} flag(s) from ${loaded.rows} row(s) of ${file} into ${dataDir} in ${seconds} s.\n` +
      (skipped > 0
        ? `Skipped ${skipped} malformed row(s): line ${loaded.skipped.map((s) => s.line).join(', ')} (details above).\n`
        : ''),
  );
  for (const d of imported)
    io.stdout(
      `  ${d.document.id}  ${d.document.title}  (${d.document.segments.length} segments, ${d.flags.length} flags)\n`,
    );
  if (failed.length > 0)
    throw new CliError(EXIT_FAILURE, `${failed.length} document(s) not imported:\n  ${failed.join('\n  ')}`);
  if (opts.strict && skipped > 0) throw new CliError(EXIT_FAILURE, `${skipped} malformed row(s) skipped (--strict)`);
  return 0;
}
