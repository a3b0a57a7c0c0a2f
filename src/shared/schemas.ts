import { z } from 'zod';
import { IdSchema } from './ids';
import { MqmCategorySchema, SeveritySchema } from './mqm';
import { GlossarySchema } from './formats/glossary-schema';
import { GuidelinesSchema } from './guidelines';
import { InlineCodesSchema } from './inline-codes';
import { FlagSideSchema, LangSchema } from './primitives';
import { QaSettingsSchema } from './qa/types';
import { ScoringSettingsSchema } from './scoring-settings';

/**
 * Limits the API documents (README, "Limits"); each answers its own error code (shared/limits.ts), checked
 * at the edge so that nothing a route accepts is refused later by the event schemas.
 */
export const LIMITS = {
  bodyBytes: 10 * 1024 * 1024,
  segmentChars: 100_000,
  /** Every way in: POST /api/documents, import-text, each system of a WMT import. */
  segmentsPerDocument: 20_000,
  /** Systems (one document each) in one WMT MQM import; WMT files have about 15. */
  documentsPerImport: 200,
  titleChars: 300,
  commentChars: 10_000,
  /** Who an event names: a login (64 at most), or a WMT rater. */
  actorChars: 80,
  fileNameChars: 300,
  /** POST /api/documents/import-file: one uploaded file (XLIFF…), larger than a JSON body. */
  importFileBytes: 50 * 1024 * 1024,
} as const;

export { FlagSideSchema, LangSchema, type FlagSide } from './primitives';

export const IsoDateSchema = z.string().datetime({ offset: true });
export const ActorSchema = z.string().trim().min(1).max(LIMITS.actorChars);
export const SegmentTextSchema = z.string().max(LIMITS.segmentChars);
export const VersionSchema = z.number().int().min(1);

// The status lists are constants the UI reads without asking zod; their schemas are made from them (issue #10).
export const SEGMENT_STATUSES = ['draft', 'translated', 'in-review', 'approved', 'changes-requested'] as const;
export const SegmentStatusSchema = z.enum(SEGMENT_STATUSES);
export type SegmentStatus = z.infer<typeof SegmentStatusSchema>;

/** Identifiers a segment had in the file it came from (e.g. WMT doc, doc_id, seg_id), kept for export. */
export const SegmentMetaSchema = z.record(z.string(), z.string());

/** Notes a file gave a segment (XLIFF notes, 1.2 context), shown beside it. */
export const SegmentNotesSchema = z.array(z.string().max(LIMITS.commentChars)).max(100);

/**
 * What a file says of a segment beyond its texts: its inline codes (inline-codes.ts), whether it is to be
 * translated at all (XLIFF translate="no": shown, never edited), its notes.
 */
export const SegmentFileFieldsSchema = z.object({
  codes: InlineCodesSchema.optional(),
  readOnly: z.boolean().optional(),
  notes: SegmentNotesSchema.optional(),
  /**
   * The text between the segment before and this one in their paragraph or unit (the spaces a split cut out,
   * an XLIFF ignorable): a merge puts it back, the XLIFF export writes it between the two.
   */
  gap: z.object({ source: SegmentTextSchema, target: SegmentTextSchema }).optional(),
});

export const SegmentSchema = SegmentFileFieldsSchema.extend({
  id: IdSchema,
  index: z.number().int().min(0),
  source: SegmentTextSchema,
  target: SegmentTextSchema,
  version: VersionSchema,
  status: SegmentStatusSchema,
  updatedAt: IsoDateSchema,
  updatedBy: z.string(),
  meta: SegmentMetaSchema.optional(),
  /** Raters who evaluated this segment, errors or not (MQM scoring averages over them). */
  ratedBy: z.array(z.string()).optional(),
  /** Who marked it reviewed (SegmentReviewed), in the order they did; absent when nobody has. */
  reviewedBy: z.array(z.string()).optional(),
});
export type Segment = z.infer<typeof SegmentSchema>;

