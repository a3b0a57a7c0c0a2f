/**
 * What joins two pieces of text when segments are merged: a space, except in languages written without
 * spaces between words (data by BCP 47 primary subtag, not code).
 */
const NO_SPACE_LANGUAGES: readonly string[] = ['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo'];

export function joinSeparator(lang: string): string {
  return NO_SPACE_LANGUAGES.includes(lang.toLowerCase().split('-')[0]!) ? '' : ' ';
}
