import Papa from 'papaparse';
import type { z } from 'zod';
import { makeAnchor } from '../anchor';
import type { DocumentEvent, EventPayloadSchemas } from '../events';
import { newId } from '../ids';
import { COUNTED_STATUSES, mapWmtCategory, mapWmtSeverity, wmtLabels } from '../mqm-score';
import type { DocumentState, Flag, FlagSide } from '../schemas';

/*
 * The tab-separated MQM format of the public WMT data (samples/wmt-mqm/README.md): header row, one row
 * per error, `No-error` rows for error-free (segment, rater) items, the span marked with <v>…</v>. No quoting.
 *
 * Rules decided here:
 * - Malformed rows are reported with their 1-based line and skipped whole: wrong column count, empty system,
 *   rater or seg_id, unknown severity, No-error mixed with an error label, unbalanced or nested <v> marks,
 *   an error row without a span. (The TED file has one: line 6444, an unclosed "<v>?".)
 * - Several <v> pairs on one side: the span runs from the first <v> to the last </v> (the error is kept, so
 *   it still counts) and a warning is reported; re-export writes a single pair. Marks on both sides: the
 *   target span is used, with a warning. No-error rows with marks: marks dropped, with a warning.
 * - One document per system; a segment is (doc, doc_id, seg_id). Within a system, every row of a segment
 *   must carry the same source and target once the marks are removed (true of the whole TED file); a row
 *   that disagrees with the first one is reported and skipped, since its span points into other words.
 * - A system only gets the segments it has (valid) rows for.
 */

export const WMT_COLUMNS = [
  'system',
  'doc',
  'doc_id',
  'seg_id',
  'rater',
  'source',
  'target',
  'category',
  'severity',
  'comment',
] as const;
const REQUIRED = WMT_COLUMNS.slice(0, 9); // older WMT files have no comment column
const NO_ERROR = 'no-error';
const SEVERITY_NAMES = new Set(['major', 'minor', 'neutral', 'critical', NO_ERROR]);

export interface WmtIssue {
  line: number;
  message: string;
}

export interface WmtSpan {
  side: FlagSide;
  /** UTF-16 offsets into the side's text with the marks removed. */
  start: number;
  end: number;
}

export interface WmtRow {
  /** 1-based line in the file. */
  line: number;
  system: string;
  doc: string;
  docId: string;
  segId: string;
  rater: string;
  /** Texts without the <v> marks. */
  source: string;
  target: string;
  /** Verbatim. */
  category: string;
  severity: string;
  comment: string;
  /** null for a No-error row. */
  span: WmtSpan | null;
}

export interface WmtParseResult {
  rows: WmtRow[];
  /** Rows skipped. */
  errors: WmtIssue[];
  /** Rows kept, with a liberty taken. */
  warnings: WmtIssue[];
}

export const isNoError = (row: Pick<WmtRow, 'category'>): boolean => row.category.trim().toLowerCase() === NO_ERROR;

interface Marked {
  clean: string;
  spans: [number, number][];
}

/** Removes <v>…</v> marks; a string describing the problem when they are unbalanced or nested. */
export function extractMarks(text: string): Marked | string {
  if (!text.includes('v>')) return { clean: text, spans: [] }; // most fields: no marks at all
  const spans: [number, number][] = [];
  let clean = '';
  let from = 0;
  let open = -1;
  for (let at = text.indexOf('<', from); at !== -1; at = text.indexOf('<', at + 1)) {
    const closing = text.startsWith('</v>', at);
    if (!closing && !text.startsWith('<v>', at)) continue;
    clean += text.slice(from, at);
    from = at + (closing ? 4 : 3);
    if (!closing) {
      if (open !== -1) return 'nested <v>';
      open = clean.length;
    } else {
      if (open === -1) return '</v> without <v>';
      spans.push([open, clean.length]);
      open = -1;
    }
  }
  if (open !== -1) return '<v> without </v>';
  return { clean: clean + text.slice(from), spans };
}

