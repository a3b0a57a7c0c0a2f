import type { InlineCodes } from '../../inline-codes';
import type { MqmCategory, Severity } from '../../mqm';
import type { FlagSide, FlagStatus, SegmentStatus } from '../../schemas';

/** XLIFF namespaces, and ours (review fields that ITS has no attribute for, so a round trip is lossless). */
export const NS = {
  xliff12: 'urn:oasis:names:tc:xliff:document:1.2',
  xliff20: 'urn:oasis:names:tc:xliff:document:2.0',
  xliff22: 'urn:oasis:names:tc:xliff:document:2.2',
  its: 'http://www.w3.org/2005/11/its',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  vv: 'urn:visavis:xliff:review:1',
} as const;

export type XliffVersion = '1.2' | '2.0' | '2.1' | '2.2';

/** The `origin.format` of documents read from XLIFF (the version is `origin.version`). */
export const XLIFF_FORMAT = 'xliff';

/** A review mark as read: the ITS Localization Quality Issue, and our exact fields when we wrote it. */
export interface XliffMark {
  side: FlagSide;
  start: number;
  end: number;
  itsType?: string;
  itsSeverity?: number;
  itsComment?: string;
  /** Ours (vv: attributes), when the file went through Vis-à-vis. */
  category?: MqmCategory;
  severity?: Severity;
  correction?: string;
  comment?: string;
  status?: FlagStatus;
  author?: string;
}

export interface XliffSegment {
  source: string;
  target: string;
  codes?: InlineCodes;
  status: SegmentStatus;
  /** translate="no": shown, never edited. */
  readOnly: boolean;
  notes: string[];
  /** The plain text between the segment before (in its unit) and this one (gaps.ts). */
  gap?: { source: string; target: string };
  /** Where it was and what the file said (file, unit and segment ids, state, subState…). */
  meta: Record<string, string>;
  marks: XliffMark[];
  /** 1-based line of the segment in the file (for reports). */
  line: number;
}

export interface XliffCounts {
  files: number;
  units: number;
  segments: number;
  marks: number;
  notes: number;
}

export interface XliffImport {
  version: XliffVersion;
  sourceLang: string;
  targetLang: string | null;
  segments: XliffSegment[];
  counts: XliffCounts;
}

/** Why a file is refused: the rule broken and the line where. */
export interface XliffProblem {
  rule: string;
  line: number;
  message: string;
}

export type XliffReadResult = { ok: true; value: XliffImport } | { ok: false; problem: XliffProblem };
