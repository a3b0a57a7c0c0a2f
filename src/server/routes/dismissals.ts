import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toDocumentState } from '../../shared/reducer';
import { LIMITS } from '../../shared/schemas';
import { AppError } from '../errors';
import { actorOf, idParam, parseWith, requirePermission } from '../http';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

const RestoreBodySchema = z.object({ reason: z.string().trim().max(LIMITS.commentChars).optional() });

/**
 * Dismissed automatic findings: the list (who dismissed which finding, when and why) and restoring one, so a
 * wrong dismissal can be undone. A restore is a FindingRestored event; the finding shows again if it is
 * still found. (Dismissing is POST /findings/:findingId/dismiss, in qa.ts.)
 */
export async function dismissalRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;

  app.get<{ Params: { id: string } }>('/api/documents/:id/dismissals', async (req) => {
    requirePermission(req, 'document.read');
    const doc = await loadDocument(store, req.params.id);
    return { dismissals: doc.dismissed ?? [] };
  });

  app.delete<{ Params: { id: string; findingId: string } }>('/api/documents/:id/dismissals/:findingId', async (req) => {
    requirePermission(req, 'qa.dismiss');
    const actor = actorOf(req);
    const doc = await loadDocument(store, req.params.id);
    const findingId = idParam(req.params.findingId, 'finding');
    const body = parseWith(RestoreBodySchema, req.body ?? {});
    const { state } = await store.append(doc.id, actor, (current) => {
      if (!(current.dismissed ?? []).some((d) => d.findingId === findingId))
        throw new AppError(404, 'NOT_FOUND', 'That finding is not dismissed (it may have been restored already).');
      return { events: [{ type: 'FindingRestored', payload: { findingId, reason: body.reason || null } }] };
    });
    return { document: toDocumentState(state) };
  });
}
