import { describe, expect, it } from 'vitest';
import { EDITOR, REVIEWER, TRANSLATOR, VIEWER, call, json, useRoleServer } from './test-helpers';

/** GET /api/documents says how far each document is: segments approved out of all, open flags. */
describe('progress in the documents list', () => {
  const ctx = useRoleServer();
  it('counts approved segments, and follows approvals', async () => {
    const created = await call(
      ctx.app,
      'POST',
      '/api/documents',
      {
        title: 'Progress',
        sourceLang: 'ar',
        targetLang: 'fr',
        segments: [1, 2, 3].map((n) => ({ source: `${n}`, target: `t${n}` })),
      },
      EDITOR,
    );
    const doc = json(created).document;
    const progress = async () =>
      json(await call(ctx.app, 'GET', '/api/documents', undefined, VIEWER)).documents.find(
        (d: { id: string }) => d.id === doc.id,
      );
    expect(await progress()).toMatchObject({ segmentCount: 3, approvedCount: 0, openFlagCount: 0 });
    const approved = await call(
      ctx.app,
      'POST',
      `/api/documents/${doc.id}/segments/${doc.segments[1].id}/status`,
      { action: 'approve' },
      EDITOR,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await progress()).toMatchObject({ segmentCount: 3, approvedCount: 1 });
  });

  // F8: the list said 0 open flags where the workspace said 1 (a disputed flag is not settled).
  it('counts a disputed flag as open, as the workspace does', async () => {
    const created = await call(
      ctx.app,
      'POST',
      '/api/documents',
      { title: 'Disputed', sourceLang: 'en', targetLang: 'fr', segments: [{ source: 'A cat.', target: 'Un chat.' }] },
      EDITOR,
    );
    const doc = json(created).document;
    const flagged = await call(
      ctx.app,
      'POST',
      `/api/documents/${doc.id}/flags`,
      {
        segmentId: doc.segments[0].id,
        side: 'target',
        start: 3,
        end: 7,
        quote: 'chat',
        category: 'terminology',
        severity: 'minor',
        correction: 'félin',
        baseVersion: 1,
      },
      REVIEWER,
    );
    expect(flagged.statusCode, flagged.body).toBe(201);
    const flag = json(flagged).flag;
    const disputed = await call(
      ctx.app,
      'PATCH',
      `/api/documents/${doc.id}/flags/${flag.id}`,
      { action: 'dispute', baseVersion: flag.version, reason: 'Chat est juste.' },
      TRANSLATOR,
    );
    expect(disputed.statusCode, disputed.body).toBe(200);
    const list = json(await call(ctx.app, 'GET', '/api/documents', undefined, VIEWER)).documents;
    expect(list.find((d: { id: string }) => d.id === doc.id)).toMatchObject({ openFlagCount: 1 });
  });

  it('counts each document’s QA findings in a request of its own, again once the document changed', async () => {
    const created = await call(
      ctx.app,
      'POST',
      '/api/documents',
      {
        title: 'Findings',
        sourceLang: 'ar',
        targetLang: 'fr',
        segments: [
          { source: 'الجملة رقم 12.', target: 'Phrase numéro 13.' },
          { source: 'الجملة رقم 2.', target: 'Phrase numéro 2.' },
        ],
      },
      EDITOR,
    );
    const doc = json(created).document;
    const counts = async () => json(await call(ctx.app, 'GET', '/api/findings-counts', undefined, VIEWER)).counts;
    expect((await counts())[doc.id]).toBe(1);
    const fixed = await call(
      ctx.app,
      'PATCH',
      `/api/documents/${doc.id}/segments/${doc.segments[0].id}`,
      { target: 'Phrase numéro 12.', baseVersion: 1 },
      TRANSLATOR,
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await counts())[doc.id]).toBe(0);
    expect((await call(ctx.app, 'GET', '/api/findings-counts', undefined, null)).statusCode).toBe(401);
  });
});
