import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import type { GlossaryEntry } from './glossary-schema';
import { prepareXml, SAFE_XML_PARSER_OPTIONS } from '../xml-safety';

/*
 * Project termbases for the terminology checks (qa/terms.ts), from two formats:
 * - CSV, the sample's format: header `source,target,forbidden,note` (any order, case-insensitive; `forbidden`
 *   and `note` optional; `,`, `;` or tab as delimiter), `|`-separated alternatives in every term column.
 * - TBX-Basic (ISO 30042): termEntry/langSet/tig/term, and TBX v3's conceptEntry/langSec/termSec. A term whose
 *   administrativeStatus is deprecatedTerm-admn or supersededTerm-admn, or whose normativeAuthorization is
 *   deprecatedTerm, superseded or forbidden, is a forbidden form; every other term is an accepted one. The XML
 *   goes through xml-safety.ts first: no DTD, no entity, nothing loaded (a file that breaks the rule is `refused`).
 * Bad rows never throw: they come back in `errors` with their 1-based line, and the other rows are kept.
 */

// The schemas live apart (glossary-schema.ts): the browser needs them (events carry glossaries), not the
// parsers' CSV and XML libraries.
export { GlossaryEntrySchema, GlossarySchema, type Glossary, type GlossaryEntry } from './glossary-schema';

export interface GlossaryIssue {
  /** 1-based line in the file (0 when it cannot be told). */
  line: number;
  message: string;
}

export interface GlossaryParseResult {
  entries: GlossaryEntry[];
  errors: GlossaryIssue[];
}

/**
 * A spreadsheet takes a cell that starts with = + - or @ for a formula: writeGlossaryCsv puts an apostrophe
 * before such a field (and before one that already starts with apostrophes and then one of them), as
 * spreadsheets do to show text; the reader takes one off. The round trip is exact.
 */
const FORMULA_OUT = /^'*[=+\-@\t\r]/;
const FORMULA_IN = /^'+[=+\-@\t\r]/;
const unescapeFormula = (cell: string) => (FORMULA_IN.test(cell) ? cell.slice(1) : cell);

const alternatives = (cell: string | undefined): string[] =>
  unescapeFormula(cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Line numbers by binary search over the line starts, found once: rescanning the text from the start for
 * every row made a 40,000-row file take seconds (issue #8).
 */
export function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const BLANK = /\s/;

/** Parses a CSV glossary (papaparse). */
export function parseGlossaryCsv(text: string): GlossaryParseResult {
  // Line breaks at the very end are no row: dropped, so that a last quoted field followed by a line break other
  // than the file's (a CRLF file ending in LF, as writeGlossaryCsv wrote them) is not read as malformed.
  const body = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '');
  const lineAt = lineLocator(body);
  const entries: GlossaryEntry[] = [];
  const errors: GlossaryIssue[] = [];
  const rows: { cells: string[]; line: number }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    step: (result) => {
      // The row starts at its first character that is neither blank nor a delimiter: lines papaparse skipped
      // as empty (blank, or delimiters only) lie before it.
      let start = cursor;
      const delimiter = result.meta.delimiter;
      while (start < body.length && (BLANK.test(body[start]!) || body[start] === delimiter)) start++;
      cursor = result.meta.cursor;
      for (const e of result.errors) {
        // A malformed row: report it where papaparse saw the problem, or at the row's first line.
        if (e.code !== 'UndetectableDelimiter') errors.push({ line: lineAt(e.index ?? start), message: e.message });
      }
      if (result.errors.some((e) => e.type === 'Quotes')) return;
      rows.push({ cells: result.data, line: lineAt(start) });
    },
  });
  const header = rows.shift();
  if (!header) return { entries, errors: errors.length ? errors : [{ line: 1, message: 'empty file' }] };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const col = (name: string) => columns.indexOf(name);
  const [src, tgt, forb, note] = [col('source'), col('target'), col('forbidden'), col('note')];
  if (src === -1 || tgt === -1) {
    const missing = [src === -1 ? 'source' : '', tgt === -1 ? 'target' : ''].filter(Boolean).join(' and ');
    errors.unshift({
      line: header.line,
      message: `header must name the columns source,target[,forbidden,note]: no ${missing} column`,
    });
    return { entries, errors };
  }
  for (const { cells, line } of rows) {
    if (cells.length !== columns.length) {
      errors.push({
        line,
        message: `${cells.length} fields, expected ${columns.length} (quote a field that contains the delimiter)`,
      });
      continue;
    }
    const entry = {
      source: alternatives(cells[src]),
      target: alternatives(cells[tgt]),
      forbidden: forb === -1 ? [] : alternatives(cells[forb]),
      note: note === -1 ? '' : unescapeFormula(cells[note] ?? '').trim(),
    };
    if (entry.source.length === 0 && entry.forbidden.length === 0) {
      errors.push({ line, message: 'no source term (and no forbidden form)' });
    } else if (entry.target.length === 0 && entry.forbidden.length === 0) {
      errors.push({ line, message: 'no target term and no forbidden form' });
    } else {
      entries.push(entry);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { entries, errors };
}

// ---- TBX ------------------------------------------------------------------------------------------

/** A node of fast-xml-parser's preserveOrder tree: `{ tag: children, ':@': attributes }` or `{ '#text': … }`. */
type XmlNode = Record<string, unknown>;

const ATTRS = ':@';
const tagOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ATTRS) ?? '';
const childrenOf = (node: XmlNode): XmlNode[] => {
  const c = node[tagOf(node)];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
};
const attr = (node: XmlNode, name: string): string | undefined => {
  const a = node[ATTRS] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return v === undefined ? undefined : String(v);
};

