import type { FastifyInstance } from 'fastify';
import { toDocumentState } from '../../shared/reducer';
import { ReplaceBodySchema } from '../../shared/schemas';
import { replaceTexts } from '../domain/replace';
import { parseWith, requirePermission, writerOf } from '../http';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

/** POST /api/documents/:id/replace: find & replace in translations, all changes or none (409 lists why). */
export async function replaceRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;
  app.post<{ Params: { id: string } }>('/api/documents/:id/replace', async (req) => {
    requirePermission(req, 'segment.edit');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const body = parseWith(ReplaceBodySchema, req.body);
    const { state, result } = await store.append(doc.id, actor, replaceTexts(body));
    return { changed: result ?? 0, document: toDocumentState(state) };
  });
}
