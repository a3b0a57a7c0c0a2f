import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentState, Flag } from '../../shared/schemas';
import { ADMIN, EDITOR, REVIEWER, TRANSLATOR, VIEWER, call, json, signIn, useRoleServer } from '../test-helpers';

/**
 * Comments do not change the version an action is checked against; disputes keep their answer; @mentions
 * are validated, folded into the comment and listed per user with a durable read state (issue #9).
 */

const ctx = useRoleServer();
const req = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
  call(ctx.app, method, url, body, who);
const idOf = async (login: string) => (await ctx.server.auth.users.byLogin(login))!.id;

async function newDoc(): Promise<DocumentState> {
  const res = await req(EDITOR, 'POST', '/api/documents', {
    title: 'Le chat',
    sourceLang: 'en',
    targetLang: 'fr',
    segments: [{ source: 'The cat sat on the mat', target: 'Le chat est assis sur le tapis' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).document;
}

async function newFlag(doc: DocumentState): Promise<Flag> {
  const target = doc.segments[0]!.target;
  const start = target.indexOf('tapis');
  const res = await req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags`, {
    segmentId: doc.segments[0]!.id,
    side: 'target',
    start,
    end: start + 5,
    category: 'accuracy/mistranslation',
    severity: 'minor',
    correction: 'paillasson',
    baseVersion: 1,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).flag;
}

const comment = (who: string, doc: DocumentState, flag: Flag, body: object) =>
  req(who, 'POST', `/api/documents/${doc.id}/flags/${flag.id}/comments`, body);

describe('a comment does not make the next Accept fail', () => {
  it('comment, then accept with the version from before the comment → 200 (no 409)', async () => {
    const doc = await newDoc();
    const flag = await newFlag(doc);
    const c = await comment(REVIEWER, doc, flag, { text: 'Le client préfère « paillasson ».' });
    expect(c.statusCode, c.body).toBe(201);
    expect(json(c).flag.version).toBe(flag.version);
    const accept = await req(TRANSLATOR, 'PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, {
      action: 'accept',
      baseVersion: flag.version,
    });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(json(accept).flag).toMatchObject({ status: 'accepted', version: flag.version + 1 });
    expect(json(accept).segment.target).toBe('Le chat est assis sur le paillasson');
  });

  it('a real change still conflicts: an edit, then accept with the old version → 409', async () => {
    const doc = await newDoc();
    const flag = await newFlag(doc);
    const edit = await req(REVIEWER, 'PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, {
      action: 'edit',
      baseVersion: flag.version,
      severity: 'major',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const accept = await req(TRANSLATOR, 'PATCH', `/api/documents/${doc.id}/flags/${flag.id}`, {
      action: 'accept',
      baseVersion: flag.version,
    });
    expect(accept.statusCode).toBe(409);
    expect(json(accept).error.code).toBe('FLAG_VERSION_CONFLICT');
  });
});

describe('disputes keep who disputed, why, and the answer', () => {
  it('dispute then maintain: the card can show both', async () => {
    const doc = await newDoc();
    let flag = await newFlag(doc);
    const url = `/api/documents/${doc.id}/flags/${flag.id}`;
    let res = await req(TRANSLATOR, 'PATCH', url, { action: 'dispute', baseVersion: 1, reason: '« tapis » est juste' });
    expect(res.statusCode, res.body).toBe(200);
    res = await req(REVIEWER, 'PATCH', url, { action: 'maintain', baseVersion: 2, reason: 'Glossaire du client' });
    expect(res.statusCode, res.body).toBe(200);
    flag = json(res).flag;
    expect(flag.status).toBe('open');
    expect(flag.dispute).toEqual({
      by: TRANSLATOR,
      at: expect.any(String),
      reason: '« tapis » est juste',
      response: { by: REVIEWER, at: expect.any(String), reason: 'Glossaire du client', action: 'maintained' },
    });
  });
});

describe('@mentions', () => {
  let doc: DocumentState;
  let flag: Flag;
  beforeAll(async () => {
    doc = await newDoc();
    flag = await newFlag(doc);
  });

  it('unknown user ids are refused (400 USER_NOT_FOUND), nothing is written', async () => {
    const before = json(await req(VIEWER, 'GET', `/api/documents/${doc.id}`)).document.seq;
    const res = await comment(REVIEWER, doc, flag, { text: '@x', mentions: [await idOf(TRANSLATOR), 'u_nobody'] });
    expect(res.statusCode, res.body).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'USER_NOT_FOUND', details: { unknown: ['u_nobody'] } });
    expect(json(await req(VIEWER, 'GET', `/api/documents/${doc.id}`)).document.seq).toBe(before);
    const bad = await comment(REVIEWER, doc, flag, { text: '@x', mentions: ['../etc'] });
    expect(bad.statusCode).toBe(400);
  });

  it('are stored on the event and the comment, listed for each mentioned user, read state kept', async () => {
    const tina = await idOf(TRANSLATOR);
    const edith = await idOf(EDITOR);
    const first = await comment(REVIEWER, doc, flag, { text: '@Tina regarde', mentions: [tina, tina] });
    expect(first.statusCode, first.body).toBe(201);
    const c1 = json(first).flag.comments.at(-1);
    expect(c1.mentions).toEqual([tina]);
    const second = await comment(ADMIN, doc, flag, { text: '@Tina @Edith', mentions: [tina, edith] });
    const c2 = json(second).flag.comments.at(-1);
    const events = json(await req(VIEWER, 'GET', `/api/documents/${doc.id}/events?after=0`)).events;
    expect(events.at(-1)).toMatchObject({
      type: 'CommentAdded',
      payload: { commentId: c2.id, mentions: [tina, edith] },
    });

    const list = json(await req(TRANSLATOR, 'GET', '/api/mentions')).mentions;
    expect(list).toEqual([
      {
        id: `${doc.id}.${c2.id}`,
        documentId: doc.id,
        documentTitle: 'Le chat',
        segmentId: doc.segments[0]!.id,
        flagId: flag.id,
        commentId: c2.id,
        by: ADMIN,
        at: c2.at,
        text: '@Tina @Edith',
        read: false,
      },
      expect.objectContaining({ id: `${doc.id}.${c1.id}`, by: REVIEWER, text: '@Tina regarde', read: false }),
    ]);
    expect(
      json(await req(EDITOR, 'GET', '/api/mentions')).mentions.map((m: { commentId: string }) => m.commentId),
    ).toEqual([c2.id]);
    expect(json(await req(VIEWER, 'GET', '/api/mentions')).mentions).toEqual([]);

    const read = await req(TRANSLATOR, 'POST', '/api/mentions/read', { ids: [`${doc.id}.${c1.id}`, 'not-mine'] });
    expect(read.statusCode, read.body).toBe(204);
    const after = json(await req(TRANSLATOR, 'GET', '/api/mentions')).mentions;
    expect(after.map((m: { read: boolean }) => m.read)).toEqual([false, true]);
    // Someone else's read state is their own.
    expect(json(await req(EDITOR, 'GET', '/api/mentions')).mentions[0].read).toBe(false);

    // Durable: after a restart, the same.
    await ctx.restart();
    const again = json(await req(TRANSLATOR, 'GET', '/api/mentions')).mentions;
    expect(again.map((m: { read: boolean }) => m.read)).toEqual([false, true]);
  });

  it('an edit that drops a mention drops it from the list; one that adds a user lists it for them', async () => {
    const tina = await idOf(TRANSLATOR);
    const victor = await idOf(VIEWER);
    const res = await comment(REVIEWER, doc, flag, { text: '@Tina', mentions: [tina] });
    const c = json(res).flag.comments.at(-1);
    const url = `/api/documents/${doc.id}/flags/${flag.id}/comments/${c.id}`;
    const kept = await req(REVIEWER, 'PATCH', url, { text: '@Tina (corrigé)' });
    expect(json(kept).flag.comments.at(-1).mentions).toEqual([tina]);
    const tinaList = async () =>
      json(await req(TRANSLATOR, 'GET', '/api/mentions')).mentions.filter(
        (m: { commentId: string }) => m.commentId === c.id,
      );
    expect((await tinaList())[0].text).toBe('@Tina (corrigé)');
    const moved = await req(REVIEWER, 'PATCH', url, { text: '@Victor', mentions: [victor] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json(moved).flag.comments.at(-1).mentions).toEqual([victor]);
    expect(await tinaList()).toEqual([]);
    const victorList = json(await req(VIEWER, 'GET', '/api/mentions')).mentions;
    expect(victorList).toEqual([expect.objectContaining({ commentId: c.id, text: '@Victor', by: REVIEWER })]);
    const unknown = await req(REVIEWER, 'PATCH', url, { text: '@?', mentions: ['u_ghost'] });
    expect(unknown.statusCode).toBe(400);
  });

  it('POST /api/mentions/read needs a session, the CSRF token and a list of ids', async () => {
    expect((await req(TRANSLATOR, 'POST', '/api/mentions/read', { ids: 'x' })).statusCode).toBe(400);
    const { cookie } = await signIn(ctx.app, TRANSLATOR);
    const post = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'POST', url: '/api/mentions/read', headers, payload: { ids: [] } });
    expect((await post({ cookie })).statusCode).toBe(403);
    expect((await post({})).statusCode).toBe(401);
    expect((await call(ctx.app, 'GET', '/api/mentions', undefined, null)).statusCode).toBe(401);
  });
});
