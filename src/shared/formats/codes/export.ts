import type { InlineCodes } from '../../inline-codes';
import { NS } from '../xliff/model';
import { skeleton12, writeXliff, type ExportDocument, type ExportSegment } from '../xliff/write';
import { codeFamilyOf, convertCodes, xliff2Skeleton, type CodeFamily } from './convert';

/*
 * Writing a document in a format other than the one its codes came in: a fresh XLIFF file of a given version (a
 * unit per segment) or TMX segments, with every code mapped (convert.ts). The CLI's convert, the XLIFF export
 * of a document that came as TMX, and the TMX export share these.
 */

type Origin = { format: string; version?: string | undefined } | undefined;

interface Convertible<S> {
  origin?: Origin;
  segments: readonly S[];
}

const hasCodes = (segments: readonly { codes?: InlineCodes | undefined }[]) =>
  segments.some((s) => s.codes && Object.keys(s.codes).length > 0);

function mapped<S extends ExportSegment & { meta?: Record<string, string> | undefined }>(
  doc: Convertible<S>,
  to: CodeFamily,
  skeleton: string | null,
  ns?: string,
) {
  const from = codeFamilyOf(doc.origin);
  if (!from || !hasCodes(doc.segments))
    return { segments: [...doc.segments], data: new Map<string, [string, string][]>() };
  return convertCodes(doc.segments, from, to, { skeleton, ...(ns ? { ns } : {}) });
}

/**
 * A new file has no target to keep: a read-only segment's (translate="no", which the skeleton says) is written
 * like any other.
 */
const writable = <D extends { segments: readonly ExportSegment[] }>(doc: D): D => ({
  ...doc,
  segments: doc.segments.map((s) => (s.readOnly ? { ...s, readOnly: false } : s)),
});

/**
 * A fresh XLIFF file of `version` for the document, its codes in that version's markup (native data in each
 * unit's originalData for 2.x). `skeleton`: the file the document came from (where a 2.x file's data is).
 */
export function writeFreshXliff<S extends ExportSegment & { meta?: Record<string, string> | undefined }>(
  doc: Omit<ExportDocument, 'segments' | 'importedSegmentIds'> & Convertible<S>,
  version: '1.2' | '2.0' | '2.2',
  skeleton: string | null,
): string {
  const out = { sourceLang: doc.sourceLang, targetLang: doc.targetLang, status: doc.status, flags: doc.flags };
  if (version === '1.2') {
    const { segments } = mapped(doc, 'xliff12', skeleton);
    const converted = { ...out, segments };
    return writeXliff(writable(converted), skeleton12(converted), { rewriteSources: true });
  }
  const { segments, data } = mapped(doc, 'xliff2', skeleton, version === '2.0' ? NS.xliff20 : NS.xliff22);
  const converted = { ...out, segments };
  return writeXliff(writable(converted), xliff2Skeleton(converted, version, data), { rewriteSources: true });
}

/** The segments with their codes as TMX has them (bpt/ept/it/ph with the native data, hi), for writeTmx. */
export function tmxSegments<S extends ExportSegment & { meta?: Record<string, string> | undefined }>(
  doc: Convertible<S>,
  skeleton: string | null,
): S[] {
  return mapped(doc, 'tmx', skeleton).segments;
}
