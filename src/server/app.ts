import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import { COMPRESS_ABOVE_BYTES } from './http';
import { createFirstScreen, uiLanguageOf } from './first-screen';
import { createPreloadHints } from './preload';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { LIMITS } from '../shared/schemas';
import { installAuth } from './auth/auth-hooks';
import type { AuthStore } from './auth/auth-store';
import { sessionRoutes } from './auth/session-routes';
import { userRoutes } from './auth/user-routes';
import { AppError } from './errors';
import { documentRoutes } from './routes/documents';
import { deliverableRoutes } from './routes/deliverables';
import { fileRoutes } from './routes/files';
import { liveRoutes, type LiveOptions } from './routes/live';
import { mqmRoutes } from './routes/mqm';
import { findingsCountRoutes } from './routes/findings-counts';
import { qaRoutes } from './routes/qa';
import { replaceRoutes } from './routes/replace';
import { reviewRoutes } from './routes/review';
import { workflowRoutes } from './routes/workflow';
import { structureRoutes } from './routes/structure';
import { createDocumentOffload } from './workers/document-offload';
import { BASELINE_SECURITY_HEADERS, registerSecurityHeaders } from './security-headers';
import type { DocumentStore } from './store/document-store';
import { gateRoutes } from './routes/gate';
import { tokenRoutes } from './tokens/token-routes';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhooks/dispatcher';
import { withWebhooks } from './webhooks/hooked-store';
import { webhookRoutes } from './webhooks/webhook-routes';

export interface AppOptions {
  store: DocumentStore;
  /** Users and sessions (openAuthStore on the same DATA_DIR). Every /api route but health and sign-in needs a session. */
  auth: AuthStore;
  /** Behind a reverse proxy: believe its X-Forwarded-For/-Proto (client IP for the sign-in limit, https for Secure cookies). */
  trustProxy?: boolean;
  /** Built UI to serve (vite build output); omitted in API tests. */
  staticDir?: string;
  /** Live streams and presence (routes/live.ts): in memory for one server unless given. */
  live?: LiveOptions;
  logger?: FastifyServerOptions['logger'];
  /** Webhook delivery settings (tests shorten the backoff and the poll). */
  webhooks?: Omit<WebhookDispatcherOptions, 'store'>;
}

/** Fastify's own error codes that mean "the client sent something wrong". */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: `The request body is larger than the ${LIMITS.bodyBytes / 1024 / 1024} MiB limit.`,
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The body is not valid JSON.' },
};

export { COMPRESS_ABOVE_BYTES };

