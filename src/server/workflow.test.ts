import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../shared/events';
import type { SegmentHistory } from '../shared/history';
import type { DocumentState, Flag, Segment } from '../shared/schemas';
import { EDITOR, REVIEWER, ROLE_USERS, TRANSLATOR, VIEWER, call, json, login, useRoleServer } from './test-helpers';

/**
 * The review workflow through the API (src/server/routes/workflow.ts, the rules in domain/commands.ts):
 * disputes, comment threads, segment and document statuses, history and revert. Each request is made by a
 * user holding the role the permission table (shared/permissions.ts) asks for.
 */

const LOGINS = new Set(ROLE_USERS.map(([l]) => l));

type Method = InjectOptions['method'];

/** One sandbox and server per describe block, with one user per role (signed in once). */
function useServer() {
  const ctx = useRoleServer();
  const req = (who: string, method: Method, url: string, body?: unknown) => call(ctx.app, method, url, body, who);

  const api = {
    req,
    async newDoc(segments: [source: string, target: string][], title = 'Document'): Promise<DocumentState> {
      const res = await req(EDITOR, 'POST', '/api/documents', {
        title,
        sourceLang: 'en',
        targetLang: 'fr',
        segments: segments.map(([source, target]) => ({ source, target })),
      });
      expect(res.statusCode, res.body).toBe(201);
      return json(res).document;
    },
    async doc(id: string): Promise<DocumentState> {
      const res = await req(VIEWER, 'GET', `/api/documents/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).document;
    },
    async segment(docId: string, segmentId: string): Promise<Segment> {
      return (await api.doc(docId)).segments.find((s) => s.id === segmentId)!;
    },
    async flag(docId: string, flagId: string): Promise<Flag> {
      return (await api.doc(docId)).flags.find((f) => f.id === flagId)!;
    },
    async events(docId: string, after = 0): Promise<DocumentEvent[]> {
      const res = await req(VIEWER, 'GET', `/api/documents/${docId}/events?after=${after}`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).events;
    },
    /** The reviewer's POST for a target-side flag on `words` of the segment's current text, whatever the answer. */
    async createFlagRaw(docId: string, segmentId: string, words: string, over: Record<string, unknown> = {}) {
      const segment = await api.segment(docId, segmentId);
      const start = segment.target.indexOf(words);
      expect(start, `"${words}" in "${segment.target}"`).toBeGreaterThanOrEqual(0);
      return req(REVIEWER, 'POST', `/api/documents/${docId}/flags`, {
        segmentId,
        side: 'target',
        start,
        end: start + words.length,
        quote: words,
        category: 'accuracy/mistranslation',
        severity: 'major',
        baseVersion: segment.version,
        ...over,
      });
    },
    /** A target-side flag by the reviewer on `words`, which must be created. */
    async createFlag(
      docId: string,
      segmentId: string,
      words: string,
      over: Record<string, unknown> = {},
    ): Promise<Flag> {
      const res = await api.createFlagRaw(docId, segmentId, words, over);
      expect(res.statusCode, res.body).toBe(201);
      return json(res).flag;
    },
    /** PATCH a flag at its current version (unless the body says otherwise). */
    async flagAction(who: string, docId: string, flagId: string, action: string, body: Record<string, unknown> = {}) {
      const baseVersion = (await api.flag(docId, flagId)).version;
      return req(who, 'PATCH', `/api/documents/${docId}/flags/${flagId}`, { action, baseVersion, ...body });
    },
    async editSegment(who: string, docId: string, segmentId: string, target: string, baseVersion?: number) {
      const version = baseVersion ?? (await api.segment(docId, segmentId)).version;
      return req(who, 'PATCH', `/api/documents/${docId}/segments/${segmentId}`, { target, baseVersion: version });
    },
    segmentStatus(docId: string, segmentId: string, body: Record<string, unknown>, who = EDITOR) {
      return req(who, 'POST', `/api/documents/${docId}/segments/${segmentId}/status`, body);
    },
    documentStatus(docId: string, body: Record<string, unknown>, who = EDITOR) {
      return req(who, 'POST', `/api/documents/${docId}/status`, body);
    },
    revert(docId: string, segmentId: string, toSeq: number, baseVersion: number, who = TRANSLATOR) {
      return req(who, 'POST', `/api/documents/${docId}/segments/${segmentId}/revert`, { toSeq, baseVersion });
    },
    async history(docId: string, segmentId: string): Promise<SegmentHistory> {
      const res = await req(VIEWER, 'GET', `/api/documents/${docId}/segments/${segmentId}/history`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res);
    },
  };
  return { ctx, api };
}

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json(res);
  expect(body.error.code, res.body).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error as { code: string; message: string; details?: unknown };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const CAT = 'Le chat est assis sur le tapis';

// ---- Disputes -------------------------------------------------------------------------------------

describe('flag disputes: dispute, maintain, withdraw', () => {
  const { api } = useServer();
  let doc: DocumentState;
  let flag: Flag;

  beforeAll(async () => {
    doc = await api.newDoc([[`The cat sat on the mat`, CAT]]);
    flag = await api.createFlag(doc.id, doc.segments[0]!.id, 'chat', { correction: 'chien' });
    expect(flag).toMatchObject({ status: 'open', version: 1, createdBy: REVIEWER });
  });

  it('a dispute needs a reason (400, nothing changes)', async () => {
    const seq = (await api.doc(doc.id)).seq;
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: null }]) {
      const res = await api.flagAction(TRANSLATOR, doc.id, flag.id, 'dispute', body);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    expect(await api.flag(doc.id, flag.id)).toMatchObject({ status: 'open', version: 1 });
    expect((await api.doc(doc.id)).seq).toBe(seq);
  });

  it('maintaining an open (not disputed) flag → 409 FLAG_NOT_OPEN', async () => {
    const res = await api.flagAction(REVIEWER, doc.id, flag.id, 'maintain', { reason: 'Still wrong' });
    const error = expectError(res, 409, 'FLAG_NOT_OPEN');
    expect(error.details).toMatchObject({ current: { id: flag.id, status: 'open' } });
  });

  it('the translator disputes with a reason → disputed', async () => {
    const res = await api.flagAction(TRANSLATOR, doc.id, flag.id, 'dispute', { reason: '  « chat » est juste  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).flag).toMatchObject({
      status: 'disputed',
      reason: '« chat » est juste',
      version: 2,
      updatedBy: TRANSLATOR,
    });
    expect(await api.flag(doc.id, flag.id)).toMatchObject({ status: 'disputed', version: 2 });
    // Disputing changes no text.
    expect((await api.doc(doc.id)).segments[0]).toMatchObject({ target: CAT, version: 1 });
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event).toMatchObject({
      type: 'FlagDisputed',
      actor: TRANSLATOR,
      payload: { flagId: flag.id, reason: '« chat » est juste' },
    });
  });

  it('a disputed flag cannot be disputed again (409 FLAG_NOT_OPEN)', async () => {
    expectError(
      await api.flagAction(TRANSLATOR, doc.id, flag.id, 'dispute', { reason: 'encore' }),
      409,
      'FLAG_NOT_OPEN',
    );
  });

  it('maintaining needs a reason (400)', async () => {
    expectError(await api.flagAction(REVIEWER, doc.id, flag.id, 'maintain', {}), 400, 'VALIDATION_FAILED');
    expect(await api.flag(doc.id, flag.id)).toMatchObject({ status: 'disputed' });
  });

  it('only a reviewer maintains (the translator gets 403)', async () => {
    expectError(await api.flagAction(TRANSLATOR, doc.id, flag.id, 'maintain', { reason: 'x' }), 403, 'FORBIDDEN');
  });

  it('the reviewer maintains a disputed flag → open again', async () => {
    const res = await api.flagAction(REVIEWER, doc.id, flag.id, 'maintain', { reason: 'Le contexte parle d’un chien' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).flag).toMatchObject({
      status: 'open',
      reason: 'Le contexte parle d’un chien',
      version: 3,
      updatedBy: REVIEWER,
    });
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event).toMatchObject({ type: 'FlagMaintained', actor: REVIEWER });
  });

  it('disputed again, then withdrawn by the reviewer → withdrawn (and settled)', async () => {
    expect((await api.flagAction(TRANSLATOR, doc.id, flag.id, 'dispute', { reason: 'Non' })).statusCode).toBe(200);
    const res = await api.flagAction(REVIEWER, doc.id, flag.id, 'withdraw', { reason: 'D’accord' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).flag).toMatchObject({ status: 'withdrawn', reason: 'D’accord', version: 5, updatedBy: REVIEWER });
    // Nothing more can happen to a withdrawn flag.
    for (const [who, action, body] of [
      [REVIEWER, 'maintain', { reason: 'x' }],
      [REVIEWER, 'withdraw', {}],
      [TRANSLATOR, 'dispute', { reason: 'x' }],
      [TRANSLATOR, 'accept', {}],
    ] as const) {
      expectError(await api.flagAction(who, doc.id, flag.id, action, body), 409, 'FLAG_NOT_OPEN');
    }
    const summary = json(await api.req(VIEWER, 'GET', '/api/documents')).documents.find(
      (d: { id: string }) => d.id === doc.id,
    );
    expect(summary.openFlagCount).toBe(0);
  });

  it('a reviewer may withdraw an open flag directly (no reason needed)', async () => {
    const other = await api.createFlag(doc.id, doc.segments[0]!.id, 'tapis', { severity: 'minor' });
    const res = await api.flagAction(REVIEWER, doc.id, other.id, 'withdraw');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).flag).toMatchObject({ status: 'withdrawn', reason: null });
  });

  it('the statuses along the way, read back from the events', async () => {
    const events = (await api.events(doc.id)).filter((e) => 'flagId' in e.payload && e.payload.flagId === flag.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['FlagCreated', REVIEWER],
      ['FlagDisputed', TRANSLATOR],
      ['FlagMaintained', REVIEWER],
      ['FlagDisputed', TRANSLATOR],
      ['FlagWithdrawn', REVIEWER],
    ]);
  });
});

// ---- Comments -------------------------------------------------------------------------------------

describe('comment threads', () => {
  const { api } = useServer();
  let doc: DocumentState;
  let flag: Flag;
  const url = () => `/api/documents/${doc.id}/flags/${flag.id}/comments`;

  beforeAll(async () => {
    doc = await api.newDoc([[`The cat sat on the mat`, CAT]]);
    flag = await api.createFlag(doc.id, doc.segments[0]!.id, 'tapis');
  });

  it('adding a comment → 201 and the thread has it, with author and time', async () => {
    const before = Date.now();
    const res = await api.req(REVIEWER, 'POST', url(), { text: '  Pourquoi « tapis » ?  ' });
    expect(res.statusCode, res.body).toBe(201);
    const body = json(res);
    const thread = body.flag.comments;
    expect(thread).toHaveLength(1);
    expect(thread[0]).toEqual({
      id: expect.any(String),
      author: REVIEWER,
      at: expect.stringMatching(ISO),
      text: 'Pourquoi « tapis » ?',
    });
    expect(Date.parse(thread[0].at)).toBeGreaterThanOrEqual(before - 1000);
    // The flag itself is unchanged, its version included: a comment is not a change to the flag (issue #9).
    expect(body.flag).toMatchObject({ status: 'open', version: 1 });
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event).toMatchObject({
      type: 'CommentAdded',
      actor: REVIEWER,
      payload: { flagId: flag.id, commentId: thread[0].id },
    });
  });

  it('replies follow in order, each with its author', async () => {
    const res = await api.req(TRANSLATOR, 'POST', url(), { text: 'C’est le mot du client.' });
    expect(res.statusCode, res.body).toBe(201);
    const res2 = await api.req(EDITOR, 'POST', url(), { text: 'Gardons « tapis ».' });
    expect(res2.statusCode, res2.body).toBe(201);
    const thread = (await api.flag(doc.id, flag.id)).comments;
    expect(thread.map((c) => [c.author, c.text])).toEqual([
      [REVIEWER, 'Pourquoi « tapis » ?'],
      [TRANSLATOR, 'C’est le mot du client.'],
      [EDITOR, 'Gardons « tapis ».'],
    ]);
    expect(new Set(thread.map((c) => c.id)).size).toBe(3);
    for (const c of thread) expect(c.editedAt).toBeUndefined();
  });

  it('an empty comment is refused (400)', async () => {
    expectError(await api.req(REVIEWER, 'POST', url(), { text: '   ' }), 400, 'VALIDATION_FAILED');
    expectError(await api.req(REVIEWER, 'POST', url(), {}), 400, 'VALIDATION_FAILED');
  });

  it('a viewer may not comment (403)', async () => {
    expectError(await api.req(VIEWER, 'POST', url(), { text: 'Moi aussi' }), 403, 'FORBIDDEN');
  });

  it('editing my own comment changes its text and sets editedAt (at stays)', async () => {
    const first = (await api.flag(doc.id, flag.id)).comments[0]!;
    await new Promise((r) => setTimeout(r, 5));
    const res = await api.req(REVIEWER, 'PATCH', `${url()}/${first.id}`, { text: 'Pourquoi « tapis » ici ?' });
    expect(res.statusCode, res.body).toBe(200);
    const edited = (json(res).flag as Flag).comments[0]!;
    expect(edited).toMatchObject({ id: first.id, author: REVIEWER, at: first.at, text: 'Pourquoi « tapis » ici ?' });
    expect(edited.editedAt).toMatch(ISO);
    expect(Date.parse(edited.editedAt!)).toBeGreaterThan(Date.parse(first.at));
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event).toMatchObject({ type: 'CommentEdited', actor: REVIEWER, payload: { commentId: first.id } });
    // The others are untouched.
    const thread = (await api.flag(doc.id, flag.id)).comments;
    expect(thread[1]!.editedAt).toBeUndefined();
    expect(thread[2]!.editedAt).toBeUndefined();
  });

  it("editing someone else's comment → 403, nothing changes", async () => {
    const before = await api.doc(doc.id);
    const reviewerComment = before.flags[0]!.comments[0]!;
    const translatorComment = before.flags[0]!.comments[1]!;
    const error = expectError(
      await api.req(TRANSLATOR, 'PATCH', `${url()}/${reviewerComment.id}`, { text: 'Réécrit' }),
      403,
      'FORBIDDEN',
    );
    expect(error.message).toMatch(/author/);
    // Not even an editor rewrites another's words.
    expectError(
      await api.req(EDITOR, 'PATCH', `${url()}/${translatorComment.id}`, { text: 'Réécrit' }),
      403,
      'FORBIDDEN',
    );
    expect(await api.doc(doc.id)).toEqual(before);
  });

  it('an unknown comment → 404 COMMENT_NOT_FOUND; an unknown flag → 404 FLAG_NOT_FOUND', async () => {
    expectError(
      await api.req(REVIEWER, 'PATCH', `${url()}/c0000000000000000`, { text: 'x' }),
      404,
      'COMMENT_NOT_FOUND',
    );
    // A comment of another flag is not on this one.
    const other = await api.createFlag(doc.id, doc.segments[0]!.id, 'chat', { severity: 'minor' });
    const added = json(
      await api.req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags/${other.id}/comments`, { text: 'Ailleurs' }),
    );
    const elsewhere = (added.flag as Flag).comments[0]!.id;
    expectError(await api.req(REVIEWER, 'PATCH', `${url()}/${elsewhere}`, { text: 'x' }), 404, 'COMMENT_NOT_FOUND');
    expectError(
      await api.req(REVIEWER, 'PATCH', `/api/documents/${doc.id}/flags/fNOPE/comments/${elsewhere}`, { text: 'x' }),
      404,
      'FLAG_NOT_FOUND',
    );
    expectError(
      await api.req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags/fNOPE/comments`, { text: 'x' }),
      404,
      'FLAG_NOT_FOUND',
    );
  });

  it('editing to the same text changes nothing (no event)', async () => {
    const before = await api.doc(doc.id);
    const mine = before.flags[0]!.comments[1]!;
    const res = await api.req(TRANSLATOR, 'PATCH', `${url()}/${mine.id}`, { text: mine.text });
    expect(res.statusCode, res.body).toBe(200);
    expect(await api.doc(doc.id)).toEqual(before);
  });
});

// ---- Segment status -------------------------------------------------------------------------------

describe('segment status: approve, lock, reopen, overrides', () => {
  const { api } = useServer();

  async function lastEvent(docId: string) {
    return (await api.events(docId)).at(-1)!;
  }

  it('approve → approved, and the segment is locked until reopened', async () => {
    const doc = await api.newDoc([
      ['The cat sat on the mat', CAT],
      ['Second', 'Deuxième'],
    ]);
    const s = doc.segments[0]!;
    // A minor flag made before the approval: it does not block it, but accepting it would change the text.
    const minor = await api.createFlag(doc.id, s.id, 'chat', { severity: 'minor', correction: 'chien' });

    const res = await api.segmentStatus(doc.id, s.id, { action: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).segment).toMatchObject({
      id: s.id,
      status: 'approved',
      updatedBy: EDITOR,
      target: CAT,
      version: 1,
    });
    expect(await lastEvent(doc.id)).toMatchObject({
      type: 'SegmentStatusChanged',
      actor: EDITOR,
      payload: { segmentId: s.id, status: 'approved', reason: null, override: false },
    });

    const before = await api.doc(doc.id);
    expectError(await api.editSegment(TRANSLATOR, doc.id, s.id, 'Le chien', 1), 409, 'SEGMENT_LOCKED');
    expectError(await api.flagAction(TRANSLATOR, doc.id, minor.id, 'accept'), 409, 'SEGMENT_LOCKED');
    expectError(await api.revert(doc.id, s.id, 1, 1), 409, 'SEGMENT_LOCKED');
    // Approving twice is not a transition.
    expectError(await api.segmentStatus(doc.id, s.id, { action: 'approve' }), 409, 'INVALID_TRANSITION');
    expectError(
      await api.segmentStatus(doc.id, s.id, { action: 'request-changes', reason: 'x' }),
      409,
      'INVALID_TRANSITION',
    );
    expect(await api.doc(doc.id)).toEqual(before);
    // The other segment is not locked.
    expect((await api.editSegment(TRANSLATOR, doc.id, doc.segments[1]!.id, 'Deuxième phrase')).statusCode).toBe(200);

    const reopened = await api.segmentStatus(doc.id, s.id, { action: 'reopen', reason: 'Une dernière retouche' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(json(reopened).segment).toMatchObject({ status: 'in-review' });
    expectError(await api.segmentStatus(doc.id, s.id, { action: 'reopen' }), 409, 'INVALID_TRANSITION');

    const edited = await api.editSegment(TRANSLATOR, doc.id, s.id, 'Le chat est assis sur la natte', 1);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json(edited).segment).toMatchObject({ target: 'Le chat est assis sur la natte', version: 2 });
    const accepted = await api.flagAction(TRANSLATOR, doc.id, minor.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted).segment.target).toBe('Le chien est assis sur la natte');
  });

  it('an empty segment has nothing to approve; an approved segment takes no new flag until reopened', async () => {
    const doc = await api.newDoc([
      ['Only source', ''],
      ['The cat sat on the mat', CAT],
    ]);
    const [empty, full] = [doc.segments[0]!, doc.segments[1]!];
    expectError(await api.segmentStatus(doc.id, empty.id, { action: 'approve' }), 409, 'INVALID_TRANSITION');
    expect((await api.segmentStatus(doc.id, full.id, { action: 'approve' })).statusCode).toBe(200);
    const before = await api.doc(doc.id);
    expectError(await api.createFlagRaw(doc.id, full.id, 'chat'), 409, 'SEGMENT_LOCKED');
    expect(await api.doc(doc.id)).toEqual(before);
  });

  it('an open major flag blocks approval: 409 UNSETTLED_FLAGS with details.flagIds', async () => {
    const doc = await api.newDoc([['The cat sat on the mat', CAT]]);
    const s = doc.segments[0]!;
    const major = await api.createFlag(doc.id, s.id, 'chat', { severity: 'major' });
    const critical = await api.createFlag(doc.id, s.id, 'tapis', { severity: 'critical' });
    await api.createFlag(doc.id, s.id, 'assis', { severity: 'minor' });
    const before = await api.doc(doc.id);

    const error = expectError(await api.segmentStatus(doc.id, s.id, { action: 'approve' }), 409, 'UNSETTLED_FLAGS');
    expect(error.details).toEqual({ flagIds: [major.id, critical.id] });

    // A disputed flag is still unsettled.
    expect((await api.flagAction(TRANSLATOR, doc.id, critical.id, 'dispute', { reason: 'Non' })).statusCode).toBe(200);
    const again = expectError(await api.segmentStatus(doc.id, s.id, { action: 'approve' }), 409, 'UNSETTLED_FLAGS');
    expect(again.details).toEqual({ flagIds: [major.id, critical.id] });

    // Override without a reason (missing, empty, blank).
    for (const body of [{ override: true }, { override: true, reason: '' }, { override: true, reason: '   ' }]) {
      expectError(
        await api.segmentStatus(doc.id, s.id, { action: 'approve', ...body }),
        400,
        'OVERRIDE_REASON_REQUIRED',
      );
    }
    // A reason alone is not an override.
    expectError(await api.segmentStatus(doc.id, s.id, { action: 'approve', reason: 'Urgent' }), 409, 'UNSETTLED_FLAGS');
    const now = await api.doc(doc.id);
    expect(now.segments[0]!.status).toBe(before.segments[0]!.status);
    expect(now.seq).toBe(before.seq + 1); // only the dispute

    const res = await api.segmentStatus(doc.id, s.id, {
      action: 'approve',
      override: true,
      reason: 'Livraison urgente',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).segment.status).toBe('approved');
    expect(await lastEvent(doc.id)).toMatchObject({
      type: 'SegmentStatusChanged',
      actor: EDITOR,
      payload: { segmentId: s.id, status: 'approved', reason: 'Livraison urgente', override: true },
    });
  });

  it('settled major flags do not block; a minor open flag never does', async () => {
    const doc = await api.newDoc([
      ['The cat sat on the mat', CAT],
      ['Second', 'Deuxième'],
    ]);
    const [s0, s1] = doc.segments as [Segment, Segment];
    const major = await api.createFlag(doc.id, s0.id, 'chat', { severity: 'major' });
    expect((await api.flagAction(EDITOR, doc.id, major.id, 'reject', { reason: 'Pas une erreur' })).statusCode).toBe(
      200,
    );
    const ok = await api.segmentStatus(doc.id, s0.id, { action: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);

    await api.createFlag(doc.id, s1.id, 'Deuxième', { severity: 'minor' });
    const res = await api.segmentStatus(doc.id, s1.id, { action: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).segment.status).toBe('approved');
    expect(await lastEvent(doc.id)).toMatchObject({ payload: { override: false } });
  });

  it('request-changes needs a reason; new text makes the segment translated again', async () => {
    const doc = await api.newDoc([['The cat sat on the mat', CAT]]);
    const s = doc.segments[0]!;
    expect(s.status).toBe('translated');
    for (const body of [{ action: 'request-changes' }, { action: 'request-changes', reason: '  ' }]) {
      expectError(await api.segmentStatus(doc.id, s.id, body), 400, 'VALIDATION_FAILED');
    }
    expect((await api.segment(doc.id, s.id)).status).toBe('translated');
    const res = await api.segmentStatus(doc.id, s.id, { action: 'request-changes', reason: 'Trop littéral' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).segment.status).toBe('changes-requested');
    expect(await lastEvent(doc.id)).toMatchObject({
      payload: { status: 'changes-requested', reason: 'Trop littéral', override: false },
    });
    const edited = await api.editSegment(TRANSLATOR, doc.id, s.id, 'Le chat s’est assis sur le tapis');
    expect(json(edited).segment.status).toBe('translated');
  });

  it('submit → in-review; an unknown action or segment is refused', async () => {
    const doc = await api.newDoc([['The cat sat on the mat', CAT]]);
    const s = doc.segments[0]!;
    const res = await api.segmentStatus(doc.id, s.id, { action: 'submit' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).segment.status).toBe('in-review');
    expectError(await api.segmentStatus(doc.id, s.id, { action: 'bless' }), 400, 'VALIDATION_FAILED');
    expectError(await api.segmentStatus(doc.id, 'sNOPE', { action: 'approve' }), 404, 'SEGMENT_NOT_FOUND');
    // Only editors decide statuses.
    expectError(await api.segmentStatus(doc.id, s.id, { action: 'approve' }, REVIEWER), 403, 'FORBIDDEN');
    expectError(await api.segmentStatus(doc.id, s.id, { action: 'approve' }, TRANSLATOR), 403, 'FORBIDDEN');
  });
});

// ---- Approve clean --------------------------------------------------------------------------------

describe('POST /api/documents/:id/approve-clean', () => {
  const { api } = useServer();

  it('approves exactly the segments with no unsettled flag and a non-empty target, and says how many', async () => {
    const doc = await api.newDoc([
      ['Open minor flag', 'Drapeau mineur ouvert'],
      ['Disputed flag', 'Drapeau contesté'],
      ['Clean', 'Propre'],
      ['Empty', ''],
      ['Blank', '   '],
      ['Rejected flag', 'Drapeau rejeté'],
      ['Withdrawn and accepted flags', 'Drapeaux retirés et acceptés'],
      ['Already approved', 'Déjà approuvé'],
      ['Open major flag', 'Drapeau majeur ouvert'],
    ]);
    const s = doc.segments;
    await api.createFlag(doc.id, s[0]!.id, 'mineur', { severity: 'minor' });
    const disputed = await api.createFlag(doc.id, s[1]!.id, 'contesté', { severity: 'neutral' });
    expect((await api.flagAction(TRANSLATOR, doc.id, disputed.id, 'dispute', { reason: 'Non' })).statusCode).toBe(200);
    const rejected = await api.createFlag(doc.id, s[5]!.id, 'rejeté');
    expect((await api.flagAction(REVIEWER, doc.id, rejected.id, 'reject')).statusCode).toBe(200);
    const withdrawn = await api.createFlag(doc.id, s[6]!.id, 'retirés');
    expect((await api.flagAction(REVIEWER, doc.id, withdrawn.id, 'withdraw')).statusCode).toBe(200);
    const accepted = await api.createFlag(doc.id, s[6]!.id, 'acceptés', { correction: 'admis' });
    expect((await api.flagAction(TRANSLATOR, doc.id, accepted.id, 'accept')).statusCode).toBe(200);
    expect((await api.segmentStatus(doc.id, s[7]!.id, { action: 'approve' })).statusCode).toBe(200);
    await api.createFlag(doc.id, s[8]!.id, 'majeur', { severity: 'major' });
    const seq = (await api.doc(doc.id)).seq;

    const res = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/approve-clean`, {});
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.approved).toBe(3);
    const statuses = (body.document as DocumentState).segments.map((x) => [x.source, x.status]);
    expect(statuses).toEqual([
      ['Open minor flag', 'translated'],
      ['Disputed flag', 'translated'],
      ['Clean', 'approved'],
      ['Empty', 'draft'],
      ['Blank', 'draft'],
      ['Rejected flag', 'approved'],
      ['Withdrawn and accepted flags', 'approved'],
      ['Already approved', 'approved'],
      ['Open major flag', 'translated'],
    ]);
    // One event per newly approved segment, by the editor, without override.
    const events = await api.events(doc.id, seq);
    expect(events.map((e) => [e.type, e.actor, 'segmentId' in e.payload ? e.payload.segmentId : null])).toEqual(
      [s[2]!, s[5]!, s[6]!].map((x) => ['SegmentStatusChanged', EDITOR, x.id]),
    );
    for (const e of events) expect(e.payload).toMatchObject({ status: 'approved', override: false, reason: null });
    expect(await api.doc(doc.id)).toEqual(body.document);

    // Nothing left to approve: 0, and no event.
    const again = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/approve-clean`, {});
    expect(again.statusCode, again.body).toBe(200);
    expect(json(again).approved).toBe(0);
    expect((await api.doc(doc.id)).seq).toBe(seq + 3);
  });

  it('is for editors only, and refused on an approved document', async () => {
    const doc = await api.newDoc([['One', 'Un']]);
    expectError(await api.req(REVIEWER, 'POST', `/api/documents/${doc.id}/approve-clean`, {}), 403, 'FORBIDDEN');
    expect((await api.documentStatus(doc.id, { action: 'approve' })).statusCode).toBe(200);
    expectError(await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/approve-clean`, {}), 409, 'DOCUMENT_LOCKED');
  });
});

