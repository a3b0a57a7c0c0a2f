import { describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, REVIEWER, VIEWER, call, json, useRoleServer } from './test-helpers';

/** Rename, archive, restore and delete documents (issue #13). */

describe('managing documents', () => {
  const ctx = useRoleServer();
  const create = async (title: string) =>
    json(
      await call(
        ctx.app,
        'POST',
        '/api/documents',
        { title, sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'a', target: 'b' }] },
        EDITOR,
      ),
    ).document;
  const list = async () => json(await call(ctx.app, 'GET', '/api/documents', undefined, VIEWER)).documents;

  it('an editor renames a document; the event is in its history', async () => {
    const doc = await create('Old title');
    const res = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}`, { title: '  New title ' }, EDITOR);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).document.title).toBe('New title');
    const events = json(await call(ctx.app, 'GET', `/api/documents/${doc.id}/events`, undefined, VIEWER)).events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['DocumentCreated', 'DocumentRenamed']);
    expect((await call(ctx.app, 'PATCH', `/api/documents/${doc.id}`, { title: '' }, EDITOR)).statusCode).toBe(400);
    expect((await call(ctx.app, 'PATCH', `/api/documents/${doc.id}`, {}, EDITOR)).statusCode).toBe(400);
    expect((await call(ctx.app, 'PATCH', `/api/documents/${doc.id}`, { title: 'x' }, REVIEWER)).statusCode).toBe(403);
  });

  it('archived documents are marked in the list, and restored', async () => {
    const doc = await create('To archive');
    const res = await call(ctx.app, 'PATCH', `/api/documents/${doc.id}`, { archived: true }, EDITOR);
    expect(json(res).document.archived).toBe(true);
    expect((await list()).find((d: { id: string }) => d.id === doc.id).archived).toBe(true);
    await call(ctx.app, 'PATCH', `/api/documents/${doc.id}`, { archived: false }, EDITOR);
    expect((await list()).find((d: { id: string }) => d.id === doc.id).archived).toBeUndefined();
  });

  it('only admins delete, and nothing is kept', async () => {
    const doc = await create('To delete');
    expect((await call(ctx.app, 'DELETE', `/api/documents/${doc.id}`, undefined, EDITOR)).statusCode).toBe(403);
    expect((await call(ctx.app, 'DELETE', `/api/documents/${doc.id}`, undefined, ADMIN)).statusCode).toBe(204);
    expect((await list()).some((d: { id: string }) => d.id === doc.id)).toBe(false);
    expect((await call(ctx.app, 'GET', `/api/documents/${doc.id}`, undefined, VIEWER)).statusCode).toBe(404);
    expect((await call(ctx.app, 'DELETE', `/api/documents/${doc.id}`, undefined, ADMIN)).statusCode).toBe(404);
  });
});
