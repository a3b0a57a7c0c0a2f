import type { Glossary, GlossaryEntry } from '../formats/glossary';
import { keyedTokens, normalizerFor, sharesKey, termPattern, type KeyedText, type TermNormalizer } from './normalize';
import { matchApostrophes, isUpperInitial } from './text';
import type { QaSegment, RawFinding } from './types';

/*
 * Terminology: where a glossary source term occurs in the source, the target must contain one of its accepted
 * forms and none of its forbidden ones. Forbidden forms are only looked for where the concept is in the source
 * ("désert" is wrong for الساحل والصحراء, not everywhere), except for entries that have no source term.
 * A term nested in a longer matched term (لفتيت in عبد الوافي لفتيت) is left to the longer one.
 */

interface Form {
  entry: number;
  surface: string;
  pattern: (readonly string[])[];
  /** First letters its first word's keys start with (Latin scripts), to skip most words without computing keys. */
  initials: ReadonlySet<string> | null;
}

interface CompiledEntry {
  entry: GlossaryEntry;
  target: Form[];
  forbidden: Form[];
}

type FormIndex = Map<string, Form[]>;

export interface CompiledGlossary {
  sourceNorm: TermNormalizer;
  targetNorm: TermNormalizer;
  entries: CompiledEntry[];
  sourceIndex: FormIndex;
  /** Forbidden forms of entries without a source term: wrong anywhere. */
  anywhereIndex: FormIndex;
  /** Accepted target forms, for the names check (capitalised words of these are trusted spellings). */
  targetForms: string[];
}

interface Hit {
  form: Form;
  from: number;
  to: number;
}

function indexForms(forms: Form[]): FormIndex {
  const index: FormIndex = new Map();
  for (const f of forms) {
    for (const k of new Set(f.pattern[0] ?? [])) {
      const list = index.get(k);
      if (list) list.push(f);
      else index.set(k, [f]);
    }
  }
  return index;
}

function matchesAt(text: KeyedText, at: number, pattern: Form['pattern']): boolean {
  if (at < 0 || at + pattern.length > text.length) return false;
  for (let k = 0; k < pattern.length; k++) if (!sharesKey(text.keyAt(at + k), pattern[k]!)) return false;
  return true;
}

function findAll(text: KeyedText, index: FormIndex): Hit[] {
  const hits: Hit[] = [];
  if (index.size === 0) return hits;
  for (let i = 0; i < text.length; i++) {
    let seen: Set<Form> | null = null;
    for (const key of text.keyAt(i)) {
      const forms = index.get(key);
      if (!forms) continue;
      for (const form of forms) {
        if (seen?.has(form)) continue;
        (seen ??= new Set()).add(form);
        if (matchesAt(text, i, form.pattern)) hits.push({ form, from: i, to: i + form.pattern.length });
      }
    }
  }
  return hits;
}

const MIN_COMPOUND_PART = 3;

/** A one-word term inside a compound word: "wasserstoff" in "wasserstoffbusse", "bus" in "wasserstoffbusse". */
function inCompound(text: KeyedText, i: number, pattern: Form['pattern']): boolean {
  if (pattern.length !== 1) return false;
  const word = text.keyAt(i)[0]!;
  return pattern[0]!.some((k) => k.length >= MIN_COMPOUND_PART && word.length > k.length && word.includes(k));
}

/**
 * Where a form occurs in the text; with `compounds` (German, Dutch accepted forms), a one-word form also matches
 * inside a longer word. Only accepted forms are looked for inside words: a forbidden form inside a compound may
 * well be another word.
 */
function findForm(text: KeyedText, form: Form, compounds = false): Hit[] {
  const hits: Hit[] = [];
  const first = form.pattern[0]!;
  const last = text.length - form.pattern.length;
  for (let i = 0; i <= last; i++) {
    if (compounds && inCompound(text, i, form.pattern)) {
      hits.push({ form, from: i, to: i + 1 });
      continue;
    }
    if (form.initials && !form.initials.has(text.initialAt(i)!)) continue;
    if (sharesKey(text.keyAt(i), first) && matchesAt(text, i, form.pattern))
      hits.push({ form, from: i, to: i + form.pattern.length });
  }
  return hits;
}