/**
 * Where a flag sits: UTF-16 offsets into the side's text, plus the quoted words and a little context on
 * each side, so the span can be found again after edits (W3C Web Annotation's position + quote selectors).
 */
export const AnchorSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  })
  .refine((a) => a.start <= a.end, { message: 'start must not be after end' });
export type Anchor = z.infer<typeof AnchorSchema>;

/** The category and severity exactly as an imported file had them, when ours are a mapping. */
export const FlagOriginalSchema = z.object({ category: z.string(), severity: z.string() });

export const DocumentOriginSchema = z.object({
  format: z.string(),
  system: z.string().optional(),
  file: z.string().optional(),
  /** Documents imported together from one file share a batch (a file imported twice makes two). */
  batch: z.string().optional(),
  /** The format's version (XLIFF 1.2, 2.0, 2.1, 2.2). */
  version: z.string().max(20).optional(),
  /** SHA-256 of the file as uploaded (hex): the same file imported again is a duplicate. */
  hash: z.string().max(128).optional(),
});

/**
 * open → accepted (translator applied it) | resolved (dealt with otherwise) | rejected (not an error)
 * open → disputed (translator disagrees) → open again (reviewer maintains it) | withdrawn (reviewer agrees).
 */
export const FLAG_STATUSES = ['open', 'disputed', 'accepted', 'rejected', 'resolved', 'withdrawn'] as const;
export const FlagStatusSchema = z.enum(FLAG_STATUSES);
/** Statuses that still need someone's decision. */
export const UNSETTLED_FLAG_STATUSES: readonly FlagStatus[] = ['open', 'disputed'];
export type FlagStatus = z.infer<typeof FlagStatusSchema>;

/**
 * "Open flags" wherever a count is shown (documents list, workspace progress, approval): the unsettled ones,
 * a disputed flag included. Takes any iterable (the fold keeps flags in a List).
 */
export function countOpenFlags(flags: Iterable<{ status: FlagStatus }>): number {
  let n = 0;
  for (const f of flags) if (UNSETTLED_FLAG_STATUSES.includes(f.status)) n++;
  return n;
}

/** Users a comment @mentions, by id (GET /api/users); at most 50. */
export const MentionsSchema = z.array(IdSchema).max(50);

