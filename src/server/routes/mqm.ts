import type { FastifyInstance } from 'fastify';
import { toDocumentState } from '../../shared/reducer';
import { z } from 'zod';
import { scoreDocument } from '../../shared/mqm-score';
import { ScoringSettingsSchema, WMT_SCORING } from '../../shared/scoring-settings';
import { LangSchema, LIMITS, summarize } from '../../shared/schemas';
import { exportTsv, WMT_FORMAT } from '../../shared/formats/wmt-tsv';
import { importDocuments, importProblems, parseWmtFile } from '../domain/import-mqm';
import { AppError } from '../errors';
import { limitError } from '../limit-errors';
import { parseWith, requirePermission, writerOf } from '../http';
import { loginOf } from '../store/stamp';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

const ImportMqmBodySchema = z.object({
  file: z.string().trim().min(1).max(LIMITS.fileNameChars),
  tsv: z.string().min(1).max(LIMITS.bodyBytes),
  sourceLang: LangSchema.default('en'),
  targetLang: LangSchema.default('de'),
});

const CompareQuerySchema = z.object({ file: z.string().min(1).max(LIMITS.fileNameChars) });

/** MQM: scoring settings, WMT TSV import and export, and the comparison of systems imported together. */
export async function mqmRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;

  app.post<{ Params: { id: string } }>('/api/documents/:id/scoring', async (req) => {
    requirePermission(req, 'document.settings');
    const actor = writerOf(req);
    const doc = await loadDocument(store, req.params.id);
    const settings = parseWith(ScoringSettingsSchema, req.body);
    const { state } = await store.append(doc.id, actor, () => ({
      events: [{ type: 'ScoringSettingsChanged', payload: { settings } }],
    }));
    return { document: toDocumentState(state) };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/export.tsv', async (req, reply) => {
    requirePermission(req, 'document.export');
    const doc = await loadDocument(store, req.params.id);
    reply.header('content-type', 'text/tab-separated-values; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${doc.id}.tsv"`);
    return exportTsv(toDocumentState(doc));
  });

  app.post('/api/documents/import-mqm', async (req, reply) => {
    requirePermission(req, 'document.create');
    const actor = writerOf(req);
    const body = parseWith(ImportMqmBodySchema, req.body);
    const parsed = parseWmtFile(body.tsv, body);
    // All or nothing: everything is checked before the first document is written.
    if (parsed.violations.length > 0) throw limitError(parsed.violations, { skipped: parsed.skipped });
    if (parsed.documents.length === 0) {
      throw new AppError(400, 'VALIDATION_FAILED', 'No usable rows: is this a WMT MQM TSV file?', {
        skipped: parsed.skipped,
      });
    }
    const problems = importProblems(parsed.documents);
    if (problems.length > 0) {
      throw new AppError(400, 'VALIDATION_FAILED', `Nothing was imported: ${problems[0]!.message}`, {
        problems: problems.slice(0, 100),
        skipped: parsed.skipped,
      });
    }
    await importDocuments(store, parsed.documents, loginOf(actor));
    const documents = await Promise.all(
      parsed.documents.map(async (d) => summarize((await store.get(d.document.id))!)),
    );
    return reply.code(201).send({ documents, skipped: parsed.skipped, warnings: parsed.warnings, rows: parsed.rows });
  });

  /** Systems imported from one WMT file, best (lowest MQM) first, scored by the same code as the scorecard. */
  app.get('/api/comparisons', async (req) => {
    requirePermission(req, 'document.read');
    const { file } = parseWith(CompareQuerySchema, req.query);
    // A system whose files cannot be read (damaged data) is left out rather than failing the comparison.
    const fromFile = (await store.list()).filter(
      (d) => d.available !== false && d.origin?.format === WMT_FORMAT && d.origin.file === file,
    );
    // A file imported more than once: compare the systems of the latest import.
    const latest = fromFile.reduce<(typeof fromFile)[number] | undefined>(
      (a, d) => (!a || d.createdAt > a.createdAt ? d : a),
      undefined,
    );
    const summaries = fromFile.filter((d) => d.origin?.batch === latest?.origin?.batch);
    const systems = await Promise.all(
      summaries.map(async (s) => {
        const doc = toDocumentState((await store.get(s.id))!);
        const score = scoreDocument(doc, WMT_SCORING);
        return {
          id: doc.id,
          system: doc.origin?.system ?? doc.title,
          title: doc.title,
          segments: doc.segments.length,
          items: score.itemCount,
          mqm: score.wmtScore,
          flags: score.flagCount,
        };
      }),
    );
    systems.sort((a, b) => (a.mqm ?? Infinity) - (b.mqm ?? Infinity));
    return { file, systems };
  });
}
