import { z } from 'zod';
import { IdSchema } from './ids';
import { MqmCategorySchema, SeveritySchema } from './mqm';
import { GlossarySchema } from './formats/glossary-schema';
import { GuidelinesSchema } from './guidelines';
import { QaSettingsSchema } from './qa/types';
import { ScoringSettingsSchema } from './scoring-settings';
import {
  AnchorSchema,
  DocumentOriginSchema,
  DocumentStatusSchema,
  FlagOriginalSchema,
  FlagSideSchema,
  IsoDateSchema,
  LangSchema,
  LIMITS,
  MentionsSchema,
  SegmentFileFieldsSchema,
  SegmentMetaSchema,
  SegmentStatusSchema,
  SegmentTextSchema,
  TimingMsSchema,
} from './schemas';

const Reason = z.string().max(LIMITS.commentChars).nullable();

/** Payloads by event type. Every change to a document is one of these. */
/**
 * Every event type, as a list the UI reads (its live stream listens for each) without touching the schemas
 * below, a step towards a first load without zod (issue #10). `satisfies` below keeps the two the same.
 */
export const EVENT_TYPES = [
  'DocumentCreated',
  'SegmentEdited',
  'FlagCreated',
  'FlagEdited',
  'FlagRestored',
  'SegmentReviewed',
  'GuidelinesSet',
  'FlagAccepted',
  'FlagRejected',
  'FlagResolved',
  'FlagDisputed',
  'FlagWithdrawn',
  'FlagMaintained',
  'CommentAdded',
  'CommentEdited',
  'SegmentStatusChanged',
  'ScoringSettingsChanged',
  'GlossarySet',
  'QaSettingsChanged',
  'FindingDismissed',
  'FindingRestored',
  'DocumentRenamed',
  'DocumentArchived',
  'DocumentStatusChanged',
  'SegmentSplit',
  'SegmentsMerged',
  'SegmentDeleted',
  'SegmentInserted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EventPayloadSchemas = {
  DocumentCreated: z.object({
    id: IdSchema,
    title: z.string(),
    sourceLang: LangSchema,
    targetLang: LangSchema,
    segments: z.array(
      SegmentFileFieldsSchema.extend({
        id: IdSchema,
        source: SegmentTextSchema,
        target: SegmentTextSchema,
        meta: SegmentMetaSchema.optional(),
        ratedBy: z.array(z.string()).optional(),
        /** The status the file gave it (XLIFF state); absent: draft when the target is empty, else translated. */
        status: SegmentStatusSchema.optional(),
      }),
    ),
    /** Where the document came from (e.g. a WMT MQM file and its system). */
    origin: DocumentOriginSchema.optional(),
    /**
     * The file as imported (XLIFF), kept so that an export writes the reviewed document into it. Not part of
     * the folded state: the export reads it from this event.
     */
    skeleton: z.string().optional(),
  }),
  SegmentEdited: z.object({
    segmentId: IdSchema,
    target: SegmentTextSchema,
    /** Why the text changed: a direct edit, a conflict resolved by merging, or a revert. */
    cause: z.enum(['edit', 'merge', 'revert']),
    /** For a revert: the seq of the event whose text was restored. */
    revertOf: z.number().int().min(1).optional(),
  }),
  FlagCreated: z.object({
    flagId: IdSchema,
    segmentId: IdSchema,
    side: FlagSideSchema,
    anchor: AnchorSchema,
    category: MqmCategorySchema,
    severity: SeveritySchema,
    correction: z.string(),
    comment: z.string(),
    original: FlagOriginalSchema.optional(),
    /** The automatic finding a reviewer confirmed into this flag. */
    findingId: z.string().max(64).optional(),
    /** First selection to Create, in the reviewer's browser (absent: not measured). */
    durationMs: TimingMsSchema.optional(),
  }),
  /** Only the fields given change; `anchor`: the flag now covers other words of the same side. */
  FlagEdited: z.object({
    flagId: IdSchema,
    category: MqmCategorySchema.optional(),
    severity: SeveritySchema.optional(),
    correction: z.string().optional(),
    comment: z.string().optional(),
    anchor: AnchorSchema.optional(),
  }),
  /** A withdrawal undone: the flag is open again, thread and history kept. */
  FlagRestored: z.object({ flagId: IdSchema, reason: Reason }),
  /**
   * The actor marked a segment reviewed (or took the mark back) and/or spent `activeMs` on it since their last
   * report. Per person: each reviewer has their own mark.
   */
  SegmentReviewed: z.object({ segmentId: IdSchema, reviewed: z.boolean(), activeMs: TimingMsSchema.default(0) }),
  /** The project's guidelines attached (null: removed), with the file's name. */
  GuidelinesSet: z.object({
    guidelines: GuidelinesSchema.nullable(),
    fileName: z.string().max(300).nullable(),
  }),
  /** `target` is the segment text after the correction replaced the span (null for source-side flags). */
  FlagAccepted: z.object({ flagId: IdSchema, reason: Reason, target: SegmentTextSchema.nullable() }),
  FlagRejected: z.object({ flagId: IdSchema, reason: Reason }),
  FlagResolved: z.object({ flagId: IdSchema, reason: Reason }),
  FlagDisputed: z.object({ flagId: IdSchema, reason: Reason }),
  FlagWithdrawn: z.object({ flagId: IdSchema, reason: Reason }),
  FlagMaintained: z.object({ flagId: IdSchema, reason: Reason }),
  /** `mentions`: ids of the users the comment @mentions (absent in journals from before mentions). */
  CommentAdded: z.object({
    flagId: IdSchema,
    commentId: IdSchema,
    text: z.string().max(LIMITS.commentChars),
    mentions: MentionsSchema.optional(),
  }),
  /** `mentions` absent: the comment keeps those it had; present: they replace them. */
  CommentEdited: z.object({
    flagId: IdSchema,
    commentId: IdSchema,
    text: z.string().max(LIMITS.commentChars),
    mentions: MentionsSchema.optional(),
  }),
  SegmentStatusChanged: z.object({
    segmentId: IdSchema,
    status: SegmentStatusSchema,
    reason: Reason,
    /** Approved although major or critical flags were unsettled; `reason` says why. */
    override: z.boolean().default(false),
  }),
  ScoringSettingsChanged: z.object({ settings: ScoringSettingsSchema }),
  GlossarySet: z.object({ glossary: GlossarySchema.nullable(), fileName: z.string().max(300).nullable() }),
  QaSettingsChanged: z.object({ settings: QaSettingsSchema }),
  /** A reviewer judged an automatic finding wrong; it stays hidden while its words stay the same. */
  FindingDismissed: z.object({
    findingId: z.string().max(64),
    segmentId: IdSchema,
    checkId: z.string().max(64),
    reason: Reason,
  }),
  /** A dismissal undone: the finding is shown again (while its words stay the same). */
  FindingRestored: z.object({ findingId: z.string().max(64) }),
  /** A new title. */
  DocumentRenamed: z.object({ title: z.string().trim().min(1).max(LIMITS.titleChars) }),
  /** Archived: hidden from the documents list until restored (archived: false). */
  DocumentArchived: z.object({ archived: z.boolean() }),
  DocumentStatusChanged: z.object({
    status: DocumentStatusSchema,
    reason: Reason,
    override: z.boolean().default(false),
  }),
  /**
   * A segment cut in two at UTF-16 offsets of its source and target (an offset at the end of a side leaves
   * that side whole in the first part). Whitespace at the cut is dropped; `sourceGap`/`targetGap` record it,
   * so that a revert can put it back. The first part keeps the id; the second is `newSegmentId`, right after.
   */
  SegmentSplit: z.object({
    segmentId: IdSchema,
    newSegmentId: IdSchema,
    sourceAt: z.number().int().min(0),
    targetAt: z.number().int().min(0),
    sourceGap: z.string().max(LIMITS.segmentChars).default(''),
    targetGap: z.string().max(LIMITS.segmentChars).default(''),
    revertOf: z.number().int().min(1).optional(),
  }),
  /**
   * A segment and the one right after it become one (the first id stays), each side joined with its
   * separator where both parts have text. `sourceAt`/`targetAt`: where the second part starts in the result.
   */
  SegmentsMerged: z.object({
    segmentId: IdSchema,
    nextSegmentId: IdSchema,
    sourceSeparator: z.string().max(8),
    targetSeparator: z.string().max(8),
    sourceAt: z.number().int().min(0),
    targetAt: z.number().int().min(0),
    revertOf: z.number().int().min(1).optional(),
  }),
  /** A segment with an empty side (and no flags) removed; what it held is kept so that a revert restores it. */
  SegmentDeleted: z.object({
    segmentId: IdSchema,
    source: SegmentTextSchema,
    target: SegmentTextSchema,
    /** The segment it followed (null: it was the first). */
    afterSegmentId: IdSchema.nullable(),
  }),
  /** A segment put back (the revert of a deletion) after `afterSegmentId` (null: first). */
  SegmentInserted: z.object({
    segmentId: IdSchema,
    source: SegmentTextSchema,
    target: SegmentTextSchema,
    afterSegmentId: IdSchema.nullable(),
    revertOf: z.number().int().min(1).optional(),
  }),
} as const satisfies Record<EventType, z.ZodType>;

