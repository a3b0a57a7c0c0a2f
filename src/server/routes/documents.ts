import { sendDocument } from '../document-answer';
import type { FastifyInstance } from 'fastify';
import { toDocumentState, type FoldState } from '../../shared/reducer';
import { byId, flagsOnSegment } from '../../shared/state-index';
import { z } from 'zod';
import { newId } from '../../shared/ids';
import { paragraphLabel, splitParagraphs, pairParagraphs } from '../../shared/formats/import-text';
import { moreThan, newDocumentViolations } from '../../shared/limits';
import {
  CreateDocumentBodySchema,
  CreateFlagBodySchema,
  EditSegmentBodySchema,
  ImportTextBodySchema,
  LIMITS,
  PatchFlagBodySchema,
  type FlagAction,
} from '../../shared/schemas';
import { createFlag, editSegment, patchFlag } from '../domain/commands';
import { AppError, notFound } from '../errors';
import { limitError } from '../limit-errors';
import type { Permission } from '../../shared/permissions';
import { actorOf, idParam, parseWith, requestCan, requirePermission, writerOf } from '../http';
import { jsonStream } from '../json-stream';
import { timingFromEvents } from '../../shared/timing';
import type { DocumentStore } from '../store/document-store';
import type { Actor } from '../store/stamp';

export interface NewDocumentInput {
  title: string;
  sourceLang: string;
  targetLang: string;
  segments: { source: string; target: string }[];
  id?: string;
}

/** Every way in creates documents through here: the limits (LIMITS) are checked once more before the store. */
export async function createDocument(store: DocumentStore, input: NewDocumentInput, actor: Actor) {
  const violations = newDocumentViolations(input);
  if (violations.length > 0) throw limitError(violations);
  const id = input.id ?? newId('d');
  const segments = input.segments.map((s) => ({ id: newId('s'), source: s.source, target: s.target }));
  const { state } = await store.create(
    {
      type: 'DocumentCreated',
      payload: { id, title: input.title, sourceLang: input.sourceLang, targetLang: input.targetLang, segments },
    },
    actor,
  );
  return toDocumentState(state);
}

/** The largest page of events one request may ask for (`limit`). */
export const MAX_EVENTS_PAGE = 10_000;
const EventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_EVENTS_PAGE).optional(),
});

/** `forAppend`: the caller only needs to know it exists before store.append, which re-checks (see getForAppend). */
export async function loadDocument(store: DocumentStore, id: unknown, forAppend = false): Promise<FoldState> {
  const docId = idParam(id, 'document');
  const doc = forAppend && store.getForAppend ? await store.getForAppend(docId) : await store.get(docId);
  if (!doc) throw notFound('DOCUMENT_NOT_FOUND', `There is no document ${docId}.`);
  return doc;
}

export function flagsOf(state: FoldState, segmentId: string) {
  return flagsOnSegment(state.flags, segmentId);
}

/** Each flag action is its own permission (translators accept, reviewers edit, …). */
const FLAG_ACTION_PERMISSIONS: Record<FlagAction, Permission> = {
  edit: 'flag.edit',
  accept: 'flag.accept',
  reject: 'flag.reject',
  resolve: 'flag.resolve',
  dispute: 'flag.dispute',
  withdraw: 'flag.withdraw',
  maintain: 'flag.maintain',
  restore: 'flag.restore',
};
const AUTHOR_ACTIONS = new Set<string>(['edit', 'restore']);

