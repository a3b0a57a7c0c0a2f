import { describe, expect, it } from 'vitest';
import { alignUnits, firstPassCost, type Bead } from './align';
import {
  buildDictionary,
  newVocabulary,
  parseDictionary,
  romanToArabic,
  sentenceFeatures,
  DEFAULT_FEATURE_OPTIONS,
} from './features';

// The optional bilingual dictionary (word pairs given as data), runs of unpaired units, weak stops and
// fragments, Roman numerals.

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

describe('fragments', () => {
  it('joins a short clause cut at a semicolon to the rest of its sentence rather than leaving it unpaired', () => {
    const en = [
      'They waited in the tents for three days.',
      'Then everybody set to work with all their strength, the porters too.',
      'Camp 3 was set up on the spur at 6000 m.',
    ];
    const fr = [
      'Ils attendirent trois jours sous les tentes.',
      'Le temps changea ;',
      'tous se mirent au travail de toutes leurs forces, les porteurs aussi.',
      'Le camp III fut installé sur l’éperon à 6000 m.',
    ];
    expect(beads(alignUnits(en, fr))).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
      [[2], [3]],
    ]);
    // Without the cost of leaving a fragment unpaired, "Le temps changea ;" is left out.
    expect(beads(alignUnits(en, fr, { fragmentSkipCost: 0 }))).toContainEqual([[], [1]]);
  });
});

describe('Roman numerals', () => {
  it('reads upper-case Roman numerals of two letters or more as numbers, and nothing else', () => {
    expect(romanToArabic('camp IV. Tout, Gasherbrum II, III et XII')).toBe('camp 4. Tout, Gasherbrum 2, 3 et 12');
    expect(romanToArabic('I, V, IVX, CD, MIX, DIV, Iv, xii')).toBe('I, V, IVX, CD, MIX, DIV, Iv, xii');
  });

  it('makes "Lager 4" and "camp IV" share a number anchor', () => {
    const vocab = newVocabulary();
    const de = sentenceFeatures('Zurück nach Lager 4 !', vocab, DEFAULT_FEATURE_OPTIONS);
    const fr = sentenceFeatures('Retour au camp IV.', vocab, DEFAULT_FEATURE_OPTIONS);
    expect(fr.numbers).toBe(1);
    expect(de.ids.filter((id) => fr.ids.includes(id)).map((id) => vocab.kinds[id])).toContain('number');
    const off = sentenceFeatures('Retour au camp IV.', vocab, { ...DEFAULT_FEATURE_OPTIONS, romanNumerals: 0 });
    expect(off.numbers).toBe(0);
  });
});

describe('anchors of a bead of several units', () => {
  // Each name is in both sentences on both sides: counted once per pair of units, a 2–2 bead would hold
  // each of them four times and two 1–1 beads only twice in all. (maxDocFrequency: 1 keeps names found in
  // half of this tiny text as anchors.)
  const en = [
    'The expedition left Kathmandu in March.',
    'Reiss, Luchsinger, Marmet and Schmied carried loads to the South Col for five long days.',
    'Then Reiss, Luchsinger, Marmet and Schmied rested.',
    'The summit was reached on 18 May.',
  ];
  const fr = [
    'L’expédition quitta Katmandou en mars.',
    'Reiss, Luchsinger, Marmet et Schmied portèrent des charges au col Sud.',
    'Puis Reiss, Luchsinger, Marmet et Schmied se reposèrent deux jours entiers au camp de base.',
    'Le sommet fut atteint le 18 mai.',
  ];

  it('counts an anchor as often as the smaller side of the bead holds it, not once per pair of units', () => {
    expect(beads(alignUnits(en, fr, { maxDocFrequency: 1 }))).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
    ]);
    // Counted per pair of units, the names pull the two sentence pairs into one 2–2 bead.
    expect(beads(alignUnits(en, fr, { maxDocFrequency: 1, bagShared: 0 }))).toContainEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('leaves the cost of a 1–1 bead as it was and raises that of a 2–2 bead by the anchors counted twice', () => {
    const bag = firstPassCost(en, fr, { maxDocFrequency: 1 });
    const pairs = firstPassCost(en, fr, { maxDocFrequency: 1, bagShared: 0 });
    expect(bag(1, 1, 1, 1)).toBeCloseTo(pairs(1, 1, 1, 1));
    expect(bag(1, 1, 2, 2)).toBeGreaterThan(pairs(1, 1, 2, 2) + 1);
  });
});
