import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentEvent } from '../../../shared/events';
import type { SegmentHistory } from '../../../shared/history';
import { DICTIONARY_CHECKS, type Finding, type QaSettings } from '../../../shared/qa/types';
import type { ScoringSettings } from '../../../shared/scoring-settings';
import type { CreateFlagBody, DocumentState, Flag, PatchFlagBody, Segment, StatusBody } from '../../../shared/schemas';
import type { Guidelines } from '../../../shared/guidelines';
import { api } from '../../lib/api';
import { documentQueries, patchDocument } from '../../lib/document-queries';

const base = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;

export interface SegmentResponse {
  segment: Segment;
  flags: Flag[];
  seq: number;
}

export function saveSegment(docId: string, segmentId: string, target: string, baseVersion: number) {
  return api<SegmentResponse>(`${base(docId)}/segments/${encodeURIComponent(segmentId)}`, {
    method: 'PATCH',
    body: { target, baseVersion },
  });
}

export function useCreateFlag(docId: string) {
  return useDocMutation(docId, (body: CreateFlagBody) =>
    api<{ flag: Flag; seq: number }>(`${base(docId)}/flags`, { method: 'POST', body }),
  );
}

export function usePatchFlag(docId: string) {
  return useDocMutation(docId, ({ flagId, body }: { flagId: string; body: PatchFlagBody }) =>
    api<{ flag: Flag; segment: Segment; flags: Flag[]; seq: number }>(
      `${base(docId)}/flags/${encodeURIComponent(flagId)}`,
      { method: 'PATCH', body },
    ),
  );
}

/** Marks a segment reviewed by me (or not) and reports active time on it. */
export function useReviewSegment(docId: string) {
  return useDocMutation(docId, ({ segmentId, ...body }: { segmentId: string; reviewed: boolean; activeMs: number }) =>
    api<{ segment: Segment; seq: number }>(`${base(docId)}/segments/${encodeURIComponent(segmentId)}/review`, {
      method: 'POST',
      body,
    }),
  );
}

/** Attaches the project's guidelines (null removes them). */
export function useSetGuidelines(docId: string) {
  return useDocMutation(docId, (body: { guidelines: Guidelines | null; fileName: string | null }) =>
    api<{ seq: number }>(`${base(docId)}/guidelines`, { method: 'PUT', body }),
  );
}

// ---- Workflow ------------------------------------------------------------------------------------

export const historyQueries = {
  segment: (docId: string, segmentId: string) =>
    queryOptions({
      queryKey: [...documentQueries.detail(docId).queryKey, 'history', segmentId] as const,
      queryFn: ({ signal }) =>
        api<SegmentHistory>(`${base(docId)}/segments/${encodeURIComponent(segmentId)}/history`, { signal }),
    }),
};

/** A write to the document: the response goes into the cache; on error the document is refetched. */
function useDocMutation<
  V,
  R extends { segment?: Segment; flag?: Flag; flags?: Flag[]; seq?: number; document?: DocumentState },
>(docId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      patchDocument(qc, docId, r);
      void qc.invalidateQueries({ queryKey: [...documentQueries.detail(docId).queryKey, 'history'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: documentQueries.detail(docId).queryKey }),
  });
}

export function useSegmentStatus(docId: string) {
  return useDocMutation(docId, ({ segmentId, body }: { segmentId: string; body: StatusBody }) =>
    api<{ segment: Segment; seq: number }>(`${base(docId)}/segments/${encodeURIComponent(segmentId)}/status`, {
      method: 'POST',
      body,
    }),
  );
}

export function useDocumentStatus(docId: string) {
  return useDocMutation(docId, (body: StatusBody) =>
    api<{ document: DocumentState }>(`${base(docId)}/status`, { method: 'POST', body }),
  );
}

export function useApproveClean(docId: string) {
  return useDocMutation(docId, () =>
    api<{ approved: number; document: DocumentState }>(`${base(docId)}/approve-clean`, { method: 'POST', body: {} }),
  );
}