type Column = (typeof WMT_COLUMNS)[number];

function rowFrom(
  cells: readonly string[],
  col: Record<Column, number>,
  line: number,
  warnings: WmtIssue[],
): WmtRow | string {
  const get = (c: Column): string => (col[c] === -1 ? '' : cells[col[c]]!);
  const system = get('system');
  const rater = get('rater');
  const segId = get('seg_id');
  const category = get('category');
  const severity = get('severity');
  if (system.trim() === '') return 'empty system';
  if (rater.trim() === '') return 'empty rater';
  if (segId.trim() === '') return 'empty seg_id';
  const sev = severity.trim().toLowerCase();
  if (!SEVERITY_NAMES.has(sev)) return `unknown severity ${JSON.stringify(severity)}`;
  const noError = category.trim().toLowerCase() === NO_ERROR;
  if (noError !== (sev === NO_ERROR))
    return `category ${JSON.stringify(category)} with severity ${JSON.stringify(severity)}`;
  if (!noError && category.trim() === '') return 'empty category';
  const src = extractMarks(get('source'));
  if (typeof src === 'string') return `source: ${src}`;
  const tgt = extractMarks(get('target'));
  if (typeof tgt === 'string') return `target: ${tgt}`;
  let span: WmtSpan | null = null;
  const marked = src.spans.length + tgt.spans.length;
  if (noError) {
    if (marked > 0) warnings.push({ line, message: 'No-error row with <v> marks: marks ignored' });
  } else {
    if (marked === 0) return 'no <v>…</v> span for an error';
    if (src.spans.length > 0 && tgt.spans.length > 0)
      warnings.push({ line, message: 'spans on both sides: the target one is used' });
    const side: FlagSide = tgt.spans.length > 0 ? 'target' : 'source';
    const spans = side === 'target' ? tgt.spans : src.spans;
    if (spans.length > 1)
      warnings.push({ line, message: `${spans.length} <v> spans: one span from the first to the last is used` });
    span = { side, start: spans[0]![0], end: spans[spans.length - 1]![1] };
  }
  return {
    line,
    system,
    doc: get('doc'),
    docId: get('doc_id'),
    segId,
    rater,
    source: src.clean,
    target: tgt.clean,
    category,
    severity,
    comment: get('comment'),
    span,
  };
}

/** Parses a WMT MQM TSV file. Never throws on bad rows: they come back in `errors` with their line. */
export function parseWmtTsv(text: string): WmtParseResult {
  const errors: WmtIssue[] = [];
  const warnings: WmtIssue[] = [];
  const rows: WmtRow[] = [];
  const body = text.replace(/^\uFEFF/, '');
  // fastMode: fields are split on tabs and line ends only, so a `"` is an ordinary character (the data has many).
  const parsed = Papa.parse<string[]>(body, {
    delimiter: '\t',
    newline: body.includes('\r\n') ? '\r\n' : '\n',
    fastMode: true,
    skipEmptyLines: false,
  });
  const lines = parsed.data;
  if (lines.length > 0 && lines[lines.length - 1]!.join('') === '') lines.pop(); // the final line end
  if (lines.length === 0) return { rows, errors: [{ line: 1, message: 'empty file' }], warnings };
  let columns: string[];
  let first = 0;
  if (lines[0]![0]?.trim().toLowerCase() === 'system') {
    columns = lines[0]!.map((c) => c.trim().toLowerCase());
    first = 1;
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length > 0)
      return { rows, errors: [{ line: 1, message: `header lacks ${missing.join(', ')}` }], warnings };
  } else {
    // No header: the standard column order, with or without the comment column.
    columns = [...WMT_COLUMNS].slice(0, lines[0]!.length === 9 ? 9 : 10);
  }
  const col = Object.fromEntries(WMT_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<Column, number>;
  for (let i = first; i < lines.length; i++) {
    const cells = lines[i]!;
    const line = i + 1;
    if (cells.length !== columns.length) {
      errors.push({ line, message: `${cells.length} columns, expected ${columns.length}` });
      continue;
    }
    const row = rowFrom(cells, col, line, warnings);
    if (typeof row === 'string') errors.push({ line, message: row });
    else rows.push(row);
  }
  return { rows, errors, warnings };
}

