import { alignUnits, firstPassCost, type AlignOptions } from '../src/shared/align/align';
import type { GoldBead } from '../src/shared/align/evaluate';
import { loadDevSet, type AlignCase } from './align-data';

// Error analysis by cost: each stretch where the returned beads differ from gold (between two points both
// paths pass through), with the first-pass cost of either segmentation, bead by bead.
// npx tsx bench/align-debug.ts [first|second] ['{"option":value}']

const half = process.argv[2] === 'first' ? 'first' : 'second';
const json = process.argv.slice(2).find((a) => a.startsWith('{'));
const options: Partial<AlignOptions> = json ? (JSON.parse(json) as Partial<AlignOptions>) : {};

// Where each bead ends (the gold has a few crossing beads: the largest index so far), and where it starts.
type Cut = { i: number; j: number; i0: number; j0: number; bead: GoldBead };
function cuts(beads: readonly GoldBead[]): Cut[] {
  let i = 0;
  let j = 0;
  const out: Cut[] = [];
  for (const b of beads) {
    const i0 = b.source[0] ?? i;
    const j0 = b.target[0] ?? j;
    i = Math.max(i, ...b.source.map((x) => x + 1));
    j = Math.max(j, ...b.target.map((x) => x + 1));
    out.push({ i, j, i0, j0, bead: b });
  }
  return out;
}

function report(c: AlignCase): void {
  const cost = firstPassCost(c.source, c.target, options);
  const pred = alignUnits(c.source, c.target, options);
  const costs = (list: Cut[]) => list.map((x) => cost(x.i0, x.j0, x.bead.source.length, x.bead.target.length));
  const g = cuts(c.gold);
  const p = cuts(pred);
  const gc = costs(g);
  const pc = costs(p);
  const key = (x: Cut) => `${x.i},${x.j}`;
  const pSet = new Set(p.map(key));
  const fmt = (b: GoldBead) => `${b.source.join(',')}:${b.target.join(',')}`;
  let gk = 0;
  let pk = 0;
  let total = 0;
  while (gk < g.length && pk < p.length) {
    if (key(g[gk]!) === key(p[pk]!)) {
      gk++;
      while (gk < g.length && key(g[gk]!) === key(g[gk - 1]!)) gk++;
      pk++;
      continue;
    }
    // A differing stretch: advance both until a common cut.
    const gs: number[] = [];
    const ps: number[] = [];
    while (gk < g.length && !pSet.has(key(g[gk]!))) gs.push(gk++);
    gs.push(gk++);
    // A crossing gold bead ends where the previous one did: same stretch.
    while (gk < g.length && key(g[gk]!) === key(g[gk - 1]!)) gs.push(gk++);
    const end = key(g[gk - 1]!);
    while (pk < p.length && key(p[pk]!) !== end) ps.push(pk++);
    if (pk < p.length) ps.push(pk++);
    const sum = (idx: number[], cs: number[]) => idx.reduce((s, k) => s + cs[k]!, 0);
    const dg = sum(gs, gc);
    const dp = sum(ps, pc);
    total++;
    console.log(
      `gold ${gs.map((k) => `${fmt(g[k]!.bead)}(${gc[k]!.toFixed(2)})`).join(' ')} = ${dg.toFixed(2)}` +
        `   ours ${ps.map((k) => `${fmt(p[k]!.bead)}(${pc[k]!.toFixed(2)})`).join(' ')} = ${dp.toFixed(2)}   Δ ${(dg - dp).toFixed(2)}`,
    );
  }
  console.log(`${total} stretches`);
}

const set = loadDevSet();
report(half === 'first' ? set.first : set.second);