// ---- Document status ------------------------------------------------------------------------------

describe('document status: submit, return, approve (with override), lock, reopen', () => {
  const { api } = useServer();
  let doc: DocumentState;
  let major: Flag;
  let minor: Flag;

  beforeAll(async () => {
    doc = await api.newDoc([
      ['The cat sat on the mat', CAT],
      ['Second', 'Deuxième'],
      ['Third', 'Troisième'],
    ]);
    major = await api.createFlag(doc.id, doc.segments[0]!.id, 'chat', { severity: 'major', correction: 'chien' });
    minor = await api.createFlag(doc.id, doc.segments[1]!.id, 'Deuxième', { severity: 'minor', correction: 'Second' });
  });

  it('starts in translation; only submit (or approve) may leave it', async () => {
    expect(doc.status).toBe('in-translation');
    expect(doc.statusReason).toBeNull();
    expectError(await api.documentStatus(doc.id, { action: 'reopen' }), 409, 'INVALID_TRANSITION');
    expectError(
      await api.documentStatus(doc.id, { action: 'request-changes', reason: 'x' }),
      409,
      'INVALID_TRANSITION',
    );
    expectError(await api.documentStatus(doc.id, { action: 'submit' }, TRANSLATOR), 403, 'FORBIDDEN');
  });

  it('submit → in-review (and not twice)', async () => {
    const res = await api.documentStatus(doc.id, { action: 'submit' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document).toMatchObject({ status: 'in-review', statusReason: null });
    expectError(await api.documentStatus(doc.id, { action: 'submit' }), 409, 'INVALID_TRANSITION');
  });

  it('request-changes needs a reason → returned, with the reason; submit again → in-review', async () => {
    expectError(await api.documentStatus(doc.id, { action: 'request-changes' }), 400, 'VALIDATION_FAILED');
    const res = await api.documentStatus(doc.id, { action: 'request-changes', reason: 'Relire le segment 1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document).toMatchObject({ status: 'returned', statusReason: 'Relire le segment 1' });
    const res2 = await api.documentStatus(doc.id, { action: 'submit' });
    expect(json(res2).document).toMatchObject({ status: 'in-review', statusReason: null });
  });

  it('approve is refused with an open major flag (409 UNSETTLED_FLAGS), and needs a reason to override', async () => {
    const before = await api.doc(doc.id);
    const error = expectError(await api.documentStatus(doc.id, { action: 'approve' }), 409, 'UNSETTLED_FLAGS');
    expect(error.details).toEqual({ flagIds: [major.id] });
    expectError(
      await api.documentStatus(doc.id, { action: 'approve', override: true }),
      400,
      'OVERRIDE_REASON_REQUIRED',
    );
    expectError(
      await api.documentStatus(doc.id, { action: 'approve', override: true, reason: ' ' }),
      400,
      'OVERRIDE_REASON_REQUIRED',
    );
    expect(await api.doc(doc.id)).toEqual(before);
  });

  it('approve with override and reason → approved; the event says so', async () => {
    const res = await api.documentStatus(doc.id, {
      action: 'approve',
      override: true,
      reason: 'Le client a validé « chat »',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document).toMatchObject({ status: 'approved', statusReason: 'Le client a validé « chat »' });
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event).toMatchObject({
      type: 'DocumentStatusChanged',
      actor: EDITOR,
      payload: { status: 'approved', reason: 'Le client a validé « chat »', override: true },
    });
  });

  it('an approved document refuses every change to its text and flags with DOCUMENT_LOCKED', async () => {
    const before = await api.doc(doc.id);
    for (const s of before.segments) {
      expectError(await api.editSegment(TRANSLATOR, doc.id, s.id, `${s.target} !`, s.version), 409, 'DOCUMENT_LOCKED');
      expectError(await api.revert(doc.id, s.id, 1, s.version), 409, 'DOCUMENT_LOCKED');
      expectError(
        await api.segmentStatus(doc.id, s.id, { action: 'approve', override: true, reason: 'x' }),
        409,
        'DOCUMENT_LOCKED',
      );
    }
    expectError(await api.flagAction(TRANSLATOR, doc.id, minor.id, 'accept'), 409, 'DOCUMENT_LOCKED');
    expectError(await api.flagAction(EDITOR, doc.id, major.id, 'reject', { reason: 'x' }), 409, 'DOCUMENT_LOCKED');
    expectError(
      await api.flagAction(REVIEWER, doc.id, major.id, 'edit', { severity: 'minor' }),
      409,
      'DOCUMENT_LOCKED',
    );
    const s2 = before.segments[2]!;
    const flagRes = await api.req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: s2.id,
      side: 'target',
      start: 0,
      end: 4,
      category: 'style',
      severity: 'minor',
      baseVersion: s2.version,
    });
    expectError(flagRes, 409, 'DOCUMENT_LOCKED');
    expectError(
      await api.documentStatus(doc.id, { action: 'approve', override: true, reason: 'x' }),
      409,
      'INVALID_TRANSITION',
    );
    expectError(await api.documentStatus(doc.id, { action: 'submit' }), 409, 'INVALID_TRANSITION');
    expect(await api.doc(doc.id)).toEqual(before);
  });

  it('reopen → in-review, and the text can change again', async () => {
    const res = await api.documentStatus(doc.id, { action: 'reopen', reason: 'Coquille' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document).toMatchObject({ status: 'in-review', statusReason: 'Coquille' });
    const s = doc.segments[2]!;
    const edited = await api.editSegment(TRANSLATOR, doc.id, s.id, 'Troisième !', 1);
    expect(edited.statusCode, edited.body).toBe(200);
    const accepted = await api.flagAction(TRANSLATOR, doc.id, minor.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted).segment.target).toBe('Second');
  });

  it('approve without override once the major flags are settled', async () => {
    expect((await api.flagAction(TRANSLATOR, doc.id, major.id, 'accept')).statusCode).toBe(200);
    const res = await api.documentStatus(doc.id, { action: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document).toMatchObject({ status: 'approved', statusReason: null });
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event).toMatchObject({ type: 'DocumentStatusChanged', payload: { status: 'approved', override: false } });
  });
});

// ---- History and revert ---------------------------------------------------------------------------

describe('segment history and revert', () => {
  const { api, ctx } = useServer();
  let doc: DocumentState;
  let s0: Segment;
  let s1: Segment;
  let flag: Flag;
  const NATTE = 'Le chat est assis sur la natte';
  const CHIEN = 'Le chien est assis sur la natte';

  beforeAll(async () => {
    doc = await api.newDoc([
      ['The cat sat on the mat', CAT],
      ['Second', 'Deuxième'],
    ]); // seq 1
    [s0, s1] = doc.segments as [Segment, Segment];
    expect((await api.editSegment(TRANSLATOR, doc.id, s0.id, NATTE, 1)).statusCode).toBe(200); // seq 2
    flag = await api.createFlag(doc.id, s0.id, 'chat', { severity: 'minor', correction: 'chien' }); // seq 3
    expect((await api.flagAction(TRANSLATOR, doc.id, flag.id, 'accept', { reason: 'Oui' })).statusCode).toBe(200); // seq 4
    expect((await api.segmentStatus(doc.id, s0.id, { action: 'approve' })).statusCode).toBe(200); // seq 5
    expect((await api.editSegment(TRANSLATOR, doc.id, s1.id, 'Deuxième phrase', 1)).statusCode).toBe(200); // seq 6
    expect((await api.segmentStatus(doc.id, s0.id, { action: 'reopen' })).statusCode).toBe(200); // seq 7
  });

  it('lists the original, the edit and the accepted flag; lastApproved is the text at the approval', async () => {
    const h = await api.history(doc.id, s0.id);
    expect(h.original).toBe(CAT);
    expect(
      h.revisions.map((r) => ({ seq: r.seq, cause: r.cause, actor: r.actor, before: r.before, after: r.after })),
    ).toEqual([
      { seq: 1, cause: 'original', actor: EDITOR, before: '', after: CAT },
      { seq: 2, cause: 'edit', actor: TRANSLATOR, before: CAT, after: NATTE },
      { seq: 4, cause: 'flag', actor: TRANSLATOR, before: NATTE, after: CHIEN },
    ]);
    expect(h.revisions[2]!.flagId).toBe(flag.id);
    for (const r of h.revisions) expect(r.at).toMatch(ISO);
    expect(h.lastApproved).toEqual({ seq: 5, at: expect.stringMatching(ISO), actor: EDITOR, text: CHIEN });
    // The other segment's history is its own.
    const h1 = await api.history(doc.id, s1.id);
    expect(h1.revisions.map((r) => [r.seq, r.cause, r.after])).toEqual([
      [1, 'original', 'Deuxième'],
      [6, 'edit', 'Deuxième phrase'],
    ]);
    expect(h1.lastApproved).toBeNull();
  });

  it('revert to the original creates a new revision (cause revert, revertOf) with that text', async () => {
    const res = await api.revert(doc.id, s0.id, 1, 3);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ seq: 8, segment: { id: s0.id, target: CAT, version: 4, updatedBy: TRANSLATOR } });
    const [event] = await api.events(doc.id, 7);
    expect(event).toMatchObject({
      seq: 8,
      type: 'SegmentEdited',
      actor: TRANSLATOR,
      payload: { segmentId: s0.id, target: CAT, cause: 'revert', revertOf: 1 },
    });
    const h = await api.history(doc.id, s0.id);
    expect(h.revisions.at(-1)).toMatchObject({
      seq: 8,
      cause: 'revert',
      revertOf: 1,
      before: CHIEN,
      after: CAT,
      actor: TRANSLATOR,
    });
    expect(h.revisions).toHaveLength(4);
    // lastApproved still says what was approved.
    expect(h.lastApproved).toMatchObject({ seq: 5, text: CHIEN });
  });

  it('revert to an intermediate revision (an edit, then the accepted flag), also by an editor', async () => {
    const res = await api.revert(doc.id, s0.id, 2, 4);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ seq: 9, segment: { target: NATTE, version: 5 } });
    const res2 = await api.revert(doc.id, s0.id, 4, 5, EDITOR);
    expect(res2.statusCode, res2.body).toBe(200);
    expect(json(res2)).toMatchObject({ seq: 10, segment: { target: CHIEN, version: 6, updatedBy: EDITOR } });
    const h = await api.history(doc.id, s0.id);
    expect(h.revisions.slice(-2).map((r) => [r.seq, r.cause, r.revertOf, r.after, r.actor])).toEqual([
      [9, 'revert', 2, NATTE, TRANSLATOR],
      [10, 'revert', 4, CHIEN, EDITOR],
    ]);
  });

  it('reverting to the text it already has changes nothing', async () => {
    const res = await api.revert(doc.id, s0.id, 4, 6);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ seq: 10, segment: { version: 6 } });
  });

  it('an unknown seq, a non-revision event or another segment’s revision → 404 REVISION_NOT_FOUND', async () => {
    const before = await api.doc(doc.id);
    for (const toSeq of [999, 3, 5, 6]) {
      expectError(await api.revert(doc.id, s0.id, toSeq, 6), 404, 'REVISION_NOT_FOUND');
    }
    expectError(await api.revert(doc.id, s0.id, 0, 6), 400, 'VALIDATION_FAILED');
    expect(await api.doc(doc.id)).toEqual(before);
  });

  it('a revert from a stale baseVersion → 409 SEGMENT_VERSION_CONFLICT with the current segment', async () => {
    const before = await api.doc(doc.id);
    const error = expectError(await api.revert(doc.id, s0.id, 1, 3), 409, 'SEGMENT_VERSION_CONFLICT');
    expect(error.details).toMatchObject({ current: { id: s0.id, version: 6, target: CHIEN } });
    expect(await api.doc(doc.id)).toEqual(before);
  });

  it('history and revert of an unknown segment → 404 SEGMENT_NOT_FOUND; reviewers may not revert', async () => {
    expectError(
      await api.req(VIEWER, 'GET', `/api/documents/${doc.id}/segments/sNOPE/history`),
      404,
      'SEGMENT_NOT_FOUND',
    );
    expectError(await api.revert(doc.id, 'sNOPE', 1, 1), 404, 'SEGMENT_NOT_FOUND');
    expectError(await api.revert(doc.id, s0.id, 1, 6, REVIEWER), 403, 'FORBIDDEN');
  });

  it("every event records the signed-in user's login as its actor", async () => {
    const events = await api.events(doc.id);
    expect(events.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [1, 'DocumentCreated', EDITOR],
      [2, 'SegmentEdited', TRANSLATOR],
      [3, 'FlagCreated', REVIEWER],
      [4, 'FlagAccepted', TRANSLATOR],
      [5, 'SegmentStatusChanged', EDITOR],
      [6, 'SegmentEdited', TRANSLATOR],
      [7, 'SegmentStatusChanged', EDITOR],
      [8, 'SegmentEdited', TRANSLATOR],
      [9, 'SegmentEdited', TRANSLATOR],
      [10, 'SegmentEdited', EDITOR],
    ]);
    for (const e of events) expect(LOGINS.has(e.actor), e.actor).toBe(true);
  });

  it('the actor is the stored login, whatever case it was typed in at sign-in (never the display name)', async () => {
    const creds = await login(ctx.app, 'TINA');
    const current = await api.segment(doc.id, s1.id);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/documents/${doc.id}/segments/${s1.id}`,
      headers: creds.headers,
      payload: { target: 'Deuxième phrase, modifiée', baseVersion: current.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).segment.updatedBy).toBe(TRANSLATOR);
    const [event] = (await api.events(doc.id)).slice(-1);
    expect(event!.actor).toBe(TRANSLATOR);
    const h = await api.history(doc.id, s1.id);
    expect(h.revisions.at(-1)!.actor).toBe(TRANSLATOR);
  });
});
