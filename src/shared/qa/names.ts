import { editDistance } from './edit-distance';
import { sourceNameFor, sourceNames } from './names-source';
import { profileFor, type LanguageProfile } from './lang-profile';
import { foldStrip, isAllUpper, isUpperInitial, upperAt, words } from './text';
import type { Lexicon, QaSegment, RawFinding } from './types';

/*
 * Names: a capitalised word of the target that is a near-miss of a name the glossary or the rest of the document
 * spells otherwise ("Lafetet" where the body and the glossary say "Laftit"). Near-miss means, after case and
 * accents are folded: same first letter, not merely another inflection (Royaume/Royaumes, Français/Française),
 * and either the same consonants with other vowels (transliteration drift: Lafetet/Laftit, Mohamed/Mohammed)
 * within a third of the length in edits, or a single typo in a word of five letters or more (Macorn/Macron).
 * The better-attested spelling wins: the glossary's, or the one used more often; a tie is left alone.
 * Not near-misses: derived words (Algérie/Algérien, Maroc/Marocain, Arabie/Arabe), and two names whose capitalised
 * neighbours differ (Mohamed Ould Ghazouani is not Mohammed VI): different people, not a misspelling.
 * The target language's profile gives the sentence starters, derived-word endings and inflections, and says
 * whether nouns are capitalised (German): then a capital is no evidence of a name, and only the glossary's names,
 * or words the language's dictionary does not know (server and CLI), are names. A dictionary word is never a
 * misspelt name ("Staat" is not "Stadt"). A near-miss of a name of the segment's own source counts too
 * (names-source.ts).
 */

const MIN_LENGTH = 4;
const GLOSSARY_WEIGHT = 1000;

interface Count {
  total: number;
  /** Occurrences not at the start of a sentence: proof that the capital belongs to the word. */
  inside: number;
  /** Capitalised words written next to it (first names, surnames, "VI"), with their counts. */
  neighbours: Map<string, number>;
}

export interface NameInventory {
  counts: Map<string, Count>;
  glossary: Set<string>;
  /** Capitalised words next to each glossary name in the glossary's own forms ("Abdelouafi" for "Laftit"). */
  glossaryNeighbours: Map<string, Set<string>>;
  /** Names by first folded letter. */
  buckets: Map<string, Set<string>>;
  /** Memoised verdicts per candidate word; cleared whenever counts change. */
  verdicts: Map<string, string | null>;
  /** The target language's profile: sentence starters, derived-word endings, whether nouns are capitalised. */
  profile: LanguageProfile;
  /** The target language's dictionary (server and CLI): a real word is not a misspelt name. */
  lexicon: Lexicon | null;
}

const fold = foldStrip;
const nameLike = new Map<string, boolean>();
function isNameLike(w: string): boolean {
  let v = nameLike.get(w);
  if (v === undefined) {
    if (nameLike.size >= 100_000) nameLike.clear();
    v = w.length >= MIN_LENGTH && isUpperInitial(w) && !isAllUpper(w);
    nameLike.set(w, v);
  }
  return v;
}

// Skipped when looking back for the end of the previous sentence: spaces, quotes, brackets, dashes.
const SKIP_BACK = new Set([...' \t\n\u00a0\u202f«»"“”‘’\'([—–-'].map((c) => c.charCodeAt(0)));
const SENTENCE_END = new Set([...'.!?…:'].map((c) => c.charCodeAt(0)));

// "M. Laftit", "Dr. Diallo": a title's full stop does not start a sentence.
const TITLES = new Set([
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Dr',
  'Pr',
  'Me',
  'Mgr',
  'St',
  'Ste',
  'Mr',
  'Mrs',
  'Ms',
  'Prof',
  'Gen',
  'Gén',
  'Col',
  'Sen',
  'Rep',
]);
function afterAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const m = /(\p{L}+)$/u.exec(text.slice(Math.max(0, dot - 5), dot));
  return m !== null && TITLES.has(m[1]!);
}

interface Capitalised {
  start: number;
  end: number;
  text: string;
  initial: boolean;
  neighbours: string[];
}

// documentContext and checkSegment both read each target: remember the answer (bounded).
const seen = new Map<string, Capitalised[]>();

/** Capitalised words of a text, each with whether it starts a sentence. */
function capitalised(text: string): Capitalised[] {
  let out = seen.get(text);
  if (!out) {
    if (seen.size >= 50_000) seen.clear();
    out = findCapitalised(text);
    seen.set(text, out);
  }
  return out;
}

const JOINER = /^[ \u00a0\u202f-]+$/;