export function useRevert(docId: string) {
  return useDocMutation(
    docId,
    ({ segmentId, toSeq, baseVersion }: { segmentId: string; toSeq: number; baseVersion: number }) =>
      api<SegmentResponse>(`${base(docId)}/segments/${encodeURIComponent(segmentId)}/revert`, {
        method: 'POST',
        body: { toSeq, baseVersion },
      }),
  );
}

export function useAddComment(docId: string) {
  return useDocMutation(docId, ({ flagId, text, mentions }: { flagId: string; text: string; mentions?: string[] }) =>
    api<{ flag: Flag; seq: number }>(`${base(docId)}/flags/${encodeURIComponent(flagId)}/comments`, {
      method: 'POST',
      body: mentions && mentions.length > 0 ? { text, mentions } : { text },
    }),
  );
}

export function useEditComment(docId: string) {
  return useDocMutation(docId, ({ flagId, commentId, text }: { flagId: string; commentId: string; text: string }) =>
    api<{ flag: Flag; seq: number }>(
      `${base(docId)}/flags/${encodeURIComponent(flagId)}/comments/${encodeURIComponent(commentId)}`,
      { method: 'PATCH', body: { text } },
    ),
  );
}

export function useScoringSettings(docId: string) {
  return useDocMutation(docId, (settings: ScoringSettings) =>
    api<{ document: DocumentState }>(`${base(docId)}/scoring`, { method: 'POST', body: settings }),
  );
}

// ---- Automatic QA --------------------------------------------------------------------------------

export const qaQueries = {
  /**
   * The server's findings of the checks that need the target language's dictionary (spelling; names told from
   * nouns), for the texts as they were at `textKey` (qa-server-key.ts): the browser has no dictionary.
   */
  dictionary: (docId: string, textKey: string) =>
    queryOptions({
      queryKey: [...documentQueries.detail(docId).queryKey, 'qa', 'dictionary', textKey] as const,
      queryFn: ({ signal }) =>
        api<{ findings: Finding[] }>(`${base(docId)}/qa?checks=${DICTIONARY_CHECKS.join(',')}`, { signal }).then(
          (r) => r.findings,
        ),
      staleTime: Infinity,
    }),
};

export function useDismissFinding(docId: string) {
  return useDocMutation(docId, ({ findingId, reason }: { findingId: string; reason: string }) =>
    api<{ document: DocumentState }>(`${base(docId)}/findings/${encodeURIComponent(findingId)}/dismiss`, {
      method: 'POST',
      body: reason ? { reason } : {},
    }),
  );
}

/** Shows a dismissed finding again (the dismissal was a mistake). */
export function useRestoreDismissal(docId: string) {
  return useDocMutation(docId, (findingId: string) =>
    api<{ document: DocumentState }>(`${base(docId)}/findings/${encodeURIComponent(findingId)}/restore`, {
      method: 'POST',
    }),
  );
}

export function useUploadGlossary(docId: string) {
  return useDocMutation(docId, (body: { format: 'csv' | 'tbx'; text: string; fileName: string }) =>
    api<{ document: DocumentState; errors: { line: number; message: string }[] }>(`${base(docId)}/glossary`, {
      method: 'POST',
      body,
    }),
  );
}

export function useRemoveGlossary(docId: string) {
  return useDocMutation(docId, () => api<{ document: DocumentState }>(`${base(docId)}/glossary`, { method: 'DELETE' }));
}

export function useQaSettings(docId: string) {
  return useDocMutation(docId, (settings: QaSettings) =>
    api<{ document: DocumentState }>(`${base(docId)}/qa-settings`, { method: 'POST', body: settings }),
  );
}

export const activityQueries = {
  // Under the document's 'history' key, so every write invalidates it (useDocMutation).
  document: (docId: string) =>
    queryOptions({
      queryKey: [...documentQueries.detail(docId).queryKey, 'history', 'activity'] as const,
      queryFn: ({ signal }) => api<{ events: DocumentEvent[]; seq: number }>(`${base(docId)}/events`, { signal }),
    }),
};