export async function documentRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;
  const load = (id: unknown) => loadDocument(store, id);
  const loadForAppend = (id: unknown) => loadDocument(store, id, true);

  app.get('/api/documents', async (req) => {
    requirePermission(req, 'document.read');
    return { documents: await store.list() };
  });

  app.post('/api/documents', async (req, reply) => {
    requirePermission(req, 'document.create');
    const actor = writerOf(req);
    const body = parseWith(CreateDocumentBodySchema, req.body);
    const doc = await createDocument(store, body, actor);
    return reply.code(201).send({ document: doc });
  });

  app.post('/api/documents/import-text', async (req, reply) => {
    requirePermission(req, 'document.create');
    const actor = writerOf(req);
    const body = parseWith(ImportTextBodySchema, req.body);
    // Splitting stops one paragraph past the limit: 10 MiB of one-letter lines is refused without 5 million strings.
    const max = LIMITS.segmentsPerDocument;
    const source = splitParagraphs(body.sourceText, body.paragraphBreak, max);
    const target = splitParagraphs(body.targetText, body.paragraphBreak, max);
    const tooMany = [
      ...(source.length > max ? [moreThan('segmentsPerDocument', 'The source (a segment per paragraph)')] : []),
      ...(target.length > max ? [moreThan('segmentsPerDocument', 'The translation (a segment per paragraph)')] : []),
    ];
    if (tooMany.length > 0) throw limitError(tooMany);
    const segments = pairParagraphs(source, target);
    if (segments.length === 0) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Both texts are empty: there is nothing to import.');
    }
    const violations = newDocumentViolations({ title: body.title, segments }, { segment: paragraphLabel });
    if (violations.length > 0) throw limitError(violations);
    const doc = await createDocument(store, { ...body, segments }, actor);
    return reply.code(201).send({ document: doc });
  });

  // Serialised and compressed once per state of the document (see document-answer.ts), not by @fastify/compress.
  app.get<{ Params: { id: string } }>('/api/documents/:id', { compress: false }, async (req, reply) => {
    requirePermission(req, 'document.read');
    return sendDocument(req, reply, await load(req.params.id));
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/export', async (req, reply) => {
    requirePermission(req, 'document.export');
    const doc = await load(req.params.id);
    const events = await store.events(doc.id, 0);
    reply.header('content-disposition', `attachment; filename="${doc.id}.json"`);
    // Tens of MB for a big document: written a chunk per event-loop turn, so other requests keep being answered.
    return reply.type('application/json; charset=utf-8').send(
      jsonStream({
        format: 'visavis-document',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        document: toDocumentState(doc),
        // How long each flag took to make and each reviewer's active time per segment (shared/timing.ts).
        timing: timingFromEvents(events),
        events,
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/events', async (req) => {
    requirePermission(req, 'document.read');
    const doc = await load(req.params.id);
    const { after, limit } = parseWith(EventsQuerySchema, req.query);
    const events = await store.events(doc.id, after);
    // Paged: `next` is the `after` that asks for the following page, null once this page reaches the end.
    if (limit === undefined || events.length <= limit) return { events, seq: doc.seq, next: null };
    const page = events.slice(0, limit);
    return { events: page, seq: doc.seq, next: page[page.length - 1]!.seq };
  });

  app.patch<{ Params: { id: string; segmentId: string } }>('/api/documents/:id/segments/:segmentId', async (req) => {
    requirePermission(req, 'segment.edit');
    const actor = writerOf(req);
    const doc = await loadForAppend(req.params.id);
    const segmentId = idParam(req.params.segmentId, 'segment');
    const body = parseWith(EditSegmentBodySchema, req.body);
    const { state } = await store.append(doc.id, actor, editSegment(segmentId, body));
    return { segment: byId(state.segments, segmentId), flags: flagsOf(state, segmentId), seq: state.seq };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/flags', async (req, reply) => {
    requirePermission(req, 'flag.create');
    const actor = writerOf(req);
    const doc = await loadForAppend(req.params.id);
    const body = parseWith(CreateFlagBodySchema, req.body);
    const { state, result } = await store.append(doc.id, actor, createFlag(body));
    return reply.code(201).send({ flag: byId(state.flags, result ?? ''), seq: state.seq });
  });

  app.patch<{ Params: { id: string; flagId: string } }>('/api/documents/:id/flags/:flagId', async (req) => {
    const action = (req.body as { action?: unknown } | null | undefined)?.action;
    const flagId = idParam(req.params.flagId, 'flag');
    // An unknown action is refused by the schema below (400).
    if (typeof action === 'string' && Object.hasOwn(FLAG_ACTION_PERMISSIONS, action)) {
      requirePermission(req, FLAG_ACTION_PERMISSIONS[action as FlagAction]);
      // Editing and restoring someone else's flag is for editors (the command checks it again, atomically).
      if (AUTHOR_ACTIONS.has(action)) {
        const author = byId((await load(req.params.id)).flags, flagId)?.createdBy;
        if (author !== undefined && author !== actorOf(req)) requirePermission(req, 'flag.editAny');
      }
    }
    const actor = writerOf(req);
    const doc = await loadForAppend(req.params.id);
    const body = parseWith(PatchFlagBodySchema, req.body);
    const who = { actor: actorOf(req), editor: requestCan(req, 'flag.editAny') };
    const { state } = await store.append(doc.id, actor, patchFlag(flagId, body, who));
    const flag = byId(state.flags, flagId);
    const segment = byId(state.segments, flag?.segmentId ?? '');
    return { flag, segment, flags: segment ? flagsOf(state, segment.id) : [], seq: state.seq };
  });
}
