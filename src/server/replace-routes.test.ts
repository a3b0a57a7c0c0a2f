import { describe, expect, it } from 'vitest';
import type { SegmentHistory } from '../shared/history';
import type { DocumentState } from '../shared/schemas';
import { EDITOR, REVIEWER, TRANSLATOR, VIEWER, call, json, useRoleServer } from './test-helpers';

/** POST /api/documents/:id/replace: every change or none, each an ordinary edit (routes/replace.ts). */
describe('find & replace through the API', () => {
  const ctx = useRoleServer();
  const req = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    call(ctx.app, method, url, body, who);
  const doc = async (id: string): Promise<DocumentState> =>
    json(await req(VIEWER, 'GET', `/api/documents/${id}`)).document;
  const newDoc = async (targets: string[]): Promise<DocumentState> => {
    const res = await req(EDITOR, 'POST', '/api/documents', {
      title: 'Replace',
      sourceLang: 'ar',
      targetLang: 'fr',
      segments: targets.map((target, i) => ({ source: `جملة ${i + 1}`, target })),
    });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).document;
  };
  const replace = (id: string, changes: unknown[], who = TRANSLATOR) =>
    req(who, 'POST', `/api/documents/${id}/replace`, { changes });

  it('applies every change as its own SegmentEdited event, in one append, undoable from History', async () => {
    const d = await newDoc(['M. Lafetet reçoit.', 'Rien.', 'Lafetet et Lafetet.']);
    const [s1, , s3] = d.segments;
    const res = await replace(d.id, [
      { segmentId: s1!.id, baseVersion: 1, target: 'M. Laftit reçoit.' },
      { segmentId: s3!.id, baseVersion: 1, target: 'Laftit et Laftit.' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).changed).toBe(2);
    const after = json(res).document as DocumentState;
    expect(after.segments.map((s) => [s.target, s.version])).toEqual([
      ['M. Laftit reçoit.', 2],
      ['Rien.', 1],
      ['Laftit et Laftit.', 2],
    ]);
    const events = json(await req(VIEWER, 'GET', `/api/documents/${d.id}/events?after=1`)).events;
    expect(
      events.map((e: { type: string; actor: string; payload: { cause: string } }) => [
        e.type,
        e.actor,
        e.payload.cause,
      ]),
    ).toEqual([
      ['SegmentEdited', TRANSLATOR, 'edit'],
      ['SegmentEdited', TRANSLATOR, 'edit'],
    ]);
    // Undo one replacement from History: revert segment 3 to its original text.
    const history: SegmentHistory = json(await req(VIEWER, 'GET', `/api/documents/${d.id}/segments/${s3!.id}/history`));
    expect(history.revisions.map((r) => r.after)).toEqual(['Lafetet et Lafetet.', 'Laftit et Laftit.']);
    const reverted = await req(TRANSLATOR, 'POST', `/api/documents/${d.id}/segments/${s3!.id}/revert`, {
      toSeq: history.revisions[0]!.seq,
      baseVersion: 2,
    });
    expect(reverted.statusCode, reverted.body).toBe(200);
    expect((await doc(d.id)).segments.map((s) => s.target)).toEqual([
      'M. Laftit reçoit.',
      'Rien.',
      'Lafetet et Lafetet.',
    ]);
  });

  it('a stale base version in the batch changes nothing, and the 409 says which segment and why', async () => {
    const d = await newDoc(['Lafetet un.', 'Lafetet deux.', 'Lafetet trois.']);
    const [s1, s2, s3] = d.segments;
    const moved = await req(TRANSLATOR, 'PATCH', `/api/documents/${d.id}/segments/${s2!.id}`, {
      target: 'Lafetet deux !',
      baseVersion: 1,
    });
    expect(moved.statusCode).toBe(200);
    const before = await doc(d.id);
    const res = await replace(d.id, [
      { segmentId: s1!.id, baseVersion: 1, target: 'Laftit un.' },
      { segmentId: s2!.id, baseVersion: 1, target: 'Laftit deux.' },
      { segmentId: s3!.id, baseVersion: 1, target: 'Laftit trois.' },
    ]);
    expect(res.statusCode).toBe(409);
    const { error } = json(res);
    expect(error.code).toBe('REPLACE_CONFLICT');
    expect(error.details.problems).toEqual([
      expect.objectContaining({ segmentId: s2!.id, n: 2, code: 'SEGMENT_VERSION_CONFLICT' }),
    ]);
    expect(await doc(d.id)).toEqual(before);
  });

  it('an approved segment in the batch changes nothing; an approved document is locked', async () => {
    const d = await newDoc(['Lafetet un.', 'Lafetet deux.']);
    const [s1, s2] = d.segments;
    const approved = await req(EDITOR, 'POST', `/api/documents/${d.id}/segments/${s2!.id}/status`, {
      action: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const before = await doc(d.id);
    const res = await replace(d.id, [
      { segmentId: s1!.id, baseVersion: 1, target: 'Laftit un.' },
      { segmentId: s2!.id, baseVersion: 1, target: 'Laftit deux.' },
      { segmentId: 's-missing', baseVersion: 1, target: 'x' },
    ]);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.details.problems.map((p: { code: string; n?: number }) => [p.code, p.n])).toEqual([
      ['SEGMENT_LOCKED', 2],
      ['SEGMENT_NOT_FOUND', undefined],
    ]);
    expect(await doc(d.id)).toEqual(before);

    const docApproved = await req(EDITOR, 'POST', `/api/documents/${d.id}/status`, {
      action: 'approve',
    });
    expect(docApproved.statusCode, docApproved.body).toBe(200);
    const locked = await replace(d.id, [{ segmentId: s1!.id, baseVersion: 1, target: 'Laftit un.' }]);
    expect(locked.statusCode).toBe(409);
    expect(json(locked).error.code).toBe('DOCUMENT_LOCKED');
  });

  it('flags follow their words, or are orphaned when their words were replaced, as after any edit', async () => {
    const d = await newDoc(['M. Lafetet reçoit Darmanin.']);
    const s = d.segments[0]!;
    const flag = await req(REVIEWER, 'POST', `/api/documents/${d.id}/flags`, {
      segmentId: s.id,
      side: 'target',
      start: 3,
      end: 10,
      quote: 'Lafetet',
      category: 'fluency/spelling',
      severity: 'major',
      correction: 'Laftit',
      baseVersion: 1,
    });
    expect(flag.statusCode, flag.body).toBe(201);
    const moved = json(
      await replace(d.id, [{ segmentId: s.id, baseVersion: 1, target: 'Monsieur Lafetet reçoit Darmanin.' }]),
    ).document as DocumentState;
    expect(moved.flags[0]).toMatchObject({ orphaned: false, anchor: { start: 9, end: 16, quote: 'Lafetet' } });
    const gone = json(
      await replace(d.id, [{ segmentId: s.id, baseVersion: 2, target: 'Monsieur Laftit reçoit Darmanin.' }]),
    ).document as DocumentState;
    expect(gone.flags[0]).toMatchObject({ orphaned: true });
  });

  it('bad input is a 400 and changes nothing; a viewer may not replace', async () => {
    const d = await newDoc(['Lafetet.']);
    const s = d.segments[0]!;
    for (const body of [
      { changes: [] },
      { changes: [{ segmentId: s.id, baseVersion: 0, target: 'x' }] },
      {
        changes: [
          { segmentId: s.id, baseVersion: 1, target: 'x' },
          { segmentId: s.id, baseVersion: 1, target: 'y' },
        ],
      },
      { nope: true },
    ]) {
      const res = await req(TRANSLATOR, 'POST', `/api/documents/${d.id}/replace`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).error.code).toBe('VALIDATION_FAILED');
    }
    const viewer = await replace(d.id, [{ segmentId: s.id, baseVersion: 1, target: 'x' }], VIEWER);
    expect(viewer.statusCode).toBe(403);
    expect((await doc(d.id)).segments[0]!.target).toBe('Lafetet.');
  });
});