const compiled = new WeakMap<Glossary, Map<string, CompiledGlossary>>();

/** Normalises and indexes a glossary once per (languages, accent setting); cached on the glossary object. */
export function compileGlossary(
  glossary: Glossary,
  sourceLang: string,
  targetLang: string,
  accentInsensitive: boolean,
): CompiledGlossary {
  const id = `${sourceLang}|${targetLang}|${accentInsensitive}`;
  let byId = compiled.get(glossary);
  const hit = byId?.get(id);
  if (hit) return hit;
  const sourceNorm = normalizerFor(sourceLang, accentInsensitive);
  const targetNorm = normalizerFor(targetLang, accentInsensitive);
  const form = (entry: number, surface: string, norm: TermNormalizer): Form => {
    const pattern = termPattern(surface, norm);
    const initials = norm.initial && pattern[0] ? new Set(pattern[0].map((k) => k.charAt(0))) : null;
    return { entry, surface, pattern, initials };
  };
  const sourceForms: Form[] = [];
  const anywhere: Form[] = [];
  const entries = glossary.entries.map((entry, i) => {
    const c: CompiledEntry = {
      entry,
      target: entry.target.map((t) => form(i, t, targetNorm)).filter((f) => f.pattern.length > 0),
      forbidden: entry.forbidden.map((t) => form(i, t, targetNorm)).filter((f) => f.pattern.length > 0),
    };
    sourceForms.push(...entry.source.map((s) => form(i, s, sourceNorm)).filter((f) => f.pattern.length > 0));
    if (entry.source.length === 0) anywhere.push(...c.forbidden);
    return c;
  });
  const result: CompiledGlossary = {
    sourceNorm,
    targetNorm,
    entries,
    sourceIndex: indexForms(sourceForms),
    anywhereIndex: indexForms(anywhere),
    targetForms: glossary.entries.flatMap((e) => e.target),
  };
  if (!byId) compiled.set(glossary, (byId = new Map()));
  byId.set(id, result);
  return result;
}

/** Drops hits lying inside a longer hit of another entry (longest match wins, as in CAT tools). */
function outermost(hits: Hit[]): Hit[] {
  return hits.filter(
    (h) =>
      !hits.some(
        (o) =>
          o !== h && o.form.entry !== h.form.entry && o.from <= h.from && o.to >= h.to && o.to - o.from > h.to - h.from,
      ),
  );
}

interface Located {
  from: number;
  to: number;
  fix?: string;
}

/**
 * Widens a forbidden hit to the accepted form it replaces a part of, for a precise span and a real fix:
 * "Sahel et du désert" is "Sahel et du Sahara" with "désert" for "Sahara".
 */
function locate(tokens: KeyedText, hit: Hit, accepted: Form[]): Located {
  let best: { context: number; from: number; to: number; fix: string } | null = null;
  for (const a of accepted) {
    const m = a.pattern.length;
    for (let i = 0; i <= m; i++) {
      if (!matchesAt(tokens, hit.from - i, a.pattern.slice(0, i))) continue;
      for (let j = m; j >= i; j--) {
        const context = i + (m - j);
        if (context === 0 || (best && context <= best.context)) continue;
        if (matchesAt(tokens, hit.to, a.pattern.slice(j)))
          best = { context, from: hit.from - i, to: hit.to + m - j, fix: a.surface };
      }
    }
  }
  if (best) return best;
  const first = accepted[0];
  // Without context, replacing one forbidden word by a multi-word form would usually garble the sentence.
  if (first && (hit.form.pattern.length > 1 || first.pattern.length === 1))
    return { from: hit.from, to: hit.to, fix: first.surface };
  return { from: hit.from, to: hit.to };
}

