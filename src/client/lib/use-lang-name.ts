import { useTranslation } from 'react-i18next';

/** The browser's name for a language code in the UI language, or undefined (an invalid or unknown code). */
function displayName(code: string, uiLanguage: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'none' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined; // not a well-formed language tag
  }
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
