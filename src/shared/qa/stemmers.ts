/**
 * The Snowball stemmers that glossary matching uses for languages whose profile says `termKeys: 'stem'`
 * (German, Dutch, Spanish…). The library is ~30 kB compressed, so the UI downloads it only when a document
 * has a glossary in such a language (issue #10: the first load on a slow network); whoever runs the checks
 * provides it first. The server, the CLI and the worker import `./snowball`, which does so at once.
 */
export interface SnowballLibrary {
  newStemmer(algorithm: string): { stem(word: string): string };
}

let library: SnowballLibrary | null = null;
const stemmers = new Map<string, (w: string) => string>();

export function provideSnowball(lib: SnowballLibrary): void {
  library = lib;
}

export function snowballProvided(): boolean {
  return library !== null;
}

/** The stemmer of one Snowball algorithm ("german"); an error when the library was not provided. */
export function stemmerFor(algorithm: string): (w: string) => string {
  let s = stemmers.get(algorithm);
  if (!s) {
    if (!library)
      throw new Error(`Snowball stemmers not loaded (import shared/qa/snowball before matching "${algorithm}")`);
    const stemmer = library.newStemmer(algorithm);
    stemmers.set(algorithm, (s = (w) => stemmer.stem(w)));
  }
  return s;
}
