import fs from 'node:fs/promises';
import path from 'node:path';
import { parseWmtFile } from '../server/domain/import-mqm';
import type { LimitViolation } from '../shared/limits';
import type { WmtImportedDocument, WmtIssue } from '../shared/formats/wmt-tsv';

/** Where a CLI run writes, and its environment: tests pass their own, so nothing spawns. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env?: Record<string, string | undefined>;
  /** Relative paths are resolved against this (default: process.cwd()). */
  cwd?: string;
}

/** Ends a command with an exit code; the message goes to stderr. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** 2 for input the command cannot use (missing, unreadable, empty, bad options); 1 for other failures. */
export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;

export interface LoadedWmtFile {
  file: string;
  documents: WmtImportedDocument[];
  /** Rows skipped (parse and build), by line. */
  skipped: WmtIssue[];
  /** Limits exceeded: an import must refuse the whole file (see import-mqm-command.ts). */
  violations: LimitViolation[];
  rows: number;
}

export async function loadWmtFile(
  io: CliIo,
  file: string,
  langs: { sourceLang: string; targetLang: string },
): Promise<LoadedWmtFile> {
  const full = path.resolve(io.cwd ?? process.cwd(), file);
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CliError(EXIT_BAD_INPUT, `cannot read ${file}: ${reason}`);
  }
  const parsed = parseWmtFile(text, { ...langs, file: path.basename(file) });
  // Never silently: every skipped row and every liberty taken, with its line (file:line: like compilers).
  for (const e of parsed.skipped) io.stderr(`${file}:${e.line}: skipped: ${e.message}\n`);
  for (const w of parsed.warnings) io.stderr(`${file}:${w.line}: warning: ${w.message}\n`);
  if (parsed.documents.length === 0)
    throw new CliError(EXIT_BAD_INPUT, `${file}: no usable rows (is it a WMT MQM TSV file?)`);
  return {
    file,
    documents: parsed.documents,
    skipped: parsed.skipped,
    violations: parsed.violations,
    rows: parsed.rows,
  };
}