export const CommentSchema = z.object({
  id: IdSchema,
  author: z.string(),
  at: IsoDateSchema,
  text: z.string().max(LIMITS.commentChars),
  editedAt: IsoDateSchema.optional(),
  /** Ids of the users it @mentions; absent when none. */
  mentions: MentionsSchema.optional(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** A translator's dispute of a flag, and the reviewer's answer once given (maintained or withdrawn). */
export const DisputeSchema = z.object({
  by: z.string(),
  at: IsoDateSchema,
  reason: z.string().max(LIMITS.commentChars).nullable(),
  response: z
    .object({
      by: z.string(),
      at: IsoDateSchema,
      reason: z.string().max(LIMITS.commentChars).nullable(),
      action: z.enum(['maintained', 'withdrawn']),
    })
    .nullable(),
});
export type Dispute = z.infer<typeof DisputeSchema>;

/** What one edit of a flag changed (the span: its quoted words). */
export const FlagChangeSchema = z.object({
  field: z.enum(['category', 'severity', 'correction', 'comment', 'span']),
  from: z.string(),
  to: z.string(),
});
export type FlagChange = z.infer<typeof FlagChangeSchema>;

/** An edit or a restore of a flag, by whom and when: shown in its thread. */
export const FlagHistoryEntrySchema = z.object({
  action: z.enum(['edited', 'restored']),
  by: z.string(),
  at: IsoDateSchema,
  changes: z.array(FlagChangeSchema).default([]),
});
export type FlagHistoryEntry = z.infer<typeof FlagHistoryEntrySchema>;

/** Longest time a reviewer can be credited with in one event (a day): a stuck clock is not a reading. */
export const MAX_TIMING_MS = 24 * 60 * 60 * 1000;
export const TimingMsSchema = z.number().int().min(0).max(MAX_TIMING_MS);

/** Per reviewer: segments they marked reviewed now, and their active time on segments in all. */
export const ReviewerStatsSchema = z.object({ reviewed: z.number().int(), activeMs: z.number().int() });
export type ReviewerStats = z.infer<typeof ReviewerStatsSchema>;

export const FlagSchema = z.object({
  id: IdSchema,
  segmentId: IdSchema,
  side: FlagSideSchema,
  anchor: AnchorSchema,
  /** The words as they were flagged (the anchor's quote follows later edits and the correction). */
  quote: z.string(),
  /** The flagged words are no longer in the text; the flag keeps its last known anchor. */
  orphaned: z.boolean(),
  category: MqmCategorySchema,
  severity: SeveritySchema,
  correction: z.string().max(LIMITS.segmentChars),
  comment: z.string().max(LIMITS.commentChars),
  original: FlagOriginalSchema.optional(),
  /** Set when the flag is an automatic finding a reviewer confirmed. */
  findingId: z.string().optional(),
  status: FlagStatusSchema,
  /** Why it was last accepted, rejected, resolved, disputed, withdrawn or maintained. */
  reason: z.string().max(LIMITS.commentChars).nullable(),
  /** The discussion thread on this flag. */
  comments: z.array(CommentSchema).default([]),
  /** The latest dispute and its answer; absent (older data) or null when never disputed. */
  dispute: DisputeSchema.nullable().optional(),
  /** Its edits and restores, oldest first; absent when it has had none. */
  history: z.array(FlagHistoryEntrySchema).optional(),
  /** How long its creation took in the reviewer's browser, first selection to Create (absent: not measured). */
  durationMs: TimingMsSchema.optional(),
  version: VersionSchema,
  createdBy: z.string(),
  createdAt: IsoDateSchema,
  updatedBy: z.string(),
  updatedAt: IsoDateSchema,
});
export type Flag = z.infer<typeof FlagSchema>;

/**
 * Whether accepting the flag has a correction to apply. A flag imported from an annotation file (WMT MQM)
 * marks an error without proposing a fix: its empty correction means "none", not "delete the words".
 */
export function proposesCorrection(flag: Pick<Flag, 'correction' | 'original'>): boolean {
  return !(flag.original !== undefined && flag.correction === '');
}

export const DismissalSchema = z.object({
  findingId: z.string(),
  segmentId: z.string(),
  checkId: z.string(),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;

export const DOCUMENT_STATUSES = ['in-translation', 'in-review', 'approved', 'returned'] as const;
export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

export const DocumentMetaSchema = z.object({
  id: IdSchema,
  title: z.string().max(LIMITS.titleChars),
  sourceLang: LangSchema,
  targetLang: LangSchema,
  createdAt: IsoDateSchema,
  createdBy: z.string(),
  updatedAt: IsoDateSchema,
  origin: DocumentOriginSchema.optional(),
  status: DocumentStatusSchema.default('in-translation'),
  /** Why the document was last returned, approved with an override, or reopened. */
  statusReason: z.string().nullable().default(null),
  /** How the scorecard weighs flags (mqm-score.ts); absent until someone changes the defaults. */
  scoring: ScoringSettingsSchema.optional(),
  /** The project termbase for the terminology checks, and the file it came from. */
  glossary: GlossarySchema.nullable().optional(),
  glossaryFile: z.string().nullable().optional(),
  /** Hidden from the documents list (restorable); absent = not archived. */
  archived: z.boolean().optional(),
  /** Which automatic checks run, at which severity (qa/types.ts); absent = defaults. */
  qaSettings: QaSettingsSchema.optional(),
  /** Automatic findings a reviewer dismissed, with why. */
  dismissed: z.array(DismissalSchema).optional(),
  /** Reading progress by person (login → stats); absent until someone marks a segment or records time. */
  reviewers: z.record(z.string(), ReviewerStatsSchema).optional(),
  /** Segments someone has marked reviewed. */
  reviewedCount: z.number().int().optional(),
  /** The project's review guidelines an editor attached (guidelines.ts), and the file they came from. */
  guidelines: GuidelinesSchema.nullable().optional(),
  guidelinesFile: z.string().nullable().optional(),
  /** seq of the last event folded into this state. */
  seq: z.number().int().min(0),
});

export const DocumentStateSchema = DocumentMetaSchema.extend({
  segments: z.array(SegmentSchema),
  flags: z.array(FlagSchema),
});
export type DocumentState = z.infer<typeof DocumentStateSchema>;

export const DocumentSummarySchema = DocumentMetaSchema.extend({
  segmentCount: z.number().int(),
  openFlagCount: z.number().int(),
  /** Segments approved (progress in the documents list). */
  approvedCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/**
 * One entry of GET /api/documents. A document the server cannot read is listed too (never hidden):
 * `available: false`, why in `error` (DOCUMENT_UNAVAILABLE), and what is known of it (its last readable
 * state, or only its id with title = id and languages "und").
 */
export const DocumentListEntrySchema = DocumentSummarySchema.extend({
  available: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type DocumentListEntry = z.infer<typeof DocumentListEntrySchema>;

/** Works on the plain document and on the fold's state (flags in a List): it only iterates the flags. */
export function summarize(doc: Omit<DocumentState, 'flags'> & { flags: Iterable<Flag> }): DocumentSummary {
  // The guidelines' text can be long and the list never shows it.
  const { segments, flags, guidelines: _g, ...meta } = doc;
  const openFlagCount = countOpenFlags(flags);
  let approvedCount = 0;
  for (const s of segments) if (s.status === 'approved') approvedCount++;
  return { ...meta, segmentCount: segments.length, openFlagCount, approvedCount };
}

// ---- Request bodies -------------------------------------------------------------------------------

export const NewSegmentSchema = z.object({ source: SegmentTextSchema, target: SegmentTextSchema });

export const CreateDocumentBodySchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.titleChars),
  sourceLang: LangSchema,
  targetLang: LangSchema,
  segments: z.array(NewSegmentSchema).min(1).max(LIMITS.segmentsPerDocument),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBodySchema>;

export const ImportTextBodySchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.titleChars),
  sourceLang: LangSchema,
  targetLang: LangSchema,
  sourceText: z.string().max(LIMITS.bodyBytes),
  targetText: z.string().max(LIMITS.bodyBytes),
  /** See formats/import-text.ts: `line` (default) or `blank-line` for hard-wrapped text. */
  paragraphBreak: z.enum(['line', 'blank-line']).default('line'),
});
export type ImportTextBody = z.infer<typeof ImportTextBodySchema>;

export const EditSegmentBodySchema = z.object({
  target: SegmentTextSchema,
  baseVersion: VersionSchema,
});
export type EditSegmentBody = z.infer<typeof EditSegmentBodySchema>;

/** POST /api/documents/:id/replace: find & replace, every change applied or none (each an ordinary edit). */
export const ReplaceBodySchema = z.object({
  changes: z
    .array(EditSegmentBodySchema.extend({ segmentId: IdSchema }))
    .min(1)
    .max(LIMITS.segmentsPerDocument)
    .refine((c) => new Set(c.map((x) => x.segmentId)).size === c.length, {
      message: 'each segment may appear once',
    }),
});
export type ReplaceBody = z.infer<typeof ReplaceBodySchema>;

/** Why one change of a replace was refused (the 409 REPLACE_CONFLICT lists them all). */
export const ReplaceProblemSchema = z.object({
  segmentId: z.string(),
  /** 1-based segment number, when the segment exists. */
  n: z.number().int().optional(),
  code: z.string(),
  message: z.string(),
});
export type ReplaceProblem = z.infer<typeof ReplaceProblemSchema>;

export const CreateFlagBodySchema = z.object({
  segmentId: IdSchema,
  side: FlagSideSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The words the client saw at [start, end); a mismatch means the text moved under it. */
  quote: z.string().optional(),
  category: MqmCategorySchema,
  severity: SeveritySchema,
  correction: z.string().max(LIMITS.segmentChars).default(''),
  comment: z.string().max(LIMITS.commentChars).default(''),
  /** When confirming an automatic finding: its id, so it is no longer suggested. */
  findingId: IdSchema.optional(),
  /** The segment version the selection was made on. */
  baseVersion: VersionSchema,
  /** Milliseconds from the first selection to Create, measured by the client. */
  durationMs: TimingMsSchema.optional(),
});
export type CreateFlagBody = z.infer<typeof CreateFlagBodySchema>;

const ReasonSchema = z.string().trim().max(LIMITS.commentChars).optional();

export const PatchFlagBodySchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('edit'),
    baseVersion: VersionSchema,
    category: MqmCategorySchema.optional(),
    severity: SeveritySchema.optional(),
    correction: z.string().max(LIMITS.segmentChars).optional(),
    comment: z.string().max(LIMITS.commentChars).optional(),
    /** A new span on the same side of the same segment (UTF-16 offsets), with the words the client saw there. */
    span: z
      .object({ start: z.number().int().min(0), end: z.number().int().min(0), quote: z.string().optional() })
      .optional(),
  }),
  /** Undo a withdrawal: the flag is open again, with its thread. */
  z.object({ action: z.literal('restore'), baseVersion: VersionSchema, reason: ReasonSchema }),
  z.object({ action: z.literal('accept'), baseVersion: VersionSchema, reason: ReasonSchema }),
  z.object({ action: z.literal('reject'), baseVersion: VersionSchema, reason: ReasonSchema }),
  z.object({ action: z.literal('resolve'), baseVersion: VersionSchema, reason: ReasonSchema }),
  z.object({
    action: z.literal('dispute'),
    baseVersion: VersionSchema,
    reason: z.string().trim().min(1).max(LIMITS.commentChars),
  }),
  z.object({ action: z.literal('withdraw'), baseVersion: VersionSchema, reason: ReasonSchema }),
  z.object({
    action: z.literal('maintain'),
    baseVersion: VersionSchema,
    reason: z.string().trim().min(1).max(LIMITS.commentChars),
  }),
]);
export type FlagAction = PatchFlagBody['action'];

/** PATCH /api/documents/:id: rename, archive or restore. */
export const PatchDocumentBodySchema = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.titleChars).optional(),
    archived: z.boolean().optional(),
  })
  .refine((b) => b.title !== undefined || b.archived !== undefined, { message: 'give title or archived' });

