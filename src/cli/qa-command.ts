import { XMLBuilder } from 'fast-xml-parser';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { decodeText } from '../shared/formats/decode';
import { normalizeLang } from '../shared/formats/import-file';
import { readXliff } from '../shared/formats/xliff/read';
import { parseGlossaryCsv, parseTbx, type Glossary, type GlossaryIssue } from '../shared/formats/glossary';
import { importPlainTexts, type ParagraphBreak } from '../shared/formats/import-text';
import { checkDocument, type QaDocument } from '../shared/qa/engine';
import '../shared/qa/snowball';
import { englishMessage } from '../shared/qa/messages';
import {
  CheckIdSchema,
  QA_CHECK_IDS,
  QaSettingsSchema,
  SEVERITY_RANK,
  type Finding,
  type QaSettings,
  type QaSegment,
} from '../shared/qa/types';
import { SEVERITIES, type Severity } from '../shared/mqm';
import { LangSchema } from '../shared/schemas';
import { lexiconFor } from '../server/spelling/lexicon';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, type CliIo } from './io';
import { describeLangs, resolveLang, type ResolvedLang } from './languages';

export interface QaOptions {
  source?: string;
  target?: string;
  document?: string;
  xliff?: string;
  glossary?: string;
  sourceLang?: string;
  targetLang?: string;
  paragraphs: ParagraphBreak;
  format: 'text' | 'json' | 'junit';
  failOn: 'minor' | 'major' | 'critical';
  settings?: string;
  disable?: string;
  accentInsensitive?: boolean;
}

/** Where a finding is in the input file (plain-text input only): 1-based line and column. */
interface Location {
  file: string;
  line: number;
  column: number;
}
type Locate = (f: Finding) => Location | null;

interface Loaded {
  doc: QaDocument;
  langs: { source: ResolvedLang; target: ResolvedLang };
  title: string;
  locate: Locate;
}

const bad = (message: string) => new CliError(EXIT_BAD_INPUT, message);

/** Each language from its flag, the file, or detection; exit 2 when one cannot be told (never a silent default). */
function languages(
  opts: QaOptions,
  file: { source?: string | undefined; target?: string | undefined },
  sourceText: string,
  targetText: string,
): { source: ResolvedLang; target: ResolvedLang } {
  const source = resolveLang(opts.sourceLang, file.source, sourceText);
  const target = resolveLang(opts.targetLang, file.target, targetText);
  const missing = [!source && 'source', !target && 'target'].filter(Boolean);
  if (!source || !target)
    throw bad(
      `cannot tell the ${missing.join(' and ')} language (the file does not say and the text is too short or too ` +
        `mixed to detect): give ${missing.map((m) => `--${m}-lang TAG`).join(' and ')} (BCP 47, e.g. en, de-CH, ar)`,
    );
  return { source, target };
}

