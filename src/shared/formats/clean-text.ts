import type { InlineCodes } from '../inline-codes';

/*
 * The reviewed translation as plain text, paragraphs as imported: a document made of paragraphs (plain texts)
 * gives one line per segment; a document from XLIFF one line per unit, its segments joined by a space. Inline
 * code characters are left out (they stand for markup the text has no place for).
 */

export interface CleanTextSegment {
  target: string;
  codes?: InlineCodes;
  meta?: Record<string, string>;
}

const withoutCodes = (text: string, codes: InlineCodes | undefined) =>
  codes ? [...text].filter((c) => !Object.hasOwn(codes, c)).join('') : text;

export function cleanText(segments: readonly CleanTextSegment[]): string {
  const paragraphs: string[] = [];
  let unit: string | null = null;
  for (const s of segments) {
    const text = withoutCodes(s.target, s.codes).trim();
    // A segment without a unit (the second part of a split) stays in the unit before it, as the XLIFF export has it.
    const key: string | null = s.meta?.unit !== undefined ? `${s.meta.file ?? ''}\u0000${s.meta.unit}` : unit;
    if (key !== null && key === unit && paragraphs.length > 0) {
      const last = paragraphs.pop()!;
      paragraphs.push(last && text ? `${last} ${text}` : last + text);
    } else paragraphs.push(text);
    unit = key;
  }
  return paragraphs.join('\n') + '\n';
}
