import table from './languages.json';

export type TextDirection = 'ltr' | 'rtl';

/** What newer runtimes add to Intl.Locale (getTextInfo; textInfo in older V8), not yet in TypeScript's lib. */
type WithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

const RTL_SCRIPTS = new Set(table.rtlScripts);
const RTL_LANGUAGES = new Set(table.rtlLanguages);

/** The tag in canonical form ("AR-ma" → "ar-MA"), or null when it is not a well-formed BCP 47 tag. */
export function canonicalLanguageTag(tag: string): string | null {
  const trimmed = tag.trim();
  if (!trimmed) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The writing direction of a language, from its tag: right-to-left if the runtime's Intl.Locale text info
 * says so (where the runtime has it), else by the script (written or likely: "az-Arab", "ur" → Arab) against CLDR's right-to-left scripts, else
 * CLDR's table of languages whose likely script is right-to-left. An invalid tag is left-to-right.
 */
export function languageDirection(tag: string, opts: { runtimeTextInfo?: boolean } = {}): TextDirection {
  if (opts.runtimeTextInfo === false) return directionOf(tag, false);
  // Every row asks on every render; building an Intl.Locale costs far more than a Map lookup.
  let dir = cache.get(tag);
  if (!dir) cache.set(tag, (dir = directionOf(tag, true)));
  return dir;
}

const cache = new Map<string, TextDirection>();

function directionOf(tag: string, runtimeTextInfo: boolean): TextDirection {
  let locale: WithTextInfo;
  try {
    locale = new Intl.Locale(tag.trim()) as WithTextInfo;
  } catch {
    return 'ltr';
  }
  if (runtimeTextInfo) {
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    // Trusted when it says right-to-left; "ltr" may only mean the runtime lacks the locale's data (Node's
    // ICU answers "ltr" for Dhivehi, written in Thaana), so the CLDR tables below have the last word.
    if (info?.direction === 'rtl') return 'rtl';
  }
  const script = locale.script ?? (typeof locale.maximize === 'function' ? locale.maximize().script : undefined);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

/** The language tags offered in lists (ISO 639-1 and CLDR's common regional variants), from CLDR. */
export const LANGUAGE_TAGS: readonly string[] = table.languages;
