import type { FastifyInstance } from 'fastify';
import { toDocumentState } from '../../shared/reducer';
import { z } from 'zod';
import { GlossarySchema, parseGlossaryCsv, parseTbx } from '../../shared/glossary';
import { checkDocument } from '../../shared/qa/engine';
import { QaSettingsSchema } from '../../shared/qa/types';
import { LIMITS, type DocumentState } from '../../shared/schemas';
import { AppError } from '../errors';
import { actorOf, idParam, parseWith, requirePermission } from '../http';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

const GlossaryBodySchema = z.object({
  /** The file as uploaded: parsed here with the same parsers as the CLI. */
  format: z.enum(['csv', 'tbx']),
  text: z.string().max(LIMITS.bodyBytes),
  fileName: z.string().trim().min(1).max(300),
});

const DismissBodySchema = z.object({ reason: z.string().trim().max(LIMITS.commentChars).optional() });

/** The findings a document has now: every enabled check, less those a reviewer dismissed or confirmed. */
export function currentFindings(doc: DocumentState) {
  const hidden = new Set([
    ...(doc.dismissed ?? []).map((d) => d.findingId),
    ...doc.flags.flatMap((f) => (f.findingId ? [f.findingId] : [])),
  ]);
  return checkDocument(doc, doc.glossary ?? null, doc.qaSettings).filter((f) => !hidden.has(f.id));
}

/** Automatic QA: glossary, per-document check settings, dismissals, and the findings for pipelines. */
export async function qaRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;

  app.get<{ Params: { id: string } }>('/api/documents/:id/qa', async (req) => {
    requirePermission(req, 'document.read');
    const doc = await loadDocument(store, req.params.id);
    return { findings: currentFindings(toDocumentState(doc)), dismissed: doc.dismissed ?? [] };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/glossary', async (req) => {
    requirePermission(req, 'qa.settings');
    const actor = actorOf(req);
    const doc = await loadDocument(store, req.params.id);
    const body = parseWith(GlossaryBodySchema, req.body);
    const parsed =
      body.format === 'csv'
        ? parseGlossaryCsv(body.text)
        : parseTbx(body.text, { sourceLang: doc.sourceLang, targetLang: doc.targetLang });
    if ('refused' in parsed && parsed.refused) {
      // A DTD, an entity or nesting too deep (shared/xml-safety.ts): the file is refused as a whole.
      const problem = parsed.errors[0]!;
      throw new AppError(400, 'INVALID_TBX', `The TBX file is refused (line ${problem.line}): ${problem.message}.`, {
        errors: parsed.errors,
      });
    }
    if (parsed.entries.length === 0) {
      const first = parsed.errors[0];
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        first ? `No usable entry: line ${first.line}: ${first.message}` : 'The glossary has no entries.',
        { errors: parsed.errors },
      );
    }
    const glossary = GlossarySchema.parse({
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      entries: parsed.entries,
    });
    const { state } = await store.append(doc.id, actor, () => ({
      events: [{ type: 'GlossarySet', payload: { glossary, fileName: body.fileName } }],
    }));
    return { document: toDocumentState(state), errors: parsed.errors };
  });

  app.delete<{ Params: { id: string } }>('/api/documents/:id/glossary', async (req) => {
    requirePermission(req, 'qa.settings');
    const actor = actorOf(req);
    const doc = await loadDocument(store, req.params.id);
    const { state } = await store.append(doc.id, actor, () => ({
      events: [{ type: 'GlossarySet', payload: { glossary: null, fileName: null } }],
    }));
    return { document: toDocumentState(state) };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/qa-settings', async (req) => {
    requirePermission(req, 'qa.settings');
    const actor = actorOf(req);
    const doc = await loadDocument(store, req.params.id);
    const settings = parseWith(QaSettingsSchema, req.body);
    const { state } = await store.append(doc.id, actor, () => ({
      events: [{ type: 'QaSettingsChanged', payload: { settings } }],
    }));
    return { document: toDocumentState(state) };
  });

  app.post<{ Params: { id: string; findingId: string } }>(
    '/api/documents/:id/findings/:findingId/dismiss',
    async (req) => {
      requirePermission(req, 'qa.dismiss');
      const actor = actorOf(req);
      const doc = await loadDocument(store, req.params.id);
      const body = parseWith(DismissBodySchema, req.body ?? {});
      const findingId = idParam(req.params.findingId, 'finding');
      const { state } = await store.append(doc.id, actor, (current) => {
        // Only what is found now can be dismissed: a stale id (the text changed) is a 404, not a silent no-op.
        const finding = currentFindings(toDocumentState(current)).find((f) => f.id === findingId);
        if (!finding)
          throw new AppError(404, 'NOT_FOUND', 'That finding is no longer there (the text may have changed).');
        return {
          events: [
            {
              type: 'FindingDismissed',
              payload: {
                findingId,
                segmentId: finding.segmentId,
                checkId: finding.checkId,
                reason: body.reason || null,
              },
            },
          ],
        };
      });
      return { document: toDocumentState(state) };
    },
  );
}
