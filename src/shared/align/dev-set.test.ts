import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignUnits } from './align';
import { parseGoldAlignment, scoreAlignment } from './evaluate';

// A floor under the aligner's quality on the Bleualign German → French development set, read in place from
// ../shared/data (never copied into the repository): skipped where that directory is absent. The figures
// themselves come from `BENCH_ONLY=align npm run bench`.
const dir = new URL('../../../../shared/data/bleualign-dev/', import.meta.url);
const present = fs.existsSync(new URL('dev.defr', dir));

describe.skipIf(!present)('Bleualign development set', () => {
  it('aligns it far better than in-order pairing', () => {
    const read = (f: string) => fs.readFileSync(new URL(f, dir), 'utf8').replace(/\n$/, '').split('\n');
    const source = read('dev.de');
    const target = read('dev.fr');
    const gold = parseGoldAlignment(fs.readFileSync(new URL('dev.defr', dir), 'utf8'));
    const ours = scoreAlignment(alignUnits(source, target), gold);
    expect(ours.strict.f1).toBeGreaterThan(0.85);
    expect(ours.lax.f1).toBeGreaterThan(0.95);
  });
});
