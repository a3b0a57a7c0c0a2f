import type { FastifyInstance } from 'fastify';
import { GuidelinesBodySchema } from '../../shared/guidelines';
import { toDocumentState } from '../../shared/reducer';
import { ReviewBodySchema } from '../../shared/schemas';
import { byId } from '../../shared/state-index';
import { segmentOf } from '../domain/commands';
import { actorOf, idParam, parseWith, requirePermission, writerOf } from '../http';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

/** Reading progress (reviewed by me, active time) and the project's review guidelines. */
export async function reviewRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;

  app.post<{ Params: { id: string; segmentId: string } }>(
    '/api/documents/:id/segments/:segmentId/review',
    async (req) => {
      requirePermission(req, 'segment.review');
      const actor = actorOf(req);
      const doc = await loadDocument(store, req.params.id);
      const segmentId = idParam(req.params.segmentId, 'segment');
      const body = parseWith(ReviewBodySchema, req.body);
      // Reading changes no text: it is recorded on approved documents and segments too.
      const { state } = await store.append(doc.id, writerOf(req), (s) => {
        const segment = segmentOf(s, segmentId);
        const had = (segment.reviewedBy ?? []).includes(actor);
        if (had === body.reviewed && body.activeMs === 0) return { events: [] };
        return { events: [{ type: 'SegmentReviewed', payload: { segmentId, ...body } }] };
      });
      return { segment: byId(state.segments, segmentId), reviewers: state.reviewers ?? {}, seq: state.seq };
    },
  );

  app.put<{ Params: { id: string } }>('/api/documents/:id/guidelines', async (req) => {
    requirePermission(req, 'document.guidelines');
    const doc = await loadDocument(store, req.params.id);
    const body = parseWith(GuidelinesBodySchema, req.body);
    const { state } = await store.append(doc.id, writerOf(req), () => ({
      events: [{ type: 'GuidelinesSet', payload: { guidelines: body.guidelines, fileName: body.fileName } }],
    }));
    const d = toDocumentState(state);
    return { guidelines: d.guidelines ?? null, guidelinesFile: d.guidelinesFile ?? null, seq: state.seq };
  });
}
