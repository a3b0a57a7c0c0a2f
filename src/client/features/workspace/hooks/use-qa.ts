import { useMemo, useRef } from 'react';
import type { Glossary } from '../../../../shared/formats/glossary';
import type { QaContext } from '../../../../shared/qa/engine';
import { DEFAULT_QA_SETTINGS, type Finding, type QaSettings } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';
import type { QaEngine } from './use-qa-engine';

interface Checked {
  source: string;
  target: string;
  findings: readonly Finding[];
}

interface Cache {
  /** The segments last checked: a segment that is still the same object needs no look. */
  segments: readonly object[];
  glossary: Glossary | null;
  settings: QaSettings;
  segmentCount: number;
  ctx: QaContext;
  bySegment: Map<string, Checked>;
  /** The hidden findings' ids (dismissed or confirmed as flags), as one string: the set is kept while it holds. */
  hiddenKey: string;
  hidden: ReadonlySet<string>;
  /** The last answer: kept (the same object) while no segment's shown findings changed. */
  result: QaFindings | null;
}

export interface QaFindings {
  /** Every shown finding, in document order. */
  findings: Finding[];
  /** A segment's shown findings: the same array while they are the same, so its row keeps its memo. */
  ofSegment: (segmentId: string) => readonly Finding[];
}

const NONE: readonly Finding[] = [];

/** Same findings, by id and in order (ids are made from the check, the place and the words). */
const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => f.id === b[i]!.id);

/**
 * The automatic findings of the document, live: when a segment's text changes only that segment is
 * checked again; a new glossary or new settings re-check the whole document. Dismissed findings and
 * those a reviewer confirmed as flags are left out. None until the engine is here (useQaEngine).
 */
export function useQaFindings(doc: DocumentState | undefined, qa: QaEngine | null): QaFindings {
  const cache = useRef<Cache | null>(null);
  // Per segment's findings array: that array without the hidden ones (the same array when none is hidden).
  const visible = useRef(new WeakMap<readonly Finding[], { hidden: ReadonlySet<string>; shown: readonly Finding[] }>());
  return useMemo(() => {
    if (!doc || !qa) return { findings: [], ofSegment: () => NONE };
    const { checkSegment, documentContext, updateContext } = qa;
    const glossary = doc.glossary ?? null;
    const settings = doc.qaSettings ?? DEFAULT_QA_SETTINGS;
    let c = cache.current;
    if (!c || c.glossary !== glossary || c.settings !== settings || c.segmentCount !== doc.segments.length) {
      const ctx = documentContext(doc, glossary);
      c = {
        segments: doc.segments,
        glossary,
        settings,
        segmentCount: doc.segments.length,
        ctx,
        bySegment: new Map(
          doc.segments.map((s) => [
            s.id,
            { source: s.source, target: s.target, findings: checkSegment(ctx, s, glossary, settings) },
          ]),
        ),
        hiddenKey: '',
        hidden: new Set(),
        result: null,
      };
    } else {
      // Only the segments that are new objects are looked at, and only those whose text changed are checked
      // again; the list of findings is rebuilt only when some segment's findings (or their order) changed.
      const before = c.segments;
      let changed = false;
      for (let i = 0; i < doc.segments.length; i++) {
        const s = doc.segments[i]!;
        const was = before[i] as DocumentState['segments'][number] | undefined;
        if (was === s) continue;
        if (was?.id !== s.id) changed = true;
        const known = c.bySegment.get(s.id);
        if (known && known.target === s.target && known.source === s.source) continue;
        c.ctx = updateContext(c.ctx, s);
        const findings = checkSegment(c.ctx, s, glossary, settings);
        const same = known !== undefined && sameFindings(known.findings, findings);
        if (!same) changed = true;
        c.bySegment.set(s.id, { source: s.source, target: s.target, findings: same ? known.findings : findings });
      }
      if (changed) c.result = null;
    }
    c.segments = doc.segments;
    const hiddenIds = [
      ...(doc.dismissed ?? []).map((d) => d.findingId),
      ...doc.flags.flatMap((f) => (f.findingId ? [f.findingId] : [])),
    ];
    const hiddenKey = hiddenIds.sort().join('\n');
    if (hiddenKey !== c.hiddenKey) c = { ...c, hiddenKey, hidden: new Set(hiddenIds), result: null };
    cache.current = c;
    if (c.result) return c.result;
    const { bySegment, hidden } = c;
    const ofSegment = (segmentId: string): readonly Finding[] => {
      const all = bySegment.get(segmentId)?.findings;
      if (!all || all.length === 0) return NONE;
      const known = visible.current.get(all);
      if (known?.hidden === hidden) return known.shown;
      const shown = all.some((f) => hidden.has(f.id)) ? all.filter((f) => !hidden.has(f.id)) : all;
      visible.current.set(all, { hidden, shown });
      return shown;
    };
    const findings: Finding[] = [];
    for (const s of doc.segments) {
      const all = bySegment.get(s.id)?.findings;
      if (all && all.length > 0) for (const f of ofSegment(s.id)) findings.push(f);
    }
    c.result = { findings, ofSegment };
    return c.result;
  }, [doc, qa]);
}
