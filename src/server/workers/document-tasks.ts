import { codeFamilyOf } from '../../shared/formats/codes/convert';
import { writeFreshXliff } from '../../shared/formats/codes/export';
import {
  GlossarySchema,
  parseGlossaryCsv,
  parseTbx,
  type Glossary,
  type GlossaryIssue,
} from '../../shared/formats/glossary';
import { importFile, type ImportFileOptions } from '../../shared/formats/import-file';
import { writeXliff, type ExportDocument } from '../../shared/formats/xliff/write';
import { checkDocument, type QaDocument } from '../../shared/qa/engine';
import '../../shared/qa/snowball';
import type { QaSettings } from '../../shared/qa/types';
import { lexiconFor } from '../spelling/lexicon';

/*
 * What document-worker.ts does, as plain functions (the worker's message loop calls runDocumentTask):
 * - glossary: parse an uploaded CSV or TBX file and validate the glossary;
 * - findings: every QA check over a whole document, glossary compile included.
 * A glossary crosses to a worker once: it is sent with a key the first time, and kept here (a few, the most
 * recently used); later tasks name the key alone, so its compiled form (cached on the object) is reused too.
 */

export interface GlossaryTask {
  type: 'glossary';
  format: 'csv' | 'tbx';
  text: string;
  sourceLang: string;
  targetLang: string;
}

/**
 * A long array as JSON texts of a few thousand elements each. Whatever crosses from a worker is rebuilt on the
 * receiving thread in one go: 80,000 glossary entries as objects held the event loop ~0.1 s (seconds on a
 * busy machine). Strings cross as a copy of their bytes; the main thread parses them a slice per turn.
 */
export type JsonSlices = string[];
const SLICE = 2000;
export const toJsonSlices = (items: readonly unknown[]): JsonSlices =>
  Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) =>
    JSON.stringify(items.slice(i * SLICE, (i + 1) * SLICE)),
  );

export interface GlossaryTaskResult {
  /** Null when no entry is usable (see errors); the entries as JsonSlices. */
  glossary: (Omit<Glossary, 'entries'> & { entries: JsonSlices }) | null;
  errors: GlossaryIssue[];
  /** A TBX that breaks the XML safety rule (shared/xml-safety.ts): errors[0] says why. */
  refused: boolean;
}

export interface FindingsTask {
  type: 'findings';
  doc: QaDocument;
  settings?: QaSettings;
  /** Findings dismissed or confirmed into flags: left out. */
  hidden: string[];
  /** The glossary's key (null: no glossary); `glossary` comes along when this worker may not have it. */
  glossaryKey: string | null;
  glossary?: Glossary;
}

/** The findings as JsonSlices (Finding[]). */
export type FindingsTaskResult = { findings: JsonSlices } | { needGlossary: true };

/** An uploaded file (XLIFF…) → its document's events; the result as one JSON text (ImportFileResult). */
export interface ImportFileTask {
  type: 'import-file';
  text: string;
  opts: ImportFileOptions;
}

/** A document → XLIFF, into the file it came from (skeleton) or as a new XLIFF 2.2. */
export interface ExportXliffTask {
  type: 'export-xliff';
  doc: ExportDocument;
  skeleton: string | null;
  /** Where the document came from: a document from TMX has its codes mapped into XLIFF 2's (formats/codes/). */
  origin?: { format: string; version?: string | undefined } | undefined;
}

export type DocumentTask = GlossaryTask | FindingsTask | ImportFileTask | ExportXliffTask;

export function glossaryTask(task: GlossaryTask): GlossaryTaskResult {
  const parsed =
    task.format === 'csv'
      ? parseGlossaryCsv(task.text)
      : parseTbx(task.text, { sourceLang: task.sourceLang, targetLang: task.targetLang });
  const refused = 'refused' in parsed && parsed.refused === true;
  if (refused || parsed.entries.length === 0) return { glossary: null, errors: parsed.errors, refused };
  const glossary = GlossarySchema.parse({
    sourceLang: task.sourceLang,
    targetLang: task.targetLang,
    entries: parsed.entries,
  });
  return { glossary: { ...glossary, entries: toJsonSlices(glossary.entries) }, errors: parsed.errors, refused: false };
}

const KEPT_GLOSSARIES = 4;
const glossaries = new Map<string, Glossary>();

export function findingsTask(task: FindingsTask): FindingsTaskResult {
  let glossary: Glossary | null = null;
  if (task.glossaryKey !== null) {
    glossary = task.glossary ?? glossaries.get(task.glossaryKey) ?? null;
    if (!glossary) return { needGlossary: true };
    glossaries.delete(task.glossaryKey); // re-inserted last: most recently used
    glossaries.set(task.glossaryKey, glossary);
    for (const key of glossaries.keys()) if (glossaries.size > KEPT_GLOSSARIES) glossaries.delete(key);
  }
  const hidden = new Set(task.hidden);
  // The target language's dictionary, loaded here in the worker on first use (seconds): never on the event loop.
  const lexicon = lexiconFor(task.doc.targetLang);
  const findings = checkDocument(task.doc, glossary, task.settings, lexicon);
  return { findings: toJsonSlices(findings.filter((f) => !hidden.has(f.id))) };
}

export function runDocumentTask(task: DocumentTask): GlossaryTaskResult | FindingsTaskResult | string {
  switch (task.type) {
    case 'import-file':
      return JSON.stringify(importFile(task.text, task.opts));
    case 'export-xliff':
      // Codes from a file that was no XLIFF (TMX) mean nothing in XLIFF as they are: mapped into a new file.
      if (task.skeleton === null && codeFamilyOf(task.origin) !== null)
        return writeFreshXliff({ ...task.doc, origin: task.origin }, '2.2', null);
      return writeXliff(task.doc, task.skeleton);
    case 'glossary':
      return glossaryTask(task);
    case 'findings':
      return findingsTask(task);
    default:
      throw new Error(`unknown task ${JSON.stringify((task as { type?: unknown }).type)}`);
  }
}
