import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { FoldState } from '../../shared/reducer';
import type { DocumentState, DocumentSummary } from '../../shared/schemas';
import { api } from './api';
import { applyRows, applyWhole, lastSeq, loaded, type RowsAnswer } from './live-document';

/** Loaded states that replace the cached one even when older (a `reset` from the stream: the server says so). */
const forced = new WeakSet<FoldState>();

/** Query-options factories: keys go general → specific. */
export const documentQueries = {
  all: () => ['documents'] as const,
  list: () =>
    queryOptions({
      queryKey: [...documentQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        api<{ documents: DocumentSummary[] }>('/api/documents', { signal }).then((r) => r.documents),
    }),
  /**
   * The open document as the fold holds it (see live-document.ts): the stream's events and write answers
   * are folded into it. Read it through `viewOf` (a plain document, built once per state).
   */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...documentQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) =>
        api<{ document: DocumentState }>(`/api/documents/${encodeURIComponent(id)}`, { signal }).then((r) =>
          loaded(r.document),
        ),
      // Never a copy: the state itself stays (its rows are shared with the next one). A reload that comes
      // back older than what the stream has already brought is dropped.
      structuralSharing: (old: unknown, next: unknown) => {
        const [o, n] = [old as FoldState | undefined, next as FoldState];
        return o && !forced.has(n) && lastSeq(o) > lastSeq(n) ? o : n;
      },
    }),
};

/** Loads the document again and puts it in the cache whatever the cached seq (the stream said `reset`). */
export async function reloadDocument(qc: QueryClient, docId: string) {
  const r = await api<{ document: DocumentState }>(`/api/documents/${encodeURIComponent(docId)}`);
  const state = loaded(r.document);
  forced.add(state);
  qc.setQueryData(documentQueries.detail(docId).queryKey, state);
}

/** A write's answer into the cached document: the rows it returns, or the whole document. */
export function patchDocument(
  qc: QueryClient,
  docId: string,
  answer: RowsAnswer & { document?: DocumentState | undefined },
) {
  qc.setQueryData(documentQueries.detail(docId).queryKey, (state) => {
    if (!state) return state;
    return answer.document ? applyWhole(state, answer.document) : applyRows(state, answer);
  });
  void qc.invalidateQueries({ queryKey: documentQueries.list().queryKey });
}
