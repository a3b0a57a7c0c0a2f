/**
 * Strict and lax precision, recall and F1 of an alignment against a gold one (Sennrich & Volk 2011, as
 * scored for the Bleualign benchmark): a predicted bead is a strict hit when it equals a gold bead and a
 * lax hit when it shares at least one source–target link with one; recall is the same the other way round,
 * with 1–0 and 0–1 beads left out on both sides.
 */

export interface GoldBead {
  source: readonly number[];
  target: readonly number[];
}

export interface Scores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

const key = (b: GoldBead) => `${b.source.join(',')}:${b.target.join(',')}`;

function hits(predicted: readonly GoldBead[], gold: readonly GoldBead[]): { strict: number; lax: number; all: number } {
  const goldKeys = new Set(gold.map(key));
  const links = new Map<number, Set<number>>();
  for (const b of gold)
    for (const s of b.source) {
      let set = links.get(s);
      if (!set) links.set(s, (set = new Set()));
      for (const t of b.target) set.add(t);
    }
  let strict = 0;
  let lax = 0;
  let all = 0;
  for (const b of predicted) {
    if (b.source.length === 0 && b.target.length === 0) continue;
    all++;
    if (goldKeys.has(key(b))) {
      strict++;
      lax++;
    } else if (b.source.some((s) => b.target.some((t) => links.get(s)?.has(t)))) lax++;
  }
  return { strict, lax, all };
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function scoreAlignment(predicted: readonly GoldBead[], gold: readonly GoldBead[]): Scores {
  const p = hits(predicted, gold);
  const paired = (b: GoldBead) => b.source.length > 0 && b.target.length > 0;
  const r = hits(gold.filter(paired), predicted.filter(paired));
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const sp = ratio(p.strict, p.all);
  const sr = ratio(r.strict, r.all);
  const lp = ratio(p.lax, p.all);
  const lr = ratio(r.lax, r.all);
  return {
    strict: { precision: sp, recall: sr, f1: f1(sp, sr) },
    lax: { precision: lp, recall: lr, f1: f1(lp, lr) },
  };
}

/** Reads the Bleualign gold format: one bead a line, `[4]:[5, 6, 7]`, `[3]:[]`. */
export function parseGoldAlignment(text: string): GoldBead[] {
  const out: GoldBead[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/.exec(line);
    if (!match) continue;
    const ids = (s: string) => (s.trim() === '' ? [] : s.split(',').map((x) => Number(x.trim())));
    out.push({ source: ids(match[1]), target: ids(match[2]) });
  }
  return out;
}
