import { diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Word-level diff (track changes) with jsdiff. Words come from Intl.Segmenter for the text's language,
 * so Arabic words with attached clitics and diacritics are diffed as words, not letters.
 */
export function wordDiff(before: string, after: string, lang: string): DiffPart[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}
