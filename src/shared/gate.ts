import { z } from 'zod';
import { SEVERITIES, type Severity } from './mqm';
import type { DocumentScore } from './mqm-score';
import { UNSETTLED_FLAG_STATUSES, type DocumentState } from './schemas';

/**
 * The release gate (GET /api/documents/:id/gate, `visavis gate`): may this document be published? Computed
 * from the same score as the scorecard (scoreDocument) and the same findings as the QA tab.
 */

/** `major:0,critical:0` → { major: 0, critical: 0 }. */
const SeverityLimitsSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const limits: Partial<Record<Severity, number>> = {};
    for (const part of text.split(',').filter((p) => p.trim() !== '')) {
      const m = /^\s*([a-z]+)\s*:\s*(\d+)\s*$/.exec(part);
      if (!m || !(SEVERITIES as readonly string[]).includes(m[1]!)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part}" is not severity:count (severities: ${SEVERITIES.join(', ')})`,
        });
        return z.NEVER;
      }
      limits[m[1] as Severity] = Number(m[2]);
    }
    return limits;
  });

export const GateQuerySchema = z.object({
  /** The quality score must be at least this (the document's own cut score when absent). */
  minScore: z.coerce.number().min(-1_000_000).max(100).optional(),
  /** Most unsettled (open or disputed) flags allowed per severity. */
  maxOpen: SeverityLimitsSchema.optional(),
  /** Most QA findings allowed per severity (dismissed ones do not count). */
  maxFindings: SeverityLimitsSchema.optional(),
  /** `true`: the document must be approved. */
  approved: z.enum(['true', 'false']).optional(),
});
export type GateQuery = z.infer<typeof GateQuerySchema>;

export type SeverityCounts = Record<Severity, number> & { total: number };

export interface GateResult {
  pass: boolean;
  reasons: string[];
  document: { id: string; title: string; status: DocumentState['status'] };
  score: {
    quality: number | null;
    minScore: number;
    cutScore: number;
    penaltyPer1000: number | null;
    evaluatedWords: number;
  };
  openFlags: SeverityCounts;
  findings: SeverityCounts;
}

const zero = (): SeverityCounts => ({ neutral: 0, minor: 0, major: 0, critical: 0, total: 0 });

function checkLimits(what: string, counts: SeverityCounts, limits: Partial<Record<Severity, number>> | undefined) {
  const reasons: string[] = [];
  for (const s of SEVERITIES) {
    const max = limits?.[s];
    if (max !== undefined && counts[s] > max) reasons.push(`${counts[s]} ${what} of severity ${s} (at most ${max})`);
  }
  return reasons;
}

export function evaluateGate(
  doc: DocumentState,
  score: DocumentScore,
  findings: readonly { severity: Severity }[],
  query: GateQuery,
): GateResult {
  const openFlags = zero();
  for (const f of doc.flags) {
    if (!UNSETTLED_FLAG_STATUSES.includes(f.status)) continue;
    openFlags[f.severity]++;
    openFlags.total++;
  }
  const found = zero();
  for (const f of findings) {
    found[f.severity]++;
    found.total++;
  }
  const minScore = query.minScore ?? score.cutScore;
  const reasons: string[] = [];
  if (score.qualityScore === null) reasons.push('no evaluated words: the document has no quality score');
  else if (score.qualityScore < minScore) reasons.push(`quality score ${score.qualityScore} is under ${minScore}`);
  reasons.push(...checkLimits('unsettled flag(s)', openFlags, query.maxOpen));
  reasons.push(...checkLimits('QA finding(s)', found, query.maxFindings));
  if (query.approved === 'true' && doc.status !== 'approved') {
    reasons.push(`the document is ${doc.status}, not approved`);
  }
  return {
    pass: reasons.length === 0,
    reasons,
    document: { id: doc.id, title: doc.title, status: doc.status },
    score: {
      quality: score.qualityScore,
      minScore,
      cutScore: score.cutScore,
      penaltyPer1000: score.penaltyPer1000,
      evaluatedWords: score.evaluatedWords,
    },
    openFlags,
    findings: found,
  };
}
