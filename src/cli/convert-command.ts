import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentEvent } from '../shared/events';
import { decodeText } from '../shared/formats/decode';
import { parseGlossaryCsv, parseTbx, writeGlossaryCsv, type Glossary } from '../shared/formats/glossary';
import { importFile } from '../shared/formats/import-file';
import { reportCsv } from '../shared/formats/lqa-report/report-csv';
import { buildReport } from '../shared/formats/lqa-report/report-data';
import { reportHtml } from '../shared/formats/lqa-report/report-html';
import { writeTbx } from '../shared/formats/tbx';
import { writeTmx } from '../shared/formats/tmx';
import { writeXliff } from '../shared/formats/xliff/write';
import { tmxSegments, writeFreshXliff } from '../shared/formats/codes/export';
import { foldAll, toDocumentState } from '../shared/reducer';
import type { DocumentState } from '../shared/schemas';
import { CliError, EXIT_BAD_INPUT, type CliIo } from './io';

/*
 * `visavis convert IN OUT [--to FORMAT]`: documents between XLIFF 1.2, XLIFF 2.x, TMX and the app's JSON export;
 * glossaries between CSV and TBX. Formats by extension (.xlf .xliff .sdlxliff .tmx .json .csv .tbx) or --to:
 * xliff (into the XLIFF file the input came as, else a new XLIFF 2.2), xliff12 (into the 1.2 file it came as,
 * else a new 1.2), xliff2 (into the 2.x file it came as, else a new 2.2), xliff20 and xliff22 (always a new file
 * of that version), tmx, json, csv, tbx. Inline codes are mapped between the formats (formats/codes/).
 * `visavis report EXPORT.json --format html|csv [--out FILE]`: the LQA report of an exported document.
 */

