import { useTranslation } from 'react-i18next';
import { languageName } from '../../shared/lang/language-name';

export { languageName };

/**
 * A language's name in the UI language ("Arabic", "arabe"): ours for the languages we list, else the
 * browser's (Intl.DisplayNames: "German", "allemand"), else the code itself.
 */
export function useLangName() {
  const { t, i18n } = useTranslation('common');
  return (code: string) =>
    t(`langNames.${code}` as 'langNames.ar', { defaultValue: languageName(code, i18n.language) ?? code });
}