async function readText(io: CliIo, file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(path.resolve(io.cwd ?? process.cwd(), file), 'utf8');
  } catch (err) {
    throw bad(`${what}: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Maps offsets of each paragraph (as importPlainTexts cut them) back to lines and columns of its file. */
function paragraphLocator(
  file: string,
  text: string,
  paragraphs: string[],
): (index: number, offset: number) => Location | null {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const starts: number[] = [];
  let cursor = 0;
  for (const p of paragraphs) {
    const at = normalised.indexOf(p, cursor);
    starts.push(at);
    if (at !== -1) cursor = at + p.length;
  }
  const lineStarts = [0];
  for (let i = normalised.indexOf('\n'); i !== -1; i = normalised.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (index, offset) => {
    const start = starts[index];
    if (start === undefined || start === -1) return null;
    const abs = start + offset;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= abs) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: abs - lineStarts[lo]! + 1 };
  };
}

async function loadTexts(io: CliIo, opts: QaOptions): Promise<Loaded> {
  const [sourceFile, targetFile] = [opts.source!, opts.target!];
  const [sourceText, targetText] = [
    await readText(io, sourceFile, '--source'),
    await readText(io, targetFile, '--target'),
  ];
  const pairs = importPlainTexts(sourceText, targetText, opts.paragraphs);
  if (pairs.length === 0) throw bad(`no paragraphs in ${sourceFile} or ${targetFile}: both are empty`);
  const segments: QaSegment[] = pairs.map((p, i) => ({
    id: `p${i + 1}`,
    index: i,
    source: p.source,
    target: p.target,
  }));
  const where = {
    source: paragraphLocator(
      sourceFile,
      sourceText,
      pairs.map((p) => p.source).filter((s) => s !== ''),
    ),
    target: paragraphLocator(
      targetFile,
      targetText,
      pairs.map((p) => p.target).filter((s) => s !== ''),
    ),
  };
  const langs = languages(opts, {}, sourceText, targetText);
  const doc = { sourceLang: langs.source.tag, targetLang: langs.target.tag, segments };
  return {
    doc,
    langs,
    title: `${path.basename(sourceFile)} → ${path.basename(targetFile)}`,
    locate: (f) => where[f.side](f.segmentIndex, f.start),
  };
}

/** The app's JSON export (GET /api/documents/:id/export); only what the checks read is required. */
const ExportSchema = z.object({
  format: z.literal('visavis-document'),
  document: z.object({
    title: z.string().optional(),
    sourceLang: LangSchema,
    targetLang: LangSchema,
    segments: z.array(
      z.object({ id: z.string(), index: z.number().int().min(0), source: z.string(), target: z.string() }),
    ),
  }),
});

async function loadExport(io: CliIo, opts: QaOptions): Promise<Loaded> {
  const file = opts.document!;
  const text = await readText(io, file, '--document');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw bad(`${file}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = ExportSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw bad(`${file}: not a Vis-à-vis document export (${issues.join('; ')})`);
  }
  const d = parsed.data.document;
  const langs = languages(opts, { source: d.sourceLang, target: d.targetLang }, '', '');
  const doc = { sourceLang: langs.source.tag, targetLang: langs.target.tag, segments: d.segments };
  return { doc, langs, title: d.title ?? path.basename(file), locate: () => null };
}

