import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../shared/events';
import type { SegmentHistory } from '../shared/history';
import type { DocumentState, Flag } from '../shared/schemas';
import { EDITOR, REVIEWER, TRANSLATOR, VIEWER, call, json, useRoleServer } from './test-helpers';

/**
 * Split, merge with the next, delete an empty-sided segment, and undo each, through the API
 * (routes/structure.ts, domain/structure-commands.ts); and the aligner behind the import preview, followed
 * by a manual fix and the document's creation.
 */

type Method = InjectOptions['method'];

function useServer() {
  const ctx = useRoleServer();
  const req = (who: string, method: Method, url: string, body?: unknown) => call(ctx.app, method, url, body, who);
  const api = {
    req,
    async newDoc(segments: [string, string][]): Promise<DocumentState> {
      const res = await req(EDITOR, 'POST', '/api/documents', {
        title: 'Structure',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: segments.map(([source, target]) => ({ source, target })),
      });
      expect(res.statusCode, res.body).toBe(201);
      return json(res).document;
    },
    async doc(id: string): Promise<DocumentState> {
      return json(await req(VIEWER, 'GET', `/api/documents/${id}`)).document;
    },
    async events(id: string, after = 0): Promise<DocumentEvent[]> {
      return json(await req(VIEWER, 'GET', `/api/documents/${id}/events?after=${after}`)).events;
    },
  };
  return api;
}

const rows = (doc: DocumentState) => doc.segments.map((s) => [s.index, s.source, s.target]);

