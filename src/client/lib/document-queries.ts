import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { DocumentState, DocumentSummary, Flag, Segment } from '../../shared/schemas';
import { api } from './api';

/** Query-options factories: keys go general → specific. */
export const documentQueries = {
  all: () => ['documents'] as const,
  list: () =>
    queryOptions({
      queryKey: [...documentQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        api<{ documents: DocumentSummary[] }>('/api/documents', { signal }).then((r) => r.documents),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...documentQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) =>
        api<{ document: DocumentState }>(`/api/documents/${encodeURIComponent(id)}`, { signal }).then(
          (r) => r.document,
        ),
    }),
};

/** Puts a segment (and the flags the server returned for it) into the cached document. */
export function mergeIntoDocument(
  qc: QueryClient,
  docId: string,
  change: { segment?: Segment | undefined; flags?: Flag[] | undefined; flag?: Flag | undefined; seq?: number },
) {
  qc.setQueryData(documentQueries.detail(docId).queryKey, (doc) => {
    if (!doc) return doc;
    let { segments, flags } = doc;
    const seg = change.segment;
    const current = seg && segments.find((s) => s.id === seg.id);
    // Never step back to an older version (responses can arrive out of order); stale flags go with it.
    const stale = !!(seg && current && current.version > seg.version);
    if (seg && !stale) segments = segments.map((s) => (s.id === seg.id ? seg : s));
    const incoming = stale ? [] : [...(change.flags ?? []), ...(change.flag ? [change.flag] : [])];
    for (const f of incoming) {
      const known = flags.find((x) => x.id === f.id);
      if (!known) flags = [...flags, f];
      else if (known.version <= f.version) flags = flags.map((x) => (x.id === f.id ? f : x));
    }
    return { ...doc, segments, flags, seq: Math.max(doc.seq, change.seq ?? 0) };
  });
  void qc.invalidateQueries({ queryKey: documentQueries.list().queryKey });
}
