import type { Glossary } from '../formats/glossary';
import { checkBrackets } from './brackets';
import { checkCodes } from './codes';
import { checkCompleteness, lastPairedIndex, medianLengthRatio } from './completeness';
import { findingId } from './hash';
import { messageKey } from './messages';
import { checkNames, countNames, emptyNameInventory, forkNames, type NameInventory } from './names';
import { checkNumbers } from './numbers';
import { checkDoubleSpaces, checkEndPunctuation, checkRepeatedWords } from './punctuation';
import { wordsIn } from './normalize';
import { checkSpelling } from './spelling';
import { checkTerms, compileGlossary } from './terms';
import { profileFor } from './lang-profile';
import {
  DEFAULT_QA_SETTINGS,
  QA_CHECKS,
  type Finding,
  type Lexicon,
  type QaSegment,
  type QaSettings,
  type RawFinding,
} from './types';
import { checkFrenchSpacing } from './typography-fr';

/** What the checks read of a document (a DocumentState is one). */
export interface QaDocument {
  sourceLang: string;
  targetLang: string;
  segments: readonly QaSegment[];
}

/**
 * Document-level data the per-segment checks need, computed once: the names in use, the usual length ratio,
 * where the paired paragraphs end, and the neighbours (quotations running over paragraphs).
 */
export interface QaContext {
  sourceLang: string;
  targetLang: string;
  /** Segments by index, as documentContext saw them (neighbours of the one being checked). */
  byIndex: ReadonlyMap<number, QaSegment>;
  /** Segments changed since, by index (updateContext): small, so an update never copies the whole document. */
  edited: ReadonlyMap<number, QaSegment>;
  names: NameInventory;
  /** The target language's dictionary (server and CLI only): the spelling check runs where there is one. */
  lexicon: Lexicon | null;
  /** Words of the glossary's target forms, lower case: never spelling mistakes. */
  glossaryWords: ReadonlySet<string>;
  /** With a lexicon: how often each lower-case word occurs in the targets (the spelling check trusts repeats). */
  targetWordCounts: ReadonlyMap<string, number>;
  medianRatio: number | null;
  lastPaired: number;
}

export function documentContext(doc: QaDocument, glossary: Glossary | null, lexicon: Lexicon | null = null): QaContext {
  const targetForms = glossary ? glossary.entries.flatMap((e) => e.target) : [];
  const names = emptyNameInventory(targetForms, doc.targetLang, lexicon);
  const targetWordCounts = new Map<string, number>();
  if (lexicon)
    for (const s of doc.segments)
      for (const w of wordsIn(s.target, doc.targetLang)) {
        const k = w.text.toLowerCase();
        targetWordCounts.set(k, (targetWordCounts.get(k) ?? 0) + 1);
      }
  for (const s of doc.segments) if (s.target) countNames(names, s.target, 1);
  return {
    sourceLang: doc.sourceLang,
    targetLang: doc.targetLang,
    byIndex: new Map(doc.segments.map((s) => [s.index, s])),
    edited: new Map(),
    names,
    lexicon,
    targetWordCounts,
    glossaryWords: new Set(targetForms.flatMap((f) => wordsIn(f, doc.targetLang).map((w) => w.text.toLowerCase()))),
    medianRatio: medianLengthRatio(doc.segments),
    lastPaired: lastPairedIndex(doc.segments),
  };
}

/** The segment at this index, as last updated. */
export function segmentAt(ctx: QaContext, index: number): QaSegment | undefined {
  return ctx.edited.get(index) ?? ctx.byIndex.get(index);
}

/**
 * The context after one segment changed, without recomputing the rest: the names it adds or drops, its
 * neighbours' view of it, and the paired range. The median length ratio is kept (one segment barely moves it).
 * Nothing is recomputed for the other segments (the name counts are copied shallowly); the old context is left as it was.
 */
export function updateContext(ctx: QaContext, segment: QaSegment): QaContext {
  const old = segmentAt(ctx, segment.index);
  const names = forkNames(ctx.names, [old?.target ?? '', segment.target]);
  if (old?.target) countNames(names, old.target, -1);
  if (segment.target) countNames(names, segment.target, 1);
  const edited = new Map(ctx.edited).set(segment.index, segment);
  const paired = /\S/.test(segment.source) && /\S/.test(segment.target);
  let lastPaired = ctx.lastPaired;
  if (paired && segment.index > lastPaired) lastPaired = segment.index;
  else if (!paired && segment.index === lastPaired) {
    lastPaired = lastPairedIndex([...ctx.byIndex.keys()].map((i) => segmentAt({ ...ctx, edited }, i)!));
  }
  return { ...ctx, edited, names, lastPaired };
}

const touches = (a: RawFinding, b: RawFinding) => a.side === b.side && a.start <= b.end && b.start <= a.end;
const inside = (a: RawFinding, b: RawFinding) => a.side === b.side && a.start >= b.start && a.end <= b.end;