describe('split, merge, delete and undo', () => {
  const api = useServer();

  it('an editor splits a segment at the cursor on both sides; a flag follows its words; undo merges back', async () => {
    const doc = await api.newDoc([
      ['One. Two.', 'Un. Deux.'],
      ['Three.', 'Trois.'],
    ]);
    const s1 = doc.segments[0]!;
    const flagged = await api.req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: s1.id,
      side: 'target',
      start: 4,
      end: 8,
      category: 'fluency/spelling',
      severity: 'minor',
      baseVersion: 1,
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    const flagId = (json(flagged).flag as Flag).id;

    const res = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/segments/${s1.id}/split`, {
      sourceAt: 4,
      targetAt: 3,
      baseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    const after: DocumentState = json(res).document;
    expect(rows(after)).toEqual([
      [0, 'One.', 'Un.'],
      [1, 'Two.', 'Deux.'],
      [2, 'Three.', 'Trois.'],
    ]);
    expect(after.segments[0]!.id).toBe(s1.id);
    expect(after.segments[1]!.id).toBe(json(res).newSegmentId);
    const flag = after.flags.find((f) => f.id === flagId)!;
    expect([flag.segmentId, flag.anchor.start, flag.anchor.quote, flag.orphaned]).toEqual([
      after.segments[1]!.id,
      0,
      'Deux',
      false,
    ]);

    const history: SegmentHistory = json(
      await api.req(VIEWER, 'GET', `/api/documents/${doc.id}/segments/${s1.id}/history`),
    );
    expect(history.revisions.map((r) => r.cause)).toEqual(['original', 'split']);

    const undo = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/structure/revert`, { seq: after.seq });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(rows(json(undo).document)).toEqual(rows(doc));
    const merged = (json(undo).document as DocumentState).flags.find((f) => f.id === flagId)!;
    expect([merged.segmentId, merged.anchor.start, merged.anchor.quote]).toEqual([s1.id, 4, 'Deux']);
  });

  it('merges a segment with the next and undoes the merge with the same ids', async () => {
    const doc = await api.newDoc([
      ['The first half', 'La première moitié'],
      ['and the second.', 'et la seconde.'],
      ['Next.', 'Suivant.'],
    ]);
    const [a, b] = doc.segments;
    const res = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/segments/${a!.id}/merge-next`, {
      baseVersion: 1,
      nextBaseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged: DocumentState = json(res).document;
    expect(rows(merged)).toEqual([
      [0, 'The first half and the second.', 'La première moitié et la seconde.'],
      [1, 'Next.', 'Suivant.'],
    ]);
    const undo = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/structure/revert`, { seq: merged.seq });
    expect(undo.statusCode, undo.body).toBe(200);
    const back: DocumentState = json(undo).document;
    expect(rows(back)).toEqual(rows(doc));
    expect(back.segments.map((s) => s.id)).toEqual(doc.segments.map((s) => s.id));
    expect(b!.id).toBe(back.segments[1]!.id);
  });

  it('deletes an empty-sided segment (boilerplate), renumbers, and undo restores it in place', async () => {
    const doc = await api.newDoc([
      ['Text.', 'Texte.'],
      ['', 'Partager cet article'],
      ['End.', 'Fin.'],
    ]);
    const boiler = doc.segments[1]!;
    const res = await api.req(EDITOR, 'DELETE', `/api/documents/${doc.id}/segments/${boiler.id}`, { baseVersion: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const after: DocumentState = json(res).document;
    expect(rows(after)).toEqual([
      [0, 'Text.', 'Texte.'],
      [1, 'End.', 'Fin.'],
    ]);
    const undo = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/structure/revert`, { seq: after.seq });
    expect(rows(json(undo).document)).toEqual(rows(doc));
  });

  it('refuses bad requests with 4xx codes and changes nothing', async () => {
    const doc = await api.newDoc([
      ['Both sides.', 'Deux côtés.'],
      ['Last.', 'Dernier.'],
    ]);
    const [a, b] = doc.segments;
    const url = `/api/documents/${doc.id}/segments`;
    const cases: [string, Method, string, unknown, number, string][] = [
      [EDITOR, 'POST', `${url}/${a!.id}/split`, { sourceAt: 0, targetAt: 0, baseVersion: 1 }, 422, 'SPLIT_EMPTY_PART'],
      [
        EDITOR,
        'POST',
        `${url}/${a!.id}/split`,
        { sourceAt: 99, targetAt: 1, baseVersion: 1 },
        422,
        'SPAN_OUT_OF_RANGE',
      ],
      [
        EDITOR,
        'POST',
        `${url}/${a!.id}/split`,
        { sourceAt: 4, targetAt: 4, baseVersion: 7 },
        409,
        'SEGMENT_VERSION_CONFLICT',
      ],
      [EDITOR, 'POST', `${url}/${a!.id}/split`, { sourceAt: 'x' }, 400, 'VALIDATION_FAILED'],
      [EDITOR, 'POST', `${url}/${b!.id}/merge-next`, { baseVersion: 1, nextBaseVersion: 1 }, 422, 'NO_NEXT_SEGMENT'],
      [EDITOR, 'DELETE', `${url}/${a!.id}`, { baseVersion: 1 }, 422, 'SEGMENT_NOT_EMPTY'],
      [EDITOR, 'POST', `/api/documents/${doc.id}/structure/revert`, { seq: 1 }, 422, 'EVENT_NOT_REVERTIBLE'],
      [EDITOR, 'POST', `/api/documents/${doc.id}/structure/revert`, { seq: 99 }, 404, 'REVISION_NOT_FOUND'],
      [TRANSLATOR, 'POST', `${url}/${a!.id}/split`, { sourceAt: 4, targetAt: 4, baseVersion: 1 }, 403, 'FORBIDDEN'],
    ];
    for (const [who, method, u, body, status, code] of cases) {
      const res = await api.req(who, method, u, body);
      expect([res.statusCode, json(res).error?.code], `${method} ${u} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
    expect(await api.events(doc.id, doc.seq)).toEqual([]);
  });

  it('refuses to delete a segment with flags (409) and a split of an approved segment (409)', async () => {
    const doc = await api.newDoc([
      ['', 'Publicité'],
      ['Approved.', 'Approuvé.'],
    ]);
    const [ad, ok] = doc.segments;
    const flagged = await api.req(REVIEWER, 'POST', `/api/documents/${doc.id}/flags`, {
      segmentId: ad!.id,
      side: 'target',
      start: 0,
      end: 4,
      category: 'accuracy/addition',
      severity: 'minor',
      baseVersion: 1,
    });
    expect(flagged.statusCode).toBe(201);
    const del = await api.req(EDITOR, 'DELETE', `/api/documents/${doc.id}/segments/${ad!.id}`, { baseVersion: 1 });
    expect([del.statusCode, json(del).error.code]).toEqual([409, 'SEGMENT_HAS_FLAGS']);
    const approve = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/segments/${ok!.id}/status`, {
      action: 'approve',
    });
    expect(approve.statusCode, approve.body).toBe(200);
    const split = await api.req(EDITOR, 'POST', `/api/documents/${doc.id}/segments/${ok!.id}/split`, {
      sourceAt: 4,
      targetAt: 4,
      baseVersion: 1,
    });
    expect([split.statusCode, json(split).error.code]).toEqual([409, 'SEGMENT_LOCKED']);
  });
});

describe('align on import', () => {
  const api = useServer();

  it('proposes pairs for two texts that do not line up; the fixed pairs become the document', async () => {
    const english = [
      'The expedition left Kathmandu on 12 March 1956 with twelve climbers and three hundred porters.',
      'It reached the base camp below the Khumbu icefall after a march of three weeks.',
      'The weather was poor in April.',
      'Heavy snow fell almost every afternoon, and the camps on the Lhotse face had to be dug out again and again.',
      'On 18 May Ernst Reiss and Fritz Luchsinger reached the summit of Lhotse, at 8501 metres the fourth highest mountain on Earth.',
    ];
    const french = [
      'L’expédition quitta Katmandou le 12 mars 1956 avec douze alpinistes et trois cents porteurs.',
      'Elle atteignit le camp de base au pied de la cascade de glace du Khumbu après trois semaines de marche.',
      'Le temps fut mauvais en avril : la neige tombait presque chaque après-midi, et il fallut sans cesse dégager les camps de la face du Lhotse.',
      'Le 18 mai, Ernst Reiss et Fritz Luchsinger atteignirent le sommet du Lhotse, 8501 mètres, quatrième sommet du globe.',
      'Partager cet article',
    ];
    const res = await api.req(EDITOR, 'POST', '/api/documents/align-preview', {
      sourceLang: 'en',
      targetLang: 'fr',
      unit: 'sentence',
      sourceText: english.join(' '),
      targetText: french.join('\n'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { source, target, alignments } = json(res) as {
      source: string[];
      target: string[];
      alignments: { source: number[]; target: number[]; score: number }[];
    };
    expect(source).toEqual(english);
    expect(alignments.map((b) => [b.source, b.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2, 3], [2]],
      [[4], [3]],
      [[], [4]],
    ]);
    // The reviewer drops the boilerplate row, then creates the document from the pairs.
    const segments = alignments
      .filter((b) => b.source.length > 0)
      .map((b) => ({
        source: b.source.map((i) => source[i]).join(' '),
        target: b.target.map((j) => target[j]).join(' '),
      }));
    const created = await api.req(EDITOR, 'POST', '/api/documents', {
      title: 'Aligned',
      sourceLang: 'en',
      targetLang: 'fr',
      segments,
    });
    expect(created.statusCode, created.body).toBe(201);
    const doc: DocumentState = json(created).document;
    expect(doc.segments).toHaveLength(4);
    expect(rows(doc)[2]).toEqual([2, `${english[2]} ${english[3]}`, french[2]]);
  });

  it('refuses bad input and needs document.create', async () => {
    const bad = await api.req(EDITOR, 'POST', '/api/documents/align-preview', { sourceLang: 'en', unit: 'word' });
    expect([bad.statusCode, json(bad).error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await api.req(EDITOR, 'POST', '/api/documents/align-preview', {
      sourceLang: 'en',
      targetLang: 'fr',
      unit: 'paragraph',
      sourceText: ' ',
      targetText: '',
    });
    expect([empty.statusCode, json(empty).error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const forbidden = await api.req(TRANSLATOR, 'POST', '/api/documents/align-preview', {});
    expect(forbidden.statusCode).toBe(403);
  });
});
