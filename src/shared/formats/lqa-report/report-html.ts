import { DOMImplementation, type Element } from '@xmldom/xmldom';
import { SEVERITIES } from '../../mqm';
import { serializeXml } from '../xml-dom';
import { REPORT_CSS } from './report-css';
import type { LqaReport } from './report-data';

/*
 * The LQA report as a printable HTML page, built as a DOM (@xmldom/xmldom) so every text is escaped by the
 * serializer. No style attribute anywhere: the look comes from the report's stylesheet, linked (the app: its CSP
 * allows styles from the app only) or embedded (the CLI's file, opened on its own).
 */

const XHTML = 'http://www.w3.org/1999/xhtml';
export const REPORT_CSS_PATH = '/api/report.css';

export interface ReportHtmlOptions {
  stylesheet: { href: string } | 'embed';
}

const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const date = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

/** A duration as minutes and seconds ("12 min 05 s"). */
const minutes = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

export function reportHtml(r: LqaReport, opts: ReportHtmlOptions = { stylesheet: { href: REPORT_CSS_PATH } }): string {
  const doc = new DOMImplementation().createDocument(XHTML, 'html', null);
  const html = doc.documentElement!;
  html.setAttribute('lang', 'en');
  const el = (parent: Element, name: string, text?: string, cls?: string): Element => {
    const e = doc.createElementNS(XHTML, name);
    if (text !== undefined) e.appendChild(doc.createTextNode(text));
    if (cls) e.setAttribute('class', cls);
    parent.appendChild(e);
    return e;
  };
  /** A table with one header row of column headers under `parent`; answers its body, for the rows. */
  const headedTable = (parent: Element, className: string, headers: readonly string[]): Element => {
    const table = el(parent, 'table', undefined, className);
    const row = el(el(table, 'thead'), 'tr');
    for (const h of headers) el(row, 'th', h).setAttribute('scope', 'col');
    return el(table, 'tbody');
  };
  const head = el(html, 'head');
  el(head, 'meta').setAttribute('charset', 'utf-8');
  el(head, 'title', `LQA report — ${r.title}`);
  if (opts.stylesheet === 'embed') el(head, 'style', REPORT_CSS);
  else {
    const link = el(head, 'link');
    link.setAttribute('rel', 'stylesheet');
    link.setAttribute('href', opts.stylesheet.href);
  }
  const body = el(html, 'body');
  const main = el(body, 'main');
  el(main, 'h1', `LQA report — ${r.title}`);
  el(
    main,
    'p',
    `${r.sourceLang} → ${r.targetLang} · document ${r.documentStatus} · generated ${date(r.generatedAt)}`,
    'meta',
  );

  const s = r.score;
  el(main, 'h2', 'Result');
  const dl = el(main, 'dl', undefined, 'summary');
  const item = (term: string, value: string, cls?: string) => {
    el(dl, 'dt', term);
    el(dl, 'dd', value, cls);
  };
  item('Quality score', fixed(s.qualityScore));
  item(
    'Result',
    s.pass === null ? 'no words evaluated' : s.pass ? 'Pass' : 'Fail',
    s.pass === null ? undefined : s.pass ? 'result-pass' : 'result-fail',
  );
  item('Cut score', String(s.cutScore));
  item('Evaluated words', `${s.evaluatedWords} (${s.wordBasis} words)`);
  item('Penalty points', fixed(s.penaltyPoints));
  item('Penalty per 1,000 words', fixed(s.penaltyPer1000));
  item('Issues counted', String(s.flagCount));
  item('Scoring', s.preset);

  el(main, 'h2', 'Issues by category and severity');
  if (r.table.length === 0) el(main, 'p', 'No issue counts toward the score.', 'empty');
  else {
    const table = el(main, 'table', undefined, 'breakdown');
    const hr = el(el(table, 'thead'), 'tr');
    el(hr, 'th', 'Category').setAttribute('scope', 'col');
    for (const sev of [...SEVERITIES, 'total']) el(hr, 'th', sev, 'number').setAttribute('scope', 'col');
    const tb = el(table, 'tbody');
    for (const row of r.table) {
      const tr = el(tb, 'tr');
      el(tr, 'th', row.category).setAttribute('scope', 'row');
      for (const sev of SEVERITIES) el(tr, 'td', String(row.cells[sev].count), 'number');
      el(tr, 'td', String(row.total), 'number');
    }
  }

  el(main, 'h2', 'Review and approval');
  const pb = headedTable(main, 'people', ['Role', 'Name', 'Count', 'From', 'To']);
  const person = (role: string, name: string, count: string, first: string, last: string) => {
    const tr = el(pb, 'tr');
    el(tr, 'td', role);
    el(tr, 'td', name);
    el(tr, 'td', count, 'number');
    el(tr, 'td', date(first));
    el(tr, 'td', date(last));
  };
  for (const p of r.reviewers) person('Reviewer (issues flagged)', p.name, String(p.count), p.first, p.last);
  for (const p of r.segmentApprovals) person('Approver (segments)', p.name, String(p.count), p.first, p.last);
  for (const a of r.documentApprovals) person('Approver (document)', a.by, '', a.at, a.at);
  if (pb.firstChild === null)
    el(el(pb, 'tr'), 'td', 'Nobody has reviewed or approved yet.', 'empty').setAttribute('colspan', '5');

  if (r.timing.length > 0) {
    el(main, 'h2', 'Review time');
    const tb = headedTable(main, 'people', [
      'Reviewer',
      'Flags',
      'Segments reviewed',
      'Active time',
      'Per 1,000 words',
      'Flags per 1,000 words',
    ]);
    for (const t of r.timing) {
      const tr = el(tb, 'tr');
      el(tr, 'td', t.reviewer);
      el(tr, 'td', String(t.flags), 'number');
      el(tr, 'td', String(t.reviewed), 'number');
      el(tr, 'td', minutes(t.activeMs), 'number');
      el(tr, 'td', t.msPer1000Words === null ? '' : minutes(t.msPer1000Words), 'number');
      el(tr, 'td', t.flagsPer1000Words === null ? '' : t.flagsPer1000Words.toFixed(1), 'number');
    }
  }

  el(main, 'h2', `Issues (${r.issues.length})`);
  const ib = headedTable(main, 'issues', [
    '#',
    'Source',
    'Translation as delivered',
    'Flagged words',
    'Category',
    'Severity',
    'Correction',
    'Comments',
    'Reviewer',
    'Date',
    'Status',
  ]);
  for (const i of r.issues) {
    const tr = el(ib, 'tr', undefined, i.counted ? undefined : 'not-counted');
    el(tr, 'td', String(i.segment), 'number');
    el(tr, 'td', i.source).setAttribute('lang', r.sourceLang);
    el(tr, 'td', i.translation).setAttribute('lang', r.targetLang);
    const flagged = el(tr, 'td');
    el(flagged, 'mark', i.flagged, 'flagged').setAttribute('lang', i.side === 'source' ? r.sourceLang : r.targetLang);
    el(tr, 'td', i.category);
    el(tr, 'td', i.severity);
    el(tr, 'td', i.correction).setAttribute('lang', r.targetLang);
    const comments = el(tr, 'td');
    if (i.comments.length > 0) {
      const ul = el(comments, 'ul', undefined, 'comments');
      for (const c of i.comments) el(ul, 'li', c);
    }
    el(tr, 'td', i.reviewer);
    el(tr, 'td', date(i.date));
    el(tr, 'td', i.counted ? i.status : `${i.status} (not counted)`);
  }
  if (r.issues.length === 0) el(el(ib, 'tr'), 'td', 'No issue was flagged.', 'empty').setAttribute('colspan', '11');
  return `<!DOCTYPE html>\n${serializeXml(doc)}\n`;
}
