import { useTranslation } from 'react-i18next';

type Style = 'short' | 'medium';

// Building an Intl.DateTimeFormat costs ~100× formatting with one: one per (language, styles), kept.
const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time formatter for the interface language, shared by every component that asks. */
export function dateTimeFormat(lang: string, dateStyle: Style, timeStyle: Style): Intl.DateTimeFormat {
  const key = `${lang}|${dateStyle}|${timeStyle}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(lang, { dateStyle, timeStyle })));
  return f;
}

/** `dateTimeFormat` in the interface language. */
export function useDateTimeFormat(dateStyle: Style, timeStyle: Style): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  return dateTimeFormat(i18n.language, dateStyle, timeStyle);
}
