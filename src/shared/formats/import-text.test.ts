import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainTexts, pairParagraphs, splitParagraphs, writePlainTexts } from './import-text';

const sample = (name: string) =>
  readFileSync(new URL(`../../../samples/laftit-darmanin/${name}`, import.meta.url), 'utf8');

describe('splitParagraphs, blank-line mode', () => {
  it.each([
    ['a\nstill a\n\nb', ['a\nstill a', 'b']],
    ['a\r\nstill a\r\n\u00A0\r\nb', ['a\nstill a', 'b']],
    ['a\n \t\nb', ['a', 'b']],
  ])('%j → %j', (input, expected) => {
    expect(splitParagraphs(input, 'blank-line')).toEqual(expected);
  });
});

describe('splitParagraphs, line mode (default)', () => {
  it.each([
    ['one', ['one']],
    ['a\n\nb', ['a', 'b']],
    ['a\r\n\r\nb', ['a', 'b']],
    ['a\nb\n\nc', ['a', 'b', 'c']],
    ['a\n\n\u00A0\n\nb', ['a', 'b']],
    ['a\n \t\nb', ['a', 'b']],
    ['a\n\u202F\nb', ['a', 'b']],
    ['\uFEFF  a  \n\n\n\n', ['a']],
    ['', []],
    ['\n\n\u00A0\n', []],
  ])('%j → %j', (input, expected) => {
    expect(splitParagraphs(input)).toEqual(expected);
  });
});

describe('pairParagraphs', () => {
  it('keeps leftovers on either side', () => {
    expect(pairParagraphs(['s1', 's2'], ['t1'])).toEqual([
      { source: 's1', target: 't1' },
      { source: 's2', target: '' },
    ]);
    expect(pairParagraphs(['s1'], ['t1', 't2'])).toEqual([
      { source: 's1', target: 't1' },
      { source: '', target: 't2' },
    ]);
  });
});

describe('the Laftit–Darmanin sample', () => {
  const pairs = importPlainTexts(sample('source.ar.txt'), sample('target.fr.txt'));

  it('gives 9 aligned and 4 target-only segments', () => {
    expect(pairs).toHaveLength(13);
    expect(pairs.slice(0, 9).every((p) => p.source !== '' && p.target !== '')).toBe(true);
    expect(pairs.slice(9).every((p) => p.source === '' && p.target !== '')).toBe(true);
  });

  it('aligns the title and drops the no-break-space paragraph', () => {
    expect(pairs[0]?.target).toMatch(/^Lafetet discute/);
    expect(pairs[0]?.source).toMatch(/^لفتيت/);
    expect(pairs[1]?.target).toMatch(/^Le ministre de l’Intérieur/);
    expect(pairs.map((p) => p.target)).toContain('Laisser un commentaire');
    expect(pairs[12]?.target).toBe('close button');
  });
});

describe('splitParagraphs with a maximum', () => {
  it.each([
    ['line', 'a\n\nb\n c \nd', 1, ['a', 'b']],
    ['line', 'a\nb', 5, ['a', 'b']],
    ['blank-line', 'a\nb\n\nc\n \nd\n\ne', 2, ['a\nb', 'c', 'd']],
  ] as const)('%s mode, %j, max %i → %j (stops one past the maximum)', (breaks, text, max, expected) => {
    expect(splitParagraphs(text, breaks, max)).toEqual(expected);
    // The same paragraphs as without a maximum, as far as they go.
    expect(splitParagraphs(text, breaks).slice(0, max + 1)).toEqual(expected);
  });
});

describe('writePlainTexts: the round trip', () => {
  it.each(['line', 'blank-line'] as const)('%s mode: written texts import to the same segments', (mode) => {
    const segments = [
      { source: 'عنوان', target: 'Titre' },
      { source: 'الفقرة الأولى.', target: 'Premier paragraphe.' },
    ];
    const { sourceText, targetText } = writePlainTexts(segments, mode);
    expect(importPlainTexts(sourceText, targetText, mode)).toEqual(segments);
  });

  it('the sample: read, write, read again gives the same paragraphs', () => {
    const pairs = importPlainTexts(sample('source.ar.txt'), sample('target.fr.txt'));
    const written = writePlainTexts(pairs);
    expect(importPlainTexts(written.sourceText, written.targetText)).toEqual(pairs);
  });
});