function findCapitalised(text: string): Capitalised[] {
  const out: Capitalised[] = [];
  const ws = words(text);
  const initialAt = (start: number) => {
    let i = start - 1;
    while (i >= 0 && SKIP_BACK.has(text.charCodeAt(i))) i--;
    return i < 0 || (SENTENCE_END.has(text.charCodeAt(i)) && !afterAbbreviation(text, i));
  };
  // A capitalised word joined by a space or hyphen: part of the same full name (titles such as "M." excluded).
  const neighbour = (j: number, from: number, to: number): string | null => {
    const w = ws[j];
    if (!w || w.text.length < 2 || !upperAt(text, w.start) || TITLES.has(w.text) || !JOINER.test(text.slice(from, to)))
      return null;
    return initialAt(w.start) ? null : w.text; // a sentence's first word may be capitalised for that reason alone
  };
  for (let k = 0; k < ws.length; k++) {
    const t = ws[k]!;
    if (t.end - t.start < MIN_LENGTH || !upperAt(text, t.start) || !isNameLike(t.text)) continue;
    const neighbours: string[] = [];
    const before = k > 0 ? neighbour(k - 1, ws[k - 1]!.end, t.start) : null;
    const after = k + 1 < ws.length ? neighbour(k + 1, t.end, ws[k + 1]!.start) : null;
    if (before) neighbours.push(before);
    if (after) neighbours.push(after);
    out.push({ start: t.start, end: t.end, text: t.text, initial: initialAt(t.start), neighbours });
  }
  return out;
}

function addToBucket(inv: NameInventory, w: string): void {
  const k = fold(w).charAt(0);
  let b = inv.buckets.get(k);
  if (!b) inv.buckets.set(k, (b = new Set()));
  b.add(w);
}

export function emptyNameInventory(
  glossaryForms: readonly string[],
  targetLang = 'und',
  lexicon: Lexicon | null = null,
): NameInventory {
  const inv: NameInventory = {
    counts: new Map(),
    glossary: new Set(),
    glossaryNeighbours: new Map(),
    buckets: new Map(),
    verdicts: new Map(),
    profile: profileFor(targetLang),
    lexicon,
  };
  for (const form of glossaryForms) {
    for (const t of findCapitalised(form)) {
      inv.glossary.add(t.text);
      addToBucket(inv, t.text);
      let n = inv.glossaryNeighbours.get(t.text);
      if (!n) inv.glossaryNeighbours.set(t.text, (n = new Set()));
      for (const w of t.neighbours) n.add(w);
    }
  }
  return inv;
}

/**
 * A copy of the inventory that countNames may change for these texts without touching the original: maps are
 * copied shallowly, and only the entries those texts' names touch are copied deeply.
 */
export function forkNames(inv: NameInventory, texts: readonly string[]): NameInventory {
  const counts = new Map(inv.counts);
  const buckets = new Map(inv.buckets);
  for (const text of texts) {
    for (const t of capitalised(text)) {
      const c = inv.counts.get(t.text);
      if (c && counts.get(t.text) === c) counts.set(t.text, { ...c, neighbours: new Map(c.neighbours) });
      const k = fold(t.text).charAt(0);
      const b = inv.buckets.get(k);
      if (b && buckets.get(k) === b) buckets.set(k, new Set(b));
    }
  }
  return { ...inv, counts, buckets, verdicts: new Map() };
}

/** Adds (delta 1) or removes (delta −1) a target text's capitalised words. */
export function countNames(inv: NameInventory, text: string, delta: 1 | -1): void {
  for (const t of capitalised(text)) {
    const c = inv.counts.get(t.text) ?? { total: 0, inside: 0, neighbours: new Map<string, number>() };
    c.total += delta;
    if (!t.initial) c.inside += delta;
    for (const w of t.neighbours) {
      const n = (c.neighbours.get(w) ?? 0) + delta;
      if (n > 0) c.neighbours.set(w, n);
      else c.neighbours.delete(w);
    }
    if (c.total <= 0) inv.counts.delete(t.text);
    else {
      inv.counts.set(t.text, c);
      addToBucket(inv, t.text);
    }
  }
  inv.verdicts.clear();
}

const support = (inv: NameInventory, w: string) =>
  (inv.glossary.has(w) ? GLOSSARY_WEIGHT : 0) + (inv.counts.get(w)?.total ?? 0);
/**
 * A name the document vouches for: in the glossary, or capitalised inside a sentence. Where nouns are capitalised
 * (German) a capital inside a sentence proves nothing: only a word the dictionary does not know counts, and
 * without a dictionary (the browser) only the glossary's names do.
 */
