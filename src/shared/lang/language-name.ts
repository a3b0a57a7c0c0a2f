/** Language names from Intl.DisplayNames, for the browser's interface and the server's first screen alike. */

// Building an Intl.DisplayNames costs far more than asking it; rows ask on every render: one answer per pair.
const names = new Map<string, string | undefined>();

type Display = 'dialect' | 'standard';
const namers = new Map<string, Intl.DisplayNames | null>();
function displayNames(locale: string, display: Display): Intl.DisplayNames | null {
  const key = `${locale}|${display}`;
  let n = namers.get(key);
  if (n === undefined) {
    try {
      n = new Intl.DisplayNames([locale], { type: 'language', languageDisplay: display, fallback: 'none' });
    } catch {
      n = null; // a locale Intl does not take
    }
    namers.set(key, n);
  }
  return n;
}

/**
 * The browser's name for a language code in `locale` ("German", "allemand"; `standard`: "Portuguese (Brazil)"
 * rather than "Brazilian Portuguese"), or undefined (an invalid or unknown code, or a locale Intl does not take).
 */
export function languageName(code: string, locale: string, display: Display = 'dialect'): string | undefined {
  const key = `${locale}\u0000${display}\u0000${code}`;
  if (names.has(key)) return names.get(key);
  let found: string | undefined;
  try {
    const name = displayNames(locale, display)?.of(code);
    found = name && name !== code ? name : undefined;
  } catch {
    found = undefined; // not a well-formed language tag
  }
  names.set(key, found);
  return found;
}
