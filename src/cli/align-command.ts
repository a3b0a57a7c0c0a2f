import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDictionary } from '../shared/align/features';
import { alignTexts, type AlignUnit } from '../shared/align/units';
import type { ParagraphBreak } from '../shared/formats/import-text';
import { CliError, EXIT_BAD_INPUT, type CliIo } from './io';

export interface AlignCommandOptions {
  source?: string;
  target?: string;
  unit: AlignUnit;
  sourceLang?: string;
  targetLang?: string;
  paragraphs: ParagraphBreak;
  format: 'json' | 'text';
  /** A bilingual dictionary file (word pairs, tab-separated), optional. */
  lexicon?: string;
}

const bad = (message: string) => new CliError(EXIT_BAD_INPUT, message);

async function readText(io: CliIo, file: string | undefined, what: string): Promise<string> {
  if (!file) throw bad(`${what} is required`);
  try {
    return await fs.readFile(path.resolve(io.cwd ?? process.cwd(), file), 'utf8');
  } catch (err) {
    throw bad(`${what}: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const ids = (xs: readonly number[]) => `[${xs.join(', ')}]`;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * `visavis align`: pairs the units of two texts. JSON: {"alignments":[{"source":[0],"target":[0,1],"score":…}]}
 * with 0-based unit indices, every unit exactly once and in order. Text: one bead a line, in the Bleualign
 * gold format (`[0]:[0, 1]`), then the score and both sides' text, tab-separated.
 */
export async function alignCommand(io: CliIo, opts: AlignCommandOptions): Promise<number> {
  const sourceText = await readText(io, opts.source, '--source');
  const targetText = await readText(io, opts.target, '--target');
  const dictionary =
    opts.lexicon === undefined ? undefined : parseDictionary(await readText(io, opts.lexicon, '--lexicon'));
  if (dictionary && dictionary.source.size === 0) throw bad(`--lexicon: no word pairs in ${opts.lexicon}`);
  const aligned = alignTexts(
    sourceText,
    targetText,
    { unit: opts.unit, sourceLang: opts.sourceLang, targetLang: opts.targetLang, breaks: opts.paragraphs },
    { dictionary },
  );
  if (opts.format === 'json') {
    io.stdout(JSON.stringify({ alignments: aligned.alignments }) + '\n');
    return 0;
  }
  for (const bead of aligned.alignments) {
    const text = (units: string[], idx: number[]) => oneLine(idx.map((i) => units[i]).join(' '));
    io.stdout(
      `${ids(bead.source)}:${ids(bead.target)}\t${bead.score.toFixed(2)}\t` +
        `${text(aligned.source, bead.source)}\t${text(aligned.target, bead.target)}\n`,
    );
  }
  return 0;
}
