import { useTranslation } from 'react-i18next';

// Building an Intl.DateTimeFormat costs ~100× formatting with one: one per language, kept.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The one date and time format of the interface, per language ("2 Dec 2026, 07:12", "2 déc. 2026, 07:12",
 * "02‏/12‏/2026، 7:12 ص"): every date the interface shows goes through it, so there is one format per language.
 */
export function dateTimeFormat(lang: string): Intl.DateTimeFormat {
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return f;
}

/** `dateTimeFormat` in the interface language. */
export function useDateTimeFormat(): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  return dateTimeFormat(i18n.language);
}
