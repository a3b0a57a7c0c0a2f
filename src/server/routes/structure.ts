import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { alignTexts } from '../../shared/align/units';
import { moreThan } from '../../shared/limits';
import { toDocumentState } from '../../shared/reducer';
import {
  DeleteSegmentBodySchema,
  LangSchema,
  LIMITS,
  MergeSegmentBodySchema,
  RevertStructureBodySchema,
  SplitSegmentBodySchema,
} from '../../shared/schemas';
import { deleteSegment, mergeWithNext, revertStructure, splitSegment } from '../domain/structure-commands';
import { AppError, notFound } from '../errors';
import { idParam, parseWith, requirePermission, writerOf } from '../http';
import { limitError } from '../limit-errors';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

/** Which segments there are: split, merge with the next, delete, undo; and the aligner behind the import preview. */

export const AlignPreviewBodySchema = z.object({
  sourceLang: LangSchema,
  targetLang: LangSchema,
  sourceText: z.string().max(LIMITS.bodyBytes),
  targetText: z.string().max(LIMITS.bodyBytes),
  unit: z.enum(['sentence', 'paragraph']),
  paragraphBreak: z.enum(['line', 'blank-line']).default('line'),
});

export async function structureRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;
  type SegmentParams = { Params: { id: string; segmentId: string } };
  // Structural changes answer with the whole document: positions moved, and they are rare.
  const answer = (state: Parameters<typeof toDocumentState>[0]) => ({
    document: toDocumentState(state),
    seq: state.seq,
  });

  app.post<SegmentParams>('/api/documents/:id/segments/:segmentId/split', async (req, reply) => {
    requirePermission(req, 'segment.structure');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const segmentId = idParam(req.params.segmentId, 'segment');
    const body = parseWith(SplitSegmentBodySchema, req.body);
    const { state, result } = await store.append(doc.id, actor, splitSegment(segmentId, body));
    return reply.code(201).send({ ...answer(state), newSegmentId: result });
  });

  app.post<SegmentParams>('/api/documents/:id/segments/:segmentId/merge-next', async (req) => {
    requirePermission(req, 'segment.structure');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const segmentId = idParam(req.params.segmentId, 'segment');
    const body = parseWith(MergeSegmentBodySchema, req.body);
    const { state } = await store.append(doc.id, actor, mergeWithNext(segmentId, body));
    return answer(state);
  });

  app.delete<SegmentParams>('/api/documents/:id/segments/:segmentId', async (req) => {
    requirePermission(req, 'segment.structure');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const segmentId = idParam(req.params.segmentId, 'segment');
    const body = parseWith(DeleteSegmentBodySchema, req.body);
    const { state } = await store.append(doc.id, actor, deleteSegment(segmentId, body.baseVersion));
    return answer(state);
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/structure/revert', async (req) => {
    requirePermission(req, 'segment.structure');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const body = parseWith(RevertStructureBodySchema, req.body);
    const [event] = await store.events(doc.id, body.seq - 1);
    if (!event || event.seq !== body.seq) throw notFound('REVISION_NOT_FOUND', `There is no event ${body.seq}.`);
    const { state } = await store.append(doc.id, actor, revertStructure(event));
    return answer(state);
  });

  app.post('/api/documents/align-preview', async (req) => {
    requirePermission(req, 'document.create');
    const body = parseWith(AlignPreviewBodySchema, req.body);
    const aligned = alignTexts(body.sourceText, body.targetText, {
      unit: body.unit,
      sourceLang: body.sourceLang,
      targetLang: body.targetLang,
      breaks: body.paragraphBreak,
    });
    const max = LIMITS.segmentsPerDocument;
    if (aligned.source.length > max || aligned.target.length > max)
      throw limitError([moreThan('segmentsPerDocument', `The texts (a unit per ${body.unit})`)]);
    if (aligned.alignments.length === 0)
      throw new AppError(400, 'VALIDATION_FAILED', 'Both texts are empty: there is nothing to align.');
    return aligned;
  });
}
