import { describe, expect, it } from 'vitest';
import { checkBrackets, unpairedMarks } from './brackets';

describe('unpairedMarks', () => {
  it.each([
    ['balanced', '« Bonjour » (voir [1]) “ici” "là"', 'fr', []],
    ['nested', '« il a dit “non” (deux fois) »', 'fr', []],
    ['stray closing guillemet', 'Paris 2024.\u00a0»', 'fr', ['»closing']],
    ['unclosed parenthesis', 'le groupe (GMMP', 'fr', ['(opening']],
    ['crossed', '(a [b) c]', 'fr', ['[opening', ']closing']],
    ['odd straight quotes', 'il a dit "oui', 'fr', ['"quote']],
    ['list markers', 'a) premier ; b) second ; 2) troisième', 'fr', []],
    ['smiley', 'merci :) à bientôt ;-)', 'fr', []],
    ['German low-high quotes', '„Ja“, sagte er', 'de', []],
  ])('%s', (_what, text, lang, expected) => {
    expect(unpairedMarks(text, lang).map((u) => u.ch + u.kind)).toEqual(expected);
  });
});

const seg = (target: string) => ({ id: 's', index: 1, source: 'x', target });

describe('checkBrackets', () => {
  it('a stray mark at the end: offered for deletion with its space', () => {
    expect(checkBrackets(seg('les Jeux olympiques de Paris 2024.\u00a0»'), 'fr', {})).toEqual([
      { checkId: 'unpaired', side: 'target', start: 34, end: 36, variant: 'closing', params: { char: '»' }, fix: '' },
    ]);
  });
  it('a mark inside the text: no automatic fix', () => {
    expect(checkBrackets(seg('le groupe (GMMP et le reste'), 'fr', {})).toEqual([
      { checkId: 'unpaired', side: 'target', start: 10, end: 11, variant: 'opening', params: { char: '(' } },
    ]);
  });
  it('a quotation running over paragraphs is fine', () => {
    expect(checkBrackets(seg('« Premier paragraphe cité.'), 'fr', { nextTarget: '« Suite de la citation. »' })).toEqual(
      [],
    );
    expect(checkBrackets(seg('fin de la citation. »'), 'fr', { previousTarget: '« Début de la citation.' })).toEqual(
      [],
    );
    expect(checkBrackets(seg('fin de la citation. »'), 'fr', { previousTarget: 'Rien d’ouvert.' })).toHaveLength(1);
  });
});