export const CommentBodySchema = z.object({
  text: z.string().trim().min(1).max(LIMITS.commentChars),
  /** Ids of @mentioned users (each must exist). On an edit: absent keeps the comment's mentions. */
  mentions: MentionsSchema.optional(),
});

/** PUT /api/documents/:id/presence: the segment the user is in now (null: none). */
export const PresenceBodySchema = z.object({ segmentId: IdSchema.nullable() });
export type PresenceBody = z.infer<typeof PresenceBodySchema>;

/** One entry of GET /api/mentions: a comment that @mentions the signed-in user. */
export const MentionSchema = z.object({
  /** `<documentId>.<commentId>`: what POST /api/mentions/read takes. */
  id: z.string(),
  documentId: IdSchema,
  documentTitle: z.string(),
  segmentId: IdSchema.nullable(),
  flagId: IdSchema,
  commentId: IdSchema,
  /** The comment's author (login). */
  by: z.string(),
  at: IsoDateSchema,
  text: z.string(),
  read: z.boolean(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const MentionsReadBodySchema = z.object({ ids: z.array(z.string().max(200)).max(10_000) });

/** Editor decisions on a segment or on the whole document. */
export const StatusActionSchema = z.enum(['submit', 'approve', 'request-changes', 'reopen']);
export type StatusAction = z.infer<typeof StatusActionSchema>;
export const StatusBodySchema = z.object({
  action: StatusActionSchema,
  reason: z.string().trim().max(LIMITS.commentChars).optional(),
  /** Approve although major or critical flags are unsettled: needs a reason. */
  override: z.boolean().default(false),
});
export type StatusBody = z.infer<typeof StatusBodySchema>;

/** POST /api/documents/:id/segments/:segmentId/review: mark (or unmark) it as reviewed by me; add active time. */
export const ReviewBodySchema = z.object({
  reviewed: z.boolean(),
  /** Active time on the segment since the last report, in milliseconds. */
  activeMs: TimingMsSchema.default(0),
});
export type ReviewBody = z.infer<typeof ReviewBodySchema>;

/** Split a segment at UTF-16 offsets of each side (a side's length leaves it whole in the first part). */
export const SplitSegmentBodySchema = z.object({
  sourceAt: z.number().int().min(0),
  targetAt: z.number().int().min(0),
  baseVersion: VersionSchema,
});
export type SplitSegmentBody = z.infer<typeof SplitSegmentBodySchema>;

export const MergeSegmentBodySchema = z.object({ baseVersion: VersionSchema, nextBaseVersion: VersionSchema });
export type MergeSegmentBody = z.infer<typeof MergeSegmentBodySchema>;

export const DeleteSegmentBodySchema = z.object({ baseVersion: VersionSchema });

/** Undo a split, a merge or a deletion (the event at `seq`) with the inverse event. */
export const RevertStructureBodySchema = z.object({ seq: z.number().int().min(1) });

export const RevertBodySchema = z.object({ toSeq: z.number().int().min(1), baseVersion: VersionSchema });
export type RevertBody = z.infer<typeof RevertBodySchema>;
export type PatchFlagBody = z.infer<typeof PatchFlagBodySchema>;

// ---- Errors on the wire ---------------------------------------------------------------------------

export const ERROR_CODES = [
  'INVALID_JSON',
  'VALIDATION_FAILED',
  'INVALID_ID',
  'ACTOR_REQUIRED',
  'NOT_FOUND',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_EXISTS',
  'SEGMENT_NOT_FOUND',
  'FLAG_NOT_FOUND',
  'SEGMENT_VERSION_CONFLICT',
  'FLAG_VERSION_CONFLICT',
  'FLAG_NOT_OPEN',
  'FLAG_ORPHANED',
  'NO_CORRECTION',
  'COMMENT_NOT_FOUND',
  'REVISION_NOT_FOUND',
  'SEGMENT_LOCKED',
  'DOCUMENT_LOCKED',
  'UNSETTLED_FLAGS',
  'OVERRIDE_REASON_REQUIRED',
  'INVALID_TRANSITION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'USER_EXISTS',
  'USER_NOT_FOUND',
  'LOGIN_CONFUSABLE',
  'PASSWORD_CHANGE_REQUIRED',
  'SPAN_OUT_OF_RANGE',
  'SPAN_MISMATCH',
  'NOTE_REQUIRED',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DOCUMENT_UNAVAILABLE',
  'STORAGE_FULL',
  'SEGMENT_TOO_LONG',
  'TOO_MANY_SEGMENTS',
  'TOO_MANY_DOCUMENTS',
  'TITLE_TOO_LONG',
  'COMMENT_TOO_LONG',
  'ACTOR_TOO_LONG',
  'FILE_NAME_TOO_LONG',
  'INVALID_TBX',
  'SPLIT_EMPTY_PART',
  'NO_NEXT_SEGMENT',
  'SEGMENT_NOT_EMPTY',
  'SEGMENT_HAS_FLAGS',
  'MERGE_ACROSS_UNITS',
  'FILE_TEXT_DELETE',
  'STRUCTURE_CHANGED',
  'EVENT_NOT_REVERTIBLE',
  'INVALID_XLIFF',
  'INVALID_TMX',
  'UNSUPPORTED_FORMAT',
  'DUPLICATE_IMPORT',
  'FILE_TOO_LARGE',
  'REPLACE_CONFLICT',
  'FINDING_COVERED',
  'NOT_DISMISSED',
  'TOKEN_SCOPE',
  'TOKEN_NOT_FOUND',
  'WEBHOOK_NOT_FOUND',
  'DELIVERY_NOT_FOUND',
  'BAD_REQUEST',
  'NETWORK',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
