import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** The user's-language text for an error: t('errors.<code>'), with a fallback naming the code. */
export function useErrorText() {
  const { t, i18n } = useTranslation('common');
  return (err: unknown): string => {
    const code = err instanceof ApiError ? err.code : 'INTERNAL';
    const message = err instanceof Error ? err.message : '';
    const key = `errors.${code}`;
    return i18n.exists(key, { ns: 'common' })
      ? t(key as 'errors.INTERNAL', { message, code })
      : t('errors.unknown', { code });
  };
}
