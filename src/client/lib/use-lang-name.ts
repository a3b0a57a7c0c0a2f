import { useTranslation } from 'react-i18next';

/** A language's name in the UI language ("Arabic", "arabe"); the code itself when we have no name for it. */
export function useLangName() {
  const { t } = useTranslation('common');
  return (code: string) => t(`langNames.${code}` as 'langNames.ar', { defaultValue: code });
}
