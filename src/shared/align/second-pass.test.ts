import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS, newVocabulary, sentenceFeatures, unitWords } from './features';
import { availableWeight, beadRanges, induceLexicon, type PathBead } from './second-pass';

const bead = (i: number, j: number, a = 1, b = 1, cost = 0): PathBead => ({ i, j, a, b, cost });
const OPTS = { lexMaxCost: 3, lexMinCount: 2, lexMinDice: 0.5, lexMinLength: 3, prefix: 4 };

describe('induceLexicon', () => {
  // "Lager" ↔ "camp" recur together; "und" ↔ "et" too short to be learnt at length 3? ("und" is 3: kept).
  const de = ['Das Lager stand', 'Ein Lager oben', 'Schnee fiel', 'Schnee und Lager'].map(unitWords);
  const fr = ['Le camp était là', 'Un camp en haut', 'La neige tombait', 'La neige et le camp'].map(unitWords);
  const beads = [bead(0, 0), bead(1, 1), bead(2, 2), bead(3, 3)];

  it('pairs words that co-occur in the beads, each word at most once', () => {
    const lex = induceLexicon(de, fr, beads, OPTS);
    expect(lex.source.get('lager')).toBe('lager=camp');
    expect(lex.target.get('camp')).toBe('lager=camp');
    expect(lex.source.get('schnee')).toBe('schnee=neige');
    expect(new Set(lex.source.values()).size).toBe(lex.source.size);
  });

  it('learns nothing from expensive beads or from pairs seen once', () => {
    expect(
      induceLexicon(
        de,
        fr,
        beads.map((b) => ({ ...b, cost: 5 })),
        OPTS,
      ).source.size,
    ).toBe(0);
    expect(induceLexicon(de, fr, beads, { ...OPTS, lexMinCount: 4 }).source.size).toBe(0);
  });

  it('leaves out pairs that already share a cognate prefix', () => {
    const lex = induceLexicon(
      [['gletscher'], ['gletscher']],
      [['gletschers'], ['gletschers']],
      [bead(0, 0), bead(1, 1)],
      OPTS,
    );
    expect(lex.source.size).toBe(0);
  });
});

describe('availableWeight and beadRanges', () => {
  it('counts the anchors a unit shares with the other side near its bead, and only there', () => {
    const vocab = newVocabulary();
    const f = (t: string) => sentenceFeatures(t, vocab, DEFAULT_FEATURE_OPTIONS);
    const src = [f('Lhotse 8501'), f('Everest 8848')];
    const tgt = [f('Lhotse'), f('8501'), f('rien'), f('rien'), f('rien'), f('Everest 8848')];
    const weight = new Float64Array(vocab.kinds.length).fill(1);
    // Unit 0 was paired with target 0 alone: "8501" is in target 1, within a window of 1.
    const ranges = beadRanges([bead(0, 0), bead(1, 5)], 2, 6);
    expect(ranges.source).toEqual([
      { from: 0, to: 1 },
      { from: 5, to: 6 },
    ]);
    expect(Array.from(availableWeight(src, tgt, weight, ranges.source, 1))).toEqual([2, 2]);
    // With no window, only its own bead: "Lhotse".
    expect(Array.from(availableWeight(src, tgt, weight, ranges.source, 0))).toEqual([1, 2]);
  });

  it('gives the point where a unit was left unpaired', () => {
    const ranges = beadRanges([bead(0, 0), { i: 1, j: 1, a: 0, b: 1, cost: 1 }, bead(1, 2)], 2, 3);
    expect(ranges.target[1]).toEqual({ from: 1, to: 1 });
  });
});