export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: LIMITS.bodyBytes,
    return503OnClosing: true,
    trustProxy: opts.trustProxy ?? false,
    // Errors raised before routing (a malformed URL such as /api/documents/%) keep our error shape.
    frameworkErrors: (err, _req, reply) => {
      const code = err.code === 'FST_ERR_BAD_URL' ? 'INVALID_ID' : 'BAD_REQUEST';
      // The reply's generics here are the raw server's; the shape we send is the usual one.
      void (reply as unknown as FastifyReply)
        .code(400)
        .headers(BASELINE_SECURITY_HEADERS)
        .send({ error: { code, message: 'The request URL is not valid.' } });
    },
  });
  // JSON only: a text/plain body is refused with 415 like any other non-JSON type.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const body: Record<string, unknown> = { code: err.code, message: err.message };
      if (err.details !== undefined) body.details = err.details;
      return reply.code(err.statusCode).send({ error: body });
    }
    const known = err.code ? CLIENT_ERRORS[err.code] : undefined;
    if (known) return reply.code(known.status).send({ error: { code: known.code, message: known.message } });
    // JSON.parse failures surface as a 400 SyntaxError from the content-type parser.
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return reply.code(400).send({ error: { code: 'INVALID_JSON', message: 'The body is not valid JSON.' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: 'BAD_REQUEST', message: err.message } });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  });

  // CSP, frame-ancestors 'none', nosniff, Referrer-Policy, HSTS over HTTPS: first, so every answer has them.
  await registerSecurityHeaders(app);

  // The UI's files and large API answers (whole documents, lists) go out as brotli or gzip when the
  // browser accepts them: on a slow network the first load is about a third of the bytes. (Files are
  // streamed, so they are compressed whatever their size.) The answer to a write (a segment and its flags,
  // 1–3 KiB) is left alone: compressing it would cost ~40 µs, a sixth of the server's time per write, to
  // save a few hundred bytes. br and gzip only: the same on every Node version (zstd needs 22.15+).
  // Request bodies are never inflated: a gzip body is not JSON (400), and bodyLimit keeps meaning bytes.
  await app.register(fastifyCompress, {
    threshold: COMPRESS_ABOVE_BYTES,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
  });

  // Webhooks: every committed write tells the dispatcher, which sends after the answer (never blocking it).
  const dispatcher = new WebhookDispatcher({ store: opts.auth.webhooks, ...opts.webhooks });
  dispatcher.start();
  // Before the first request: deliveries a stop between a commit and its enqueue left out (never fatal).
  app.addHook('onReady', async () => {
    await dispatcher.recover(opts.store).catch((err: unknown) => app.log.error(err, 'webhooks: recovery failed'));
  });
  app.addHook('onClose', () => dispatcher.close());
  const store = withWebhooks(opts.store, dispatcher);

  await installAuth(app, opts.auth);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await app.register(sessionRoutes, { auth: opts.auth });
  await app.register(userRoutes, { auth: opts.auth });
  await app.register(tokenRoutes, { auth: opts.auth });
  await app.register(webhookRoutes, { auth: opts.auth, dispatcher });
  await app.register(documentRoutes, { store });
  await app.register(fileRoutes, { store });
  await app.register(deliverableRoutes, { store });
  await app.register(workflowRoutes, { store, users: opts.auth.users });
  await app.register(structureRoutes, { store });
  await app.register(mqmRoutes, { store });
  // One pool of worker threads for whole-document QA: the QA routes and the list's findings counts.
  const offload = createDocumentOffload();
  await app.register(qaRoutes, { store, offload });
  await app.register(findingsCountRoutes, { store, offload });
  await app.register(gateRoutes, { store, offload });
  await app.register(replaceRoutes, { store });
  await app.register(reviewRoutes, { store });
  await app.register(liveRoutes, { store, auth: opts.auth, ...opts.live });

  const staticDir = opts.staticDir && existsSync(path.join(opts.staticDir, 'index.html')) ? opts.staticDir : undefined;
  const hintsFor = staticDir ? createPreloadHints(staticDir) : undefined;
  const firstScreenPage = staticDir ? createFirstScreen({ staticDir, store, auth: opts.auth }) : undefined;
  if (staticDir) {
    const root = path.resolve(staticDir);
    const assets = path.join(root, 'assets');
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      // dist/ holds .br and .gz beside each file (scripts/precompress.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      // Vite names the files in assets/ by content hash: cached for good. Everything else (index.html,
      // which names the current hashes) is revalidated on every load.
      setHeaders(res, filePath) {
        const hashed = path.dirname(filePath) === assets;
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    if (
      staticDir &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !pathname.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(pathname)
    ) {
      // Client-side routes (/documents/:id) get the SPA shell, naming what its page will need; a missing asset
      // stays a 404. The workspace's comes with its first screen and first answers (first-screen.ts).
      const lang = uiLanguageOf(req);
      const page = await firstScreenPage?.(req, pathname, lang);
      const links = hintsFor?.(pathname, lang, { data: !page, documentData: !page?.bootsDocument }) ?? [];
      if (links.length > 0) reply.header('link', links.join(', '));
      // The hints name the strings of the user's language; the first screen is this user's.
      reply.header('vary', 'accept-language, cookie');
      if (page)
        return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(page.html);
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${pathname}.` } });
  });

  return app;
}
