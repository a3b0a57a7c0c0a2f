import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentState } from '../../../shared/schemas';
import { api } from '../../lib/api';
import { documentQueries, patchDocument } from '../../lib/document-queries';

/** Split, merge with the next, delete, undo: each answers the whole document (positions move). */

const base = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;
const segmentUrl = (docId: string, segmentId: string) => `${base(docId)}/segments/${encodeURIComponent(segmentId)}`;

interface Answer {
  document: DocumentState;
  seq: number;
}

export type StructureChange =
  | { kind: 'split'; segmentId: string; sourceAt: number; targetAt: number; baseVersion: number }
  | { kind: 'merge'; segmentId: string; baseVersion: number; nextBaseVersion: number }
  | { kind: 'delete'; segmentId: string; baseVersion: number }
  | { kind: 'undo'; seq: number };

function send(docId: string, c: StructureChange): Promise<Answer> {
  switch (c.kind) {
    case 'split':
      return api<Answer>(`${segmentUrl(docId, c.segmentId)}/split`, {
        method: 'POST',
        body: { sourceAt: c.sourceAt, targetAt: c.targetAt, baseVersion: c.baseVersion },
      });
    case 'merge':
      return api<Answer>(`${segmentUrl(docId, c.segmentId)}/merge-next`, {
        method: 'POST',
        body: { baseVersion: c.baseVersion, nextBaseVersion: c.nextBaseVersion },
      });
    case 'delete':
      return api<Answer>(segmentUrl(docId, c.segmentId), { method: 'DELETE', body: { baseVersion: c.baseVersion } });
    case 'undo':
      return api<Answer>(`${base(docId)}/structure/revert`, { method: 'POST', body: { seq: c.seq } });
  }
}

export function useStructureChange(docId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: StructureChange) => send(docId, c),
    onSuccess: (r) => {
      patchDocument(qc, docId, r);
      void qc.invalidateQueries({ queryKey: [...documentQueries.detail(docId).queryKey, 'history'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: documentQueries.detail(docId).queryKey }),
  });
}
