import type { DocumentEvent } from '../../events';
import { MQM_CATEGORIES, SEVERITIES, type MqmCategory, type Severity } from '../../mqm';
import { COUNTED_STATUSES, scoreDocument, type DocumentScore } from '../../mqm-score';
import { DEFAULT_SCORING } from '../../scoring-settings';
import type { DocumentState, FlagStatus } from '../../schemas';
import { reviewerTotals, type ReviewerTotals } from '../../timing';

/*
 * The LQA report of a document, for the client (issue #14): the figures come from scoreDocument, the very code of
 * the workspace's scorecard (same scoring settings: the document's, else the defaults), so the two never differ.
 * Every flag is listed, those that do not count (rejected, withdrawn) with their status; who reviewed (flag
 * authors) and who approved when come from the event log.
 */

export interface ReportIssue {
  /** 1-based segment number, as the workspace shows it. */
  segment: number;
  source: string;
  /** The segment's translation as delivered (its current target). */
  translation: string;
  side: 'source' | 'target';
  /** The flagged words. */
  flagged: string;
  category: MqmCategory;
  severity: Severity;
  correction: string;
  /** The flag's comment, then its thread ("author: text"). */
  comments: string[];
  reviewer: string;
  date: string;
  status: FlagStatus;
  counted: boolean;
}

export interface ReportPerson {
  name: string;
  count: number;
  first: string;
  last: string;
}

export interface LqaReport {
  title: string;
  sourceLang: string;
  targetLang: string;
  documentStatus: DocumentState['status'];
  generatedAt: string;
  score: DocumentScore;
  /** Rows of the category × severity table: categories with at least one counted issue. */
  table: { category: MqmCategory; cells: Record<Severity, { count: number; points: number }>; total: number }[];
  issues: ReportIssue[];
  reviewers: ReportPerson[];
  /** Segment approvals, per approver. */
  segmentApprovals: ReportPerson[];
  /** The document's approvals, in order. */
  documentApprovals: { by: string; at: string }[];
  /** Each reviewer's time and pace (issue #18), as the scorecard shows it. */
  timing: ReviewerTotals[];
}

/** Code characters (private-use area) are markup, not words: shown as nothing. */
const plain = (text: string) => text.replace(/[\uE000-\uF8FF]/g, '');

function tally(into: Map<string, ReportPerson>, name: string, at: string) {
  const p = into.get(name);
  if (!p) into.set(name, { name, count: 1, first: at, last: at });
  else {
    p.count++;
    if (at < p.first) p.first = at;
    if (at > p.last) p.last = at;
  }
}

export function buildReport(
  doc: DocumentState,
  events: readonly DocumentEvent[],
  now = new Date().toISOString(),
): LqaReport {
  const score = scoreDocument(doc, doc.scoring ?? DEFAULT_SCORING);
  const position = new Map(doc.segments.map((s, i) => [s.id, i]));
  const reviewers = new Map<string, ReportPerson>();
  const issues: ReportIssue[] = [];
  for (const f of doc.flags) {
    const i = position.get(f.segmentId);
    if (i === undefined) continue;
    const seg = doc.segments[i]!;
    tally(reviewers, f.createdBy, f.createdAt);
    issues.push({
      segment: i + 1,
      source: plain(seg.source),
      translation: plain(seg.target),
      side: f.side,
      flagged: plain(f.quote || f.anchor.quote),
      category: f.category,
      severity: f.severity,
      correction: plain(f.correction),
      comments: [f.comment, ...f.comments.map((c) => `${c.author}: ${c.text}`)].filter((c) => c.trim() !== ''),
      reviewer: f.createdBy,
      date: f.createdAt,
      status: f.status,
      counted: COUNTED_STATUSES.has(f.status),
    });
  }
  issues.sort((a, b) => a.segment - b.segment || a.date.localeCompare(b.date));
  const segmentApprovals = new Map<string, ReportPerson>();
  const documentApprovals: LqaReport['documentApprovals'] = [];
  for (const e of events) {
    if (e.type === 'SegmentStatusChanged' && e.payload.status === 'approved') tally(segmentApprovals, e.actor, e.at);
    if (e.type === 'DocumentStatusChanged' && e.payload.status === 'approved')
      documentApprovals.push({ by: e.actor, at: e.at });
  }
  const table = MQM_CATEGORIES.map((category) => {
    const cells = score.breakdown[category];
    return { category, cells, total: SEVERITIES.reduce((n, s) => n + cells[s].count, 0) };
  }).filter((row) => row.total > 0);
  return {
    title: doc.title,
    sourceLang: doc.sourceLang,
    targetLang: doc.targetLang,
    documentStatus: doc.status,
    generatedAt: now,
    score,
    table,
    issues,
    reviewers: [...reviewers.values()],
    segmentApprovals: [...segmentApprovals.values()],
    documentApprovals,
    timing: reviewerTotals(doc, score.evaluatedWords),
  };
}
