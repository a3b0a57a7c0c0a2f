import type { FastifyInstance } from 'fastify';
import { toDocumentState } from '../../shared/reducer';
import { requirePermission } from '../http';
import type { DocumentStore } from '../store/document-store';
import type { DocumentOffload } from '../workers/document-offload';

/**
 * GET /api/findings-counts: how many automatic QA findings each document has, for the documents list (its
 * own request, so the list itself never waits for QA). Each count is computed in a worker thread once per
 * state of the document (cached by seq): listing again costs nothing until a document changes.
 */
export async function findingsCountRoutes(
  app: FastifyInstance,
  opts: { store: DocumentStore; offload: DocumentOffload },
) {
  const { store, offload } = opts;
  const cache = new Map<string, { seq: number; count: number }>();
  app.get('/api/findings-counts', async (req) => {
    requirePermission(req, 'document.read');
    const counts: Record<string, number> = {};
    const listed = await store.list();
    for (const entry of listed) {
      if (!entry.available) continue;
      let known = cache.get(entry.id);
      if (known?.seq !== entry.seq) {
        const doc = await store.get(entry.id).catch(() => undefined);
        if (!doc) continue;
        known = { seq: doc.seq, count: (await offload.findings(toDocumentState(doc))).length };
        cache.set(entry.id, known);
      }
      counts[entry.id] = known.count;
    }
    const ids = new Set(listed.map((d) => d.id));
    for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);
    return { counts };
  });
}
