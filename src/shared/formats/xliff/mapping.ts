import type { MqmCategory, Severity } from '../../mqm';
import type { FlagStatus, SegmentStatus } from '../../schemas';
import { FlagStatusSchema } from '../../schemas';
import { MqmCategorySchema, SeveritySchema } from '../../mqm';

/*
 * Statuses and review marks, both ways, as issue #13's tables say. Our sub-states are prefixed "visavis:"
 * (XLIFF 2 subState is "prefix:value").
 */

export const SUBSTATE_PREFIX = 'visavis';

/** XLIFF 2.x state (and subState) for a segment status. */
export function toXliff2State(status: SegmentStatus, documentApproved: boolean): { state: string; subState?: string } {
  switch (status) {
    case 'draft':
      return { state: 'initial' };
    case 'translated':
      return { state: 'translated' };
    case 'in-review':
    case 'changes-requested':
      return { state: 'translated', subState: `${SUBSTATE_PREFIX}:${status}` };
    case 'approved':
      return { state: documentApproved ? 'final' : 'reviewed' };
  }
}

/** Segment status for an XLIFF 2.x state; unknown or misspelt values fall back to the nearest. */
export function fromXliff2State(
  state: string | undefined,
  subState: string | undefined,
  hasTarget: boolean,
): SegmentStatus {
  const s = state?.trim().toLowerCase();
  if (s === 'initial') return 'draft';
  if (s === 'reviewed' || s === 'final') return 'approved';
  if (s === 'translated') {
    if (subState === `${SUBSTATE_PREFIX}:in-review`) return 'in-review';
    if (subState === `${SUBSTATE_PREFIX}:changes-requested`) return 'changes-requested';
    return 'translated';
  }
  return hasTarget ? 'translated' : 'draft';
}

/** XLIFF 1.2 target state and trans-unit approved for a segment status. */
export function toXliff12State(status: SegmentStatus): { state: string; approved: boolean } {
  switch (status) {
    case 'draft':
      return { state: 'new', approved: false };
    case 'translated':
      return { state: 'translated', approved: false };
    case 'in-review':
    case 'changes-requested':
      return { state: 'needs-review-translation', approved: false };
    case 'approved':
      return { state: 'signed-off', approved: true };
  }
}

/** Segment status for an XLIFF 1.2 state: lenient (real files say "Translated", "needs-review", …). */
export function fromXliff12State(
  state: string | undefined,
  approved: boolean,
  ours: string | undefined,
  hasTarget: boolean,
): SegmentStatus {
  if (approved) return 'approved';
  const s = (state ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (s === 'signed-off' || s === 'final') return 'approved';
  if (s.startsWith('needs-review') || s === 'in-review') {
    return ours === 'changes-requested' ? 'changes-requested' : 'in-review';
  }
  if (s === 'new' || s === 'needs-translation') return 'draft';
  if (s === 'translated' || s.startsWith('needs-')) return 'translated';
  return hasTarget ? 'translated' : 'draft';
}

const MQM_TO_ITS: Record<MqmCategory, string> = {
  'accuracy/mistranslation': 'mistranslation',
  'accuracy/omission': 'omission',
  'accuracy/addition': 'addition',
  'accuracy/untranslated': 'untranslated',
  'fluency/grammar': 'grammar',
  'fluency/spelling': 'misspelling',
  'fluency/punctuation': 'typographical',
  'fluency/inconsistency': 'inconsistency',
  'fluency/register': 'register',
  terminology: 'terminology',
  style: 'style',
  'locale-convention': 'locale-violation',
  'non-translation': 'untranslated',
  'source-error': 'other',
  other: 'other',
};

/** ITS 2.0 locQualityIssueType values (https://www.w3.org/TR/its20/#lqissue-typevalues) → MQM. */
const ITS_TO_MQM: Record<string, MqmCategory> = {
  terminology: 'terminology',
  mistranslation: 'accuracy/mistranslation',
  omission: 'accuracy/omission',
  untranslated: 'accuracy/untranslated',
  addition: 'accuracy/addition',
  duplication: 'accuracy/addition',
  inconsistency: 'fluency/inconsistency',
  grammar: 'fluency/grammar',
  legal: 'other',
  register: 'fluency/register',
  'locale-specific-content': 'locale-convention',
  'locale-violation': 'locale-convention',
  style: 'style',
  characters: 'fluency/spelling',
  misspelling: 'fluency/spelling',
  typographical: 'fluency/punctuation',
  formatting: 'locale-convention',
  'inconsistent-entities': 'fluency/inconsistency',
  numbers: 'accuracy/mistranslation',
  markup: 'other',
  'pattern-problem': 'other',
  whitespace: 'fluency/punctuation',
  internationalization: 'other',
  length: 'other',
  'non-conformance': 'other',
  uncategorized: 'other',
  other: 'other',
};

export const itsTypeOf = (category: MqmCategory): string => MQM_TO_ITS[category];
export const categoryOfIts = (type: string | undefined): MqmCategory =>
  ITS_TO_MQM[(type ?? '').trim().toLowerCase()] ?? 'other';

const SEVERITY_TO_ITS: Record<Severity, number> = { neutral: 0, minor: 25, major: 50, critical: 100 };
export const itsSeverityOf = (severity: Severity): number => SEVERITY_TO_ITS[severity];

/** ITS severity (0–100) → the nearest of ours. */
export function severityOfIts(value: number | undefined): Severity {
  if (value === undefined || !Number.isFinite(value)) return 'minor';
  if (value < 12.5) return 'neutral';
  if (value < 37.5) return 'minor';
  if (value < 75) return 'major';
  return 'critical';
}

export const parseCategory = (v: string | undefined): MqmCategory | undefined => MqmCategorySchema.safeParse(v).data;
export const parseSeverity = (v: string | undefined): Severity | undefined => SeveritySchema.safeParse(v).data;
export const parseFlagStatus = (v: string | undefined): FlagStatus | undefined => FlagStatusSchema.safeParse(v).data;
