import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignUnits, type Bead } from './align';
import { alignTexts } from './units';

// Small constructed cases: a parallel English → French text, then the same with a merge, a split, an
// omission, boilerplate, and number anchors; and the Arabic → French sample article.

const EN = [
  'The expedition left Kathmandu on 12 March 1956 with twelve climbers and three hundred porters.',
  'It reached the base camp below the Khumbu icefall after a march of three weeks.',
  'The weather was poor in April.',
  'Heavy snow fell almost every afternoon, and the camps on the Lhotse face had to be dug out again and again.',
  'On 18 May Ernst Reiss and Fritz Luchsinger reached the summit of Lhotse, at 8501 metres the fourth highest mountain on Earth.',
  'Five days later two more ropes stood on the top of Everest.',
  'The leader, Albert Eggler, later wrote a book about the expedition.',
  'It was translated into English in 1957 and sold well.',
];
const FR = [
  'L’expédition quitta Katmandou le 12 mars 1956 avec douze alpinistes et trois cents porteurs.',
  'Elle atteignit le camp de base au pied de la cascade de glace du Khumbu après trois semaines de marche.',
  'Le temps fut mauvais en avril.',
  'La neige tombait presque chaque après-midi, et il fallut sans cesse dégager les camps de la face du Lhotse.',
  'Le 18 mai, Ernst Reiss et Fritz Luchsinger atteignirent le sommet du Lhotse, 8501 mètres, quatrième sommet du globe.',
  'Cinq jours plus tard, deux autres cordées se tenaient au sommet de l’Everest.',
  'Le chef, Albert Eggler, écrivit plus tard un livre sur l’expédition.',
  'Il fut traduit en anglais en 1957 et se vendit bien.',
];

const beads = (result: Bead[]) => result.map((b) => [b.source, b.target]);
const oneToOne = (n: number, from = 0) => Array.from({ length: n }, (_, i) => [[from + i], [from + i]]);

describe('alignUnits', () => {
  it('pairs a translation that lines up one to one', () => {
    expect(beads(alignUnits(EN, FR))).toEqual(oneToOne(8));
  });

  it('finds two source sentences merged into one translated sentence', () => {
    const fr = [...FR.slice(0, 2), `${FR[2]} ${FR[3]}`, ...FR.slice(4)];
    const result = beads(alignUnits(EN, fr));
    expect(result).toContainEqual([[2, 3], [2]]);
    expect(result).toContainEqual([[4], [3]]);
    expect(result.at(-1)).toEqual([[7], [6]]);
  });

  it('finds a source sentence split in two', () => {
    const fr = [
      ...FR.slice(0, 4),
      'Le 18 mai, Ernst Reiss et Fritz Luchsinger atteignirent le sommet du Lhotse.',
      '8501 mètres : le quatrième sommet du globe.',
      ...FR.slice(5),
    ];
    const result = beads(alignUnits(EN, fr));
    expect(result).toContainEqual([[4], [4, 5]]);
    expect(result).toContainEqual([[5], [6]]);
  });

  it('leaves an omitted sentence unpaired and keeps the rest in step', () => {
    const fr = [...FR.slice(0, 5), ...FR.slice(6)];
    const result = beads(alignUnits(EN, fr));
    expect(result).toContainEqual([[5], []]);
    expect(result).toContainEqual([[6], [5]]);
    expect(result).toContainEqual([[4], [4]]);
  });

  it('leaves boilerplate at the end of the translation unpaired', () => {
    const fr = [
      ...FR,
      'Partager cet article',
      'Suivez-nous sur les réseaux sociaux',
      'Bouton retour en haut de la page',
    ];
    const result = beads(alignUnits(EN, fr));
    expect(result.slice(0, 8)).toEqual(oneToOne(8));
    expect(result.slice(8)).toEqual([
      [[], [8]],
      [[], [9]],
      [[], [10]],
    ]);
  });

  it('uses numbers as anchors to tell which of two similar sentences was dropped', () => {
    const en = [
      'In 1953 the first team reached the top.',
      'In 1956 the second team reached the top.',
      'In 1960 the third team reached the top.',
    ];
    const fr = [
      'En 1953, la première équipe atteignit le sommet.',
      'En 1960, la troisième équipe atteignit le sommet.',
    ];
    expect(beads(alignUnits(en, fr))).toEqual([
      [[0], [0]],
      [[1], []],
      [[2], [1]],
    ]);
  });

  it('covers every unit exactly once, in order, and scores every bead between 0 and 1', () => {
    const fr = [...FR.slice(0, 2), `${FR[2]} ${FR[3]}`, ...FR.slice(4), 'Publicité'];
    const result = alignUnits(EN, fr);
    expect(result.flatMap((b) => b.source)).toEqual(EN.map((_, i) => i));
    expect(result.flatMap((b) => b.target)).toEqual(fr.map((_, i) => i));
    for (const b of result) expect(b.score).toBeGreaterThanOrEqual(0);
    for (const b of result) expect(b.score).toBeLessThanOrEqual(1);
  });

  it('handles empty sides', () => {
    expect(beads(alignUnits([], ['a', 'b']))).toEqual([
      [[], [0]],
      [[], [1]],
    ]);
    expect(beads(alignUnits(['a'], []))).toEqual([[[0], []]]);
    expect(alignUnits([], [])).toEqual([]);
  });
});

describe('Arabic → French (the sample article)', () => {
  const read = (f: string) =>
    fs.readFileSync(new URL(`../../../samples/laftit-darmanin/${f}`, import.meta.url), 'utf8');
  const ar = read('source.ar.txt');
  const fr = read('target.fr.txt');

  it('aligns sentence by sentence and leaves the scraper’s boilerplate lines unpaired', () => {
    const { source, target, alignments } = alignTexts(ar, fr, { unit: 'sentence', sourceLang: 'ar', targetLang: 'fr' });
    const paired = alignments.filter((b) => b.source.length > 0 && b.target.length > 0);
    expect(paired).toHaveLength(source.length);
    expect(paired.every((b, i) => b.source[0] === i && b.target[0] === i)).toBe(true);
    const unpaired = alignments.filter((b) => b.source.length === 0).flatMap((b) => b.target.map((j) => target[j]));
    expect(unpaired).toContain('Bouton retour en haut de la page');
    expect(unpaired).toContain('close button');
  });

  it('finds two French paragraphs merged into one', () => {
    const paragraphs = fr
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const merged = [...paragraphs.slice(0, 3), `${paragraphs[3]} ${paragraphs[4]}`, ...paragraphs.slice(5)].join('\n');
    const { alignments } = alignTexts(ar, merged, { unit: 'paragraph' });
    expect(alignments.map((b) => [b.source, b.target])).toContainEqual([[3, 4], [3]]);
    expect(alignments.map((b) => [b.source, b.target])).toContainEqual([[5], [4]]);
  });
});
