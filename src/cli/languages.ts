import { francAll } from 'franc';
import { profileFor } from '../shared/qa/lang-profile';

/*
 * `visavis qa` never guesses languages silently: each comes from a flag, from the file (the export's
 * sourceLang/targetLang, the XLIFF's srcLang/trgLang), or from detection on the text (franc, trigram statistics
 * over ISO 639-3 languages, mapped to BCP 47 by CLDR's aliases: "arb" → "ar", "deu" → "de"); the command says which.
 * With none of the three, it stops with exit 2.
 */

export type LangOrigin = 'flag' | 'file' | 'detected';
export interface ResolvedLang {
  tag: string;
  origin: LangOrigin;
}

/** Shorter texts are too little to tell a language by. */
const MIN_DETECT_CHARS = 40;
const SAMPLE_CHARS = 20_000;

/** Candidates scoring within this share of the best are a near tie (franc scores the best 1). */
const NEAR_TIE = 0.9;

const toTag = (code: string): string | null => {
  try {
    return Intl.getCanonicalLocales(code)[0] ?? null;
  } catch {
    return null;
  }
};

/**
 * The language of a text as a BCP 47 tag, or null when franc cannot tell. Of near ties, a language the checks
 * have a profile for wins: franc scores short English news text as Scots first ("sco" 1, "eng" 0.96–0.99).
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.replace(/\s+/g, '').length < MIN_DETECT_CHARS) return null;
  const ranked = francAll(sample, { minLength: MIN_DETECT_CHARS });
  if (ranked.length === 0 || ranked[0]![0] === 'und') return null;
  const tags = ranked.filter(([, score]) => score >= NEAR_TIE).map(([code]) => toTag(code));
  return tags.find((t) => t !== null && profileFor(t).tag !== 'default') ?? tags[0] ?? null;
}

export function resolveLang(flag: string | undefined, fromFile: string | undefined, text: string): ResolvedLang | null {
  if (flag) return { tag: flag, origin: 'flag' };
  if (fromFile) return { tag: fromFile, origin: 'file' };
  const detected = detectLanguage(text);
  return detected ? { tag: detected, origin: 'detected' } : null;
}

const ORIGIN: Record<LangOrigin, string> = { flag: 'from the flag', file: 'from the file', detected: 'detected' };

/** "languages: ar (detected) → fr (detected)". */
export function describeLangs(source: ResolvedLang, target: ResolvedLang): string {
  return `languages: ${source.tag} (${ORIGIN[source.origin]}) → ${target.tag} (${ORIGIN[target.origin]})`;
}
