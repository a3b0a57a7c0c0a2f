import { describe, expect, it } from 'vitest';
import { checkCompleteness, lastPairedIndex, medianLengthRatio, type CompletenessContext } from './completeness';

const seg = (index: number, source: string, target: string) => ({ id: `s${index}`, index, source, target });
const ctx: CompletenessContext = { medianRatio: 1.4, lastPaired: 5 };
const ids = (index: number, source: string, target: string, c = ctx) =>
  checkCompleteness(seg(index, source, target), c).map((f) => [f.checkId, f.variant]);

const AR = 'استقبل وزير الداخلية اليوم الاثنين بالرباط نظيره الفرنسي'; // 56 characters
const FR = 'Le ministre de l’Intérieur a reçu aujourd’hui à Rabat son homologue français'; // ≈ 1.4 × AR

describe('checkCompleteness', () => {
  it.each([
    ['a normal pair', 1, AR, FR, []],
    ['both empty', 1, '', '', []],
    ['empty translation inside the document', 1, AR, '', [['empty-target', 'default']]],
    ['whitespace-only translation', 1, AR, ' \u00a0 ', [['empty-target', 'default']]],
    ['source left over after the last pair', 7, AR, '', [['source-only', 'default']]],
    ['target paragraph without source', 9, '', 'Laisser un commentaire', [['target-only', 'default']]],
    ['identical to the source', 1, 'Le ministre a parlé.', 'Le ministre a parlé.', [['identical', 'default']]],
    ['identical but only names and numbers', 1, 'Emmanuel Macron, 2024', 'Emmanuel Macron, 2024', []],
    ['far too long', 1, AR, `${FR} ${FR} ${FR}`, [['length-ratio', 'long']]],
    ['far too short', 1, AR, 'Le ministre a reçu.', [['length-ratio', 'short']]],
    ['short source: no ratio', 1, 'لفتيت', 'Laftit a reçu son homologue français à Rabat', []],
  ])('%s', (_what, index, source, target, expected) => {
    expect(ids(index, source, target)).toEqual(expected);
  });

  it('no median, no length check', () => {
    expect(ids(1, AR, 'Le ministre a reçu.', { medianRatio: null, lastPaired: 5 })).toEqual([]);
  });

  it('target-only findings offer to delete the paragraph; a long one is an addition', () => {
    expect(checkCompleteness(seg(9, '', 'close button'), ctx)[0]).toMatchObject({ start: 0, end: 12, fix: '' });
    expect(checkCompleteness(seg(1, AR, `${FR} ${FR} ${FR}`), ctx)[0]).toMatchObject({ category: 'accuracy/addition' });
  });
});

describe('document-level figures', () => {
  it('median of the ratios of long enough pairs', () => {
    const segs = [1, 1.2, 1.4, 1.6, 3].map((r, i) => seg(i, 'x'.repeat(100), 'y'.repeat(100 * r)));
    expect(medianLengthRatio(segs)).toBeCloseTo(1.4);
    expect(medianLengthRatio(segs.slice(0, 4))).toBeNull(); // too few
  });
  it('last paired index', () => {
    expect(lastPairedIndex([seg(0, 'a', 'b'), seg(1, 'a', 'b'), seg(2, '', 'c'), seg(3, 'd', '')])).toBe(1);
  });
});
