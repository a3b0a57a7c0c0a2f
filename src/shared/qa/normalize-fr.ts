import { foldLatin } from './text';

/*
 * French term matching: case never matters; œ = oe; accents optionally ignored; the plural (-s, -x, -aux for -al)
 * matches the singular. Elided articles need nothing here: words split at the apostrophe, so "l’Intérieur"
 * contains the word "Intérieur".
 */

export function frenchKeys(word: string, accentInsensitive: boolean): string[] {
  const w = foldLatin(word, accentInsensitive ? 'strip' : 'keep');
  const keys = [w];
  if (w.length >= 4 && (w.endsWith('s') || w.endsWith('x'))) keys.push(w.slice(0, -1));
  if (w.length >= 5 && w.endsWith('aux')) keys.push(w.slice(0, -3) + 'al');
  return keys;
}

/** English: case, plural -s, -es, -ies. */
export function englishKeys(word: string, accentInsensitive: boolean): string[] {
  const w = foldLatin(word, accentInsensitive ? 'strip' : 'keep');
  const keys = [w];
  if (w.length >= 4 && w.endsWith('s') && !w.endsWith('ss')) keys.push(w.slice(0, -1));
  if (w.length >= 5 && w.endsWith('es')) keys.push(w.slice(0, -2));
  if (w.length >= 5 && w.endsWith('ies')) keys.push(w.slice(0, -3) + 'y');
  return keys;
}

/** Other languages: case (and accents when asked) only. */
export function genericKeys(word: string, accentInsensitive: boolean): string[] {
  return [foldLatin(word, accentInsensitive ? 'strip' : 'keep')];
}
