/** Plain-text import: paragraphs are separated by blank lines; a better aligner comes later. */

export interface PairedParagraph {
  source: string;
  target: string;
}

/**
 * How paragraphs are delimited. `line`: every line break ends a paragraph (plain-text exports of articles
 * and CAT tools put one paragraph per line; the sample's last two boilerplate lines have no blank line
 * between them and are two segments). `blank-line`: for hard-wrapped text, only blank lines separate
 * paragraphs and single line breaks stay inside them.
 */
export type ParagraphBreak = 'line' | 'blank-line';

/**
 * Splits a text into paragraphs. Whitespace-only paragraphs (no-break spaces included: JS `\s` covers
 * U+00A0 and U+202F) are dropped; a BOM and CRLF line ends are normalised. Stops after `max + 1`
 * paragraphs: a caller with a limit learns it is exceeded without splitting 10 MiB of one-letter lines
 * (5 million strings, seconds of the event loop).
 */
export function splitParagraphs(text: string, breaks: ParagraphBreak = 'line', max = Infinity): string[] {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const separator = breaks === 'line' ? /\n/g : /\n[^\S\n]*\n/g;
  const out: string[] = [];
  for (let from = 0; out.length <= max;) {
    separator.lastIndex = from;
    const match = separator.exec(normalised);
    const paragraph = normalised.slice(from, match ? match.index : normalised.length).trim();
    if (paragraph !== '') out.push(paragraph);
    if (!match) break;
    from = match.index + match[0].length;
  }
  return out;
}

/** Pairs paragraphs in order; leftovers become source-only or target-only segments. */
export function pairParagraphs(source: readonly string[], target: readonly string[]): PairedParagraph[] {
  const n = Math.max(source.length, target.length);
  return Array.from({ length: n }, (_, i) => ({ source: source[i] ?? '', target: target[i] ?? '' }));
}

export function importPlainTexts(
  sourceText: string,
  targetText: string,
  breaks: ParagraphBreak = 'line',
): PairedParagraph[] {
  return pairParagraphs(splitParagraphs(sourceText, breaks), splitParagraphs(targetText, breaks));
}

/** Paragraph i of a side, for messages: "Paragraph 12 of the source". */
export const paragraphLabel = (index: number, side: 'source' | 'target'): string =>
  `Paragraph ${(index + 1).toLocaleString('en-US')} of the ${side === 'source' ? 'source' : 'translation'}`;

/**
 * The writing side: segments → the two texts, a paragraph per segment (a blank line between paragraphs in
 * `blank-line` mode). Empty sides are left out, as splitParagraphs leaves out empty lines.
 */
export function writePlainTexts(
  segments: readonly PairedParagraph[],
  breaks: ParagraphBreak = 'line',
): { sourceText: string; targetText: string } {
  const sep = breaks === 'line' ? '\n' : '\n\n';
  const side = (k: 'source' | 'target') =>
    segments
      .map((s) => s[k])
      .filter((t) => t.trim() !== '')
      .join(sep);
  return { sourceText: side('source') + '\n', targetText: side('target') + '\n' };
}