/** An XLIFF file (1.2, 2.x): its segments with their inline codes; findings are located at the segment's line. */
async function loadXliff(io: CliIo, opts: QaOptions): Promise<Loaded> {
  const file = opts.xliff!;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.resolve(io.cwd ?? process.cwd(), file));
  } catch (err) {
    throw bad(`--xliff: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw bad(`${file}: ${decoded.message}`);
  const read = readXliff(decoded.text);
  if (!read.ok) throw bad(`${file}:${read.problem.line}: ${read.problem.message} (rule: ${read.problem.rule})`);
  const x = read.value;
  const segments: QaSegment[] = x.segments.map((s, i) => ({
    id: `s${i + 1}`,
    index: i,
    source: s.source,
    target: s.target,
    ...(s.codes ? { codes: s.codes } : {}),
    ...(s.readOnly ? { readOnly: true } : {}),
  }));
  const langs = languages(
    opts,
    {
      source: x.sourceLang ? normalizeLang(x.sourceLang) : undefined,
      target: x.targetLang ? normalizeLang(x.targetLang) : undefined,
    },
    segments.map((s) => s.source).join('\n'),
    segments.map((s) => s.target).join('\n'),
  );
  const doc = { sourceLang: langs.source.tag, targetLang: langs.target.tag, segments };
  return {
    doc,
    langs,
    title: path.basename(file),
    locate: (f) => ({ file, line: x.segments[f.segmentIndex]!.line, column: 1 }),
  };
}

async function loadGlossary(io: CliIo, file: string, doc: QaDocument): Promise<Glossary> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.tbx' && ext !== '.xml')
    throw bad(`--glossary: ${file}: unknown format "${ext}" (expected .csv or .tbx)`);
  const text = await readText(io, file, '--glossary');
  const langs = { sourceLang: doc.sourceLang, targetLang: doc.targetLang };
  const parsed = ext === '.csv' ? parseGlossaryCsv(text) : parseTbx(text, langs);
  if (parsed.errors.length > 0) {
    // A partly read termbase would silently miss terms: every bad row is reported, and nothing is checked.
    for (const e of parsed.errors as GlossaryIssue[]) io.stderr(`${file}:${e.line}: ${e.message}\n`);
    throw bad(`${file}: ${parsed.errors.length} malformed glossary row(s), first at line ${parsed.errors[0]!.line}`);
  }
  return { ...langs, entries: parsed.entries };
}

async function loadSettings(io: CliIo, opts: QaOptions): Promise<QaSettings> {
  let input: unknown = {};
  if (opts.settings) {
    const text = await readText(io, opts.settings, '--settings');
    try {
      input = JSON.parse(text);
    } catch (err) {
      throw bad(`${opts.settings}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const parsed = QaSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw bad(`${opts.settings}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const settings = parsed.data;
  for (const id of (opts.disable ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const check = CheckIdSchema.safeParse(id);
    if (!check.success) throw bad(`--disable: unknown check "${id}" (checks: ${QA_CHECK_IDS.join(', ')})`);
    settings.checks[check.data].enabled = false;
  }
  if (opts.accentInsensitive) settings.accentInsensitive = true;
  return settings;
}

// ---- Output ---------------------------------------------------------------------------------------

// Spaces a reviewer must see: no-break (U+00A0) as ⍽, narrow no-break (U+202F) as ⸱.
const visible = (s: string) =>
  s
    .replace(/\u00a0/g, '⍽')
    .replace(/\u202f/g, '⸱')
    .replace(/[\n\t]/g, ' ');
const quoted = (s: string, max = 60) => `“${visible(s.length > max ? s.slice(0, max - 1) + '…' : s)}”`;

function textReport(findings: Finding[], locate: Locate, summary: Summary): string {
  const lines = findings.map((f) => {
    const loc = locate(f);
    const where = loc
      ? `${loc.file}:${loc.line}:${loc.column}`
      : `segment ${f.segmentIndex + 1} ${f.side} ${f.start}-${f.end}`;
    const fix = f.fix ? ` → ${f.fix.replacement === '' ? 'delete' : quoted(f.fix.replacement)}` : '';
    return `${where}: ${f.severity} ${f.checkId} ${quoted(f.quote)}: ${englishMessage(f)}${fix}`;
  });
  const counts = SEVERITIES.filter((s) => summary.bySeverity[s]).map((s) => `${summary.bySeverity[s]} ${s}`);
  lines.push(
    `${summary.findings} finding(s)${counts.length ? ` (${counts.join(', ')})` : ''} in ${summary.segments} segment(s); ` +
      `${summary.failing} at or above ${summary.failOn}: ${summary.failed ? 'FAIL' : 'pass'}`,
  );
  return lines.join('\n') + '\n';
}

function jsonFinding(f: Finding, locate: Locate) {
  return {
    id: f.id,
    segmentIndex: f.segmentIndex,
    segmentId: f.segmentId,
    side: f.side,
    start: f.start,
    end: f.end,
    quote: f.quote,
    checkId: f.checkId,
    category: f.category,
    severity: f.severity,
    message: englishMessage(f),
    messageKey: f.message.key,
    params: f.message.params,
    fix: f.fix ?? null,
    location: locate(f),
  };
}

// XML 1.0 forbids most control characters even escaped.
// eslint-disable-next-line no-control-regex
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

function junitReport(doc: QaDocument, title: string, findings: Finding[], locate: Locate): string {
  const bySegment = new Map<number, Finding[]>();
  for (const f of findings) bySegment.set(f.segmentIndex, [...(bySegment.get(f.segmentIndex) ?? []), f]);
  const testcase = doc.segments.map((s) => ({
    '@_name': `segment ${s.index + 1}`,
    '@_classname': 'visavis.qa',
    failure: (bySegment.get(s.index) ?? []).map((f) => {
      const loc = locate(f);
      const details = [
        `${f.severity} ${f.checkId} (${f.category}), ${f.side} ${f.start}-${f.end}${loc ? ` at ${loc.file}:${loc.line}:${loc.column}` : ''}`,
        `quote: ${visible(f.quote)}`,
        ...(f.fix ? [`fix: ${f.fix.replacement === '' ? '(delete)' : visible(f.fix.replacement)}`] : []),
      ];
      return {
        '@_message': xmlSafe(`[${f.severity}] ${englishMessage(f)}`),
        '@_type': f.checkId,
        '#text': xmlSafe(details.join('\n')),
      };
    }),
  }));
  const counts = { '@_tests': doc.segments.length, '@_failures': findings.length, '@_errors': 0 };
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'visavis qa', ...counts, testsuite: { '@_name': xmlSafe(title), ...counts, testcase } },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(tree) as string;
}

interface Summary {
  findings: number;
  segments: number;
  bySeverity: Partial<Record<Severity, number>>;
  failOn: Severity;
  failing: number;
  failed: boolean;
}

/** `visavis qa`: runs the QA checks; exit 1 when a finding reaches --fail-on, 2 on bad input. */
export async function qaCommand(io: CliIo, opts: QaOptions): Promise<number> {
  const texts = opts.source !== undefined || opts.target !== undefined;
  const inputs = [texts, opts.document !== undefined, opts.xliff !== undefined].filter(Boolean).length;
  if (inputs > 1) throw bad('give either --source and --target, or --document, or --xliff, not both');
  if (inputs === 0)
    throw bad('nothing to check: give --source S.txt --target T.txt, or --document export.json, or --xliff FILE.xlf');
  if (texts && (opts.source === undefined || opts.target === undefined))
    throw bad(`--${opts.source === undefined ? 'source' : 'target'} is missing`);
  const loaded = texts
    ? await loadTexts(io, opts)
    : opts.xliff !== undefined
      ? await loadXliff(io, opts)
      : await loadExport(io, opts);
  const glossary = opts.glossary ? await loadGlossary(io, opts.glossary, loaded.doc) : null;
  const settings = await loadSettings(io, opts);
  // Said on stderr, so that the JSON and JUnit reports on stdout stay machine-readable.
  io.stderr(`${describeLangs(loaded.langs.source, loaded.langs.target)}\n`);
  // The target language's Hunspell dictionary, where there is one: spelling findings, and real words are no names.
  const lexicon =
    settings.checks.spelling.enabled || settings.checks['name-near-miss'].enabled
      ? lexiconFor(loaded.doc.targetLang)
      : null;
  const findings = checkDocument(loaded.doc, glossary, settings, lexicon);

  const bySeverity: Summary['bySeverity'] = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const failing = findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[opts.failOn]).length;
  const summary: Summary = {
    findings: findings.length,
    segments: loaded.doc.segments.length,
    bySeverity,
    failOn: opts.failOn,
    failing,
    failed: failing > 0,
  };

  if (opts.format === 'json') {
    const out = {
      title: loaded.title,
      sourceLang: loaded.doc.sourceLang,
      targetLang: loaded.doc.targetLang,
      languages: { source: loaded.langs.source, target: loaded.langs.target },
      summary,
      findings: findings.map((f) => jsonFinding(f, loaded.locate)),
    };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else if (opts.format === 'junit') {
    io.stdout(junitReport(loaded.doc, loaded.title, findings, loaded.locate));
  } else {
    io.stdout(textReport(findings, loaded.locate, summary));
  }
  return summary.failed ? EXIT_FAILURE : 0;
}
