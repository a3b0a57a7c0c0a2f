import unhomoglyph from 'unhomoglyph';

// Look-alike logins (`аdmin` with a Cyrillic а beside `admin`) would let someone pass for someone else in
// the history. UTS #39 §4 defines when two strings are confusable: their skeletons are equal.
// https://www.unicode.org/reports/tr39/#Confusable_Detection

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The UTS #39 skeleton: NFD, without default-ignorable code points, each character replaced by its
 * prototype from confusables.txt (the `unhomoglyph` package's copy of the data), NFD again.
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(DEFAULT_IGNORABLE, '')).normalize('NFD');
}

/**
 * The keys two logins are compared under, case-insensitively: the skeleton of the lowercased login (Cyrillic
 * `а` vs `a`) and the lowercased skeleton (Greek capital `Α` vs `A`, confusable only in upper case). Logins
 * that share a key look alike. NFKC first, as logins are stored.
 */
export function confusableKeys(login: string): string[] {
  // Beyond UTS #39: a dot above on i or j is drawn where their own dot is (`i̇` looks like `i`).
  const n = login
    .trim()
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/([ijIJ])\u0307/g, '$1');
  return [...new Set([skeleton(n.toLowerCase()), skeleton(n).toLowerCase()])];
}

/** The first of `existing` that looks like `login` (or is it, whatever the case), or undefined. */
export function findConfusable(login: string, existing: Iterable<string>): string | undefined {
  const keys = new Set(confusableKeys(login));
  for (const other of existing) if (confusableKeys(other).some((k) => keys.has(k))) return other;
  return undefined;
}
