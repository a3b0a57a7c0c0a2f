import { describe, expect, it } from 'vitest';
import { checkFrenchSpacing } from './typography-fr';

const run = (target: string) =>
  checkFrenchSpacing({ id: 's', index: 0, source: 'x', target }).map((f) => [
    f.variant,
    target.slice(f.start, f.end),
    f.fix,
  ]);

describe('French typography: correct text gives no finding (precision)', () => {
  it.each([
    ['guillemets with U+00A0', '«\u00a0Bonjour\u00a0»'],
    ['guillemets with U+202F', '«\u202fBonjour\u202f»'],
    ['no-break spaces before ; : ! ?', 'Attention\u202f; voici\u00a0: oui\u202f! Non\u202f?'],
    ['time', 'à 10:30 précises'],
    ['URL', 'voir https://x.fr/a:b?c=1!'],
    ['e-mail and www', 'écrire à contact@x.fr ou www.x.fr/faq?'],
    ['ratio', 'gagné 3:2'],
    ['percentage', 'une hausse de 3,5 %'],
    ['?! cluster', 'Vraiment\u202f?!'],
    ['apostrophes', 'l’Intérieur, aujourd’hui'],
    ['smiley', 'merci :)'],
  ])('%s', (_what, target) => {
    expect(run(target)).toEqual([]);
  });
});

describe('French typography: findings with one-click fixes', () => {
  it.each([
    ['plain space before ;', 'terroristes ; une', [['plain-space-before', ' ;', '\u202f;']]],
    ['plain space before :', 'voici : oui', [['plain-space-before', ' :', '\u00a0:']]],
    ['no space before ?', 'Pourquoi?', [['missing-before', '?', '\u202f?']]],
    ['no space before !', 'Bravo!', [['missing-before', '!', '\u202f!']]],
    [
      'no space inside guillemets',
      '«Bonjour»',
      [
        ['missing-inside', '«', '«\u00a0'],
        ['missing-inside', '»', '\u00a0»'],
      ],
    ],
    [
      'plain spaces inside guillemets',
      '« Bonjour »',
      [
        ['plain-space-inside', '« ', '«\u00a0'],
        ['plain-space-inside', ' »', '\u00a0»'],
      ],
    ],
  ])('%s', (_what, target, expected) => {
    expect(run(target)).toEqual(expected);
  });
});
