import type { FastifyInstance } from 'fastify';
import { toDocumentState, type FoldState } from '../../shared/reducer';
import { byId } from '../../shared/state-index';
import { segmentHistory, textAfter } from '../../shared/history';
import { CommentBodySchema, RevertBodySchema, StatusBodySchema } from '../../shared/schemas';
import {
  addComment,
  approveClean,
  changeDocumentStatus,
  changeSegmentStatus,
  editComment,
  revertSegment,
} from '../domain/commands';
import { notFound } from '../errors';
import { checkMentions } from '../live/mentions';
import { idParam, parseWith, requirePermission, writerOf } from '../http';
import { loginOf } from '../store/stamp';
import type { DocumentStore } from '../store/document-store';
import { flagsOf, loadDocument } from './documents';

/** Review workflow: history and revert, segment and document status, comment threads. */
export async function workflowRoutes(
  app: FastifyInstance,
  opts: { store: DocumentStore; users: { byId(id: string): Promise<unknown> } },
) {
  const { store, users } = opts;
  const load = (id: unknown) => loadDocument(store, id);

  function segmentParam(doc: FoldState, raw: unknown) {
    const segmentId = idParam(raw, 'segment');
    if (!doc.segments.some((s) => s.id === segmentId)) {
      throw notFound('SEGMENT_NOT_FOUND', `Segment ${segmentId} is not in document ${doc.id}.`);
    }
    return segmentId;
  }

  type SegmentParams = { Params: { id: string; segmentId: string } };

  app.get<SegmentParams>('/api/documents/:id/segments/:segmentId/history', async (req) => {
    requirePermission(req, 'document.read');
    const doc = await load(req.params.id);
    const segmentId = segmentParam(doc, req.params.segmentId);
    return segmentHistory(await store.events(doc.id, 0), segmentId);
  });

  app.post<SegmentParams>('/api/documents/:id/segments/:segmentId/revert', async (req) => {
    requirePermission(req, 'segment.revert');
    const actor = writerOf(req);
    const doc = await load(req.params.id);
    const segmentId = segmentParam(doc, req.params.segmentId);
    const body = parseWith(RevertBodySchema, req.body);
    const target = textAfter(segmentHistory(await store.events(doc.id, 0), segmentId), body.toSeq);
    if (target === undefined) {
      throw notFound('REVISION_NOT_FOUND', `Event ${body.toSeq} is not a revision of this segment.`);
    }
    const { state } = await store.append(doc.id, actor, revertSegment(segmentId, target, body.toSeq, body.baseVersion));
    return { segment: byId(state.segments, segmentId), flags: flagsOf(state, segmentId), seq: state.seq };
  });

  app.post<SegmentParams>('/api/documents/:id/segments/:segmentId/status', async (req) => {
    requirePermission(req, 'segment.status');
    const actor = writerOf(req);
    const doc = await load(req.params.id);
    const segmentId = segmentParam(doc, req.params.segmentId);
    const body = parseWith(StatusBodySchema, req.body);
    const { state } = await store.append(doc.id, actor, changeSegmentStatus(segmentId, body));
    return { segment: byId(state.segments, segmentId), seq: state.seq };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/approve-clean', async (req) => {
    requirePermission(req, 'segment.status');
    const actor = writerOf(req);
    const doc = await load(req.params.id);
    const { state, result } = await store.append(doc.id, actor, approveClean());
    return { approved: result ?? 0, document: toDocumentState(state) };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/status', async (req) => {
    requirePermission(req, 'document.status');
    const actor = writerOf(req);
    const doc = await load(req.params.id);
    const body = parseWith(StatusBodySchema, req.body);
    const { state } = await store.append(doc.id, actor, changeDocumentStatus(body));
    return { document: toDocumentState(state) };
  });

  type FlagParams = { Params: { id: string; flagId: string } };

  app.post<FlagParams>('/api/documents/:id/flags/:flagId/comments', async (req, reply) => {
    requirePermission(req, 'comment.add');
    const actor = writerOf(req);
    const doc = await load(req.params.id);
    const flagId = idParam(req.params.flagId, 'flag');
    const body = parseWith(CommentBodySchema, req.body);
    const mentions = await checkMentions(users, body.mentions);
    const { state } = await store.append(doc.id, actor, addComment(flagId, body.text, mentions));
    return reply.code(201).send({ flag: byId(state.flags, flagId), seq: state.seq });
  });

  app.patch<{ Params: { id: string; flagId: string; commentId: string } }>(
    '/api/documents/:id/flags/:flagId/comments/:commentId',
    async (req) => {
      requirePermission(req, 'comment.edit');
      const actor = writerOf(req);
      const doc = await load(req.params.id);
      const flagId = idParam(req.params.flagId, 'flag');
      const commentId = idParam(req.params.commentId, 'comment');
      const body = parseWith(CommentBodySchema, req.body);
      const mentions = await checkMentions(users, body.mentions);
      const { state } = await store.append(
        doc.id,
        actor,
        editComment(flagId, commentId, body.text, loginOf(actor), mentions),
      );
      return { flag: byId(state.flags, flagId), seq: state.seq };
    },
  );
}
