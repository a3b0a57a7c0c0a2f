import fs from 'node:fs';
import { alignUnits, type AlignOptions } from '../src/shared/align/align';
import { parseDictionary } from '../src/shared/align/features';
import { scoreAlignment } from '../src/shared/align/evaluate';
import { loadDevSet } from './align-data';

// Strict and lax F1 of the aligner with the given settings on both halves and the whole development set.
// npx tsx bench/align-eval.ts ['{"option":value}']   (ALIGN_LEXICON=FILE.tsv: with that dictionary)

const options = JSON.parse(process.argv[2] ?? '{}') as Partial<AlignOptions>;
if (process.env.ALIGN_LEXICON) options.dictionary = parseDictionary(fs.readFileSync(process.env.ALIGN_LEXICON, 'utf8'));
const set = loadDevSet();
for (const c of [set.first, set.second, set.whole]) {
  const s = scoreAlignment(alignUnits(c.source, c.target, options), c.gold);
  console.log(`${c.name.padEnd(24)} strict ${s.strict.f1.toFixed(4)}  lax ${s.lax.f1.toFixed(4)}`);
}
