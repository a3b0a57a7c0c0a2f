/**
 * The interface's languages and how one is picked: no dependency, so the server (which draws the workspace's
 * first screen in the user's language, first-screen.ts) picks as the browser will.
 */
export const UI_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The cookie that tells the server the language chosen in this browser (kept in localStorage too): the first
 * screen it draws is then in that language, not in the browser's.
 */
export const UI_LANGUAGE_COOKIE = 'visavis_lang';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages (in its order of preference) the interface speaks, by primary subtag. */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.split(/[-_]/)[0]!.toLowerCase();
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}
