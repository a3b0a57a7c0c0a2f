// Building an Intl.NumberFormat costs ~100× formatting with one, and the components that count things (the
// find bar, the filters, the progress, the score) render on every save: one formatter per (language,
// options), kept for the page's life.
const formats = new Map<string, Intl.NumberFormat>();

/** A number formatter for `lang`, shared by every caller that asks with the same options. */
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang, options)));
  return f;
}
