import type { NameInventory } from './names';
import { foldStrip } from './text';

/*
 * Names of the source: where source and target share a script, a name is usually carried over letter for letter,
 * so a capitalised target word that is a near-miss of a source name of the same segment ("Tschentscer" for
 * "Tschentscher", "Habek" for "Habeck") is likely misspelt, glossary or not. Capitals prove little (German nouns,
 * "Parlament" for "Parliament", "Mexiko" for "Mexico"), so there must be evidence that the word is that name:
 * the same first name or other part of the full name beside it in both texts ("Robert Habek" / "Robert Habeck"),
 * or, with the target language's dictionary (server, CLI), a word the dictionary does not know. Source names are
 * runs of cased letters, so that a Latin name inside Chinese or Japanese text ("（Akio Toyoda）会長") is found.
 */

export interface SourceName {
  text: string;
  neighbours: string[];
}

const NAME = /(?<![\p{Lu}\p{Ll}\p{M}\p{N}])\p{Lu}[\p{Lu}\p{Ll}\p{M}]*(?![\p{N}])/gu;
const JOINER = /^[ \u00a0\u202f-]+$/;
const MIN_LENGTH = 4;

/** Capitalised words of the source, each with the capitalised words written next to it. */
export function sourceNames(text: string): SourceName[] {
  const ms = [...text.matchAll(NAME)];
  const out: SourceName[] = [];
  ms.forEach((m, i) => {
    if (m[0].length < MIN_LENGTH || m[0] === m[0].toUpperCase()) return;
    const neighbours: string[] = [];
    const prev = ms[i - 1];
    const next = ms[i + 1];
    if (prev && JOINER.test(text.slice(prev.index + prev[0].length, m.index))) neighbours.push(prev[0]);
    if (next && JOINER.test(text.slice(m.index + m[0].length, next.index))) neighbours.push(next[0]);
    out.push({ text: m[0], neighbours });
  });
  return out;
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;

/** The source name a target word misspells, or null (`nearMiss` decides what a near-miss is). */
export function sourceNameFor(
  word: string,
  neighbours: readonly string[],
  source: string,
  target: string,
  names: () => readonly SourceName[],
  inv: NameInventory,
  nearMiss: (candidate: string, name: string) => boolean,
): string | null {
  // Without a dictionary only a shared neighbour is evidence: a word without neighbours needs no more looking.
  if (inv.lexicon === null && neighbours.length === 0) return null;
  if (inv.glossary.has(word) || source.includes(word) || inv.lexicon?.isWord(word)) return null;
  const first = foldStrip(word).charAt(0);
  for (const s of names()) {
    if (foldStrip(s.text).charAt(0) !== first || occurrences(target, s.text) >= occurrences(source, s.text)) continue;
    const evidence = inv.lexicon !== null || s.neighbours.some((n) => neighbours.includes(n));
    if (evidence && nearMiss(word, s.text)) return s.text;
  }
  return null;
}
