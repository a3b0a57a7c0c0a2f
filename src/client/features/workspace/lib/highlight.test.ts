import { describe, expect, it } from 'vitest';
import { splitForHighlights } from './highlight';

describe('splitForHighlights', () => {
  it.each([
    ['no highlights', 'abc', [], [['abc', []]]],
    [
      'one span',
      'abcdef',
      [{ id: 'x', start: 2, end: 4, severity: 'minor' as const }],
      [
        ['ab', []],
        ['cd', ['x']],
        ['ef', []],
      ],
    ],
    [
      'overlap, most severe first',
      'abcdef',
      [
        { id: 'm', start: 0, end: 4, severity: 'minor' as const },
        { id: 'c', start: 2, end: 6, severity: 'critical' as const },
      ],
      [
        ['ab', ['m']],
        ['cd', ['c', 'm']],
        ['ef', ['c']],
      ],
    ],
    ['span past the end is ignored', 'ab', [{ id: 'x', start: 1, end: 9, severity: 'major' as const }], [['ab', []]]],
  ])('%s', (_name, text, highlights, expected) => {
    expect(splitForHighlights(text, highlights).map((p) => [p.text, p.marks.map((m) => m.id)])).toEqual(expected);
  });
});