function fixFor(replacement: string, quote: string, target: string, lang: string): string {
  let r = matchApostrophes(replacement, target, lang);
  if (isUpperInitial(quote) && !isUpperInitial(r)) r = r.charAt(0).toUpperCase() + r.slice(1);
  return r;
}

const expectedList = (forms: readonly string[]) => forms.join(' | ');

export function checkTerms(seg: QaSegment, g: CompiledGlossary): RawFinding[] {
  const out: RawFinding[] = [];
  if (g.sourceIndex.size === 0 && g.anywhereIndex.size === 0) return out;
  const srcTokens = keyedTokens(seg.source, g.sourceNorm);
  const srcHits = outermost(findAll(srcTokens, g.sourceIndex));
  if (srcHits.length === 0 && g.anywhereIndex.size === 0) return out;
  const tgtTokens = keyedTokens(seg.target, g.targetNorm);
  const span = (from: number, to: number) => ({
    start: tgtTokens.tokens[from]!.start,
    end: tgtTokens.tokens[to - 1]!.end,
  });

  const firstByEntry = new Map<number, Hit>();
  for (const h of srcHits) if (!firstByEntry.has(h.form.entry)) firstByEntry.set(h.form.entry, h);
  for (const [entryIndex, srcHit] of firstByEntry) {
    const e = g.entries[entryIndex]!;
    const accepted = e.target.flatMap((f) => findForm(tgtTokens, f, g.targetNorm.compounds));
    // A forbidden form inside an accepted one ("Sahel" in "Sahel et Sahara") is not a use of it.
    const forbidden = e.forbidden
      .flatMap((f) => findForm(tgtTokens, f))
      .filter((h) => !accepted.some((a) => a.from <= h.from && a.to >= h.to));
    const term = srcHit.form.surface;
    for (const h of forbidden) {
      const loc = locate(tgtTokens, h, e.target);
      const { start, end } = span(loc.from, loc.to);
      const quote = seg.target.slice(start, end);
      out.push({
        checkId: 'term-forbidden',
        side: 'target',
        start,
        end,
        variant: e.entry.target.length ? 'default' : 'no-alternative',
        params: { found: quote, term, expected: expectedList(e.entry.target) },
        ...(loc.fix !== undefined ? { fix: fixFor(loc.fix, quote, seg.target, g.targetNorm.lang) } : {}),
      });
    }
    if (forbidden.length === 0 && e.target.length > 0 && accepted.length === 0 && seg.target.trim() !== '') {
      out.push({
        checkId: 'term-missing',
        side: 'source',
        start: srcTokens.tokens[srcHit.from]!.start,
        end: srcTokens.tokens[srcHit.to - 1]!.end,
        variant: 'default',
        params: { term, expected: expectedList(e.entry.target) },
      });
    }
  }
  for (const h of findAll(tgtTokens, g.anywhereIndex)) {
    const { start, end } = span(h.from, h.to);
    out.push({
      checkId: 'term-forbidden',
      side: 'target',
      start,
      end,
      variant: 'anywhere',
      params: { found: seg.target.slice(start, end) },
    });
  }
  return out;
}

export interface TermSpan {
  start: number;
  end: number;
  /** The glossary's source form and its accepted target forms. */
  term: string;
  targets: readonly string[];
}

/** Where glossary terms occur in a source text, outermost matches only: the workspace highlights them. */
export function sourceTermSpans(source: string, g: CompiledGlossary): TermSpan[] {
  if (g.sourceIndex.size === 0 || source === '') return [];
  const tokens = keyedTokens(source, g.sourceNorm);
  return outermost(findAll(tokens, g.sourceIndex)).map((h) => ({
    start: tokens.tokens[h.from]!.start,
    end: tokens.tokens[h.to - 1]!.end,
    term: h.form.surface,
    targets: g.entries[h.form.entry]!.entry.target,
  }));
}