// ---- Building documents ---------------------------------------------------------------------------

type DocumentCreatedPayload = z.infer<(typeof EventPayloadSchemas)['DocumentCreated']>;
type FlagCreatedPayload = z.infer<(typeof EventPayloadSchemas)['FlagCreated']>;

export const WMT_FORMAT = 'wmt-mqm-tsv';

export interface WmtImportedDocument {
  system: string;
  document: DocumentCreatedPayload;
  /** In file order; `actor` is the rater (the flag's author). */
  flags: { actor: string; line: number; payload: FlagCreatedPayload }[];
}

export interface BuildOptions {
  sourceLang: string;
  targetLang: string;
  /** The file's name, kept in the document's origin and used in titles. */
  file?: string;
  title?: (system: string) => string;
  /** Document ids (default: random). Segment ids are s1, s2… and flag ids f1, f2… in each document. */
  newDocumentId?: (system: string) => string;
}

const segmentKey = (r: Pick<WmtRow, 'doc' | 'docId' | 'segId'>): string => `${r.doc}\t${r.docId}\t${r.segId}`;

// Numeric ids in numeric order ("2" before "10"), others as strings.
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface SegmentDraft {
  first: WmtRow;
  rows: WmtRow[];
  raters: string[];
}

/** One document per system (segments by doc_id then seg_id) and its flags; rows that cannot be placed in `errors`. */
export function buildDocuments(
  rows: readonly WmtRow[],
  opts: BuildOptions,
): { documents: WmtImportedDocument[]; errors: WmtIssue[] } {
  const errors: WmtIssue[] = [];
  const systems = new Map<string, Map<string, SegmentDraft>>();
  for (const row of rows) {
    let segs = systems.get(row.system);
    if (!segs) systems.set(row.system, (segs = new Map()));
    const key = segmentKey(row);
    const seg = segs.get(key);
    if (!seg) {
      segs.set(key, { first: row, rows: [row], raters: [row.rater] });
      continue;
    }
    if (row.source !== seg.first.source || row.target !== seg.first.target) {
      const side = row.target !== seg.first.target ? 'target' : 'source';
      errors.push({
        line: row.line,
        message: `${side} text differs from line ${seg.first.line} for the same system and segment`,
      });
      continue;
    }
    seg.rows.push(row);
    if (!seg.raters.includes(row.rater)) seg.raters.push(row.rater);
  }
  const documents: WmtImportedDocument[] = [];
  for (const [system, segs] of systems) {
    const ordered = [...segs.values()].sort(
      (a, b) =>
        compareIds(a.first.docId, b.first.docId) ||
        compareIds(a.first.segId, b.first.segId) ||
        compareIds(a.first.doc, b.first.doc),
    );
    const flagged: { row: WmtRow; segmentId: string; text: string }[] = [];
    const segments = ordered.map((s, i) => {
      const id = `s${i + 1}`;
      for (const row of s.rows)
        if (row.span) flagged.push({ row, segmentId: id, text: row.span.side === 'target' ? row.target : row.source });
      return {
        id,
        source: s.first.source,
        target: s.first.target,
        meta: { doc: s.first.doc, doc_id: s.first.docId, seg_id: s.first.segId },
        ratedBy: s.raters,
      };
    });
    flagged.sort((a, b) => a.row.line - b.row.line);
    const flags = flagged.map(({ row, segmentId, text }, i) => ({
      actor: row.rater,
      line: row.line,
      payload: {
        flagId: `f${i + 1}`,
        segmentId,
        side: row.span!.side,
        anchor: makeAnchor(text, row.span!.start, row.span!.end),
        category: mapWmtCategory(row.category),
        severity: mapWmtSeverity(row.severity),
        correction: '',
        comment: row.comment,
        original: { category: row.category, severity: row.severity },
      },
    }));
    documents.push({
      system,
      document: {
        id: opts.newDocumentId ? opts.newDocumentId(system) : newId('d'),
        title: opts.title ? opts.title(system) : opts.file ? `${opts.file} — ${system}` : system,
        sourceLang: opts.sourceLang,
        targetLang: opts.targetLang,
        segments,
        origin: { format: WMT_FORMAT, system, ...(opts.file ? { file: opts.file } : {}) },
      },
      flags,
    });
  }
  return { documents, errors };
}

