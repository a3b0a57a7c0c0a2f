import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportFileOptions, ImportFileResult } from '../../shared/formats/import-file';
import type { ExportDocument } from '../../shared/formats/xliff/write';
import type { Glossary, GlossaryEntry, GlossaryIssue } from '../../shared/formats/glossary';
import type { Finding } from '../../shared/qa/types';
import type { DocumentState } from '../../shared/schemas';
import type {
  DocumentTask,
  ExportXliffTask,
  FindingsTaskResult,
  GlossaryTask,
  GlossaryTaskResult,
  JsonSlices,
} from './document-tasks';
import { WorkerPool, workerUrl } from './pool';

/**
 * Whole-document work the server sends to worker threads (document-worker.ts), so that a 80,000-term glossary
 * upload or the QA of a 10,000-segment document never holds the event loop: other requests are answered
 * meanwhile. Results are those of the same shared functions run in place.
 */
export interface ParsedGlossary {
  /** Null when no entry is usable (see errors). */
  glossary: Glossary | null;
  errors: GlossaryIssue[];
  /** A TBX that breaks the XML safety rule (shared/xml-safety.ts): errors[0] says why. */
  refused: boolean;
}

export interface DocumentOffload {
  /** Parses and validates an uploaded glossary file. */
  parseGlossary(task: Omit<GlossaryTask, 'type'>): Promise<ParsedGlossary>;
  /** The findings the document has now: every enabled check, less those dismissed or confirmed into flags. */
  findings(doc: DocumentState): Promise<Finding[]>;
  /** Reads an uploaded file (XLIFF…) into its document's events. */
  importFile(text: string, opts: ImportFileOptions): Promise<ImportFileResult>;
  /** Writes a document as XLIFF (into its original file when it has one). */
  exportXliff(doc: ExportDocument, skeleton: string | null, origin?: ExportXliffTask['origin']): Promise<string>;
  close(): Promise<void>;
}

/** Findings dismissed by a reviewer or confirmed into a flag: not shown again. */
export function hiddenFindings(doc: DocumentState): string[] {
  return [
    ...(doc.dismissed ?? []).map((d) => d.findingId),
    ...doc.flags.flatMap((f) => (f.findingId ? [f.findingId] : [])),
  ];
}

// Glossaries are immutable once in a document state: the same object is the same glossary.
const keys = new WeakMap<Glossary, string>();
let nextKey = 0;
const keyOf = (g: Glossary) => {
  let key = keys.get(g);
  if (key === undefined) keys.set(g, (key = `g${++nextKey}`));
  return key;
};

/** The array JsonSlices hold, parsed a slice per event-loop turn. */
async function fromJsonSlices<T>(slices: JsonSlices): Promise<T[]> {
  const out: T[] = [];
  for (const slice of slices) {
    for (const item of JSON.parse(slice) as T[]) out.push(item);
    await nextTurn();
  }
  return out;
}

export function createDocumentOffload(
  pool = new WorkerPool<DocumentTask, unknown>(workerUrl('document')),
): DocumentOffload {
  return {
    async parseGlossary(task) {
      const { glossary, errors, refused } = (await pool.run({ type: 'glossary', ...task })) as GlossaryTaskResult;
      if (!glossary) return { glossary: null, errors, refused };
      return {
        glossary: { ...glossary, entries: await fromJsonSlices<GlossaryEntry>(glossary.entries) },
        errors,
        refused,
      };
    },
    async findings(doc) {
      const glossary = doc.glossary ?? null;
      const task = {
        type: 'findings' as const,
        doc: {
          sourceLang: doc.sourceLang,
          targetLang: doc.targetLang,
          segments: doc.segments.map(({ id, index, source, target, codes, readOnly }) => ({
            id,
            index,
            source,
            target,
            ...(codes ? { codes } : {}),
            ...(readOnly ? { readOnly } : {}),
          })),
        },
        settings: doc.qaSettings,
        hidden: hiddenFindings(doc),
        glossaryKey: glossary ? keyOf(glossary) : null,
      };
      let result = (await pool.run(task)) as FindingsTaskResult;
      // The worker that took it had not seen this glossary yet: send it along once.
      if ('needGlossary' in result) result = (await pool.run({ ...task, glossary: glossary! })) as FindingsTaskResult;
      if ('needGlossary' in result) throw new Error('a worker refused a glossary it was sent');
      return fromJsonSlices<Finding>(result.findings);
    },
    async importFile(text, opts) {
      return JSON.parse((await pool.run({ type: 'import-file', text, opts })) as string) as ImportFileResult;
    },
    async exportXliff(doc, skeleton, origin) {
      return (await pool.run({ type: 'export-xliff', doc, skeleton, origin })) as string;
    },
    close: () => pool.close(),
  };
}
