import { z } from 'zod';
import { parseGlossaryCsv, type Glossary } from '../formats/glossary';
import { importPlainTexts } from '../formats/import-text';
import type { QaDocument } from './engine';
import { CheckIdSchema, type Finding } from './types';
import { MqmCategorySchema } from '../mqm';

/*
 * A golden sample of the checks (samples/<name>/manifest.json): a document with planted errors, each with the
 * check that must find it, and correct look-alikes that no check may flag. Read by the tests of the browser's
 * checks and of the server's (with a dictionary); pure, so the files are read by the caller.
 */

const SpanSchema = z.object({
  paragraph: z.number().int().min(0),
  side: z.enum(['source', 'target']),
  quote: z.string().min(1),
  /** The nth match of the quote in the paragraph (1 = the first). */
  occurrence: z.number().int().min(1).default(1),
});

export const GoldenManifestSchema = z.object({
  sourceLang: z.string(),
  targetLang: z.string(),
  planted: z.array(
    SpanSchema.extend({
      checkId: CheckIdSchema,
      category: MqmCategorySchema,
      /** browser: found without a dictionary; server: needs the target language's Hunspell dictionary. */
      where: z.enum(['browser', 'server']),
      note: z.string(),
    }),
  ),
  lookAlikes: z.array(SpanSchema.extend({ naive: CheckIdSchema.nullable(), why: z.string() })),
});
export type GoldenManifest = z.infer<typeof GoldenManifestSchema>;
type Span = z.infer<typeof SpanSchema>;

export interface GoldenSample {
  doc: QaDocument;
  glossary: Glossary;
  manifest: GoldenManifest;
}

/** The sample from its files: `read('source.en.txt')` gives a file's text. */
export function loadGoldenSample(
  read: (file: string) => string,
  files: { source: string; target: string },
): GoldenSample {
  const manifest = GoldenManifestSchema.parse(JSON.parse(read('manifest.json')));
  const { sourceLang, targetLang } = manifest;
  const doc: QaDocument = {
    sourceLang,
    targetLang,
    segments: importPlainTexts(read(files.source), read(files.target)).map((p, i) => ({
      id: `p${i + 1}`,
      index: i,
      ...p,
    })),
  };
  return {
    doc,
    glossary: { sourceLang, targetLang, entries: parseGlossaryCsv(read('glossary.csv')).entries },
    manifest,
  };
}

/** Where a manifest span lies in the document (throws when the quote is not there: the manifest is wrong). */
export function locate(doc: QaDocument, span: Span): { start: number; end: number } {
  const seg = doc.segments[span.paragraph];
  const text = seg ? (span.side === 'source' ? seg.source : seg.target) : '';
  let at = -1;
  for (let n = 0; n < span.occurrence; n++) {
    at = text.indexOf(span.quote, at + 1);
    if (at < 0) throw new Error(`manifest: “${span.quote}” is not in paragraph ${span.paragraph} (${span.side})`);
  }
  return { start: at, end: at + span.quote.length };
}

const overlaps = (f: Finding, span: Span, at: { start: number; end: number }) =>
  f.segmentIndex === span.paragraph &&
  f.side === span.side &&
  f.start < Math.max(at.end, at.start + 1) &&
  at.start < Math.max(f.end, f.start + 1);

export interface GoldenResult {
  /** Planted errors not found by their check at their place. */
  missed: GoldenManifest['planted'];
  /** Findings that are no planted error. */
  falseAlarms: Finding[];
  /** Look-alikes some finding touches. */
  flaggedLookAlikes: { lookAlike: GoldenManifest['lookAlikes'][number]; by: Finding }[];
  /** Per check: planted errors, found, false alarms. */
  rates: { checkId: string; planted: number; found: number; falseAlarms: number }[];
}

/** Compares findings with the manifest; `server`: the planted errors that need a dictionary count too. */
export function scoreGolden(sample: GoldenSample, findings: readonly Finding[], server: boolean): GoldenResult {
  const { doc, manifest } = sample;
  const planted = manifest.planted.filter((p) => server || p.where === 'browser');
  const matched = new Set<Finding>();
  const missed: GoldenManifest['planted'] = [];
  const rates = new Map<string, { checkId: string; planted: number; found: number; falseAlarms: number }>();
  const rate = (checkId: string) => {
    let r = rates.get(checkId);
    if (!r) rates.set(checkId, (r = { checkId, planted: 0, found: 0, falseAlarms: 0 }));
    return r;
  };
  for (const p of planted) {
    const at = locate(doc, p);
    const hit = findings.find(
      (f) => f.checkId === p.checkId && f.start === at.start && f.end === at.end && overlaps(f, p, at),
    );
    rate(p.checkId).planted++;
    if (hit && hit.category === p.category) {
      matched.add(hit);
      rate(p.checkId).found++;
    } else missed.push(p);
  }
  const falseAlarms = findings.filter((f) => !matched.has(f));
  for (const f of falseAlarms) rate(f.checkId).falseAlarms++;
  const flaggedLookAlikes = manifest.lookAlikes.flatMap((l) => {
    const at = locate(doc, l);
    const by = findings.find((f) => overlaps(f, l, at));
    return by ? [{ lookAlike: l, by }] : [];
  });
  return { missed, falseAlarms, flaggedLookAlikes, rates: [...rates.values()] };
}

/** The per-check table the tests print. */
export function formatRates(result: GoldenResult, lookAlikes: number): string {
  const rows = result.rates.map(
    (r) =>
      `${r.checkId.padEnd(16)} found ${r.found}/${r.planted}` +
      `${r.planted ? ` (${Math.round((100 * r.found) / r.planted)} %)` : ''}, false alarms ${r.falseAlarms}`,
  );
  return [...rows, `look-alikes flagged ${result.flaggedLookAlikes.length}/${lookAlikes}`].join('\n');
}
