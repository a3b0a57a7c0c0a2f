import { describe, expect, it } from 'vitest';
import { EDITOR, VIEWER, call, json, useRoleServer } from './test-helpers';

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
});