const envelope = {
  seq: z.number().int().min(1),
  at: IsoDateSchema,
  actor: z.string(),
  /** The name of the API token the change came through (the actor is still the token's user). */
  token: z.string().optional(),
};

export const DocumentEventSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('DocumentCreated'), payload: EventPayloadSchemas.DocumentCreated }),
  z.object({ ...envelope, type: z.literal('SegmentEdited'), payload: EventPayloadSchemas.SegmentEdited }),
  z.object({ ...envelope, type: z.literal('FlagCreated'), payload: EventPayloadSchemas.FlagCreated }),
  z.object({ ...envelope, type: z.literal('FlagEdited'), payload: EventPayloadSchemas.FlagEdited }),
  z.object({ ...envelope, type: z.literal('FlagRestored'), payload: EventPayloadSchemas.FlagRestored }),
  z.object({ ...envelope, type: z.literal('SegmentReviewed'), payload: EventPayloadSchemas.SegmentReviewed }),
  z.object({ ...envelope, type: z.literal('GuidelinesSet'), payload: EventPayloadSchemas.GuidelinesSet }),
  z.object({ ...envelope, type: z.literal('FlagAccepted'), payload: EventPayloadSchemas.FlagAccepted }),
  z.object({ ...envelope, type: z.literal('FlagRejected'), payload: EventPayloadSchemas.FlagRejected }),
  z.object({ ...envelope, type: z.literal('FlagResolved'), payload: EventPayloadSchemas.FlagResolved }),
  z.object({ ...envelope, type: z.literal('FlagDisputed'), payload: EventPayloadSchemas.FlagDisputed }),
  z.object({ ...envelope, type: z.literal('FlagWithdrawn'), payload: EventPayloadSchemas.FlagWithdrawn }),
  z.object({ ...envelope, type: z.literal('FlagMaintained'), payload: EventPayloadSchemas.FlagMaintained }),
  z.object({ ...envelope, type: z.literal('CommentAdded'), payload: EventPayloadSchemas.CommentAdded }),
  z.object({ ...envelope, type: z.literal('CommentEdited'), payload: EventPayloadSchemas.CommentEdited }),
  z.object({ ...envelope, type: z.literal('SegmentStatusChanged'), payload: EventPayloadSchemas.SegmentStatusChanged }),
  z.object({
    ...envelope,
    type: z.literal('DocumentStatusChanged'),
    payload: EventPayloadSchemas.DocumentStatusChanged,
  }),
  z.object({
    ...envelope,
    type: z.literal('ScoringSettingsChanged'),
    payload: EventPayloadSchemas.ScoringSettingsChanged,
  }),
  z.object({ ...envelope, type: z.literal('GlossarySet'), payload: EventPayloadSchemas.GlossarySet }),
  z.object({ ...envelope, type: z.literal('QaSettingsChanged'), payload: EventPayloadSchemas.QaSettingsChanged }),
  z.object({ ...envelope, type: z.literal('FindingDismissed'), payload: EventPayloadSchemas.FindingDismissed }),
  z.object({ ...envelope, type: z.literal('FindingRestored'), payload: EventPayloadSchemas.FindingRestored }),
  z.object({ ...envelope, type: z.literal('SegmentSplit'), payload: EventPayloadSchemas.SegmentSplit }),
  z.object({ ...envelope, type: z.literal('SegmentsMerged'), payload: EventPayloadSchemas.SegmentsMerged }),
  z.object({ ...envelope, type: z.literal('SegmentDeleted'), payload: EventPayloadSchemas.SegmentDeleted }),
  z.object({ ...envelope, type: z.literal('SegmentInserted'), payload: EventPayloadSchemas.SegmentInserted }),
  z.object({ ...envelope, type: z.literal('DocumentRenamed'), payload: EventPayloadSchemas.DocumentRenamed }),
  z.object({ ...envelope, type: z.literal('DocumentArchived'), payload: EventPayloadSchemas.DocumentArchived }),
]);
export type DocumentEvent = z.infer<typeof DocumentEventSchema>;

/** An event before the store gives it a seq and a time. */
export type NewEvent = DocumentEvent extends infer E
  ? E extends DocumentEvent
    ? Omit<E, 'seq' | 'at' | 'actor'>
    : never
  : never;

export type EventOf<T extends EventType> = Extract<DocumentEvent, { type: T }>;
