import { describe, expect, it } from 'vitest';
import { alignUnits, type Bead } from './align';
import { buildDictionary, parseDictionary } from './features';

// The optional bilingual dictionary (word pairs given as data), runs of unpaired units, weak stops.

const beads = (result: Bead[]) => result.map((b) => [b.source, b.target]);

// Sentences of like length with no shared numbers, names or cognates: only a dictionary tells them apart.
const EN = [
  'The dog sleeps under the old bed.',
  'My brother reads a thick book.',
  'The child drinks cold water.',
  'Her mother buys bread every morning.',
  'The wind blows over the hill.',
  'Our neighbour paints his door yellow.',
  'The bird sings in the garden.',
];
const FR = [
  'Le chien dort sous le vieux lit.',
  'Mon frère lit un gros livre.',
  'L’enfant boit de l’eau froide.',
  'Le vent souffle sur la colline.',
  'Notre voisin peint sa porte en jaune.',
  'L’oiseau chante dans le jardin.',
];
const PAIRS: [string, string][] = [
  ['dog', 'chien'],
  ['sleeps', 'dort'],
  ['bed', 'lit'],
  ['brother', 'frère'],
  ['book', 'livre'],
  ['child', 'enfant'],
  ['drinks', 'boit'],
  ['water', 'eau'],
  ['mother', 'mère'],
  ['bread', 'pain'],
  ['wind', 'vent'],
  ['blows', 'souffle'],
  ['hill', 'colline'],
  ['neighbour', 'voisin'],
  ['paints', 'peint'],
  ['door', 'porte'],
  ['bird', 'oiseau'],
  ['sings', 'chante'],
  ['garden', 'jardin'],
];

describe('a bilingual dictionary', () => {
  it('tells which of several look-alike sentences the translation dropped', () => {
    const result = beads(alignUnits(EN, FR, { dictionary: buildDictionary(PAIRS) }));
    expect(result).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], []],
      [[4], [3]],
      [[5], [4]],
      [[6], [5]],
    ]);
  });

  it('reads word pairs from a tab-separated file, folding case and accents, skipping what is not a word pair', () => {
    const dictionary = parseDictionary('Frère\tBROTHER\nfaire la cuisine\tcook\nchien\n\nÉté\tsummer\n');
    expect([...dictionary.source.keys()]).toEqual(['frere', 'ete']);
    expect(dictionary.target.get('brother')).toEqual(dictionary.source.get('frere'));
  });
});

describe('runs of unpaired units', () => {
  it('leaves a run of captions inside the translation unpaired and keeps the text around it paired', () => {
    const captions = ['Photo: A. Reist', 'Le camp II', 'Carte: M. Kurz', 'Le sommet vu du sud'];
    const fr = [...FR.slice(0, 3), ...captions, ...FR.slice(3)];
    const en = EN.filter((_, i) => i !== 3);
    const result = beads(alignUnits(en, fr, { dictionary: buildDictionary(PAIRS) }));
    expect(result).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[], [3]],
      [[], [4]],
      [[], [5]],
      [[], [6]],
      [[3], [7]],
      [[4], [8]],
      [[5], [9]],
    ]);
  });
});

describe('weak stops', () => {
  it('keeps a fragment that ends on a semicolon with the rest of its sentence rather than leaving the rest unpaired', () => {
    const en = ['The weather turned bad at noon.', 'Everybody went back down to camp.'];
    const fr = ['Le temps se gâta ;', 'à midi.', 'Tout le monde redescendit au camp.'];
    expect(beads(alignUnits(en, fr))).toEqual([
      [[0], [0, 1]],
      [[1], [2]],
    ]);
    // Without the cost of a bead that ends on a weak stop on one side only, "à midi." is left unpaired.
    expect(beads(alignUnits(en, fr, { weakEndCost: 0 }))).toContainEqual([[], [1]]);
  });
});
