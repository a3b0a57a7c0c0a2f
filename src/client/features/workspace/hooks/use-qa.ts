import { useMemo, useRef } from 'react';
import type { Glossary } from '../../../../shared/glossary';
import { checkSegment, documentContext, updateContext, type QaContext } from '../../../../shared/qa/engine';
import { DEFAULT_QA_SETTINGS, type Finding, type QaSettings } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';

interface Cache {
  glossary: Glossary | null;
  settings: QaSettings;
  segmentCount: number;
  ctx: QaContext;
  bySegment: Map<string, { source: string; target: string; findings: Finding[] }>;
}

/**
 * The automatic findings of the document, live: when a segment's text changes only that segment is
 * checked again; a new glossary or new settings re-check the whole document. Dismissed findings and
 * those a reviewer confirmed as flags are left out.
 */
export function useQaFindings(doc: DocumentState | undefined): Finding[] {
  const cache = useRef<Cache | null>(null);
  return useMemo(() => {
    if (!doc) return [];
    const glossary = doc.glossary ?? null;
    const settings = doc.qaSettings ?? DEFAULT_QA_SETTINGS;
    let c = cache.current;
    if (!c || c.glossary !== glossary || c.settings !== settings || c.segmentCount !== doc.segments.length) {
      const ctx = documentContext(doc, glossary);
      c = {
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
      };
    } else {
      for (const s of doc.segments) {
        const known = c.bySegment.get(s.id);
        if (known && known.target === s.target && known.source === s.source) continue;
        c.ctx = updateContext(c.ctx, s);
        c.bySegment.set(s.id, {
          source: s.source,
          target: s.target,
          findings: checkSegment(c.ctx, s, glossary, settings),
        });
      }
    }
    cache.current = c;
    const hidden = new Set([
      ...(doc.dismissed ?? []).map((d) => d.findingId),
      ...doc.flags.flatMap((f) => (f.findingId ? [f.findingId] : [])),
    ]);
    return doc.segments.flatMap((s) => c.bySegment.get(s.id)?.findings ?? []).filter((f) => !hidden.has(f.id));
  }, [doc]);
}
