import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { EventPayloadSchemas } from '../../shared/events';
import { contentHash, decodeText } from '../../shared/formats/decode';
import type { ImportedFile } from '../../shared/formats/import-file';
import { newDocumentViolations, violation } from '../../shared/limits';
import { toDocumentState } from '../../shared/reducer';
import { LangSchema, LIMITS, PatchDocumentBodySchema, summarize } from '../../shared/schemas';
import type { NewEvent } from '../../shared/events';
import { AppError } from '../errors';
import { parseWith, requirePermission, writerOf } from '../http';
import { limitError } from '../limit-errors';
import { loginOf } from '../store/stamp';
import type { DocumentStore } from '../store/document-store';
import { createDocumentOffload, type DocumentOffload } from '../workers/document-offload';
import { loadDocument } from './documents';

/*
 * Files in and out: POST /api/documents/import-file (multipart/form-data: `file`, optional sourceLang,
 * targetLang, title; the format is told from the content) and GET /api/documents/:id/export.xlf. Reading and
 * writing a whole file run in a worker thread (workers/document-offload.ts).
 */

const FormFieldsSchema = z.object({
  sourceLang: LangSchema.optional(),
  targetLang: LangSchema.optional(),
  title: z.string().trim().max(LIMITS.titleChars).optional(),
});

const ImportQuerySchema = z.object({ force: z.enum(['true', 'false']).optional() });

interface Upload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data (field "file").');
  }
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          continue;
        }
        file = { fileName: part.filename || 'upload.xlf', bytes: await part.toBuffer() };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw limitError([violation('importFileBytes', 'The file', LIMITS.importFileBytes + 1)]);
    }
    throw err;
  }
  if (!file) throw new AppError(400, 'VALIDATION_FAILED', 'No file: send it in the form field "file".');
  if (file.fileName.length > LIMITS.fileNameChars) {
    throw limitError([violation('fileNameChars', 'The file name', file.fileName.length)]);
  }
  return { ...file, fields };
}

/** What the import read, for the "what was read" line of the documents page. */
const summaryOf = (imported: ImportedFile) => ({
  format: imported.format,
  version: imported.version,
  ...imported.counts,
});

export async function fileRoutes(app: FastifyInstance, opts: { store: DocumentStore; offload?: DocumentOffload }) {
  const { store } = opts;
  const offload = opts.offload ?? createDocumentOffload();
  app.addHook('onClose', () => offload.close());
  await app.register(fastifyMultipart, {
    limits: { fileSize: LIMITS.importFileBytes, files: 1, fields: 10, fieldSize: 1000, parts: 12 },
  });

  app.post('/api/documents/import-file', async (req, reply) => {
    requirePermission(req, 'document.create');
    const actor = writerOf(req);
    const { force } = parseWith(ImportQuerySchema, req.query);
    const upload = await readUpload(req);
    const fields = parseWith(FormFieldsSchema, upload.fields);
    const hash = await contentHash(upload.bytes);
    if (force !== 'true') {
      const same = (await store.list()).find((d) => d.origin?.hash === hash);
      if (same) {
        throw new AppError(409, 'DUPLICATE_IMPORT', `This file was already imported as "${same.title}".`, {
          documentId: same.id,
          title: same.title,
        });
      }
    }
    const decoded = decodeText(upload.bytes);
    // The page names the file before the message: the message does not repeat it.
    if (!decoded.ok) throw new AppError(400, 'INVALID_XLIFF', `${capitalize(decoded.message)}.`);
    if (decoded.text.trim() === '') throw new AppError(400, 'INVALID_XLIFF', 'The file is empty.');
    const result = await offload.importFile(decoded.text, {
      fileName: upload.fileName,
      hash,
      actor: loginOf(actor),
      ...(fields.sourceLang ? { sourceLang: fields.sourceLang } : {}),
      ...(fields.targetLang ? { targetLang: fields.targetLang } : {}),
      ...(fields.title ? { title: fields.title } : {}),
    });
    if (!result.ok)
      throw new AppError(result.code === 'UNSUPPORTED_FORMAT' ? 415 : 400, result.code, result.message, result.details);
    const { created, flags } = result.value.events;
    const violations = newDocumentViolations(created);
    if (violations.length > 0) throw limitError(violations);
    // What the event schemas would refuse (a language the file names badly, a note over the limit…): a 400, not a 500.
    const valid = EventPayloadSchemas.DocumentCreated.safeParse(created);
    if (!valid.success) {
      throw new AppError(400, 'INVALID_XLIFF', `The file cannot become a document: ${z.prettifyError(valid.error)}`);
    }
    await store.create({ type: 'DocumentCreated', payload: valid.data }, actor);
    for (const run of flags) await store.append(created.id, run.actor, () => ({ events: run.events }));
    const state = (await store.get(created.id))!;
    return reply.code(201).send({ document: summarize(state), read: summaryOf(result.value) });
  });

  /** Rename, archive (hidden from the list) or restore. */
  app.patch<{ Params: { id: string } }>('/api/documents/:id', async (req) => {
    const body = parseWith(PatchDocumentBodySchema, req.body);
    if (body.title !== undefined) requirePermission(req, 'document.rename');
    if (body.archived !== undefined) requirePermission(req, 'document.archive');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const { state } = await store.append(doc.id, actor, (current) => {
      const events: NewEvent[] = [];
      if (body.title !== undefined && body.title !== current.title)
        events.push({ type: 'DocumentRenamed', payload: { title: body.title } });
      if (body.archived !== undefined && body.archived !== (current.archived === true))
        events.push({ type: 'DocumentArchived', payload: { archived: body.archived } });
      return { events };
    });
    return { document: summarize(state) };
  });

  /** Deletes a document and its whole history: admins only, nothing is kept. */
  app.delete<{ Params: { id: string } }>('/api/documents/:id', async (req, reply) => {
    requirePermission(req, 'document.delete');
    const doc = await loadDocument(store, req.params.id);
    await store.remove(doc.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/export.xlf', async (req, reply) => {
    requirePermission(req, 'document.export');
    const doc = toDocumentState(await loadDocument(store, req.params.id));
    const [first] = await store.events(doc.id, 0);
    const created = first?.type === 'DocumentCreated' ? first.payload : null;
    const skeleton = created?.skeleton ?? null;
    const xml = await offload.exportXliff(
      {
        sourceLang: doc.sourceLang,
        targetLang: doc.targetLang,
        status: doc.status,
        segments: doc.segments,
        flags: doc.flags,
        ...(created ? { importedSegmentIds: created.segments.map((s) => s.id) } : {}),
      },
      skeleton,
      doc.origin,
    );
    const name = (doc.origin?.format === 'xliff' && doc.origin.file) || `${doc.id}.xlf`;
    const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    reply.header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    return reply.type('application/xliff+xml; charset=utf-8').send(xml);
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
