import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nspell from 'nspell';
import { profileFor } from '../../shared/qa/lang-profile';
import type { Lexicon } from '../../shared/qa/types';

/*
 * Hunspell dictionaries (the dictionary-* packages, read by nspell) for the spelling check and the name check.
 * Node only, never in the browser bundle: the server loads them in its worker threads (workers/document-tasks.ts),
 * the CLI in its own process. Loaded lazily, once per process and language, on the first document that needs one;
 * a load takes 0.7 s (English) to 6 s (German, Spanish, Dutch) and 70–130 MB. Which package serves a language is
 * profile data (lang-data.ts: `dictionary`). dictionary-fr is not used: nspell needs 33 s and 600 MB to read it.
 */

const require = createRequire(import.meta.url);
const loaded = new Map<string, Lexicon | null>();

/** Times and sizes of the loads so far, for the README's figures and the tests. */
export const lexiconLoads: { pkg: string; ms: number }[] = [];

function readDictionary(pkg: string): { aff: Buffer; dic: Buffer } | null {
  try {
    // The packages export only index.js (ESM, top-level await): their .aff and .dic lie beside it.
    const dir = path.dirname(require.resolve(pkg));
    return { aff: fs.readFileSync(path.join(dir, 'index.aff')), dic: fs.readFileSync(path.join(dir, 'index.dic')) };
  } catch {
    return null;
  }
}

/** The dictionary of the language (by its profile), loaded on first use; null where there is none. */
export function lexiconFor(lang: string): Lexicon | null {
  const pkg = profileFor(lang).dictionary;
  if (!pkg) return null;
  if (loaded.has(pkg)) return loaded.get(pkg)!;
  const files = readDictionary(pkg);
  let lexicon: Lexicon | null = null;
  if (files) {
    const t0 = performance.now();
    const spell = nspell(files);
    lexiconLoads.push({ pkg, ms: Math.round(performance.now() - t0) });
    const memo = new Map<string, boolean>();
    lexicon = {
      name: pkg,
      isWord(word) {
        let v = memo.get(word);
        if (v === undefined) {
          if (memo.size >= 200_000) memo.clear();
          v = spell.correct(word);
          memo.set(word, v);
        }
        return v;
      },
    };
  }
  loaded.set(pkg, lexicon);
  return lexicon;
}
