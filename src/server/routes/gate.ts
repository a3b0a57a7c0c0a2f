import type { FastifyInstance } from 'fastify';
import { evaluateGate, GateQuerySchema } from '../../shared/gate';
import { DEFAULT_SCORING, scoreDocument } from '../../shared/mqm-score';
import { toDocumentState } from '../../shared/reducer';
import { parseWith, requirePermission } from '../http';
import type { DocumentStore } from '../store/document-store';
import type { DocumentOffload } from '../workers/document-offload';
import { loadDocument } from './documents';

/**
 * GET /api/documents/:id/gate?minScore=95&maxOpen=major:0,critical:0&maxFindings=…&approved=true — the
 * release gate: the scorecard's score (scoreDocument with the document's settings) and the QA tab's findings
 * (the same worker task, dismissed ones left out), judged against the query.
 */
export async function gateRoutes(app: FastifyInstance, opts: { store: DocumentStore; offload: DocumentOffload }) {
  app.get<{ Params: { id: string } }>('/api/documents/:id/gate', async (req) => {
    requirePermission(req, 'document.read');
    const query = parseWith(GateQuerySchema, req.query);
    const doc = toDocumentState(await loadDocument(opts.store, req.params.id));
    const findings = await opts.offload.findings(doc);
    return evaluateGate(doc, scoreDocument(doc, doc.scoring ?? DEFAULT_SCORING), findings, query);
  });
}
