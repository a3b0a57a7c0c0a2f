import Papa from 'papaparse';
import { SEVERITIES } from '../../mqm';
import type { LqaReport } from './report-data';

/*
 * The LQA report as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), comma
 * separated, quoted by papaparse. Sections one after the other, a blank row between: the summary (one field a
 * row), the category × severity table, who reviewed and approved, then the issues, one row per issue.
 */

export const ISSUE_COLUMNS = [
  'Segment',
  'Source',
  'Translation as delivered',
  'Side',
  'Flagged words',
  'Category',
  'Severity',
  'Correction',
  'Comments',
  'Reviewer',
  'Date',
  'Status',
  'Counted',
] as const;

/**
 * A field a spreadsheet would run as a formula (= + - @, tab, CR first: a source, a comment or a correction can
 * start so) is written with an apostrophe first, shown as text; a negative number stays a number.
 */
const FORMULA = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

const fixed = (n: number | null, digits = 2) => (n === null ? '' : n.toFixed(digits));

export function reportCsv(r: LqaReport): string {
  const s = r.score;
  const rows: string[][] = [
    ['LQA report', r.title],
    ['Languages', `${r.sourceLang} → ${r.targetLang}`],
    ['Generated', r.generatedAt],
    ['Document status', r.documentStatus],
    ['Quality score', fixed(s.qualityScore)],
    ['Result', s.pass === null ? 'no words evaluated' : s.pass ? 'pass' : 'fail'],
    ['Cut score', String(s.cutScore)],
    ['Evaluated words', String(s.evaluatedWords)],
    ['Word basis', s.wordBasis],
    ['Penalty points', fixed(s.penaltyPoints)],
    ['Penalty per 1000 words', fixed(s.penaltyPer1000)],
    ['Issues counted', String(s.flagCount)],
    ['Scoring', s.preset],
    [],
    ['Category', ...SEVERITIES, 'Total'],
    ...r.table.map((row) => [
      row.category,
      ...SEVERITIES.map((sev) => String(row.cells[sev].count)),
      String(row.total),
    ]),
    [],
    ['Role', 'Name', 'Count', 'First', 'Last'],
    ...r.reviewers.map((p) => ['Reviewer (flags)', p.name, String(p.count), p.first, p.last]),
    ...r.segmentApprovals.map((p) => ['Approver (segments)', p.name, String(p.count), p.first, p.last]),
    ...r.documentApprovals.map((a) => ['Approver (document)', a.by, '', a.at, a.at]),
    [],
    ['Reviewer', 'Flags', 'Segments reviewed', 'Active ms', 'Active ms per 1000 words', 'Flags per 1000 words'],
    ...r.timing.map((t) => [
      t.reviewer,
      String(t.flags),
      String(t.reviewed),
      String(t.activeMs),
      t.msPer1000Words === null ? '' : String(Math.round(t.msPer1000Words)),
      t.flagsPer1000Words === null ? '' : t.flagsPer1000Words.toFixed(2),
    ]),
    [],
    [...ISSUE_COLUMNS],
    ...r.issues.map((i) => [
      String(i.segment),
      i.source,
      i.translation,
      i.side,
      i.flagged,
      i.category,
      i.severity,
      i.correction,
      i.comments.join('\n'),
      i.reviewer,
      i.date,
      i.status,
      i.counted ? 'yes' : 'no',
    ]),
  ];
  return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA }) + '\r\n';
}
