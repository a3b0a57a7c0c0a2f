import { canonicalLanguageTag, LANGUAGE_TAGS } from '../../../../shared/lang/direction';
import { LangSchema } from '../../../../shared/primitives';
import { languageName } from '../../../lib/use-lang-name';

/*
 * Finding a language by what people type: its name in the interface language, in English, or in the
 * language itself ("Deutsch", "日本語"), in the regional form as CLDR writes it ("Brazilian Portuguese") or
 * as the standard form ("Portuguese (Brazil)"), or its code. A typed code is a language only when the server
 * takes it (LangSchema) and the language is a known one: "german" and "xx" are well-formed BCP 47 but no
 * language anyone can review.
 */

/** Lower-case, without accents, so that "francais" finds "français" and "arabe" finds "Arabe". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();

const folded = new Map<string, readonly string[]>();
/** Every name of a language, folded: interface language, English and its own, regional and standard forms. */
export function foldedNames(tag: string, uiLanguage: string, uiName: string): readonly string[] {
  const key = `${uiLanguage}|${tag}|${uiName}`;
  let names = folded.get(key);
  if (!names) {
    const all = [uiName];
    for (const locale of [uiLanguage, 'en', tag])
      for (const display of ['dialect', 'standard'] as const) {
        const n = languageName(tag, locale, display);
        if (n) all.push(n);
      }
    names = [...new Set(all.map(fold))];
    folded.set(key, names);
  }
  return names;
}

const LISTED = new Set(LANGUAGE_TAGS.map((t) => t.split('-')[0]!));

/** The typed text as a language tag the server takes and whose language is known, else null. */
export function knownLanguageTag(text: string): string | null {
  const tag = canonicalLanguageTag(text);
  if (!tag || !LangSchema.safeParse(tag).success) return null;
  const language = tag.split('-')[0]!;
  return LISTED.has(language) || languageName(language, 'en', 'standard') !== undefined ? tag : null;
}
