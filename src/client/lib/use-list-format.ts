import { useTranslation } from 'react-i18next';

const formats = new Map<string, Intl.ListFormat>();

/** A list joined the interface language's way ("translator, reviewer, and editor", "مترجم ومراجع ومحرّر"): Intl, not ", ". */
export function listFormat(lang: string): Intl.ListFormat {
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' })));
  return f;
}

/** `listFormat(...).format` in the interface language. */
export function useListFormat(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const f = listFormat(i18n.language);
  return (items) => f.format(items);
}
