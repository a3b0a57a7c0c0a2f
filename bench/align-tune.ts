import { alignUnits, DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../src/shared/align/align';
import { scoreAlignment } from '../src/shared/align/evaluate';
import { loadDevSet } from './align-data';

// Tunes the aligner's settings on the FIRST half of the development set only (hill climbing, one setting at a
// time); prints the best settings and, for information, the held-out half's score with them.
// npx tsx bench/align-tune.ts [rounds]

const set = loadDevSet();
const RANGES: Partial<Record<keyof AlignOptions, number[]>> = {
  variance: [3, 4, 5, 6.8, 9, 12, 16],
  anchorWeight: [0.5, 1, 1.5, 2, 3, 4, 6],
  numberMismatch: [0, 0.5, 1, 2, 3, 4],
  skipBase: [1, 2, 3, 4, 5, 6, 8, 10],
  skipPerChar: [0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12],
  mergeCost: [0.5, 1, 1.5, 2, 2.5, 3, 4, 5],
  manyCost: [-3, -2, -1, 0, 1, 2],
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
const f1 = (opts: AlignOptions, c = set.first) =>
  scoreAlignment(alignUnits(c.source, c.target, opts), c.gold).strict.f1;
let best: AlignOptions = { ...DEFAULT_ALIGN_OPTIONS };
let bestF = f1(best);
console.log('start', bestF.toFixed(4));
const rounds = Number(process.argv[2] ?? 3);
for (let r = 0; r < rounds; r++) {
  let improved = false;
  for (const [k, values] of Object.entries(RANGES) as [keyof AlignOptions, number[]][]) {
    for (const v of values) {
      const cand = { ...best, [k]: v };
      const f = f1(cand);
      if (f > bestF + 1e-9) {
        best = cand;
        bestF = f;
        improved = true;
        console.log(`  ${k}=${v} → ${f.toFixed(4)}`);
      }
    }
  }
  if (!improved) break;
}
console.log(
  'best',
  JSON.stringify(best),
  'first',
  bestF.toFixed(4),
  'second',
  f1(best, set.second).toFixed(4),
  'whole',
  f1(best, set.whole).toFixed(4),
);
