import { newId } from '../ids';
import { looksLikeTmx, readTmx, TMX_FORMAT } from './tmx';
import { readXliff } from './xliff/read';
import { xliffDocumentEvents, type XliffDocumentEvents } from './xliff/to-document';
import type { XliffCounts } from './xliff/model';

/*
 * One uploaded file → the events of its document, whatever its format (told from the content): XLIFF, or a TMX
 * memory (issue #14: source and target paired per tu). Each format module reads, and says what it read.
 */

export interface ImportFileOptions {
  fileName: string;
  hash: string;
  /** From the form; else the file's own. */
  sourceLang?: string;
  targetLang?: string;
  title?: string;
  actor: string;
}

export interface ImportedFile {
  format: string;
  version?: string;
  /** The file's languages (before the form's override). */
  fileSourceLang: string;
  fileTargetLang: string | null;
  counts: XliffCounts;
  events: XliffDocumentEvents;
}

export type ImportFileResult =
  | { ok: true; value: ImportedFile }
  | {
      ok: false;
      code: 'INVALID_XLIFF' | 'INVALID_TMX' | 'UNSUPPORTED_FORMAT' | 'VALIDATION_FAILED';
      message: string;
      details?: unknown;
    };

/** A language tag as our schema wants it: "en_US" → "en-US", "EN" → "en". */
export function normalizeLang(tag: string): string {
  const [primary = '', ...rest] = tag.trim().replace(/_/g, '-').split('-');
  return [primary.toLowerCase(), ...rest].join('-');
}

const stripExtension = (name: string) => name.replace(/\.[A-Za-z0-9]+$/, '') || name;

/** The languages (the form's, else the file's) and the title (the form's, else the file name) of a new document. */
function documentMeta(
  opts: ImportFileOptions,
  file: { sourceLang: string; targetLang?: string | null | undefined },
  noTarget: string,
) {
  const sourceLang = normalizeLang(opts.sourceLang || file.sourceLang);
  const targetLang = normalizeLang(opts.targetLang || file.targetLang || '');
  if (!sourceLang || !targetLang) return { ok: false as const, code: 'VALIDATION_FAILED' as const, message: noTarget };
  const title = (opts.title?.trim() || stripExtension(opts.fileName)).slice(0, 300);
  return { ok: true as const, sourceLang, targetLang, title };
}

function importTmx(text: string, opts: ImportFileOptions): ImportFileResult {
  const read = readTmx(text);
  if (!read.ok) return { ok: false, code: 'INVALID_TMX', message: `Line ${read.line}: ${read.message}.` };
  const x = read.value;
  const meta = documentMeta(opts, x, 'The memory has no second language: give targetLang with the file.');
  if (!meta.ok) return meta;
  const { sourceLang, targetLang, title } = meta;
  const notes = x.pairs.reduce((n, p) => n + p.notes.length, 0);
  return {
    ok: true,
    value: {
      format: TMX_FORMAT,
      version: '1.4',
      fileSourceLang: x.sourceLang,
      fileTargetLang: x.targetLang,
      counts: { files: 1, units: x.pairs.length, segments: x.pairs.length, marks: 0, notes },
      events: {
        created: {
          id: newId('d'),
          title,
          sourceLang,
          targetLang,
          segments: x.pairs.map((p) => ({
            id: newId('s'),
            source: p.source,
            target: p.target,
            status: p.target.trim() === '' ? 'draft' : 'translated',
            ...(p.codes ? { codes: p.codes } : {}),
            ...(p.notes.length > 0 ? { notes: p.notes } : {}),
            ...(p.id !== undefined ? { meta: { tuid: p.id } } : {}),
          })),
          origin: { format: TMX_FORMAT, version: '1.4', file: opts.fileName, hash: opts.hash },
        },
        flags: [],
      },
    },
  };
}

export function importFile(text: string, opts: ImportFileOptions): ImportFileResult {
  if (looksLikeTmx(text)) return importTmx(text, opts);
  const read = readXliff(text);
  if (!read.ok) {
    const { rule, line, message } = read.problem;
    if (rule === 'xliff-root') {
      return {
        ok: false,
        code: 'UNSUPPORTED_FORMAT',
        message: `${opts.fileName} is neither XLIFF (1.2, 2.0, 2.1 or 2.2) nor TMX.`,
      };
    }
    return {
      ok: false,
      code: 'INVALID_XLIFF',
      message: `Line ${line}: ${message} (rule: ${rule}).`,
      details: read.problem,
    };
  }
  const x = read.value;
  const meta = documentMeta(opts, x, 'The file does not say its target language: give targetLang with the file.');
  if (!meta.ok) return meta;
  const { sourceLang, targetLang, title } = meta;
  const events = xliffDocumentEvents(x, { ...opts, title, sourceLang, targetLang, skeleton: text });
  return {
    ok: true,
    value: {
      format: 'xliff',
      version: x.version,
      fileSourceLang: x.sourceLang,
      fileTargetLang: x.targetLang,
      counts: x.counts,
      events,
    },
  };
}
