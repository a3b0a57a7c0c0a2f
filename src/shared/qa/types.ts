import { z } from 'zod';
import { MqmCategorySchema, SeveritySchema, type MqmCategory, type Severity } from '../mqm';
import { FlagSideSchema } from '../primitives';
import type { Segment } from '../schemas';

/** Every automated check, by id. A finding's message key is `qa.<checkId>.<variant>`. */
export const QA_CHECK_IDS = [
  'term-missing',
  'term-forbidden',
  'name-near-miss',
  'number-mismatch',
  'empty-target',
  'source-only',
  'target-only',
  'identical',
  'length-ratio',
  'unpaired',
  'double-space',
  'repeated-word',
  'end-punctuation',
  'fr-spacing',
  'code-mismatch',
  'spelling',
] as const;
export const CheckIdSchema = z.enum(QA_CHECK_IDS);
export type CheckId = z.infer<typeof CheckIdSchema>;

export const QA_CHECK_FAMILIES = [
  'terminology',
  'names',
  'numbers',
  'completeness',
  'punctuation',
  'typography',
  'markup',
  'spelling',
] as const;
export type CheckFamily = (typeof QA_CHECK_FAMILIES)[number];

export interface CheckInfo {
  family: CheckFamily;
  /** MQM category of its findings (length-ratio uses accuracy/addition when the translation is too long). */
  category: MqmCategory;
  /** Severity unless the document's settings say otherwise. */
  severity: Severity;
}

export const QA_CHECKS: Readonly<Record<CheckId, CheckInfo>> = {
  'term-missing': { family: 'terminology', category: 'terminology', severity: 'major' },
  'term-forbidden': { family: 'terminology', category: 'terminology', severity: 'major' },
  'name-near-miss': { family: 'names', category: 'accuracy/mistranslation', severity: 'major' },
  'number-mismatch': { family: 'numbers', category: 'accuracy/mistranslation', severity: 'major' },
  'empty-target': { family: 'completeness', category: 'accuracy/omission', severity: 'major' },
  'source-only': { family: 'completeness', category: 'accuracy/omission', severity: 'major' },
  'target-only': { family: 'completeness', category: 'accuracy/addition', severity: 'major' },
  identical: { family: 'completeness', category: 'accuracy/untranslated', severity: 'major' },
  'length-ratio': { family: 'completeness', category: 'accuracy/omission', severity: 'minor' },
  unpaired: { family: 'punctuation', category: 'fluency/punctuation', severity: 'minor' },
  'double-space': { family: 'punctuation', category: 'fluency/punctuation', severity: 'minor' },
  'repeated-word': { family: 'punctuation', category: 'fluency/grammar', severity: 'minor' },
  'end-punctuation': { family: 'punctuation', category: 'fluency/punctuation', severity: 'minor' },
  'fr-spacing': { family: 'typography', category: 'locale-convention', severity: 'minor' },
  // MQM puts tags under Design and markup; our reduced typology files it under "other".
  'code-mismatch': { family: 'markup', category: 'other', severity: 'major' },
  // Only on the server and in the CLI, where a Hunspell dictionary of the target language is loaded (spelling.ts).
  spelling: { family: 'spelling', category: 'fluency/spelling', severity: 'minor' },
};

/**
 * Checks whose findings change with the target language's Hunspell dictionary, loaded only on the server and in
 * the CLI: spelling exists only there, and there the name check tells German nouns from names. The browser runs
 * every check itself and adds the server's findings of these (GET /api/documents/:id/qa?checks=…).
 */
export const DICTIONARY_CHECKS: readonly CheckId[] = ['spelling', 'name-near-miss'];

/** The settings with only these checks left on (those already off stay off). */
export function onlyChecks(settings: QaSettings, ids: readonly CheckId[]): QaSettings {
  const checks = { ...settings.checks };
  for (const id of QA_CHECK_IDS) if (!ids.includes(id)) checks[id] = { ...checks[id], enabled: false };
  return { ...settings, checks };
}

const checkSetting = (id: CheckId) =>
  z
    .object({ enabled: z.boolean().default(true), severity: SeveritySchema.default(QA_CHECKS[id].severity) })
    .default({ enabled: true, severity: QA_CHECKS[id].severity });

type ChecksShape = { [K in CheckId]: ReturnType<typeof checkSetting> };
const checksShape = Object.fromEntries(QA_CHECK_IDS.map((id) => [id, checkSetting(id)])) as ChecksShape;
// Strict: a misspelt check id is an error, not a silently ignored setting.
const ChecksSchema = z.object(checksShape).strict();

/**
 * Per-document QA settings: each check on or off with its severity, and whether French terms match without
 * accents. Every field has a default, so `QaSettingsSchema.parse({})` gives DEFAULT_QA_SETTINGS and
 * `{checks: {'fr-spacing': {enabled: false}}}` switches one check off.
 */
export const QaSettingsSchema = z.object({
  checks: ChecksSchema.default(() => ChecksSchema.parse({})),
  /** Glossary terms in French (and other Latin-script languages) match with accents ignored ("desert" = "désert"). */
  accentInsensitive: z.boolean().default(false),
});
export type QaSettings = z.infer<typeof QaSettingsSchema>;
export type QaSettingsInput = z.input<typeof QaSettingsSchema>;
export const DEFAULT_QA_SETTINGS: QaSettings = QaSettingsSchema.parse({});

export const QaMessageSchema = z.object({
  /** i18n key, `qa.<checkId>.<variant>` (English templates: QA_MESSAGES_EN). */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type QaMessage = z.infer<typeof QaMessageSchema>;

export const FindingSchema = z.object({
  /** Stable: a hash of checkId, segmentId, side, start, end and quote (same problem, same id, run after run). */
  id: z.string(),
  checkId: CheckIdSchema,
  category: MqmCategorySchema,
  severity: SeveritySchema,
  segmentId: z.string(),
  segmentIndex: z.number().int().min(0),
  side: FlagSideSchema,
  /** UTF-16 offsets into the side's text, like flags' anchors. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
  message: QaMessageSchema,
  /** Replacing [start, end) of the side's text with this fixes the problem. */
  fix: z.object({ replacement: z.string() }).optional(),
  /** A live flag already marks some of these words (covered.ts): it cannot be confirmed as another flag. */
  covered: z.literal(true).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** What the checks read of a segment (its inline codes for the code check; translate="no" ones are not checked). */
export type QaSegment = Pick<Segment, 'id' | 'index' | 'source' | 'target'> &
  Partial<Pick<Segment, 'codes' | 'readOnly'>>;

/** A finding before the engine gives it an id and the document's severity. */
export interface RawFinding {
  checkId: CheckId;
  side: 'source' | 'target';
  start: number;
  end: number;
  variant: string;
  params?: Record<string, string | number>;
  fix?: string;
  /** Overrides the check's category (length-ratio: too long is an addition). */
  category?: MqmCategory;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { neutral: 0, minor: 1, major: 2, critical: 3 };

/** A language's dictionary (Hunspell, server and CLI only): which words exist. */
export interface Lexicon {
  /** The dictionary's name, for messages ("German (dictionary-de)"). */
  name: string;
  isWord(word: string): boolean;
}