/** The events that create an imported document (for folding without a store: tests, the CLI's score). */
export function importEvents(imported: WmtImportedDocument, at: string, actor = 'import'): DocumentEvent[] {
  const events: DocumentEvent[] = [{ seq: 1, at, actor, type: 'DocumentCreated', payload: imported.document }];
  for (const f of imported.flags)
    events.push({ seq: events.length + 1, at, actor: f.actor, type: 'FlagCreated', payload: f.payload });
  return events;
}

// ---- Export -----------------------------------------------------------------------------------------

// The format has no escaping: a tab or line break inside a text would split the row.
const cell = (s: string): string => s.replace(/\r\n|[\t\r\n]/g, ' ');

function mark(text: string, start: number, end: number): string {
  const s = Math.min(Math.max(0, start), text.length);
  const e = Math.min(Math.max(s, end), text.length);
  return `${text.slice(0, s)}<v>${text.slice(s, e)}</v>${text.slice(e)}`;
}

/**
 * The document's flags as WMT TSV: one row per counted (not rejected or withdrawn) flag, a No-error row for each rater
 * without one on a segment. Raters: the segment's `ratedBy` plus other flag authors; a segment nobody rated
 * or flagged gets one No-error row by the document's creator. An orphaned flag (its words were edited away)
 * gets an empty <v></v> at its last known start, so the error is not lost. Texts are the current ones.
 */
export function exportTsv(doc: DocumentState): string {
  const system = doc.origin?.system ?? doc.title;
  const out: string[] = [WMT_COLUMNS.join('\t')];
  const bySegment = new Map<string, Flag[]>();
  for (const f of doc.flags) {
    if (!COUNTED_STATUSES.has(f.status)) continue;
    const list = bySegment.get(f.segmentId);
    if (list) list.push(f);
    else bySegment.set(f.segmentId, [f]);
  }
  for (const seg of doc.segments) {
    const ids = [seg.meta?.doc ?? doc.title, seg.meta?.doc_id ?? '1', seg.meta?.seg_id ?? String(seg.index + 1)];
    const flags = bySegment.get(seg.id) ?? [];
    const raters = [...(seg.ratedBy ?? [])];
    for (const f of flags) if (!raters.includes(f.createdBy)) raters.push(f.createdBy);
    if (raters.length === 0 && !seg.ratedBy) raters.push(doc.createdBy || 'unknown');
    for (const rater of raters) {
      const mine = flags.filter((f) => f.createdBy === rater);
      const row = (source: string, target: string, category: string, severity: string, comment: string) =>
        [system, ...ids, rater, source, target, category, severity, comment].map(cell).join('\t');
      if (mine.length === 0) {
        out.push(row(seg.source, seg.target, 'No-error', 'No-error', ''));
        continue;
      }
      for (const f of mine) {
        const { start, end } = f.orphaned ? { start: f.anchor.start, end: f.anchor.start } : f.anchor;
        const source = f.side === 'source' ? mark(seg.source, start, end) : seg.source;
        const target = f.side === 'target' ? mark(seg.target, start, end) : seg.target;
        const { category, severity } = wmtLabels(f);
        out.push(row(source, target, category, severity, f.comment));
      }
    }
  }
  return out.join('\n') + '\n';
}
