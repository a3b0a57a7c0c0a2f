import { alignUnits, type AlignOptions } from '../src/shared/align/align';
import type { GoldBead } from '../src/shared/align/evaluate';
import { loadDevSet, type AlignCase } from './align-data';

// Error analysis of the aligner on the Bleualign development set: for each gold bead type (1–1, 1–2, 2–1,
// 1–0, 0–1, 2–2, …) how many gold beads we return exactly, and for each predicted type how many are right;
// with `-v`, the missed gold beads of the held-out half beside what we returned there.
// npx tsx bench/align-errors.ts [-v] ['{"option":value}']

const verbose = process.argv.includes('-v');
const json = process.argv.slice(2).find((a) => a.startsWith('{'));
const options: Partial<AlignOptions> = json ? (JSON.parse(json) as Partial<AlignOptions>) : {};
const key = (b: GoldBead) => `${b.source.join(',')}:${b.target.join(',')}`;
const type = (b: GoldBead) => `${Math.min(b.source.length, 3)}-${Math.min(b.target.length, 3)}`;

function confusion(c: AlignCase): void {
  const predicted = alignUnits(c.source, c.target, options);
  const predKeys = new Set(predicted.map(key));
  const goldKeys = new Set(c.gold.map(key));
  const stats = new Map<string, { gold: number; found: number; pred: number; right: number }>();
  const at = (t: string) => {
    let s = stats.get(t);
    if (!s) stats.set(t, (s = { gold: 0, found: 0, pred: 0, right: 0 }));
    return s;
  };
  for (const g of c.gold) {
    at(type(g)).gold++;
    if (predKeys.has(key(g))) at(type(g)).found++;
  }
  for (const p of predicted) {
    at(type(p)).pred++;
    if (goldKeys.has(key(p))) at(type(p)).right++;
  }
  console.log(`\n${c.name}: type  gold  found(recall)  predicted  right(precision)   (3 = 3 or more)`);
  for (const [t, s] of [...stats].sort())
    console.log(
      `  ${t.padEnd(5)} ${String(s.gold).padStart(4)}  ${String(s.found).padStart(4)}  ${String(s.pred).padStart(9)}  ${String(s.right).padStart(4)}`,
    );
  if (!verbose) return;
  // Missed gold beads, grouped into stretches with what we returned over the same units.
  for (const g of c.gold) {
    if (predKeys.has(key(g))) continue;
    const ours = predicted.filter(
      (p) => p.source.some((s) => g.source.includes(s)) || p.target.some((t) => g.target.includes(t)),
    );
    console.log(`  gold ${key(g).padEnd(16)} ours ${ours.map(key).join('  ')}`);
    for (const s of g.source) console.log(`      de ${s}: ${c.source[s]!.slice(0, 110)}`);
    for (const t of g.target) console.log(`      fr ${t}: ${c.target[t]!.slice(0, 110)}`);
  }
}

const set = loadDevSet();
confusion(set.first);
confusion(set.second);
