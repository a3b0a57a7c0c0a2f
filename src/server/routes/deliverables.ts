import type { FastifyInstance, FastifyReply } from 'fastify';
import { cleanText } from '../../shared/formats/clean-text';
import { deliverableFileName } from '../../shared/formats/file-name';
import { REPORT_CSS } from '../../shared/formats/lqa-report/report-css';
import { reportCsv } from '../../shared/formats/lqa-report/report-csv';
import { buildReport } from '../../shared/formats/lqa-report/report-data';
import { reportHtml } from '../../shared/formats/lqa-report/report-html';
import { writeTbx } from '../../shared/formats/tbx';
import { writeTmx } from '../../shared/formats/tmx';
import { tmxSegments } from '../../shared/formats/codes/export';
import { toDocumentState } from '../../shared/reducer';
import { AppError } from '../errors';
import { requirePermission } from '../http';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

/*
 * What goes back to the client (issue #14), with the permission of every export (document.export):
 * GET /api/documents/:id/export.tmx (approved segments as TMX 1.4b), export.txt (the translation as plain text,
 * paragraphs as imported), glossary.tbx (the document's glossary as TBX-Basic), report.html and report.csv (the
 * LQA report; report.html?download=1 as a file with its stylesheet inside), and /api/report.css (the report page's stylesheet). Files are named `<title>.<ext>`.
 */

export function attachment(reply: FastifyReply, name: string) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\/]/g, '_');
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

export async function deliverableRoutes(app: FastifyInstance, opts: { store: DocumentStore }) {
  const { store } = opts;
  const load = async (id: string) => toDocumentState(await loadDocument(store, id));

  app.get<{ Params: { id: string } }>('/api/documents/:id/export.tmx', async (req, reply) => {
    requirePermission(req, 'document.export');
    const doc = await load(req.params.id);
    const [first] = await store.events(doc.id, 0);
    const skeleton = first?.type === 'DocumentCreated' ? (first.payload.skeleton ?? null) : null;
    const approved = doc.segments.filter((s) => s.status === 'approved');
    const xml = writeTmx({
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      segtype: doc.origin?.format === 'xliff' || doc.origin?.format === 'tmx' ? 'sentence' : 'paragraph',
      datatype: doc.origin?.format === 'xliff' ? 'xliff' : 'plaintext',
      // Codes as TMX has them: bpt/ept/it/ph holding the native code (an XLIFF 2 file's originalData), hi.
      segments: tmxSegments({ ...doc, segments: approved }, skeleton),
    });
    attachment(reply, deliverableFileName(doc.title, 'tmx'));
    return reply.type('application/x-tmx+xml; charset=utf-8').send(xml);
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/export.txt', async (req, reply) => {
    requirePermission(req, 'document.export');
    const doc = await load(req.params.id);
    attachment(reply, deliverableFileName(doc.title, 'txt'));
    return reply.type('text/plain; charset=utf-8').send(cleanText(doc.segments));
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/glossary.tbx', async (req, reply) => {
    requirePermission(req, 'document.export');
    const doc = await load(req.params.id);
    if (!doc.glossary) throw new AppError(404, 'NOT_FOUND', 'This document has no glossary.');
    attachment(reply, deliverableFileName(doc.title, 'tbx'));
    return reply
      .type('application/x-tbx+xml; charset=utf-8')
      .send(writeTbx(doc.glossary, doc.glossaryFile ?? doc.title));
  });

  const report = async (id: string) => {
    const doc = await load(id);
    return { doc, report: buildReport(doc, await store.events(doc.id, 0)) };
  };

  app.get<{ Params: { id: string }; Querystring: { download?: string } }>(
    '/api/documents/:id/report.html',
    async (req, reply) => {
      requirePermission(req, 'document.export');
      const { doc, report: r } = await report(req.params.id);
      // ?download=1: a file to keep or send, `<title>.html`, its stylesheet inside (it is opened away from the
      // app). Otherwise shown in the browser, printable, with the stylesheet linked (the app's CSP holds).
      if (req.query.download === '1') {
        attachment(reply, deliverableFileName(doc.title, 'html'));
        return reply.type('text/html; charset=utf-8').send(reportHtml(r, { stylesheet: 'embed' }));
      }
      return reply.type('text/html; charset=utf-8').send(reportHtml(r));
    },
  );

  app.get<{ Params: { id: string } }>('/api/documents/:id/report.csv', async (req, reply) => {
    requirePermission(req, 'document.export');
    const { doc, report: r } = await report(req.params.id);
    attachment(reply, deliverableFileName(doc.title, 'csv'));
    return reply.type('text/csv; charset=utf-8').send(reportCsv(r));
  });

  app.get('/api/report.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(REPORT_CSS));
}
