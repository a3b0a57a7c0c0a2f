import { DEFAULT_SCORING, WMT_SCORING, scoreDocument, type ScoringSettings } from '../shared/mqm-score';
import { foldAll, toDocumentState } from '../shared/reducer';
import { importEvents } from '../shared/formats/wmt-tsv';
import { CliError, EXIT_FAILURE, loadWmtFile, type CliIo } from './io';

export interface ScoreOptions {
  weights: 'mqm' | 'wmt';
  format: 'table' | 'json';
  sourceLang: string;
  targetLang: string;
  wordBasis?: 'source' | 'target';
  cutScore?: number;
  strict?: boolean;
}

export interface SystemScore {
  rank: number;
  system: string;
  /** WMT preset: mean points per (segment, rater) item, lower is better. MQM preset: quality score, higher is better. */
  score: number | null;
  segments: number;
  items: number;
  errors: number;
  evaluatedWords: number;
  penaltyPoints: number;
  penaltyPer1000: number | null;
  qualityScore: number | null;
  pass: boolean | null;
}

/** `visavis score FILE.tsv`: every system of a WMT MQM file, scored by the app's own scoring code, best first. */
export async function scoreCommand(io: CliIo, file: string, opts: ScoreOptions): Promise<number> {
  const loaded = await loadWmtFile(io, file, opts);
  const base = opts.weights === 'wmt' ? WMT_SCORING : DEFAULT_SCORING;
  const settings: ScoringSettings = {
    ...base,
    ...(opts.wordBasis ? { wordBasis: opts.wordBasis } : {}),
    ...(opts.cutScore !== undefined ? { cutScore: opts.cutScore } : {}),
  };
  const at = new Date().toISOString();
  const systems = loaded.documents.map((imported) => {
    const state = toDocumentState(foldAll(importEvents(imported, at)));
    const s = scoreDocument(state, settings);
    return {
      rank: 0,
      system: imported.system,
      score: opts.weights === 'wmt' ? s.wmtScore : s.qualityScore,
      segments: state.segments.length,
      items: s.itemCount,
      errors: s.flagCount,
      evaluatedWords: s.evaluatedWords,
      penaltyPoints: s.penaltyPoints,
      penaltyPer1000: s.penaltyPer1000,
      qualityScore: s.qualityScore,
      pass: s.pass,
    } satisfies SystemScore;
  });
  // Best first: lowest WMT score, or highest quality; unscorable (null) last; ties by name.
  const sign = opts.weights === 'wmt' ? 1 : -1;
  systems.sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? 0 : 1) : -1;
    return sign * (a.score - b.score) || a.system.localeCompare(b.system);
  });
  systems.forEach((s, i) => (s.rank = i + 1));

  if (opts.format === 'json') {
    const out = { file, preset: settings.preset, settings, systems, skipped: loaded.skipped };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    io.stdout(table(file, settings, systems));
  }
  if (opts.strict && loaded.skipped.length > 0) {
    throw new CliError(EXIT_FAILURE, `${loaded.skipped.length} malformed row(s) skipped (--strict)`);
  }
  return 0;
}

const fixed = (x: number | null, digits: number): string => (x === null ? '—' : x.toFixed(digits));

function table(file: string, settings: ScoringSettings, systems: SystemScore[]): string {
  const wmt = settings.preset === 'wmt';
  const head = wmt
    ? ['rank', 'system', 'MQM (WMT)', 'segments', 'items', 'errors']
    : ['rank', 'system', 'quality', 'pass', 'per 1000', 'words', 'segments', 'errors'];
  const rows = systems.map((s) =>
    wmt
      ? [String(s.rank), s.system, fixed(s.score, 3), String(s.segments), String(s.items), String(s.errors)]
      : [
          String(s.rank),
          s.system,
          fixed(s.qualityScore, 2),
          s.pass === null ? '—' : s.pass ? 'pass' : 'fail',
          fixed(s.penaltyPer1000, 2),
          String(s.evaluatedWords),
          String(s.segments),
          String(s.errors),
        ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // The system name is left-aligned, numbers right-aligned.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const title = wmt
    ? `${file}: WMT MQM score (mean error points per segment and rater; lower is better)`
    : `${file}: MQM quality = 100 − penalty points per 1,000 ${settings.wordBasis} words; cut score ${settings.cutScore}`;
  return [title, line(head), ...rows.map(line)].join('\n') + '\n';
}
