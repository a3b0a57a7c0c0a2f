import fs from 'node:fs/promises';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from '../shared/permissions';
import type { DocumentState, Flag } from '../shared/schemas';
import { CSRF_HEADER } from '../shared/users';
import {
  TEST_PASSWORD,
  ensureUser,
  json,
  login,
  makeSandbox,
  startServer,
  type Credentials,
  type TestServer,
} from './test-helpers';

/**
 * The server is the authority on roles: every mutating route × every role, against the permission table
 * (src/shared/permissions.ts). The routes come from the app itself, so a new route without a row here fails.
 */

/** Every METHOD + route pattern the app registered, read from Fastify's route tree. */
function registeredRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    paths.length = depth;
    const full = (paths[depth - 1] ?? '') + m[2]!;
    paths[depth] = full;
    for (const method of m[3]?.split(', ') ?? []) out.push(`${method} ${full}`);
  }
  return out.sort();
}

const MUTATING = /^(POST|PUT|PATCH|DELETE) \/api\//;

/** What a request needs: a permission, just a session, or nothing (signing in). */
type Need = Permission | 'signed-in' | 'public';

interface Fixture {
  doc: DocumentState;
  /** Open, on "chat" in segment 1; created by the user under test when they may flag (else the admin). */
  open: Flag;
  /** Disputed by the translator (version 2), on "tapis" in segment 1; created by the admin. */
  disputed: Flag;
  /** Withdrawn, on "assis"; created like `open`. */
  withdrawn: Flag;
  /** A comment on `open`, written by the user under test when they may comment. */
  commentId: string;
  /** A user the admin routes can change. */
  targetUserId: string;
  n: number;
  /** The document's seq once set up. */
  seq: number;
  /** An automatic finding (a double space in segment 4). */
  findingId: string;
  /** A finding dismissed by an admin, to restore. */
  dismissedId: string;
  /** The seq of a split (of segment 5, by an admin while setting up), for the structure revert. */
  splitSeq: number;
  /** An API token of the user under test (their own: anyone may revoke their own). */
  tokenId: string;
  /** A webhook made for this request (switched off: it sends nothing). */
  hookId: string;
  /** A webhook with one delivery in its log (shared by every request). */
  loggedHookId: string;
  deliveryId: string;
}

interface Case {
  route: string;
  label: string;
  need: Need;
  /** When a role is refused for a permission other than `need` (checked first). */
  deniedBy?: (role: Role) => Permission;
  /** Permissions needed besides `need`. */
  alsoNeeds?: Permission[];
  request: (f: Fixture) => {
    method: InjectOptions['method'];
    url: string;
    payload?: object | string;
    headers?: Record<string, string>;
  };
}

/** A multipart/form-data body with one small XLIFF file (POST /api/documents/import-file). */
const BOUNDARY = 'visavis-test-boundary';
const XLIFF_UPLOAD = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="p.xlf"',
  'Content-Type: application/xliff+xml',
  '',
  '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

const seg = (f: Fixture, i: number) => f.doc.segments[i]!;
const docUrl = (f: Fixture) => `/api/documents/${f.doc.id}`;
const WMT_HEADER = 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment';
const NEW_DOC = { title: 'Nouveau', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'a', target: 'b' }] };

const flagAction = (
  action: string,
  body: object,
  need: Permission,
  flag: 'open' | 'disputed' | 'withdrawn' = 'open',
  label = `PATCH flag {action:"${action}"}`,
): Case => ({
  route: 'PATCH /api/documents/:id/flags/:flagId',
  label,
  need,
  request: (f) => ({
    method: 'PATCH',
    url: `${docUrl(f)}/flags/${f[flag].id}`,
    payload: { action, baseVersion: f[flag].version, ...body },
  }),
});