export const CONVERT_FORMATS = [
  'xliff',
  'xliff12',
  'xliff2',
  'xliff20',
  'xliff22',
  'tmx',
  'json',
  'csv',
  'tbx',
] as const;
type Format = (typeof CONVERT_FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = {
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.sdlxliff': 'xliff',
  '.tmx': 'tmx',
  '.json': 'json',
  '.csv': 'csv',
  '.tbx': 'tbx',
};

const ExportFileSchema = z.object({
  format: z.literal('visavis-document'),
  document: z.object({ id: z.string() }).passthrough(),
  events: z.array(z.object({ seq: z.number(), type: z.string() }).passthrough()).min(1),
});

interface Loaded {
  state: DocumentState;
  events: DocumentEvent[];
  skeleton: string | null;
}

const resolve = (io: CliIo, file: string) => path.resolve(io.cwd ?? process.cwd(), file);

async function readText(io: CliIo, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(resolve(io, file));
  } catch (err) {
    throw new CliError(EXIT_BAD_INPUT, `${file}: ${(err as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(EXIT_BAD_INPUT, `${file}: ${decoded.message}`);
  return decoded.text;
}

/** Writes an output file; one it cannot write (no such folder, no permission) is bad input, said plainly. */
async function writeText(io: CliIo, file: string, text: string): Promise<void> {
  try {
    await fs.writeFile(resolve(io, file), text);
  } catch (err) {
    throw new CliError(EXIT_BAD_INPUT, `${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function formatOf(file: string, explicit?: string): Format {
  if (explicit) return explicit as Format;
  const f = BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!f) throw new CliError(EXIT_BAD_INPUT, `${file}: unknown extension; give --to ${CONVERT_FORMATS.join('|')}`);
  return f;
}

/** The app's JSON export (GET /api/documents/:id/export) → its events, folded. */
export async function loadExport(io: CliIo, file: string): Promise<Loaded> {
  const text = await readText(io, file);
  let parsed: z.infer<typeof ExportFileSchema>;
  try {
    parsed = ExportFileSchema.parse(JSON.parse(text));
  } catch (err) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `${file}: not a Vis-à-vis document export (${(err as Error).message.split('\n')[0]})`,
    );
  }
  const events = parsed.events as unknown as DocumentEvent[];
  const state = toDocumentState(foldAll(events));
  const first = events[0]!;
  const skeleton = first.type === 'DocumentCreated' ? (first.payload.skeleton ?? null) : null;
  return { state, events, skeleton };
}

async function loadDocumentFile(io: CliIo, file: string, format: Format, opts: ConvertOptions): Promise<Loaded> {
  if (format === 'json') return loadExport(io, file);
  const text = await readText(io, file);
  const r = importFile(text, {
    fileName: path.basename(file),
    hash: '',
    actor: 'visavis convert',
    ...(opts.sourceLang ? { sourceLang: opts.sourceLang } : {}),
    ...(opts.targetLang ? { targetLang: opts.targetLang } : {}),
  });
  if (!r.ok) {
    // The form's field is targetLang; here it is an option.
    const hint = r.code === 'VALIDATION_FAILED' ? ' (here: --target-lang)' : '';
    throw new CliError(EXIT_BAD_INPUT, `${file}: ${r.message}${hint}`);
  }
  const at = new Date().toISOString();
  let seq = 0;
  const events: DocumentEvent[] = [
    { seq: ++seq, at, actor: 'visavis convert', type: 'DocumentCreated', payload: r.value.events.created },
  ];
  for (const run of r.value.events.flags)
    for (const e of run.events) events.push({ ...e, seq: ++seq, at, actor: run.actor } as DocumentEvent);
  return { state: toDocumentState(foldAll(events)), events, skeleton: r.value.events.created.skeleton ?? null };
}

async function loadGlossary(io: CliIo, file: string, format: 'csv' | 'tbx', opts: ConvertOptions): Promise<Glossary> {
  const text = await readText(io, file);
  if (format === 'csv') {
    if (!opts.sourceLang || !opts.targetLang)
      throw new CliError(
        EXIT_BAD_INPUT,
        'a CSV glossary does not say its languages: give --source-lang and --target-lang',
      );
    const r = parseGlossaryCsv(text);
    for (const e of r.errors) io.stderr(`${file}:${e.line}: ${e.message}\n`);
    return { sourceLang: opts.sourceLang, targetLang: opts.targetLang, entries: r.entries };
  }
  let langs = { sourceLang: opts.sourceLang ?? '', targetLang: opts.targetLang ?? '' };
  if (!langs.sourceLang || !langs.targetLang) {
    // The file's first two languages, unless given.
    const found = parseTbx(text, { sourceLang: 'und', targetLang: 'und' }).languages;
    langs = { sourceLang: langs.sourceLang || found[0] || '', targetLang: langs.targetLang || found[1] || '' };
  }
  const r = parseTbx(text, langs);
  if (r.refused || r.entries.length === 0)
    throw new CliError(EXIT_BAD_INPUT, `${file}: ${r.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  return { ...langs, entries: r.entries };
}

export interface ConvertOptions {
  to?: string;
  sourceLang?: string;
  targetLang?: string;
}

const GLOSSARY = new Set<Format>(['csv', 'tbx']);

export async function convertCommand(io: CliIo, input: string, output: string, opts: ConvertOptions): Promise<number> {
  const from = formatOf(input);
  const to = formatOf(output, opts.to);
  if (GLOSSARY.has(from) !== GLOSSARY.has(to))
    throw new CliError(
      EXIT_BAD_INPUT,
      `cannot convert ${from} to ${to}: glossaries (csv, tbx) convert between themselves`,
    );
  let out: string;
  if (GLOSSARY.has(from)) {
    const glossary = await loadGlossary(io, input, from as 'csv' | 'tbx', opts);
    out = to === 'tbx' ? writeTbx(glossary, path.basename(input)) : writeGlossaryCsv(glossary.entries);
  } else {
    const { state, events, skeleton } = await loadDocumentFile(io, input, from, opts);
    const first = events[0]!;
    const importedSegmentIds = first.type === 'DocumentCreated' ? first.payload.segments.map((s) => s.id) : undefined;
    const doc = { ...state, ...(importedSegmentIds ? { importedSegmentIds } : {}) };
    const came = state.origin?.format === 'xliff' && skeleton ? (state.origin.version === '1.2' ? '1.2' : '2') : null;
    // Into the file it came as where that is the version asked for; else a new file, every code mapped.
    const intoOriginal =
      (to === 'xliff' && came !== null) || (to === 'xliff12' && came === '1.2') || (to === 'xliff2' && came === '2');
    if (intoOriginal) out = writeXliff(doc, skeleton);
    else if (to === 'xliff' || to === 'xliff2' || to === 'xliff22') out = writeFreshXliff(state, '2.2', skeleton);
    else if (to === 'xliff20') out = writeFreshXliff(state, '2.0', skeleton);
    else if (to === 'xliff12') out = writeFreshXliff(state, '1.2', skeleton);
    else if (to === 'tmx')
      out = writeTmx({
        sourceLang: state.sourceLang,
        targetLang: state.targetLang,
        segtype: state.origin?.format === 'xliff' || state.origin?.format === 'tmx' ? 'sentence' : 'paragraph',
        datatype: state.origin?.format === 'xliff' ? 'xliff' : 'plaintext',
        segments: tmxSegments({ ...state, segments: state.segments.filter((s) => s.target.trim() !== '') }, skeleton),
      });
    else
      out = JSON.stringify(
        { format: 'visavis-document', formatVersion: 1, exportedAt: new Date().toISOString(), document: state, events },
        null,
        2,
      );
  }
  await writeText(io, output, out);
  io.stdout(`${input} (${from}) → ${output} (${to})\n`);
  return 0;
}

export async function reportCommand(io: CliIo, file: string, opts: { format: 'html' | 'csv'; out?: string }) {
  const { state, events } = await loadExport(io, file);
  const report = buildReport(state, events);
  const text = opts.format === 'csv' ? reportCsv(report) : reportHtml(report, { stylesheet: 'embed' });
  if (opts.out) await writeText(io, opts.out, text);
  else io.stdout(text);
  return 0;
}