function established(inv: NameInventory, w: string): boolean {
  if (inv.glossary.has(w)) return true;
  if ((inv.counts.get(w)?.inside ?? 0) === 0) return false;
  if (!inv.profile.capitalisesNouns) return true;
  return inv.lexicon !== null && !inv.lexicon.isWord(w);
}
const skeleton = (f: string) => f.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
const uninflected = (f: string, endings: readonly string[]) => {
  for (const e of endings) if (f.endsWith(e) && f.length > e.length) return f.slice(0, -e.length);
  return f;
};
function inflections(a: string, b: string, p: LanguageProfile): boolean {
  return (
    uninflected(a, p.nameInflections) === uninflected(b, p.nameInflections) ||
    p.nameInflections.some((suffix) => a === b + suffix || b === a + suffix)
  );
}
// Demonyms and adjectives (the profile's nameSuffixes): Algérie → Algérien, Maroc → Marocain, Arabie → Arabe.
function derived(a: string, b: string, suffixes: ReadonlySet<string>): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short) && long.length - short.length <= 3) return true;
  let p = 0;
  while (p < short.length && short[p] === long[p]) p++;
  return p >= short.length - 2 && suffixes.has(short.slice(p)) && suffixes.has(long.slice(p));
}

export function nearMiss(candidate: string, name: string, profile: LanguageProfile = profileFor('und')): boolean {
  if (candidate === name) return false;
  const [c, n] = [fold(candidate), fold(name)];
  if (c.charAt(0) !== n.charAt(0)) return false;
  if (candidate.toLowerCase() === name.toLowerCase()) return false; // case only
  if (c === n) return true; // accents only: Gerald for Gérald
  if (inflections(c, n, profile) || derived(c, n, profile.nameSuffixes)) return false;
  const shortest = Math.min(c.length, n.length);
  const allowed = Math.max(1, Math.floor(shortest / 3));
  const d = editDistance(c, n, allowed);
  if (d <= allowed && skeleton(c) === skeleton(n)) return true;
  return d === 1 && shortest >= 5;
}

/** The better-attested name this word is a near-miss of, or null. */
export function likelyName(inv: NameInventory, word: string): string | null {
  const cached = inv.verdicts.get(word);
  if (cached !== undefined) return cached;
  let best: string | null = null;
  // A word of the language's dictionary ("Staat", "Frauen") is not a misspelt name ("Stadt", "Fragen").
  if (!inv.glossary.has(word) && !inv.lexicon?.isWord(word)) {
    const own = support(inv, word);
    let bestSupport = own;
    for (const name of inv.buckets.get(fold(word).charAt(0)) ?? []) {
      if (Math.abs(name.length - word.length) > 3 || !established(inv, name)) continue;
      const s = support(inv, name);
      if (s > bestSupport && nearMiss(word, name, inv.profile)) {
        best = name;
        bestSupport = s;
      }
    }
  }
  inv.verdicts.set(word, best);
  return best;
}

/** Both written with other capitalised words, never the same ones: two people (Mohamed Ould… / Mohammed VI). */
function otherPerson(inv: NameInventory, neighbours: readonly string[], name: string): boolean {
  if (neighbours.length === 0) return false;
  const known = new Set([
    ...(inv.counts.get(name)?.neighbours.keys() ?? []),
    ...(inv.glossaryNeighbours.get(name) ?? []),
  ]);
  return known.size > 0 && !neighbours.some((w) => known.has(w));
}

export function checkNames(seg: QaSegment, inv: NameInventory): RawFinding[] {
  const out: RawFinding[] = [];
  let fromSource: ReturnType<typeof sourceNames> | null = null; // read only when a word is not a known name
  for (const t of capitalised(seg.target)) {
    if (t.initial && inv.profile.sentenceStarters.has(fold(t.text))) continue;
    const known = likelyName(inv, t.text);
    const name = known && !otherPerson(inv, t.neighbours, known) ? known : null;
    const expected =
      name ??
      sourceNameFor(
        t.text,
        t.neighbours,
        seg.source,
        seg.target,
        () => (fromSource ??= sourceNames(seg.source)),
        inv,
        (a, b) => nearMiss(a, b, inv.profile),
      );
    if (!expected) continue;
    out.push({
      checkId: 'name-near-miss',
      side: 'target',
      start: t.start,
      end: t.end,
      variant: name ? (inv.glossary.has(name) ? 'glossary' : 'document') : 'source',
      params: { found: t.text, expected },
      fix: expected,
    });
  }
  return out;
}
