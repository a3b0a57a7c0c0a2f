import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../shared/permissions';
import { byId } from '../../shared/state-index';
import { MentionsReadBodySchema, PresenceBodySchema } from '../../shared/schemas';
import type { AuthStore } from '../auth/auth-store';
import { notFound } from '../errors';
import { currentUser, parseWith, requirePermission } from '../http';
import { LiveHub } from '../live/live-hub';
import { MentionIndex } from '../live/mentions';
import { inMemoryPresence, type Presence, type PresenceUser } from '../live/presence';
import { inMemoryRevocations, type Revocations } from '../live/revocations';
import { resumePoint } from '../live/sse';
import type { DocumentStore } from '../store/document-store';
import { loadDocument } from './documents';

export interface LiveOptions {
  /** Who is in which document; in memory unless given (several servers will share one). */
  presence?: Presence;
  /** Ended sessions, told to every server; in memory unless given. */
  revocations?: Revocations;
  /** Heartbeat period in ms (default 15 s); tests shorten it. */
  heartbeatMs?: number;
}

/** The headers of an event stream; compression and proxy buffering would hold events back. */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

/** Headers other hooks set on the reply (security headers, a refreshed session cookie), kept on the raw one. */
function replyHeaders(reply: FastifyReply): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

/** The API token's secret of a bearer request (auth-hooks.ts already checked it). */
const bearerSecret = (req: FastifyRequest): string => /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')![1]!;

const presenceUser = (u: { id: string; login: string; displayName: string }): PresenceUser => ({
  id: u.id,
  login: u.login,
  displayName: u.displayName,
});

/**
 * Live review (issue #9): GET /api/documents/:id/stream (Server-Sent Events, written on the raw reply) and
 * PUT /api/documents/:id/presence. See README, "Live updates".
 */
export async function liveRoutes(app: FastifyInstance, opts: { store: DocumentStore; auth: AuthStore } & LiveOptions) {
  const { store, auth } = opts;
  const presence = opts.presence ?? inMemoryPresence();
  const revocations = opts.revocations ?? inMemoryRevocations();
  const hub = new LiveHub({
    store,
    presence,
    revocations,
    logger: app.log,
    ...(opts.heartbeatMs !== undefined ? { heartbeatMs: opts.heartbeatMs } : {}),
    async stillAllowed(owner) {
      if (owner.bearer) {
        const found = await auth.tokens.lookup(owner.token);
        return (
          !!found &&
          !found.user.disabled &&
          can(found.user.roles, 'document.read') &&
          found.token.permissions.includes('document.read')
        );
      }
      const session = await auth.sessions.lookup(owner.token);
      const user = session?.id === owner.sessionId ? await auth.users.byId(session.userId) : undefined;
      return !!user && !user.disabled && can(user.roles, 'document.read');
    },
  });
  // Sessions that end here (sign-out, password change, disabled user) are announced to every server.
  const offSessions = auth.sessions.onEnd((ids) => revocations.publish(ids));
  // Open streams would keep server.close() waiting for ever: end them first.
  app.addHook('preClose', async () => {
    offSessions();
    hub.close();
    if (!opts.presence) presence.close();
  });
  const mentions = new MentionIndex(store, app.log);
  const mentionReads = auth.mentionReads;

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/api/documents/:id/stream',
    // No HEAD twin: it would open a stream that never sends a body.
    { compress: false, exposeHeadRoute: false },
    async (req, reply) => {
      const user = requirePermission(req, 'document.read');
      const doc = await loadDocument(store, req.params.id); // 404 before the stream opens
      const point = resumePoint(req.headers['last-event-id'], req.query.after);
      // Nothing given: from now on (the client loaded the document just before). A seq beyond the last
      // event, or not a seq at all, cannot be resumed from: `reset`, and the client reloads.
      const reset = point !== null && ('invalid' in point || point.from > doc.seq);
      const from = point === null || reset ? doc.seq : (point as { from: number }).from;
      reply.hijack(); // no onSend hooks (compression), no serializer: we write SSE ourselves
      const res = reply.raw;
      res.writeHead(200, { ...replyHeaders(reply), ...STREAM_HEADERS });
      res.flushHeaders();
      req.raw.socket.setNoDelay(true);
      req.raw.socket.setKeepAlive(true);
      hub.open({
        documentId: doc.id,
        owner: req.apiToken
          ? { user: presenceUser(user), sessionId: `token:${req.apiToken.id}`, token: bearerSecret(req), bearer: true }
          : { user: presenceUser(user), sessionId: req.session!.id, token: req.sessionToken! },
        res,
        from,
        reset,
      });
    },
  );

  app.put<{ Params: { id: string } }>('/api/documents/:id/presence', async (req, reply) => {
    requirePermission(req, 'document.read');
    const doc = await loadDocument(store, req.params.id);
    const { segmentId } = parseWith(PresenceBodySchema, req.body);
    if (segmentId !== null && !byId(doc.segments, segmentId)) {
      throw notFound('SEGMENT_NOT_FOUND', `Segment ${segmentId} is not in document ${doc.id}.`);
    }
    await presence.focus(doc.id, presenceUser(currentUser(req)), segmentId);
    return reply.code(204).send();
  });

  /** Comments that @mention me, in every document, newest first, read or not. */
  app.get('/api/mentions', async (req) => {
    const user = requirePermission(req, 'document.read');
    const [list, read] = await Promise.all([mentions.of(user.id), mentionReads.readBy(user.id)]);
    return { mentions: list.map((m) => ({ ...m, read: read.has(m.id) })) };
  });

  app.post('/api/mentions/read', async (req, reply) => {
    const user = requirePermission(req, 'document.read');
    const { ids } = parseWith(MentionsReadBodySchema, req.body);
    const known = new Set((await mentions.of(user.id)).map((m) => m.id));
    await mentionReads.mark(user.id, ids, known);
    return reply.code(204).send();
  });
}
