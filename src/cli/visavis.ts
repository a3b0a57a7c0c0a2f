import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LangSchema } from '../shared/schemas';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, type CliIo } from './io';
import { alignCommand } from './align-command';
import { CONVERT_FORMATS, convertCommand, reportCommand } from './convert-command';
import { gateCommand } from './gate-command';
import { importMqmCommand } from './import-mqm-command';
import { migrateStoreCommand } from './migrate-store-command';
import { qaCommand } from './qa-command';
import { scoreCommand } from './score-command';

export type { CliIo } from './io';

function lang(value: string): string {
  if (!LangSchema.safeParse(value).success)
    throw new InvalidArgumentError('expected a language tag such as "en" or "de-CH"');
  return value;
}

function number(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

function program(io: CliIo, exit: { code: number }): Command {
  const cli = new Command('visavis')
    .description('Vis-à-vis, a translation review workbench: command line')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run with --help for usage)');

  cli
    .command('score')
    .description('Score every system of a WMT MQM TSV file (the app’s own scoring code), best first.')
    .argument('<file>', 'tab-separated MQM annotations in the WMT format')
    .addOption(new Option('--weights <preset>', 'scoring preset').choices(['mqm', 'wmt']).default('wmt'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--source-lang <tag>', 'source language (for word counts)', lang, 'en')
    .option('--target-lang <tag>', 'target language (for word counts)', lang, 'de')
    .addOption(
      new Option('--word-basis <side>', 'words counted for per-1,000 figures (default: source)').choices([
        'source',
        'target',
      ]),
    )
    .option('--cut-score <n>', 'quality needed to pass (default 95)', number)
    .option('--strict', 'exit with 1 when malformed rows were skipped')
    .action(async (file: string, opts) => {
      exit.code = await scoreCommand(io, file, opts);
    });

  cli
    .command('convert')
    .description(
      'Convert a document between XLIFF 1.2, XLIFF 2.x, TMX and the app’s JSON export, or a glossary between ' +
        'CSV and TBX; formats by extension (.xlf .tmx .json .csv .tbx) or --to.',
    )
    .argument('<in>', 'input file')
    .argument('<out>', 'output file')
    .addOption(new Option('--to <format>', 'output format (default: by extension)').choices([...CONVERT_FORMATS]))
    .option('--source-lang <tag>', 'source language (CSV glossaries; overrides the file’s)', lang)
    .option('--target-lang <tag>', 'target language (CSV glossaries; overrides the file’s)', lang)
    .action(async (input: string, output: string, opts) => {
      exit.code = await convertCommand(io, input, output, opts);
    });

  cli
    .command('report')
    .description('The LQA report of a document exported as JSON (GET /api/documents/:id/export).')
    .argument('<export>', 'the JSON export')
    .addOption(new Option('--format <format>', 'html or csv').choices(['html', 'csv']).default('html'))
    .option('--out <file>', 'write to a file (default: standard output)')
    .action(async (file: string, opts) => {
      exit.code = await reportCommand(io, file, opts);
    });

  cli
    .command('import-mqm')
    .description(
      'Import a WMT MQM TSV file: one document per system, one flag per error row (rater as author). ' +
        'Writes to the data directory directly: stop the server first.',
    )
    .argument('<file>', 'tab-separated MQM annotations in the WMT format')
    .option('--data-dir <dir>', 'data directory (default: $DATA_DIR or ./data)')
    .option('--source-lang <tag>', 'source language', lang, 'en')
    .option('--target-lang <tag>', 'target language', lang, 'de')
    .option('--actor <name>', 'who creates the documents', 'import-mqm')
    .option('--strict', 'exit with 1 when malformed rows were skipped')
    .action(async (file: string, opts) => {
      exit.code = await importMqmCommand(io, file, opts);
    });

  cli
    .command('qa')
    .description(
      'Run the QA checks (terminology, names, numbers, completeness, punctuation, French typography) on two ' +
        'plain texts paired paragraph by paragraph, on a document exported from the app, or on an XLIFF file. ' +
        'Exit codes: 0 clean, 1 a finding at or above --fail-on, 2 bad input.',
    )
    .option('--source <file>', 'source text, one paragraph per line')
    .option('--target <file>', 'translation, one paragraph per line')
    .option('--document <file>', 'the app’s JSON export (instead of --source/--target)')
    .option('--xliff <file>', 'an XLIFF file, 1.2 or 2.x (instead of --source/--target): inline codes are checked too')
    .option('--glossary <file>', 'termbase: .csv (source,target,forbidden,note) or .tbx')
    .option('--source-lang <tag>', 'source language (default: the file’s, else detected; exit 2 if neither)', lang)
    .option('--target-lang <tag>', 'target language (default: the file’s, else detected; exit 2 if neither)', lang)
    .addOption(
      new Option('--paragraphs <break>', 'what separates paragraphs in the texts')
        .choices(['line', 'blank-line'])
        .default('line'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .addOption(
      new Option('--fail-on <severity>', 'exit with 1 when a finding is this severe or worse')
        .choices(['minor', 'major', 'critical'])
        .default('major'),
    )
    .option(
      '--settings <file>',
      'QA settings as JSON: {"checks": {"<check>": {"enabled", "severity"}}, "accentInsensitive"}',
    )
    .option('--disable <checks>', 'comma-separated check ids to switch off')
    .option('--accent-insensitive', 'match French glossary terms without accents')
    .action(async (opts) => {
      exit.code = await qaCommand(io, opts);
    });

  cli
    .command('align')
    .description(
      'Align two texts that do not line up (merged, split, dropped or added units): prints which source units ' +
        'go with which target units, with a confidence score. Exit codes: 0 aligned, 2 bad input.',
    )
    .option('--source <file>', 'source text')
    .option('--target <file>', 'translation')
    .addOption(
      new Option('--unit <unit>', 'line: one unit per line as given; sentence; paragraph (as the importer)')
        .choices(['line', 'sentence', 'paragraph'])
        .default('sentence'),
    )
    .option('--source-lang <tag>', 'source language (sentence splitting rules)', lang)
    .option('--target-lang <tag>', 'target language (sentence splitting rules)', lang)
    .addOption(
      new Option('--paragraphs <break>', 'what separates paragraphs (sentence and paragraph units)')
        .choices(['line', 'blank-line'])
        .default('line'),
    )
    .option(
      '--lexicon <file>',
      'optional bilingual dictionary: one word pair a line, source and target word separated by a tab',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('json'))
    .action(async (opts) => {
      exit.code = await alignCommand(io, opts);
    });

  cli
    .command('migrate-store')
    .description(
      'Move everything (documents and their events, users, mention reads) from one store into another, empty ' +
        'one: a data directory into PostgreSQL or back. Every document is read back and compared. Stop the servers first.',
    )
    .option('--from <dir|url>', 'the store to copy: a data directory or postgres://… (default: $DATA_DIR)')
    .option('--to <dir|url>', 'the empty store to fill: postgres://… or a data directory (default: $DATABASE_URL)')
    .action(async (opts) => {
      exit.code = await migrateStoreCommand(io, opts);
    });

  cli
    .command('gate')
    .description(
      'Ask a server’s release gate whether a document may be published (the scorecard’s score, unsettled flags, ' +
        'QA findings, approval). Exit codes: 0 pass, 1 fail, 2 bad input or an unreachable server.',
    )
    .option('--server <url>', 'the server, e.g. https://review.example.org (default: $VISAVIS_SERVER)')
    .option('--token <token>', 'a personal API token (default: $VISAVIS_TOKEN)')
    .option('--document <id>', 'the document id')
    .option('--min-score <n>', 'lowest quality score (default: the document’s cut score)')
    .option('--max-open <limits>', 'most unsettled flags per severity, e.g. major:0,critical:0')
    .option('--max-findings <limits>', 'most QA findings per severity, e.g. major:0')
    .option('--approved', 'the document must be approved')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .action(async (opts) => {
      exit.code = await gateCommand(io, opts);
    });

  return cli;
}

/** Runs the CLI in-process; resolves to the exit code (0 ok, 1 failure, 2 bad input or usage). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const exit = { code: 0 };
  try {
    await program(io, exit).parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`visavis: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof CommanderError) {
      // Commander has printed its message already; --help and --version exit 0, usage errors 2.
      return err.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    io.stderr(`visavis: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}
