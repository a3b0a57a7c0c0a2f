import { sentenceRules, type SentenceRules } from './abbreviations';

/**
 * Sentences of a paragraph: Unicode sentence boundaries (Intl.Segmenter, UAX #29) with the false breaks it
 * makes undone: after an abbreviation of the language, an initial ("G. O. Dyhrenfurth", "M. Dupont"), a run of
 * letters and dots ("U.S."), an ordinal number where the language writes them with a dot ("am 18. Mai"), a list number ("1. The…"), and
 * before a piece that starts in lower case or with closing punctuation ("« Vraiment ? » dit-il").
 */

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? '';
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, s);
  }
  return s;
}

function endsFalsely(piece: string, rules: SentenceRules): boolean {
  const text = piece.trimEnd();
  if (!text.endsWith('.')) return false;
  const last = /(?:^|[\s(«"“‘'[])([^\s(«"“‘'[]*)\.$/u.exec(text)?.[1] ?? '';
  if (/^\p{L}$/u.test(last)) return true; // an initial
  if (/^(?:\p{L}\.)+\p{L}$/u.test(last)) return true; // U.S., z.B., e.g.
  if (rules.ordinalDot && /^\p{N}{1,2}$/u.test(last)) return true;
  return rules.abbreviations.includes(last);
}

const startsAsContinuation = (piece: string): boolean => /^\s*(?:\p{Ll}|[»”’)\]},;:])/u.test(piece);

/**
 * A piece that is only a list number ("1.", "12.", "3.2.", "iv.", "(2)"): the start of a numbered paragraph, not a
 * sentence. English has no ordinal dot, so "1. The committee met." was cut after "1.", and every numbered paragraph
 * gave a source-only "1." pair against a German "1. Der Ausschuss…" kept whole.
 */
const listMarkerOnly = (piece: string): boolean =>
  /^\s*\(?(?:\p{N}{1,4}(?:\.\p{N}{1,3})*|[ivxlcdm]{1,6})[.)]\s*$/iu.test(piece);

export function splitSentences(paragraph: string, lang?: string): string[] {
  const rules = sentenceRules(lang);
  const out: string[] = [];
  for (const { segment } of segmenter(lang).segment(paragraph)) {
    const prev = out.length > 0 ? out[out.length - 1]! : undefined;
    if (prev !== undefined && (endsFalsely(prev, rules) || listMarkerOnly(prev) || startsAsContinuation(segment))) {
      out[out.length - 1] = prev + segment;
    } else out.push(segment);
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}