function textOf(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text']);
  return childrenOf(node).map(textOf).join('');
}

function* descendants(nodes: XmlNode[], names: ReadonlySet<string>): Generator<XmlNode> {
  for (const n of nodes) {
    if (names.has(tagOf(n))) yield n;
    else yield* descendants(childrenOf(n), names);
  }
}

const ENTRY = new Set(['termEntry', 'conceptEntry']);
const LANG = new Set(['langSet', 'langSec']);
const TERM_GROUP = new Set(['tig', 'ntig', 'termSec']);
const TERM = new Set(['term']);
const TERM_NOTE = new Set(['termNote']);
const NOTE = new Set(['descrip', 'note']);
// TBX-Basic's values end in -admn-sts (deprecatedTerm-admn-sts); older files drop the suffix or part of it.
const FORBIDDEN_STATUS = /^((deprecated|superseded)Term(-admn(-sts)?)?|superseded|forbidden|deprecated)$/i;

const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0]!;

export interface TbxOptions {
  sourceLang: string;
  targetLang: string;
}

export interface TbxParseResult extends GlossaryParseResult {
  /** Languages found in the file (xml:lang of langSet / langSec). */
  languages: string[];
  /** Entries with no term in the source or target language (normal in a multilingual termbase). */
  skipped: number;
  /** The file breaks the XML safety rule (a DTD, an entity, nesting too deep: xml-safety.ts); nothing was read. */
  refused?: true;
}

/** Parses a TBX termbase (fast-xml-parser); languages match on their primary subtag ("fr" matches "fr-FR"). */
export function parseTbx(xml: string, langs: TbxOptions): TbxParseResult {
  const prepared = prepareXml(xml);
  if (!prepared.ok) return { entries: [], errors: [prepared.problem], languages: [], skipped: 0, refused: true };
  const body = prepared.xml;
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return {
      entries: [],
      errors: [{ line: valid.err.line, message: `not well-formed XML (column ${valid.err.col}): ${valid.err.msg}` }],
      languages: [],
      skipped: 0,
    };
  }
  const parser = new XMLParser({
    ...SAFE_XML_PARSER_OPTIONS,
    preserveOrder: true,
    ignoreAttributes: false,
    removeNSPrefix: true,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const tree = parser.parse(body) as XmlNode[];
  const entries: GlossaryEntry[] = [];
  const languages = new Set<string>();
  let skipped = 0;
  let count = 0;
  const [sl, tl] = [primary(langs.sourceLang), primary(langs.targetLang)];
  for (const entryNode of descendants(tree, ENTRY)) {
    count++;
    const entry: GlossaryEntry = { source: [], target: [], forbidden: [], note: '' };
    const notes: string[] = [];
    let otherLanguage = false;
    for (const child of childrenOf(entryNode)) if (NOTE.has(tagOf(child))) notes.push(textOf(child).trim());
    for (const langNode of descendants(childrenOf(entryNode), LANG)) {
      const lang = attr(langNode, 'lang') ?? '';
      if (lang) languages.add(lang);
      const side = primary(lang) === sl ? 'source' : primary(lang) === tl ? 'target' : null;
      if (side !== 'target') otherLanguage = true;
      for (const group of descendants(childrenOf(langNode), TERM_GROUP)) {
        const term = [...descendants(childrenOf(group), TERM)].map(textOf).join(' ').replace(/\s+/g, ' ').trim();
        if (!term || !side) continue;
        const statuses = [...descendants(childrenOf(group), TERM_NOTE)]
          .filter((n) => /^(administrativeStatus|normativeAuthorization)$/.test(attr(n, 'type') ?? ''))
          .map((n) => textOf(n).trim());
        if (side === 'source') entry.source.push(term);
        else if (statuses.some((s) => FORBIDDEN_STATUS.test(s))) entry.forbidden.push(term);
        else entry.target.push(term);
      }
    }
    entry.note = notes.filter(Boolean).join(' ');
    // As in the CSV, an entry may have no source term when it lists forbidden forms (forbidden everywhere): one
    // with the target language only (as writeTbx writes it), not one whose source is in another language.
    const hasSource = entry.source.length > 0 || (entry.forbidden.length > 0 && !otherLanguage);
    if (!hasSource || entry.target.length + entry.forbidden.length === 0) skipped++;
    else entries.push(entry);
  }
  const errors: GlossaryIssue[] = [];
  if (count === 0)
    errors.push({ line: 1, message: 'no termEntry (TBX 2) or conceptEntry (TBX 3) elements: is it a TBX file?' });
  else if (entries.length === 0) {
    errors.push({
      line: 1,
      message: `no entry has terms in both ${langs.sourceLang} and ${langs.targetLang} (languages in the file: ${[...languages].join(', ') || 'none'})`,
    });
  }
  return { entries, errors, languages: [...languages], skipped };
}

/** The writing side: a glossary as the CSV parseGlossaryCsv reads (`|` between alternatives). */
export function writeGlossaryCsv(entries: readonly GlossaryEntry[]): string {
  return (
    Papa.unparse(
      {
        fields: ['source', 'target', 'forbidden', 'note'],
        data: entries.map((e) => [e.source.join('|'), e.target.join('|'), e.forbidden.join('|'), e.note]),
      },
      { newline: '\r\n', escapeFormulae: FORMULA_OUT },
    ) + '\r\n'
  );
}