const CASES: Case[] = [
  flagAction('restore', {}, 'flag.restore', 'withdrawn'),
  {
    ...flagAction(
      'edit',
      { severity: 'major' },
      'flag.editAny',
      'disputed',
      'PATCH someone else’s flag {action:"edit"}',
    ),
    alsoNeeds: ['flag.edit'],
    deniedBy: (role) => (can([role], 'flag.edit') ? 'flag.editAny' : 'flag.edit'),
  },
  {
    route: 'POST /api/documents/:id/segments/:segmentId/review',
    label: 'POST review a segment',
    need: 'segment.review',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/segments/${seg(f, 1).id}/review`,
      payload: { reviewed: true, activeMs: 1200 },
    }),
  },
  {
    route: 'PUT /api/documents/:id/guidelines',
    label: 'PUT guidelines',
    need: 'document.guidelines',
    request: (f) => ({
      method: 'PUT',
      url: `${docUrl(f)}/guidelines`,
      payload: { guidelines: { text: 'House style' }, fileName: 'style.json' },
    }),
  },
  {
    route: 'POST /api/documents/import-file',
    label: 'POST import-file (XLIFF)',
    need: 'document.create',
    request: () => ({
      method: 'POST',
      url: '/api/documents/import-file?force=true',
      payload: XLIFF_UPLOAD,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    }),
  },
  {
    route: 'PATCH /api/documents/:id',
    label: 'PATCH document {title}',
    need: 'document.rename',
    request: (f) => ({ method: 'PATCH', url: docUrl(f), payload: { title: 'Renommé' } }),
  },
  {
    route: 'PATCH /api/documents/:id',
    label: 'PATCH document {archived}',
    need: 'document.archive',
    request: (f) => ({ method: 'PATCH', url: docUrl(f), payload: { archived: true } }),
  },
  {
    route: 'DELETE /api/documents/:id',
    label: 'DELETE document',
    need: 'document.delete',
    request: (f) => ({ method: 'DELETE', url: docUrl(f) }),
  },
  {
    route: 'POST /api/documents',
    label: 'POST /api/documents',
    need: 'document.create',
    request: () => ({ method: 'POST', url: '/api/documents', payload: NEW_DOC }),
  },
  {
    route: 'POST /api/documents/import-text',
    label: 'POST import-text',
    need: 'document.create',
    request: () => ({
      method: 'POST',
      url: '/api/documents/import-text',
      payload: { title: 'Import', sourceLang: 'en', targetLang: 'fr', sourceText: 'One', targetText: 'Un' },
    }),
  },
  {
    route: 'PATCH /api/documents/:id/segments/:segmentId',
    label: 'PATCH segment (edit the translation)',
    need: 'segment.edit',
    request: (f) => ({
      method: 'PATCH',
      url: `${docUrl(f)}/segments/${seg(f, 2).id}`,
      payload: { target: 'Troisième !', baseVersion: 1 },
    }),
  },
  {
    route: 'POST /api/documents/:id/replace',
    label: 'POST replace (find & replace)',
    need: 'segment.edit',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/replace`,
      payload: { changes: [{ segmentId: seg(f, 2).id, baseVersion: 1, target: 'Troisième !' }] },
    }),
  },
  {
    route: 'POST /api/documents/:id/flags',
    label: 'POST flag',
    need: 'flag.create',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/flags`,
      payload: {
        segmentId: seg(f, 2).id,
        side: 'target',
        start: 0,
        end: 5,
        category: 'style',
        severity: 'minor',
        baseVersion: 1,
      },
    }),
  },
  flagAction('edit', { severity: 'critical' }, 'flag.edit'),
  flagAction('accept', {}, 'flag.accept'),
  flagAction('reject', { reason: 'not an error' }, 'flag.reject'),
  flagAction('resolve', { reason: 'done' }, 'flag.resolve'),
  flagAction('dispute', { reason: 'I disagree' }, 'flag.dispute'),
  flagAction('withdraw', { reason: 'fair enough' }, 'flag.withdraw', 'disputed'),
  flagAction('maintain', { reason: 'still wrong' }, 'flag.maintain', 'disputed'),
  {
    route: 'POST /api/documents/:id/segments/:segmentId/revert',
    label: 'POST revert',
    need: 'segment.revert',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/segments/${seg(f, 1).id}/revert`,
      payload: { toSeq: 1, baseVersion: 2 },
    }),
  },
  {
    route: 'POST /api/documents/:id/segments/:segmentId/status',
    label: 'POST segment status (approve)',
    need: 'segment.status',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/segments/${seg(f, 2).id}/status`,
      payload: { action: 'approve' },
    }),
  },
  {
    route: 'POST /api/documents/:id/segments/:segmentId/split',
    label: 'POST split a segment',
    need: 'segment.structure',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/segments/${seg(f, 2).id}/split`,
      payload: { sourceAt: 3, targetAt: 4, baseVersion: 1 },
    }),
  },
  {
    route: 'POST /api/documents/:id/segments/:segmentId/merge-next',
    label: 'POST merge a segment with the next',
    need: 'segment.structure',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/segments/${seg(f, 6).id}/merge-next`,
      payload: { baseVersion: 1, nextBaseVersion: 1 },
    }),
  },
  {
    route: 'DELETE /api/documents/:id/segments/:segmentId',
    label: 'DELETE an empty-sided segment',
    need: 'segment.structure',
    request: (f) => ({
      method: 'DELETE',
      url: `${docUrl(f)}/segments/${seg(f, 5).id}`,
      payload: { baseVersion: 1 },
    }),
  },
  {
    route: 'POST /api/documents/:id/structure/revert',
    label: 'POST undo a split',
    need: 'segment.structure',
    request: (f) => ({ method: 'POST', url: `${docUrl(f)}/structure/revert`, payload: { seq: f.splitSeq } }),
  },
  {
    route: 'POST /api/documents/align-preview',
    label: 'POST align-preview (import)',
    need: 'document.create',
    request: () => ({
      method: 'POST',
      url: '/api/documents/align-preview',
      payload: { sourceLang: 'en', targetLang: 'fr', unit: 'sentence', sourceText: 'One.', targetText: 'Un.' },
    }),
  },
  {
    route: 'POST /api/documents/:id/approve-clean',
    label: 'POST approve-clean',
    need: 'segment.status',
    request: (f) => ({ method: 'POST', url: `${docUrl(f)}/approve-clean`, payload: {} }),
  },
  {
    route: 'POST /api/documents/:id/status',
    label: 'POST document status (submit)',
    need: 'document.status',
    request: (f) => ({ method: 'POST', url: `${docUrl(f)}/status`, payload: { action: 'submit' } }),
  },
  {
    route: 'POST /api/documents/:id/flags/:flagId/comments',
    label: 'POST comment',
    need: 'comment.add',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/flags/${f.open.id}/comments`,
      payload: { text: 'Une remarque' },
    }),
  },
  {
    route: 'PATCH /api/documents/:id/flags/:flagId/comments/:commentId',
    label: 'PATCH own comment',
    need: 'comment.edit',
    request: (f) => ({
      method: 'PATCH',
      url: `${docUrl(f)}/flags/${f.open.id}/comments/${f.commentId}`,
      payload: { text: 'Corrigée' },
    }),
  },
  {
    route: 'PUT /api/documents/:id/presence',
    label: 'PUT presence',
    need: 'document.read',
    request: (f) => ({ method: 'PUT', url: `${docUrl(f)}/presence`, payload: { segmentId: seg(f, 0).id } }),
  },
  {
    route: 'POST /api/mentions/read',
    label: 'POST mentions read',
    need: 'document.read',
    request: () => ({ method: 'POST', url: '/api/mentions/read', payload: { ids: [] } }),
  },
  {
    route: 'POST /api/documents/:id/scoring',
    label: 'POST scoring settings',
    need: 'document.settings',
    request: (f) => ({ method: 'POST', url: `${docUrl(f)}/scoring`, payload: { preset: 'wmt', cutScore: 90 } }),
  },
  {
    route: 'POST /api/documents/:id/glossary',
    label: 'POST glossary (CSV)',
    need: 'qa.settings',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/glossary`,
      payload: { format: 'csv', text: 'source,target\ncat,chat\n', fileName: 'g.csv' },
    }),
  },
  {
    route: 'DELETE /api/documents/:id/glossary',
    label: 'DELETE glossary',
    need: 'qa.settings',
    request: (f) => ({ method: 'DELETE', url: `${docUrl(f)}/glossary` }),
  },
  {
    route: 'POST /api/documents/:id/qa-settings',
    label: 'POST QA settings',
    need: 'qa.settings',
    request: (f) => ({ method: 'POST', url: `${docUrl(f)}/qa-settings`, payload: { accentInsensitive: true } }),
  },
  {
    route: 'POST /api/documents/:id/findings/:findingId/dismiss',
    label: 'POST dismiss a finding',
    need: 'qa.dismiss',
    request: (f) => ({
      method: 'POST',
      url: `${docUrl(f)}/findings/${f.findingId}/dismiss`,
      payload: { reason: 'intended' },
    }),
  },
  {
    route: 'POST /api/documents/:id/findings/:findingId/restore',
    label: 'POST restore a dismissed finding',
    need: 'qa.dismiss',
    request: (f) => ({ method: 'POST', url: `${docUrl(f)}/findings/${f.dismissedId}/restore` }),
  },
  {
    route: 'POST /api/documents/import-mqm',
    label: 'POST import-mqm (WMT TSV)',
    need: 'document.create',
    request: (f) => ({
      method: 'POST',
      url: '/api/documents/import-mqm',
      payload: {
        file: `perm-${f.n}.tsv`,
        tsv: `${WMT_HEADER}\nsys\tdoc\t1\t1\trater\tA b c.\tX <v>y</v> z.\tFluency/Grammar\tMinor\t\n`,
      },
    }),
  },
  {
    route: 'POST /api/session',
    label: 'POST /api/session (sign in)',
    need: 'public',
    request: (f) => ({
      method: 'POST',
      url: '/api/session',
      payload: { login: `user ${f.n}`, password: TEST_PASSWORD },
    }),
  },
  {
    route: 'DELETE /api/session',
    label: 'DELETE /api/session (sign out)',
    need: 'signed-in',
    request: () => ({ method: 'DELETE', url: '/api/session' }),
  },
  {
    route: 'PATCH /api/session/password',
    label: 'PATCH own password',
    need: 'signed-in',
    request: () => ({
      method: 'PATCH',
      url: '/api/session/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a whole new password' },
    }),
  },
  {
    route: 'POST /api/tokens',
    label: 'POST /api/tokens (own API token)',
    need: 'signed-in',
    request: () => ({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'ci', expiresInDays: 30, permissions: ['document.read'] },
    }),
  },
  {
    route: 'DELETE /api/tokens/:id',
    label: 'DELETE /api/tokens/:id (own token)',
    need: 'signed-in',
    request: (f) => ({ method: 'DELETE', url: `/api/tokens/${f.tokenId}` }),
  },
  {
    route: 'POST /api/webhooks',
    label: 'POST /api/webhooks',
    need: 'users.manage',
    request: () => ({
      method: 'POST',
      url: '/api/webhooks',
      payload: {
        url: 'http://127.0.0.1:9/hook',
        events: ['document.approved'],
        secret: 'a secret of 16+ chars',
        active: false,
      },
    }),
  },
  {
    route: 'PATCH /api/webhooks/:id',
    label: 'PATCH /api/webhooks/:id',
    need: 'users.manage',
    request: (f) => ({ method: 'PATCH', url: `/api/webhooks/${f.hookId}`, payload: { events: ['flag.created'] } }),
  },
  {
    route: 'DELETE /api/webhooks/:id',
    label: 'DELETE /api/webhooks/:id',
    need: 'users.manage',
    request: (f) => ({ method: 'DELETE', url: `/api/webhooks/${f.hookId}` }),
  },
  {
    route: 'POST /api/webhooks/:id/deliveries/:deliveryId/resend',
    label: 'POST a webhook delivery again',
    need: 'users.manage',
    request: (f) => ({ method: 'POST', url: `/api/webhooks/${f.loggedHookId}/deliveries/${f.deliveryId}/resend` }),
  },
  {
    route: 'POST /api/users',
    label: 'POST /api/users',
    need: 'users.manage',
    request: (f) => ({
      method: 'POST',
      url: '/api/users',
      payload: { login: `created ${f.n}`, displayName: 'Created', password: 'created password', roles: ['viewer'] },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    label: 'PATCH /api/users/:id',
    need: 'users.manage',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/users/${f.targetUserId}`,
      payload: { displayName: `Renamed ${f.n}` },
    }),
  },
];

