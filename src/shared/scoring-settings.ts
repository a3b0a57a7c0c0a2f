import { z } from 'zod';
import { DEFAULT_SEVERITY_WEIGHTS } from './mqm';

/** A document's scoring settings (mqm-score.ts explains the rules). */
export const SeverityWeightsSchema = z.object({
  neutral: z.number().min(0).max(1000),
  minor: z.number().min(0).max(1000),
  major: z.number().min(0).max(1000),
  critical: z.number().min(0).max(1000),
});
export type SeverityWeights = z.infer<typeof SeverityWeightsSchema>;

export const ScoringSettingsSchema = z.object({
  preset: z.enum(['mqm', 'wmt']).default('mqm'),
  weights: SeverityWeightsSchema.default({ ...DEFAULT_SEVERITY_WEIGHTS }),
  cutScore: z.number().min(-1_000_000).max(100).default(95),
  wordBasis: z.enum(['source', 'target']).default('source'),
});
export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;

export const DEFAULT_SCORING: ScoringSettings = {
  preset: 'mqm',
  weights: { ...DEFAULT_SEVERITY_WEIGHTS },
  cutScore: 95,
  wordBasis: 'source',
};

/** WMT's Major 5 / Minor 1 / Neutral 0; WMT has no Critical, which weighs like Non-translation. */
export const WMT_SCORING: ScoringSettings = {
  preset: 'wmt',
  weights: { neutral: 0, minor: 1, major: 5, critical: 25 },
  cutScore: 95,
  wordBasis: 'source',
};
