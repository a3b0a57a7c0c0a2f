import { splitParagraphs, type ParagraphBreak } from '../formats/import-text';
import { alignUnits, type AlignOptions, type Bead } from './align';
import { splitSentences } from './sentences';

/** What is aligned: lines as given, sentences, or paragraphs (as the plain-text importer splits them). */
export type AlignUnit = 'line' | 'sentence' | 'paragraph';

export const ALIGN_UNITS: readonly AlignUnit[] = ['line', 'sentence', 'paragraph'];

export interface SplitOptions {
  unit: AlignUnit;
  lang?: string;
  /** For paragraphs and sentences: what separates paragraphs (default: every line break). */
  breaks?: ParagraphBreak;
}

/** The units of a text. `line` keeps every line, empty ones too, so that indices are line numbers. */
export function splitUnits(text: string, { unit, lang, breaks = 'line' }: SplitOptions): string[] {
  if (unit === 'line') {
    const lines = text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  const paragraphs = splitParagraphs(text, breaks);
  return unit === 'paragraph' ? paragraphs : paragraphs.flatMap((p) => splitSentences(p, lang));
}

export interface AlignedTexts {
  source: string[];
  target: string[];
  alignments: Bead[];
}

/** The units of a text, and which of them start a paragraph (sentence units only; else every one does). */
function unitsWithParagraphs(text: string, opts: SplitOptions): { units: string[]; starts: boolean[] } {
  if (opts.unit !== 'sentence') {
    const units = splitUnits(text, opts);
    return { units, starts: units.map(() => true) };
  }
  const units: string[] = [];
  const starts: boolean[] = [];
  for (const p of splitParagraphs(text, opts.breaks ?? 'line')) {
    splitSentences(p, opts.lang).forEach((s, k) => {
      units.push(s);
      starts.push(k === 0);
    });
  }
  return { units, starts };
}

export function alignTexts(
  sourceText: string,
  targetText: string,
  opts: { unit: AlignUnit; sourceLang?: string; targetLang?: string; breaks?: ParagraphBreak },
  tuning: Partial<AlignOptions> = {},
): AlignedTexts {
  const source = unitsWithParagraphs(sourceText, { unit: opts.unit, lang: opts.sourceLang, breaks: opts.breaks });
  const target = unitsWithParagraphs(targetText, { unit: opts.unit, lang: opts.targetLang, breaks: opts.breaks });
  // Sentences: a bead should not join sentences of different paragraphs (paragraph marks as anchors).
  const paragraphs = opts.unit === 'sentence' ? { source: source.starts, target: target.starts } : undefined;
  return {
    source: source.units,
    target: target.units,
    alignments: alignUnits(source.units, target.units, tuning, paragraphs),
  };
}