const allowed = (roles: readonly Role[], need: Need) => need === 'public' || need === 'signed-in' || can(roles, need);

describe('permissions: every mutating route × every role', () => {
  let sandbox: string;
  let server: TestServer;
  let app: FastifyInstance;
  let admin: Credentials;
  let targetUserId: string;
  let loggedHookId: string;
  let deliveryId: string;
  let n = 0;

  beforeAll(async () => {
    let dataDir: string;
    ({ sandbox, dataDir } = await makeSandbox());
    server = await startServer(dataDir);
    app = server.app;
    await ensureUser(app, 'admin', ['admin']);
    admin = await login(app, 'admin');
    targetUserId = (await ensureUser(app, 'target', ['viewer'])).id;
    // A webhook with a delivery in its log (to an address where nothing listens), then switched off.
    loggedHookId = (
      await ok({
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: 'http://127.0.0.1:9/hook', events: ['document.approved'], secret: 'a secret of 16+ chars' },
      })
    ).webhook.id;
    const d = (await ok({ method: 'POST', url: '/api/documents', payload: NEW_DOC })).document as DocumentState;
    await ok({ method: 'POST', url: `/api/documents/${d.id}/status`, payload: { action: 'approve' } });
    // The delivery is enqueued after the answer (never in the write's way): wait for it.
    for (let i = 0; i < 200 && !deliveryId; i++) {
      deliveryId = (await ok({ method: 'GET', url: `/api/webhooks/${loggedHookId}/deliveries` })).deliveries[0]?.id;
      if (!deliveryId) await new Promise((r) => setTimeout(r, 50));
    }
    expect(deliveryId).toBeTruthy();
    await ok({ method: 'PATCH', url: `/api/webhooks/${loggedHookId}`, payload: { active: false } });
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  async function send(creds: Credentials | null, req: ReturnType<Case['request']>, withCsrf = true) {
    const headers: Record<string, string> = { ...req.headers };
    if (creds) headers.cookie = creds.cookie;
    if (creds && withCsrf) headers[CSRF_HEADER] = creds.csrfToken;
    return app.inject({ method: req.method, url: req.url, headers, ...(req.payload ? { payload: req.payload } : {}) });
  }

  async function ok(req: ReturnType<Case['request']>) {
    const res = await send(admin, req);
    expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBeLessThan(300);
    return json(res);
  }

  /** A fresh document (and a fresh user with `roles`) for each request, so every allowed one can succeed. */
  async function fixture(roles: readonly Role[]): Promise<{ f: Fixture; user: Credentials }> {
    const k = ++n;
    await ensureUser(app, `user ${k}`, roles);
    const user = await login(app, `user ${k}`);
    const doc: DocumentState = (
      await ok({
        method: 'POST',
        url: '/api/documents',
        payload: {
          title: `Doc ${k}`,
          sourceLang: 'en',
          targetLang: 'fr',
          segments: [
            { source: 'The cat sat on the mat', target: 'Le chat est assis sur le tapis' },
            { source: 'Second', target: 'Deuxième' },
            { source: 'Third', target: 'Troisième' },
            { source: 'Fourth', target: 'Le  quatrième' },
            { source: 'Fifth. Sixth.', target: 'Cinquième. Sixième.' },
            { source: '', target: 'Partager cet article' },
            { source: 'Seventh', target: 'Septième' },
            { source: 'Eighth', target: 'Huitième' },
          ],
        },
      })
    ).document;
    const s0 = doc.segments[0]!;
    const flagOn = async (words: string, by: Credentials = admin) => {
      const start = s0.target.indexOf(words);
      const body = {
        segmentId: s0.id,
        side: 'target',
        start,
        end: start + words.length,
        category: 'fluency/spelling',
        severity: 'minor',
        correction: `${words}s`,
        baseVersion: 1,
      };
      const res = await send(by, { method: 'POST', url: `/api/documents/${doc.id}/flags`, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return json(res).flag as Flag;
    };
    // Authors edit and restore their own flags: the user under test flags when allowed to.
    const flagger = can(roles, 'flag.create') ? user : admin;
    const open = await flagOn('chat', flagger);
    const withdrawn = await flagOn('assis', flagger);
    await ok({
      method: 'PATCH',
      url: `/api/documents/${doc.id}/flags/${withdrawn.id}`,
      payload: { action: 'withdraw', baseVersion: 1 },
    });
    let disputed = await flagOn('tapis');
    disputed = (
      await ok({
        method: 'PATCH',
        url: `/api/documents/${doc.id}/flags/${disputed.id}`,
        payload: { action: 'dispute', baseVersion: 1, reason: 'no' },
      })
    ).flag;
    await ok({
      method: 'PATCH',
      url: `/api/documents/${doc.id}/segments/${doc.segments[1]!.id}`,
      payload: { target: 'Deuxième phrase', baseVersion: 1 },
    });
    // Only authors edit their comments: the user under test writes it when allowed to comment.
    const author = can(roles, 'comment.add') ? user : admin;
    const commented = await send(author, {
      method: 'POST',
      url: `/api/documents/${doc.id}/flags/${open.id}/comments`,
      payload: { text: 'Remarque' },
    });
    expect(commented.statusCode, commented.body).toBe(201);
    const commentId = (json(commented).flag as Flag).comments.at(-1)!.id;
    const split = await ok({
      method: 'POST',
      url: `/api/documents/${doc.id}/segments/${doc.segments[4]!.id}/split`,
      payload: { sourceAt: 7, targetAt: 11, baseVersion: 1 },
    });
    const splitSeq = split.seq as number;
    const findings = (await ok({ method: 'GET', url: `/api/documents/${doc.id}/qa` })).findings as {
      id: string;
      checkId: string;
    }[];
    const findingId = findings.find((x) => x.checkId === 'double-space')!.id;
    const dismissedId = findings.find((x) => x.id !== findingId)!.id;
    await ok({
      method: 'POST',
      url: `/api/documents/${doc.id}/findings/${dismissedId}/dismiss`,
      payload: { reason: 'x' },
    });
    // The flags as they are now (a comment bumps a flag's version; the dismissal above bumps the seq).
    const now = (await ok({ method: 'GET', url: `/api/documents/${doc.id}` })).document as DocumentState;
    const current = (flag: Flag) => now.flags.find((x) => x.id === flag.id)!;
    const token = await send(user, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: `mine ${k}`, expiresInDays: 1, permissions: ['document.read'] },
    });
    expect(token.statusCode, token.body).toBe(201);
    const hook = await ok({
      method: 'POST',
      url: '/api/webhooks',
      payload: {
        url: 'http://127.0.0.1:9/h',
        events: ['document.approved'],
        secret: 'a secret of 16+ chars',
        active: false,
      },
    });
    return {
      f: {
        doc,
        open: current(open),
        disputed: current(disputed),
        withdrawn: current(withdrawn),
        commentId,
        targetUserId,
        n: k,
        seq: now.seq,
        findingId,
        dismissedId,
        splitSeq,
        tokenId: json(token).token.id,
        hookId: hook.webhook.id,
        loggedHookId,
        deliveryId,
      },
      user,
    };
  }

  /**
   * One fixture per role set for requests that must be refused: a refusal changes nothing, so they can share
   * it (each still checks that nothing happened; a refusal that wrongly wrote would show there too).
   */
  const sharedFixtures = new Map<string, Promise<{ f: Fixture; user: Credentials }>>();
  function refusedFixture(roles: readonly Role[]): Promise<{ f: Fixture; user: Credentials }> {
    const key = roles.join(',');
    let made = sharedFixtures.get(key);
    if (!made) sharedFixtures.set(key, (made = fixture(roles)));
    return made;
  }

  it('the table lists exactly the mutating routes the app has', () => {
    const registered = registeredRoutes(app).filter((r) => MUTATING.test(r));
    expect(registered.length).toBeGreaterThan(10);
    expect([...new Set(CASES.map((c) => c.route))].sort()).toEqual(registered);
    for (const c of CASES) {
      const [method, url] = c.route.split(' ') as [InjectOptions['method'], string];
      expect(app.hasRoute({ method: method!, url }), c.route).toBe(true);
    }
  });

  it('covers every role and every write permission', () => {
    expect(ROLES).toEqual(['translator', 'reviewer', 'editor', 'viewer', 'admin']);
    const needs = new Set(CASES.map((c) => c.need));
    // Every permission that writes is exercised by at least one route (reads are checked below).
    const writes = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (p) => p !== 'document.read' && p !== 'document.export',
    );
    expect(writes.filter((p) => !needs.has(p))).toEqual([]);
  });

  const table = CASES.flatMap((c) =>
    ROLES.map(
      (role) =>
        [
          c.label,
          role,
          allowed([role], c.need) && (c.alsoNeeds ?? []).every((p) => can([role], p)) ? 'allowed' : 'forbidden',
          c,
        ] as const,
    ),
  );

  it.each(table)('%s as %s → %s', async (_, role, expected, c) => {
    const { f, user } = expected === 'allowed' ? await fixture([role]) : await refusedFixture([role]);
    const req = c.request(f);
    const res = await send(user, req);
    if (expected === 'allowed') {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(403);
      const error = json(res).error;
      expect(error.code).toBe('FORBIDDEN');
      const need = c.deniedBy?.(role) ?? c.need;
      expect(error.message).toContain(need);
      expect(error.details).toEqual({ permission: need });
      // And nothing happened.
      if (req.url.startsWith(`/api/documents/${f.doc.id}`)) {
        const after = json(
          await send(admin, { method: 'GET', url: `/api/documents/${f.doc.id}/events?after=${f.seq}` }),
        );
        expect(after).toEqual({ events: [], seq: f.seq, next: null });
      }
    }
  });

  it.each(CASES.filter((c) => c.need !== 'public').map((c) => [c.label, c] as const))(
    '%s without a session → 401 UNAUTHENTICATED',
    async (_, c) => {
      const { f } = await refusedFixture(['viewer']);
      const res = await send(null, c.request(f));
      expect(res.statusCode, res.body).toBe(401);
      expect(json(res).error.code).toBe('UNAUTHENTICATED');
    },
  );

  it.each(CASES.filter((c) => c.need !== 'public').map((c) => [c.label, c] as const))(
    '%s without the CSRF token → 403 CSRF (even for an admin)',
    async (_, c) => {
      const { f } = await refusedFixture(['admin']);
      const res = await send(admin, c.request(f), false);
      expect(res.statusCode, res.body).toBe(403);
      expect(json(res).error.code).toBe('CSRF');
    },
  );

  /**
   * Routes a bearer request never reaches (403 FORBIDDEN): the session's writes and token management. It may
   * read GET /api/session, and reach the live routes (stream, presence), so a browser sent with the header works.
   */
  const SESSION_ONLY = /^((POST|PUT|PATCH|DELETE) \/api\/session$|\S+ \/api\/session\/|\S+ \/api\/tokens(\/|$))/;

  /** An API token of `user` with every permission `role` gives, made on the account page's route. */
  async function tokenOf(user: Credentials, role: Role, permissions?: Permission[]): Promise<string> {
    const all = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can([role], p));
    const res = await send(user, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: `bearer ${role}`, expiresInDays: 1, permissions: permissions ?? all },
    });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).secret as string;
  }

  async function sendBearer(secret: string, req: ReturnType<Case['request']>) {
    const headers = { ...req.headers, authorization: `Bearer ${secret}` };
    return app.inject({ method: req.method, url: req.url, headers, ...(req.payload ? { payload: req.payload } : {}) });
  }

  it.each(table)('%s as %s with a bearer token (no cookie, no CSRF) → %s', async (_, role, expected, c) => {
    const refused = SESSION_ONLY.test(c.route) || expected !== 'allowed';
    const { f, user } = refused ? await refusedFixture([role]) : await fixture([role]);
    const secret = await tokenOf(user, role);
    const res = await sendBearer(secret, c.request(f));
    expect(res.headers['set-cookie'], 'a bearer request never gets a cookie').toBeUndefined();
    if (SESSION_ONLY.test(c.route)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(json(res).error.code).toBe('FORBIDDEN');
    } else if (expected === 'allowed') {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(403);
      expect(json(res).error).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: c.deniedBy?.(role) ?? c.need },
      });
    }
  });

  const READ_ONLY: Need[] = ['public', 'signed-in', 'document.read', 'document.export'];
  it.each(
    CASES.filter((c) => !READ_ONLY.includes(c.need) && !SESSION_ONLY.test(c.route)).map((c) => [c.label, c] as const),
  )('%s with an admin’s read-only token → 403 TOKEN_SCOPE, nothing changed', async (_, c) => {
    const { f, user } = await refusedFixture(['admin']);
    const secret = await tokenOf(user, 'admin', ['document.read', 'document.export']);
    const res = await sendBearer(secret, c.request(f));
    expect(res.statusCode, res.body).toBe(403);
    // The first permission the route checks that a read-only token lacks.
    const first = [...(c.alsoNeeds ?? []), c.need].find((p) => !READ_ONLY.includes(p));
    expect(json(res).error).toMatchObject({ code: 'TOKEN_SCOPE', details: { permission: first } });
    const after = json(await send(admin, { method: 'GET', url: `/api/documents/${f.doc.id}/events?after=${f.seq}` }));
    expect(after.events).toEqual([]);
  });

  it('signing in needs neither a session nor a CSRF token', async () => {
    const { f } = await fixture(['viewer']);
    const res = await send(null, {
      method: 'POST',
      url: '/api/session',
      payload: { login: `user ${f.n}`, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('every read under /api needs a session, and viewers may read and export', async () => {
    // The event stream never ends by itself: live.test.ts checks it on a real connection.
    const streams = ['GET /api/health', 'GET /api/documents/:id/stream'];
    const reads = registeredRoutes(app).filter((r) => /^GET \/api\//.test(r) && !streams.includes(r));
    // Webhooks are the admins' (users.manage), reads included.
    const adminReads = ['GET /api/webhooks', 'GET /api/webhooks/:id/deliveries'];
    expect(reads.length).toBeGreaterThan(4);
    const { f, user } = await fixture(['viewer']);
    const fill = (pattern: string) =>
      pattern
        .replace(':id', f.doc.id)
        .replace(':segmentId', f.doc.segments[0]!.id)
        .replace(':flagId', f.open.id)
        .replace('/api/comparisons', '/api/comparisons?file=none.tsv');
    for (const r of reads) {
      const url = fill(r.slice(4));
      const anonymous = await send(null, { method: 'GET', url });
      expect(anonymous.statusCode, `${r}: ${anonymous.body}`).toBe(401);
      const viewer = await send(user, { method: 'GET', url });
      // The fixture's document has no glossary: its TBX is a 404, past the permission check all the same.
      const expected = adminReads.includes(r) ? 403 : r.endsWith('/glossary.tbx') ? 404 : 200;
      expect(viewer.statusCode, `${r}: ${viewer.body}`).toBe(expected);
    }
    expect((await send(null, { method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
