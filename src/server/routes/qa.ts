import type { FastifyInstance } from 'fastify';
import { toDocumentState, type FoldState } from '../../shared/reducer';
import { z } from 'zod';
import { checkDocument } from '../../shared/qa/engine';
import '../../shared/qa/snowball';
import { markCovered } from '../../shared/qa/covered';
import type { Finding } from '../../shared/qa/types';
import { CheckIdSchema, DEFAULT_QA_SETTINGS, onlyChecks, QaSettingsSchema } from '../../shared/qa/types';
import { LIMITS, type DocumentState } from '../../shared/schemas';
import { AppError } from '../errors';
import { idParam, parseWith, requirePermission, writerOf } from '../http';
import { jsonStream } from '../json-stream';
import type { DocumentStore } from '../store/document-store';
import { createDocumentOffload, hiddenFindings, type DocumentOffload } from '../workers/document-offload';
import { loadDocument } from './documents';

const GlossaryBodySchema = z.object({
  /** The file as uploaded: parsed here with the same parsers as the CLI. */
  format: z.enum(['csv', 'tbx']),
  text: z.string().max(LIMITS.bodyBytes),
  fileName: z.string().trim().min(1).max(300),
});

/** `?checks=spelling,name-near-miss`: only these checks (the browser asks for those that need a dictionary). */
const QaQuerySchema = z.object({
  checks: z
    .string()
    .max(1000)
    .transform((s) => s.split(','))
    .pipe(z.array(CheckIdSchema).min(1))
    .optional(),
});

// The dialog asks why: a dismissal without a reason is refused (400 VALIDATION_FAILED).
const DismissBodySchema = z.object({ reason: z.string().trim().min(1).max(LIMITS.commentChars) });

/** The findings a document has now, in place (the routes use a worker: DocumentOffload.findings). */
export function currentFindings(doc: DocumentState): Finding[] {
  const hidden = new Set(hiddenFindings(doc));
  return checkDocument(doc, doc.glossary ?? null, doc.qaSettings).filter((f) => !hidden.has(f.id));
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Thrown by a decide that finds the document changed since its findings were computed: compute them again. */
class StaleFindings extends Error {}
/** After this many documents changing under it, a dismissal computes the findings in place, as a last resort. */
const FINDINGS_ATTEMPTS = 3;

/**
 * Automatic QA: glossary, per-document check settings, dismissals, and the findings for pipelines. Parsing an
 * uploaded glossary and checking a whole document run in worker threads (workers/document-offload.ts): an
 * 80,000-term upload or the QA of 10,000 segments takes seconds, during which the server keeps answering.
 */
export async function qaRoutes(app: FastifyInstance, opts: { store: DocumentStore; offload?: DocumentOffload }) {
  const { store } = opts;
  const offload = opts.offload ?? createDocumentOffload();
  app.addHook('onClose', () => offload.close());

  // Both answers can be megabytes (thousands of findings; a document with its glossary): written in chunks.
  app.get<{ Params: { id: string } }>('/api/documents/:id/qa', async (req, reply) => {
    requirePermission(req, 'document.read');
    const { checks } = parseWith(QaQuerySchema, req.query);
    const doc = await loadDocument(store, req.params.id);
    const full = toDocumentState(doc);
    const state = checks ? { ...full, qaSettings: onlyChecks(full.qaSettings ?? DEFAULT_QA_SETTINGS, checks) } : full;
    // Those a live flag already covers are marked (covered: true): confirming one is refused (409 FINDING_COVERED).
    const findings = markCovered(await offload.findings(state), state.flags);
    return reply.type(JSON_TYPE).send(jsonStream({ findings, dismissed: doc.dismissed ?? [] }));
  });

  /** The dismissed findings, newest first, with who dismissed each, when and why. */
  app.get<{ Params: { id: string } }>('/api/documents/:id/findings/dismissed', async (req) => {
    requirePermission(req, 'document.read');
    const doc = await loadDocument(store, req.params.id);
    return { dismissed: [...(doc.dismissed ?? [])].reverse() };
  });

  /** Undoes a dismissal: the finding is shown again (404 NOT_DISMISSED when it is not dismissed). */
  app.post<{ Params: { id: string; findingId: string } }>(
    '/api/documents/:id/findings/:findingId/restore',
    async (req) => {
      requirePermission(req, 'qa.dismiss');
      const actor = writerOf(req);
      const doc = await loadDocument(store, req.params.id);
      const findingId = idParam(req.params.findingId, 'finding');
      const { state } = await store.append(doc.id, actor, (current) => {
        if (!(current.dismissed ?? []).some((d) => d.findingId === findingId))
          throw new AppError(404, 'NOT_DISMISSED', 'That finding is not dismissed.');
        return { events: [{ type: 'FindingRestored', payload: { findingId } }] };
      });
      return { document: toDocumentState(state) };
    },
  );

  app.post<{ Params: { id: string } }>('/api/documents/:id/glossary', async (req, reply) => {
    requirePermission(req, 'qa.settings');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const body = parseWith(GlossaryBodySchema, req.body);
    const parsed = await offload.parseGlossary({
      format: body.format,
      text: body.text,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
    });
    if (parsed.refused) {
      // A DTD, an entity or nesting too deep (shared/xml-safety.ts): the file is refused as a whole.
      const problem = parsed.errors[0]!;
      throw new AppError(400, 'INVALID_TBX', `The TBX file is refused (line ${problem.line}): ${problem.message}.`, {
        errors: parsed.errors,
      });
    }
    const { glossary } = parsed;
    if (!glossary) {
      const first = parsed.errors[0];
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        first ? `No usable entry: line ${first.line}: ${first.message}` : 'The glossary has no entries.',
        { errors: parsed.errors },
      );
    }
    const { state } = await store.append(doc.id, actor, () => ({
      events: [{ type: 'GlossarySet', payload: { glossary, fileName: body.fileName } }],
    }));
    return reply.type(JSON_TYPE).send(jsonStream({ document: toDocumentState(state), errors: parsed.errors }));
  });

  app.delete<{ Params: { id: string } }>('/api/documents/:id/glossary', async (req) => {
    requirePermission(req, 'qa.settings');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const { state } = await store.append(doc.id, actor, () => ({
      events: [{ type: 'GlossarySet', payload: { glossary: null, fileName: null } }],
    }));
    return { document: toDocumentState(state) };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/qa-settings', async (req) => {
    requirePermission(req, 'qa.settings');
    const actor = writerOf(req);
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
      const actor = writerOf(req);
      const doc = await loadDocument(store, req.params.id);
      const body = parseWith(DismissBodySchema, req.body ?? {});
      const findingId = idParam(req.params.findingId, 'finding');
      // The findings are computed in a worker for the state `seen`; decide (synchronous, against the latest
      // state) uses them only if the document is still that state, else they are computed again.
      let seen: FoldState = doc;
      for (let attempt = 1; ; attempt++) {
        const last = attempt >= FINDINGS_ATTEMPTS;
        const findings = last ? null : await offload.findings(toDocumentState(seen));
        try {
          const { state } = await store.append(doc.id, actor, (current) => {
            if (findings && current !== seen) {
              seen = current;
              throw new StaleFindings();
            }
            // Only what is found now can be dismissed: a stale id (the text changed) is a 404, not a silent no-op.
            const finding = (findings ?? currentFindings(toDocumentState(current))).find((f) => f.id === findingId);
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
                    reason: body.reason,
                  },
                },
              ],
            };
          });
          return { document: toDocumentState(state) };
        } catch (err) {
          if (!(err instanceof StaleFindings)) throw err;
        }
      }
    },
  );
}
