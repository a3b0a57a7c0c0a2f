import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFlagBody, Flag, PatchFlagBody, Segment } from '../../../shared/schemas';
import { api } from '../../lib/api';
import { documentQueries, mergeIntoDocument } from '../../lib/document-queries';

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
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFlagBody) =>
      api<{ flag: Flag; seq: number }>(`${base(docId)}/flags`, { method: 'POST', body }),
    onSuccess: (r) => mergeIntoDocument(qc, docId, { flag: r.flag, seq: r.seq }),
  });
}

export function usePatchFlag(docId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, body }: { flagId: string; body: PatchFlagBody }) =>
      api<{ flag: Flag; segment: Segment; flags: Flag[]; seq: number }>(
        `${base(docId)}/flags/${encodeURIComponent(flagId)}`,
        { method: 'PATCH', body },
      ),
    onSuccess: (r) => mergeIntoDocument(qc, docId, r),
    // A stale flag or segment: show the server's current state.
    onError: () => void qc.invalidateQueries({ queryKey: documentQueries.detail(docId).queryKey }),
  });
}
