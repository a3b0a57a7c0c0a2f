import fs from 'node:fs';
import { alignUnits, DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../src/shared/align/align';
import { parseDictionary } from '../src/shared/align/features';
import { scoreAlignment } from '../src/shared/align/evaluate';
import { keepsOmissions } from './align-constraints';
import { loadDevSet } from './align-data';

// Tunes the aligner's settings on the FIRST half of the development set only (hill climbing, one setting at a
// time), among the settings that still find the constructed omissions of bench/align-constraints.ts; prints the best settings and, for information, the held-out half's score with them.
// npx tsx bench/align-tune.ts [rounds] [restarts] ['{"start":value}']   (ALIGN_LEXICON=FILE.tsv: with that
// dictionary, and its weight among the settings tuned)

const set = loadDevSet();
const RANGES: Partial<Record<keyof AlignOptions, number[]>> = {
  variance: [3, 4, 5, 6.8, 9, 12, 16],
  anchorWeight: [0.5, 1, 1.5, 2, 3, 4, 6],
  numberMismatch: [0, 0.5, 1, 2, 3, 4],
  skipBase: [1, 2, 3, 4, 5, 6, 8, 10],
  skipPerChar: [0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12],
  mergeCost: [0.5, 1, 1.5, 2, 2.5, 3, 4, 5],
  manyCost: [-3, -2, -1, 0, 1, 2],
  weakEndCost: [0, 1, 2, 3, 4],
  fragmentSkipCost: [0, 0.5, 1, 2, 3],
  romanNumerals: [0, 1],
  skipRun: [1, 4, 8],
  skipExtra: [0, 0.25, 0.5, 1, 2],
  numberWeight: [0.5, 1, 2, 3, 4],
  punctWeight: [0, 0.1, 0.3, 0.6, 1],
  maxDocFrequency: [0.03, 0.05, 0.1, 0.15, 0.25, 0.5],
  prefix: [3, 4, 5, 6],
  maxSide: [3, 4, 5, 6],
  maxBead: [4, 5, 6, 7],
  passes: [1, 2],
  missWeight: [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3],
  missWindow: [1, 2, 3, 4, 6],
  lexWeight: [0, 0.5, 1, 2],
  lexMinCount: [2, 3, 4],
  lexMinDice: [0.3, 0.5, 0.7],
  lexMaxCost: [1, 2, 3, 5, 8],
};
const lexicon = process.env.ALIGN_LEXICON;
const BASE: AlignOptions = {
  ...DEFAULT_ALIGN_OPTIONS,
  ...(JSON.parse(process.argv[4] ?? '{}') as Partial<AlignOptions>),
  ...(lexicon ? { dictionary: parseDictionary(fs.readFileSync(lexicon, 'utf8')) } : {}),
};
if (lexicon) Object.assign(RANGES, { dictWeight: [0.1, 0.25, 0.5, 1], dictTrim: [0, 1, 2] });
const f1 = (opts: AlignOptions, c = set.first) =>
  scoreAlignment(alignUnits(c.source, c.target, opts), c.gold).strict.f1;
// Coordinate descent: each setting in turn takes its best value (ties keep the current one), until a round
// changes nothing; then again from `restarts` random starting points (seeded), keeping the best.
function climb(start: AlignOptions, rounds: number): { opts: AlignOptions; f: number } {
  let best = start;
  let bestF = f1(best);
  for (let r = 0; r < rounds; r++) {
    let improved = false;
    for (const [k, values] of Object.entries(RANGES) as [keyof AlignOptions, number[]][]) {
      for (const v of values) {
        const cand = { ...best, [k]: v };
        const f = f1(cand);
        if (f > bestF + 1e-9 && keepsOmissions(cand)) {
          best = cand;
          bestF = f;
          improved = true;
          console.log(`  ${k}=${v} → ${f.toFixed(4)}`);
        }
      }
    }
    if (!improved) break;
  }
  return { opts: best, f: bestF };
}
let seed = 15;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const rounds = Number(process.argv[2] ?? 3);
const restarts = Number(process.argv[3] ?? 0);
console.log('start', f1(BASE).toFixed(4));
let { opts: best, f: bestF } = climb({ ...BASE }, rounds);
for (let k = 0; k < restarts; k++) {
  const start: AlignOptions = { ...BASE };
  for (const [key, values] of Object.entries(RANGES) as [keyof AlignOptions, number[]][])
    Object.assign(start, { [key]: values[Math.floor(random() * values.length)] });
  console.log(`restart ${k + 1}`);
  const got = climb(start, rounds);
  if (got.f > bestF + 1e-9) ({ opts: best, f: bestF } = got);
}
const { dictionary: _, ...shown } = best;
console.log(
  'best',
  JSON.stringify(shown),
  'first',
  bestF.toFixed(4),
  'second',
  f1(best, set.second).toFixed(4),
  'whole',
  f1(best, set.whole).toFixed(4),
);
