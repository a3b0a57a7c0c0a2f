import path from 'node:path';
import { importDocuments, importProblems } from '../server/domain/import-mqm';
import { openJsonFileStore, type JsonFileStore, type StoreLogger } from '../server/store/json-file-store';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, loadWmtFile, type CliIo } from './io';

export interface ImportMqmOptions {
  dataDir?: string;
  sourceLang: string;
  targetLang: string;
  /** Who creates the documents (flags are authored by their raters). */
  actor: string;
  strict?: boolean;
}

/**
 * `visavis import-mqm FILE.tsv`: one document per system into the JSON-file store, one flag per error row.
 * All or nothing: the file is checked whole before the data directory is opened, and when a write fails
 * the documents already written are removed.
 */
export async function importMqmCommand(io: CliIo, file: string, opts: ImportMqmOptions): Promise<number> {
  const started = performance.now();
  const loaded = await loadWmtFile(io, file, opts);
  const refused = [
    ...loaded.violations.map((v) => ({ line: v.line, message: v.message })),
    ...importProblems(loaded.documents),
  ];
  if (refused.length > 0) {
    for (const r of refused) io.stderr(`${file}${r.line ? `:${r.line}` : ''}: error: ${r.message}\n`);
    throw new CliError(EXIT_BAD_INPUT, `${file}: nothing imported: ${refused.length} problem(s), listed above`);
  }
  const skipped = loaded.skipped.length;
  if (opts.strict && skipped > 0) {
    throw new CliError(EXIT_FAILURE, `${skipped} malformed row(s) skipped (--strict): nothing imported`);
  }
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
  try {
    await importDocuments(store, loaded.documents, opts.actor);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CliError(EXIT_FAILURE, `nothing imported into ${dataDir}: ${reason}`);
  } finally {
    await store.close();
  }
  const flags = loaded.documents.reduce((n, d) => n + d.flags.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.stdout(
    `Imported ${loaded.documents.length} document(s) with ${flags} flag(s) from ${loaded.rows} row(s) of ${file} into ${dataDir} in ${seconds} s.\n` +
      (skipped > 0
        ? `Skipped ${skipped} malformed row(s): line ${loaded.skipped.map((s) => s.line).join(', ')} (details above).\n`
        : ''),
  );
  for (const d of loaded.documents)
    io.stdout(
      `  ${d.document.id}  ${d.document.title}  (${d.document.segments.length} segments, ${d.flags.length} flags)\n`,
    );
  return 0;
}