// One problem, one finding: the more specific check wins.
function dedupe(raw: RawFinding[]): RawFinding[] {
  const names = raw.filter((f) => f.checkId === 'name-near-miss').map((f) => f.fix!.toLowerCase());
  const unpaired = raw.filter((f) => f.checkId === 'unpaired');
  const spacing = raw.filter((f) => f.checkId === 'fr-spacing');
  return raw.filter((f) => {
    if (f.checkId === 'term-missing' && names.length > 0) {
      // "Lafetet" for لفتيت: the name finding says it, with the fix.
      const expected = String(f.params?.expected ?? '')
        .toLowerCase()
        .split(/[\s|]+/);
      if (names.some((n) => expected.includes(n))) return false;
    }
    if (f.checkId === 'fr-spacing' && unpaired.some((u) => touches(f, u))) return false;
    if (f.checkId === 'double-space' && spacing.some((s) => inside(f, s))) return false;
    return true;
  });
}

function finish(seg: QaSegment, f: RawFinding, settings: QaSettings): Finding {
  const text = f.side === 'source' ? seg.source : seg.target;
  const quote = text.slice(f.start, f.end);
  return {
    id: findingId({ checkId: f.checkId, segmentId: seg.id, side: f.side, start: f.start, end: f.end, quote }),
    checkId: f.checkId,
    category: f.category ?? QA_CHECKS[f.checkId].category,
    severity: settings.checks[f.checkId].severity,
    segmentId: seg.id,
    segmentIndex: seg.index,
    side: f.side,
    start: f.start,
    end: f.end,
    quote,
    message: { key: messageKey(f.checkId, f.variant), params: f.params ?? {} },
    ...(f.fix !== undefined ? { fix: { replacement: f.fix } } : {}),
  };
}

const order = (a: Finding, b: Finding) =>
  a.segmentIndex - b.segmentIndex ||
  (a.side === b.side ? 0 : a.side === 'source' ? -1 : 1) ||
  a.start - b.start ||
  a.end - b.end ||
  a.checkId.localeCompare(b.checkId);

/** All enabled checks on one segment; `ctx` from documentContext (or updateContext after an edit). */
export function checkSegment(
  ctx: QaContext,
  segment: QaSegment,
  glossary: Glossary | null,
  settings: QaSettings = DEFAULT_QA_SETTINGS,
): Finding[] {
  const on = (id: keyof QaSettings['checks']) => settings.checks[id].enabled;
  const hasSource = /\S/.test(segment.source);
  const hasTarget = /\S/.test(segment.target);
  // Not to be translated (XLIFF translate="no"): nothing to check.
  if ((!hasSource && !hasTarget) || segment.readOnly) return [];
  const raw: RawFinding[] = [];
  raw.push(...checkCompleteness(segment, ctx));
  if (hasSource && hasTarget) {
    const { sourceLang, targetLang } = ctx;
    if (glossary && (on('term-missing') || on('term-forbidden'))) {
      raw.push(...checkTerms(segment, compileGlossary(glossary, sourceLang, targetLang, settings.accentInsensitive)));
    }
    if (on('name-near-miss')) raw.push(...checkNames(segment, ctx.names));
    if (on('number-mismatch')) raw.push(...checkNumbers(segment, sourceLang, targetLang));
    if (on('unpaired')) {
      const neighbours = {
        previousTarget: segmentAt(ctx, segment.index - 1)?.target,
        nextTarget: segmentAt(ctx, segment.index + 1)?.target,
      };
      raw.push(...checkBrackets(segment, targetLang, neighbours));
    }
    if (on('double-space')) raw.push(...checkDoubleSpaces(segment));
    if (on('repeated-word')) raw.push(...checkRepeatedWords(segment, targetLang));
    if (on('end-punctuation')) raw.push(...checkEndPunctuation(segment, targetLang));
    if (on('fr-spacing') && profileFor(targetLang).noBreakSpaceBeforePunctuation)
      raw.push(...checkFrenchSpacing(segment));
    if (on('code-mismatch')) raw.push(...checkCodes(segment));
    if (on('spelling') && ctx.lexicon)
      raw.push(...checkSpelling(segment, targetLang, ctx.lexicon, ctx.glossaryWords, ctx.targetWordCounts));
  }
  if (raw.length === 0) return [];
  return dedupe(raw.filter((f) => on(f.checkId)))
    .map((f) => finish(segment, f, settings))
    .sort(order);
}

/**
 * All enabled checks on every segment, in document order. With the target language's dictionary (server and
 * CLI: server/spelling/lexicon.ts) the spelling check runs and the name check leaves real words alone.
 */
export function checkDocument(
  doc: QaDocument,
  glossary: Glossary | null,
  settings: QaSettings = DEFAULT_QA_SETTINGS,
  lexicon: Lexicon | null = null,
): Finding[] {
  const ctx = documentContext(doc, glossary, lexicon);
  const out: Finding[] = [];
  for (const s of doc.segments) out.push(...checkSegment(ctx, s, glossary, settings));
  return out.sort(order);
}
