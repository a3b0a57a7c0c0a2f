import { LIMITS, type ErrorCode } from './schemas';

/*
 * Every limit in LIMITS answers its own error code, with a message saying the limit and where it was
 * exceeded ("Paragraph 12 of the source has 123,456 characters; the limit is 100,000."). Routes check
 * them at the edge, so that nothing they accept is refused later by the event schemas (a 500).
 */

export type LimitName = keyof typeof LIMITS;

export const LIMIT_CODES = {
  bodyBytes: 'BODY_TOO_LARGE',
  segmentChars: 'SEGMENT_TOO_LONG',
  segmentsPerDocument: 'TOO_MANY_SEGMENTS',
  documentsPerImport: 'TOO_MANY_DOCUMENTS',
  titleChars: 'TITLE_TOO_LONG',
  commentChars: 'COMMENT_TOO_LONG',
  actorChars: 'ACTOR_TOO_LONG',
  fileNameChars: 'FILE_NAME_TOO_LONG',
  importFileBytes: 'FILE_TOO_LARGE',
} as const satisfies Record<LimitName, ErrorCode>;

/** The HTTP status of each limit's error: the body size is refused before it is read (413), the rest is 400. */
export const limitStatus = (limit: LimitName): number =>
  limit === 'bodyBytes' || limit === 'importFileBytes' ? 413 : 400;

const UNITS: Record<LimitName, string> = {
  bodyBytes: 'bytes',
  segmentChars: 'characters',
  segmentsPerDocument: 'segments',
  documentsPerImport: 'documents',
  titleChars: 'characters',
  commentChars: 'characters',
  actorChars: 'characters',
  fileNameChars: 'characters',
  importFileBytes: 'bytes',
};

export interface LimitViolation {
  limit: LimitName;
  code: (typeof LIMIT_CODES)[LimitName];
  /** A sentence for people: what, where, how much, and the limit. */
  message: string;
  actual: number;
  max: number;
  /** 1-based line of the file it was found on, for file imports. */
  line?: number;
}

/** 123456 → "123,456" (messages are English; the UI translates the code). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `what` exceeds `limit` with `actual` (characters, segments…): "<what> has 123,456 characters; the limit is 100,000." */
export function violation(limit: LimitName, what: string, actual: number, line?: number): LimitViolation {
  const max = LIMITS[limit];
  return {
    limit,
    code: LIMIT_CODES[limit],
    message: `${what} has ${formatCount(actual)} ${UNITS[limit]}; the limit is ${formatCount(max)}.`,
    actual,
    max,
    ...(line !== undefined ? { line } : {}),
  };
}

/** `what` has more than `limit` allows, counted no further: "<what> has more than 20,000 segments; the limit is 20,000." */
export function moreThan(limit: LimitName, what: string): LimitViolation {
  const max = LIMITS[limit];
  const message = `${what} has more than ${formatCount(max)} ${UNITS[limit]}; the limit is ${formatCount(max)}.`;
  return { limit, code: LIMIT_CODES[limit], message, actual: max + 1, max };
}

/** The violation when `actual` is over `limit`, else null. */
export function overLimit(limit: LimitName, what: string, actual: number, line?: number): LimitViolation | null {
  return actual > LIMITS[limit] ? violation(limit, what, actual, line) : null;
}

// ---- A new document, however it comes in ---------------------------------------------------------------

export interface NewDocumentShape {
  title: string;
  segments: readonly { source: string; target: string }[];
}

/**
 * The limits of a document about to be created: its title, its number of segments and each text. `labels`
 * name a segment's side and the document in messages (e.g. "Paragraph 3 of the source" for plain text).
 */
export function newDocumentViolations(
  doc: NewDocumentShape,
  labels: { segment?: (index: number, side: 'source' | 'target') => string; document?: string } = {},
): LimitViolation[] {
  const what = labels.segment ?? segmentLabel;
  const out: LimitViolation[] = [];
  const push = (v: LimitViolation | null) => v && out.push(v);
  push(overLimit('titleChars', 'The title', doc.title.length));
  push(overLimit('segmentsPerDocument', labels.document ?? 'The document', doc.segments.length));
  doc.segments.forEach((s, i) => {
    push(overLimit('segmentChars', what(i, 'source'), s.source.length));
    push(overLimit('segmentChars', what(i, 'target'), s.target.length));
  });
  return out;
}

export const segmentLabel = (index: number, side: 'source' | 'target'): string =>
  `Segment ${formatCount(index + 1)}'s ${side === 'source' ? 'source' : 'translation'}`;

// ---- Request bodies: a zod `too_big` issue → the limit it is ----------------------------------------

/** Fields whose maximum is a limit (matched by name and by the maximum being that limit's value). */
const LIMITED_FIELDS: Record<string, { limit: LimitName; label: string }> = {
  source: { limit: 'segmentChars', label: 'source' },
  target: { limit: 'segmentChars', label: 'translation' },
  correction: { limit: 'segmentChars', label: 'correction' },
  segments: { limit: 'segmentsPerDocument', label: 'document' },
  title: { limit: 'titleChars', label: 'title' },
  comment: { limit: 'commentChars', label: 'comment' },
  text: { limit: 'commentChars', label: 'comment' },
  reason: { limit: 'commentChars', label: 'reason' },
  file: { limit: 'fileNameChars', label: 'file name' },
  fileName: { limit: 'fileNameChars', label: 'file name' },
};

export interface TooBigIssue {
  code: string;
  path: readonly PropertyKey[];
  maximum?: number | bigint;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * The limit a validation issue hit, with a message naming the field ("Segment 12's source has 123,456
 * characters; the limit is 100,000."), or null when the issue is no limit of LIMITS.
 */
export function limitViolationOf(issue: TooBigIssue, body: unknown): LimitViolation | null {
  if (issue.code !== 'too_big') return null;
  const key = issue.path[issue.path.length - 1];
  const field = typeof key === 'string' && Object.hasOwn(LIMITED_FIELDS, key) ? LIMITED_FIELDS[key]! : null;
  if (!field || Number(issue.maximum) !== LIMITS[field.limit]) return null;
  const value = valueAt(body, issue.path);
  const actual = typeof value === 'string' || Array.isArray(value) ? value.length : Number(issue.maximum) + 1;
  const segment = issue.path.length === 3 && issue.path[0] === 'segments' ? Number(issue.path[1]) : NaN;
  const what = Number.isInteger(segment)
    ? segmentLabel(segment, key === 'source' ? 'source' : 'target')
    : `The ${field.label}`;
  return violation(field.limit, what, actual);
}
