import { useMemo, useRef } from 'react';
import { markCovered } from '../../../../shared/qa/covered';
import type { Finding } from '../../../../shared/qa/types';
import type { DocumentState, Flag } from '../../../../shared/schemas';
import type { QaFindings } from './use-qa';

const NONE: readonly Finding[] = [];
const NO_FLAGS: readonly Flag[] = [];

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Findings of one segment in the engine's order: source first, then by place and check. */
const order = (a: Finding, b: Finding) =>
  (a.side === b.side ? 0 : a.side === 'source' ? -1 : 1) ||
  a.start - b.start ||
  a.end - b.end ||
  a.checkId.localeCompare(b.checkId);

/** Per segment, an array kept while its items are the same objects (so a row keeps its memo). */
function useStableGroups<T>(items: readonly T[], segmentOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const previous = useRef<ReadonlyMap<string, readonly T[]>>(new Map());
  return useMemo(() => {
    const next = new Map<string, T[]>();
    for (const item of items) {
      const id = segmentOf(item);
      const list = next.get(id);
      if (list) list.push(item);
      else next.set(id, [item]);
    }
    const out = new Map<string, readonly T[]>();
    for (const [id, list] of next) {
      const was = previous.current.get(id);
      out.set(id, was && sameItems(was, list) ? was : list);
    }
    previous.current = out;
    return out;
    // segmentOf is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);
}

const flagSegment = (f: Flag) => f.segmentId;
const findingSegment = (f: Finding) => f.segmentId;

/**
 * The findings the workspace shows: the browser's own (useQaFindings) with the server's dictionary findings
 * added (those still on the same words; dismissed and confirmed ones left out), each marked `covered` when a
 * live flag already marks some of its words (it cannot be confirmed as a second flag: 409 FINDING_COVERED).
 */
export function useShownFindings(
  doc: DocumentState | undefined,
  base: QaFindings,
  server: readonly Finding[],
): QaFindings {
  // The server's findings that still hold: the words are where they were, not hidden, not found here too.
  const extra = useMemo(() => {
    if (!doc || server.length === 0) return NONE;
    const hidden = new Set([
      ...(doc.dismissed ?? []).map((d) => d.findingId),
      ...doc.flags.flatMap((f) => (f.findingId ? [f.findingId] : [])),
    ]);
    const segments = new Map(doc.segments.map((s) => [s.id, s]));
    return server.filter((f) => {
      const s = segments.get(f.segmentId);
      if (!s || hidden.has(f.id)) return false;
      if ((f.side === 'source' ? s.source : s.target).slice(f.start, f.end) !== f.quote) return false;
      return !base.ofSegment(f.segmentId).some((b) => b.id === f.id);
    });
  }, [doc, server, base]);
  const extraBy = useStableGroups(extra, findingSegment);
  const flagsBy = useStableGroups(doc?.flags ?? NO_FLAGS, flagSegment);
  const memo = useRef(
    new Map<
      string,
      { own: readonly Finding[]; extra: readonly Finding[]; flags: readonly Flag[]; shown: readonly Finding[] }
    >(),
  );

  const last = useRef<QaFindings | null>(null);

  return useMemo(() => {
    if (!doc) return base;
    if (extra.length === 0 && !base.findings.some((f) => flagsBy.has(f.segmentId))) return base;
    const ofSegment = (segmentId: string): readonly Finding[] => {
      const own = base.ofSegment(segmentId);
      const more = extraBy.get(segmentId) ?? NONE;
      const flags = flagsBy.get(segmentId) ?? NO_FLAGS;
      if (more.length === 0 && (own.length === 0 || flags.length === 0)) return own;
      const known = memo.current.get(segmentId);
      if (known && known.own === own && known.extra === more && known.flags === flags) return known.shown;
      const all = more.length === 0 ? own : [...own, ...more].sort(order);
      const marked = markCovered(all, flags);
      const shown = marked.some((f, i) => f !== all[i]) ? marked : all;
      memo.current.set(segmentId, { own, extra: more, flags, shown });
      return shown;
    };
    const findings: Finding[] = [];
    for (const s of doc.segments) for (const f of ofSegment(s.id)) findings.push(f);
    // The same answer while every shown finding is the same object (the panel and the rows keep their memos).
    const was = last.current;
    if (was && sameItems(was.findings, findings)) return was;
    return (last.current = { findings, ofSegment });
  }, [doc, base, extra, extraBy, flagsBy]);
}
