import { useTranslation } from 'react-i18next';

// Building an Intl.DisplayNames costs far more than asking it; rows ask on every render: one answer per pair.
const names = new Map<string, string | undefined>();

const namers = new Map<string, Intl.DisplayNames>();
function displayNames(uiLanguage: string): Intl.DisplayNames {
  let n = namers.get(uiLanguage);
  if (!n) namers.set(uiLanguage, (n = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'none' })));
  return n;
}

/** The browser's name for a language code in the UI language, or undefined (an invalid or unknown code). */
function displayName(code: string, uiLanguage: string): string | undefined {
  const key = `${uiLanguage}\u0000${code}`;
  if (names.has(key)) return names.get(key);
  let found: string | undefined;
  try {
    const name = displayNames(uiLanguage).of(code);
    found = name && name !== code ? name : undefined;
  } catch {
    found = undefined; // not a well-formed language tag
  }
  names.set(key, found);
  return found;
}

/**
 * A language's name in the UI language ("Arabic", "arabe"): ours for the languages we list, else the
 * browser's (Intl.DisplayNames: "German", "allemand"), else the code itself.
 */
export function useLangName() {
  const { t, i18n } = useTranslation('common');
  return (code: string) =>
    t(`langNames.${code}` as 'langNames.ar', { defaultValue: displayName(code, i18n.language) ?? code });
}
