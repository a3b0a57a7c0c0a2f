import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DocumentState, Flag } from '../shared/schemas';
import { foldAll, toDocumentState } from '../shared/reducer';
import { EDITOR, REVIEWER, TRANSLATOR, call, ensureUser, json, signIn, useRoleServer } from './test-helpers';

/**
 * Issue #18 on the server: editing every field of a flag (same id, history in the flag), undoing a
 * withdrawal, who may do either; reviewed-by-me marks and active time; guidelines; timing in the export.
 */

const OTHER_REVIEWER = 'romane';

describe('editing flags, restoring them, reading progress and timing', () => {
  const ctx = useRoleServer();
  const req = (who: string, method: InjectOptions['method'], url: string, body?: unknown) =>
    call(ctx.app, method, url, body, who);

  async function newDoc(): Promise<DocumentState> {
    const res = await req(EDITOR, 'POST', '/api/documents', {
      title: 'Laftit',
      sourceLang: 'en',
      targetLang: 'fr',
      segments: [
        { source: 'Laftit met Darmanin', target: 'Lafetet rencontre Darmanin à Rabat' },
        { source: 'Sahel and desert', target: 'Sahel et du désert' },
        { source: 'Third one', target: 'Troisième' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).document;
  }

  async function flag(doc: DocumentState, who = REVIEWER, extra: object = {}): Promise<Flag> {
    const res = await req(who, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: doc.segments[0]!.id,
      side: 'target',
      start: 0,
      end: 7,
      quote: 'Lafetet',
      category: 'terminology',
      severity: 'minor',
      correction: 'Laftit',
      comment: 'name',
      baseVersion: 1,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).flag;
  }

  const patch = (who: string, doc: DocumentState, f: Flag, body: object) =>
    req(who, 'PATCH', `/api/documents/${doc.id}/flags/${f.id}`, { baseVersion: f.version, ...body });

  it('edits each field of a flag in turn: same id and thread, each change in its history with who did it', async () => {
    const doc = await newDoc();
    let f = await flag(doc);
    const commented = await req(TRANSLATOR, 'POST', `/api/documents/${doc.id}/flags/${f.id}/comments`, {
      text: 'Really?',
    });
    expect(commented.statusCode, commented.body).toBe(201);
    f = json(commented).flag;
    const steps: [object, { field: string; from: string; to: string }][] = [
      [{ severity: 'major' }, { field: 'severity', from: 'minor', to: 'major' }],
      [
        { category: 'accuracy/mistranslation' },
        { field: 'category', from: 'terminology', to: 'accuracy/mistranslation' },
      ],
      [{ correction: 'Abdelouafi Laftit' }, { field: 'correction', from: 'Laftit', to: 'Abdelouafi Laftit' }],
      [{ comment: 'the minister’s name' }, { field: 'comment', from: 'name', to: 'the minister’s name' }],
      [{ span: { start: 18, end: 26, quote: 'Darmanin' } }, { field: 'span', from: 'Lafetet', to: 'Darmanin' }],
    ];
    for (const [body, change] of steps) {
      const res = await patch(REVIEWER, doc, f, { action: 'edit', ...body });
      expect(res.statusCode, res.body).toBe(200);
      const next: Flag = json(res).flag;
      expect(next.id).toBe(f.id);
      expect(next.version).toBe(f.version + 1);
      expect(next.history!.at(-1)).toMatchObject({ action: 'edited', by: REVIEWER, changes: [change] });
      f = next;
    }
    expect(f).toMatchObject({
      severity: 'major',
      category: 'accuracy/mistranslation',
      correction: 'Abdelouafi Laftit',
      comment: 'the minister’s name',
      quote: 'Darmanin',
      anchor: { start: 18, end: 26, quote: 'Darmanin' },
    });
    expect(f.comments.map((c) => c.text)).toEqual(['Really?']);
    expect(f.history).toHaveLength(5);
    // The same flag as the log folds it (what a reload and every other client's stream give).
    const events = json(await req(EDITOR, 'GET', `/api/documents/${doc.id}/events`)).events;
    const refolded = toDocumentState(foldAll(events)).flags.find((x) => x.id === f.id);
    expect(refolded).toEqual(f);
    expect(events.filter((e: { type: string }) => e.type === 'FlagEdited')).toHaveLength(5);
  });

  it('refuses a span that is not in the text, or whose words moved', async () => {
    const doc = await newDoc();
    const f = await flag(doc);
    const out = await patch(REVIEWER, doc, f, { action: 'edit', span: { start: 5, end: 500 } });
    expect(out.statusCode).toBe(422);
    expect(json(out).error.code).toBe('SPAN_OUT_OF_RANGE');
    const moved = await patch(REVIEWER, doc, f, { action: 'edit', span: { start: 0, end: 7, quote: 'Rabat' } });
    expect(moved.statusCode).toBe(409);
    expect(json(moved).error.code).toBe('SPAN_MISMATCH');
  });

  it('lets only the author or an editor edit or restore a flag', async () => {
    await ensureUser(ctx.app, OTHER_REVIEWER, ['reviewer']);
    await signIn(ctx.app, OTHER_REVIEWER, ['reviewer']);
    const doc = await newDoc();
    let f = await flag(doc);
    const other = await patch(OTHER_REVIEWER, doc, f, { action: 'edit', severity: 'critical' });
    expect(other.statusCode, other.body).toBe(403);
    expect(json(other).error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'flag.editAny' } });
    const translator = await patch(TRANSLATOR, doc, f, { action: 'edit', severity: 'critical' });
    expect(translator.statusCode).toBe(403);
    const editor = await patch(EDITOR, doc, f, { action: 'edit', severity: 'critical' });
    expect(editor.statusCode, editor.body).toBe(200);
    f = json(editor).flag;
    expect(f.history!.at(-1)).toMatchObject({
      by: EDITOR,
      changes: [{ field: 'severity', from: 'minor', to: 'critical' }],
    });
    // Withdrawn, then restored: by another reviewer no, by the author yes.
    f = json(await patch(REVIEWER, doc, f, { action: 'withdraw', reason: 'my mistake' })).flag;
    expect(f.status).toBe('withdrawn');
    expect((await patch(OTHER_REVIEWER, doc, f, { action: 'restore' })).statusCode).toBe(403);
    const restored = await patch(REVIEWER, doc, f, { action: 'restore', reason: 'it was right' });
    expect(restored.statusCode, restored.body).toBe(200);
    f = json(restored).flag;
    expect(f).toMatchObject({ status: 'open', reason: 'it was right' });
    expect(f.history!.at(-1)).toMatchObject({ action: 'restored', by: REVIEWER });
    // Only a withdrawn flag can be restored.
    const again = await patch(REVIEWER, doc, f, { action: 'restore' });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('FLAG_NOT_OPEN');
    // And an editor restores anyone's.
    f = json(await patch(REVIEWER, doc, f, { action: 'withdraw' })).flag;
    expect((await patch(EDITOR, doc, f, { action: 'restore' })).statusCode).toBe(200);
  });

  it('asks for a note with “Other”, on creation and on edit', async () => {
    const doc = await newDoc();
    const bare = await req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: doc.segments[0]!.id,
      side: 'target',
      start: 0,
      end: 7,
      category: 'other',
      severity: 'minor',
      baseVersion: 1,
    });
    expect(bare.statusCode).toBe(422);
    expect(json(bare).error.code).toBe('NOTE_REQUIRED');
    const f = await flag(doc, REVIEWER, { comment: '' });
    const edit = await patch(REVIEWER, doc, f, { action: 'edit', category: 'other' });
    expect(json(edit).error.code).toBe('NOTE_REQUIRED');
    const ok = await patch(REVIEWER, doc, f, { action: 'edit', category: 'other', comment: 'odd spacing' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('marks segments reviewed per person, with active time; counts for the header; survives a restart', async () => {
    const doc = await newDoc();
    const [s1, s2, s3] = doc.segments as [
      DocumentState['segments'][number],
      DocumentState['segments'][number],
      DocumentState['segments'][number],
    ];
    const review = (who: string, segmentId: string, reviewed: boolean, activeMs = 0) =>
      req(who, 'POST', `/api/documents/${doc.id}/segments/${segmentId}/review`, { reviewed, activeMs });
    // A scripted read: the reviewer reads segments 1 and 2, the editor segment 2.
    expect((await review(REVIEWER, s1.id, true, 4000)).statusCode).toBe(200);
    expect((await review(REVIEWER, s2.id, true, 2500)).statusCode).toBe(200);
    expect((await review(EDITOR, s2.id, true, 1000)).statusCode).toBe(200);
    // Time on a segment without marking it.
    const res = await review(REVIEWER, s3.id, false, 700);
    expect(json(res).segment.reviewedBy).toBeUndefined();
    // The same mark twice with no time: nothing to record.
    const before = json(await req(EDITOR, 'GET', `/api/documents/${doc.id}`)).document.seq;
    expect(json(await review(REVIEWER, s1.id, true)).seq).toBe(before);
    // Translators do not review.
    expect((await review(TRANSLATOR, s1.id, true)).statusCode).toBe(403);

    const check = (d: DocumentState) => {
      expect(d.reviewedCount).toBe(2);
      expect(d.reviewers).toEqual({
        [REVIEWER]: { reviewed: 2, activeMs: 7200 },
        [EDITOR]: { reviewed: 1, activeMs: 1000 },
      });
      expect([...d.segments[1]!.reviewedBy!].sort()).toEqual([EDITOR, REVIEWER].sort());
    };
    check(json(await req(EDITOR, 'GET', `/api/documents/${doc.id}`)).document);
    // Unmarking takes it back; "by anyone" stays while the editor's mark remains.
    await review(REVIEWER, s2.id, false);
    let d: DocumentState = json(await req(EDITOR, 'GET', `/api/documents/${doc.id}`)).document;
    expect(d.reviewedCount).toBe(2);
    expect(d.reviewers![REVIEWER]!.reviewed).toBe(1);
    await review(REVIEWER, s2.id, true);
    await ctx.restart();
    check(json(await req(EDITOR, 'GET', `/api/documents/${doc.id}`)).document);
    // A merge moves the marks with the text: the counts follow.
    const merged = await req(EDITOR, 'POST', `/api/documents/${doc.id}/segments/${s1.id}/merge-next`, {
      baseVersion: 1,
      nextBaseVersion: 1,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    d = json(await req(EDITOR, 'GET', `/api/documents/${doc.id}`)).document;
    expect(d.reviewedCount).toBe(1);
  });

  it('records how long each flag took and the time per segment, and exports both', async () => {
    const doc = await newDoc();
    const f = await flag(doc, REVIEWER, { durationMs: 8300 });
    expect(f.durationMs).toBe(8300);
    await req(REVIEWER, 'POST', `/api/documents/${doc.id}/segments/${doc.segments[0]!.id}/review`, {
      reviewed: true,
      activeMs: 12000,
    });
    const exported = await req(EDITOR, 'GET', `/api/documents/${doc.id}/export`);
    expect(exported.statusCode).toBe(200);
    const body = json(exported);
    expect(body.timing).toEqual({
      flags: [{ flagId: f.id, segmentId: doc.segments[0]!.id, by: REVIEWER, at: f.createdAt, durationMs: 8300 }],
      segments: [{ segmentId: doc.segments[0]!.id, by: REVIEWER, activeMs: 12000, reviewed: true }],
    });
    expect(body.document.flags[0].durationMs).toBe(8300);
    expect(body.document.reviewers[REVIEWER]).toEqual({ reviewed: 1, activeMs: 12000 });
  });

  it('lets editors attach guidelines; the document carries them, the list does not', async () => {
    const doc = await newDoc();
    const guidelines = {
      text: 'Names of ministers: as in the ministry’s own French.',
      categories: { terminology: { definition: 'Names and titles too.', example: 'Lafetet → Laftit' } },
    };
    expect((await req(REVIEWER, 'PUT', `/api/documents/${doc.id}/guidelines`, { guidelines })).statusCode).toBe(403);
    const res = await req(EDITOR, 'PUT', `/api/documents/${doc.id}/guidelines`, { guidelines, fileName: 'house.json' });
    expect(res.statusCode, res.body).toBe(200);
    const d: DocumentState = json(await req(TRANSLATOR, 'GET', `/api/documents/${doc.id}`)).document;
    expect(d.guidelines).toEqual({ ...guidelines, severities: {} });
    expect(d.guidelinesFile).toBe('house.json');
    const listed = json(await req(TRANSLATOR, 'GET', '/api/documents')).documents.find(
      (x: { id: string }) => x.id === doc.id,
    );
    expect(listed.guidelines).toBeUndefined();
    const bad = await req(EDITOR, 'PUT', `/api/documents/${doc.id}/guidelines`, {
      guidelines: { categories: { nonsense: { definition: 'x' } } },
    });
    expect(bad.statusCode).toBe(400);
  });
});
