import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAnchor } from '../shared/anchor';
import type { DocumentEvent } from '../shared/events';
import type { SegmentHistory } from '../shared/history';
import { foldAll, toDocumentState } from '../shared/reducer';
import { DocumentStateSchema, type DocumentState } from '../shared/schemas';
import { openJsonFileStore, type JsonFileStore, type StoreLogger } from './store/json-file-store';
import { call, json, makeSandbox, signIn, startServer, type TestServer } from './test-helpers';

/**
 * Data written by the first version of the app (commit e550127, "Embedded JSON-file store"), before
 * accounts, the review workflow and the MQM work: actors were free-typed names, flags had no `quote` and
 * no `comments`, documents had no `status` nor `statusReason`. The current app must open it unchanged.
 *
 * Layout then, as now: DATA_DIR/documents/<id>/journal.jsonl (+ snapshot.json = { seq, state }).
 */

const DOC_A = 'd0a1b2c3d4e5f6a7b'; // flags: its old snapshot fails today's schema (flags lack `quote`)
const DOC_B = 'd9f8e7d6c5b4a3921'; // no flags: its old snapshot is valid today thanks to schema defaults

const AMINA = 'Amina';
const YOUSSEF = 'Youssef (relecture)'; // free-typed, not even a valid login today
const KARIM = 'Karim';

const CAT = 'Le chat est assis sur le tapis';
const DOG = 'Le chien est assis sur le tapis';

const at = (minute: number) => `2024-05-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

/** The events as the first version journaled them (every one of these shapes is still valid today). */
function eventsA(): DocumentEvent[] {
  return [
    {
      seq: 1,
      at: at(0),
      actor: AMINA,
      type: 'DocumentCreated',
      payload: {
        id: DOC_A,
        title: 'Avant les comptes',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [
          { id: 's1', source: 'The cat sat on the mat', target: CAT },
          { id: 's2', source: 'Second sentence.', target: '' },
          { id: 's3', source: 'Third.', target: 'Troisième.' },
        ],
      },
    },
    {
      seq: 2,
      at: at(1),
      actor: AMINA,
      type: 'SegmentEdited',
      payload: { segmentId: 's2', target: 'Deuxième phrase.', cause: 'edit' },
    },
    {
      seq: 3,
      at: at(2),
      actor: YOUSSEF,
      type: 'FlagCreated',
      payload: {
        flagId: 'f1',
        segmentId: 's1',
        side: 'target',
        anchor: makeAnchor(CAT, 3, 7),
        category: 'accuracy/mistranslation',
        severity: 'major',
        correction: 'chien',
        comment: 'C’est un chien sur la photo',
      },
    },
    {
      seq: 4,
      at: at(3),
      actor: YOUSSEF,
      type: 'FlagCreated',
      payload: {
        flagId: 'f2',
        segmentId: 's3',
        side: 'target',
        anchor: makeAnchor('Troisième.', 0, 9),
        category: 'style',
        severity: 'minor',
        correction: 'Troisièmement',
        comment: '',
      },
    },
    { seq: 5, at: at(4), actor: AMINA, type: 'FlagAccepted', payload: { flagId: 'f1', reason: 'oui', target: DOG } },
    { seq: 6, at: at(5), actor: AMINA, type: 'FlagRejected', payload: { flagId: 'f2', reason: 'non' } },
    {
      seq: 7,
      at: at(6),
      actor: YOUSSEF,
      type: 'FlagCreated',
      payload: {
        flagId: 'f3',
        segmentId: 's2',
        side: 'target',
        anchor: makeAnchor('Deuxième phrase.', 9, 15),
        category: 'terminology',
        severity: 'minor',
        correction: 'proposition',
        comment: '',
      },
    },
  ];
}

function eventsB(): DocumentEvent[] {
  return [
    {
      seq: 1,
      at: at(10),
      actor: KARIM,
      type: 'DocumentCreated',
      payload: {
        id: DOC_B,
        title: 'Sans drapeaux',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [{ id: 's1', source: 'Hello.', target: '' }],
      },
    },
    {
      seq: 2,
      at: at(11),
      actor: KARIM,
      type: 'SegmentEdited',
      payload: { segmentId: 's1', target: 'Bonjour.', cause: 'edit' },
    },
  ];
}

// What the first version's state looked like: exactly these keys (its DocumentMetaSchema/FlagSchema).
const OLD_DOCUMENT_KEYS = [
  'createdAt',
  'createdBy',
  'flags',
  'id',
  'segments',
  'seq',
  'sourceLang',
  'targetLang',
  'title',
  'updatedAt',
];
const OLD_SEGMENT_KEYS = ['id', 'index', 'source', 'status', 'target', 'updatedAt', 'updatedBy', 'version'];
const OLD_FLAG_KEYS = [
  'anchor',
  'category',
  'comment',
  'correction',
  'createdAt',
  'createdBy',
  'id',
  'orphaned',
  'reason',
  'segmentId',
  'severity',
  'side',
  'status',
  'updatedAt',
  'updatedBy',
  'version',
];

/** Today's fold of the events, as a plain document (what GET and snapshots hold). */
const folded = (events: DocumentEvent[]) => toDocumentState(foldAll(events));

/**
 * The state the first version's reducer produced for these events: today's fold without the fields added
 * since (its rules for these event types have not changed).
 */

function workspaceEraState(events: DocumentEvent[]): Record<string, unknown> {
  const { status: _s, statusReason: _r, flags, ...rest } = folded(events);
  const state = { ...rest, flags: flags.map(({ quote: _q, comments: _c, ...f }) => f) };
  expect(Object.keys(state).sort()).toEqual(OLD_DOCUMENT_KEYS);
  for (const s of state.segments) expect(Object.keys(s).sort()).toEqual(OLD_SEGMENT_KEYS);
  for (const f of state.flags) expect(Object.keys(f).sort()).toEqual(OLD_FLAG_KEYS);
  return state;
}

/** Writes DATA_DIR as the first version left it after a clean shutdown (journal + final snapshot). */
async function writeWorkspaceEraDataDir(dataDir: string) {
  for (const events of [eventsA(), eventsB()]) {
    const id = (events[0]!.payload as { id: string }).id;
    const dir = path.join(dataDir, 'documents', id);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'journal.jsonl'), events.map((e) => JSON.stringify(e) + '\n').join(''));
    const state = workspaceEraState(events);
    await fs.writeFile(path.join(dir, 'snapshot.json'), JSON.stringify({ seq: events.length, state }, null, 2) + '\n');
  }
}

const journalOf = (dataDir: string, id: string) => path.join(dataDir, 'documents', id, 'journal.jsonl');
const snapshotOf = (dataDir: string, id: string) => path.join(dataDir, 'documents', id, 'snapshot.json');

describe('workspace-era data migrates cleanly', () => {
  it('the old snapshots are what they were: A lacks `quote` (invalid today), B only lacks defaulted fields', () => {
    const a = DocumentStateSchema.safeParse(workspaceEraState(eventsA()));
    expect(a.success).toBe(false);
    const paths = a.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['flags.0.quote', 'flags.1.quote', 'flags.2.quote']);
    const b = DocumentStateSchema.safeParse(workspaceEraState(eventsB()));
    expect(b.success).toBe(true);
    expect(b.data).toMatchObject({ status: 'in-translation', statusReason: null });
  });

  describe('the store on such a DATA_DIR', () => {
    let sandbox: string;
    let store: JsonFileStore | undefined;
    const warnings: string[] = [];
    const logger: StoreLogger = {
      info() {},
      warn: (...a) => void warnings.push(a.join(' ')),
      error: (...a) => void warnings.push(`ERROR ${a.join(' ')}`),
    };

    beforeAll(async () => {
      let dataDir: string;
      ({ sandbox, dataDir } = await makeSandbox());
      await writeWorkspaceEraDataDir(dataDir);
      store = await openJsonFileStore({ dataDir, logger });
    });
    afterAll(async () => {
      await store?.close();
      await fs.rm(sandbox, { recursive: true, force: true });
    });

    it('ignores the invalid snapshot of A and replays its journal; uses the snapshot of B', async () => {
      expect(warnings.filter((w) => w.startsWith('ERROR'))).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`${DOC_A}`);
      expect(warnings[0]).toContain('ignoring the snapshot');
      expect(warnings[0]).toContain('quote');
      expect(store!.stats.replayed).toBe(eventsA().length); // all of A, none of B
      expect(await store!.get(DOC_A)).toEqual(foldAll(eventsA()));
      expect(await store!.get(DOC_B)).toEqual(foldAll(eventsB()));
    });
  });

  describe('the app on such a DATA_DIR', () => {
    let sandbox: string;
    let dataDir: string;
    let server: TestServer | undefined;
    const ZINEB = 'zineb';
    const EDITH = 'edith';
    let originalJournalA: string;

    const get = async (id: string): Promise<DocumentState> => {
      const res = await call(server!.app, 'GET', `/api/documents/${id}`, undefined, ZINEB);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).document;
    };
    const events = async (id: string): Promise<DocumentEvent[]> => {
      const res = await call(server!.app, 'GET', `/api/documents/${id}/events`, undefined, ZINEB);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).events;
    };
    async function start() {
      server = await startServer(dataDir);
      await signIn(server.app, ZINEB, ['translator']);
      await signIn(server.app, EDITH, ['editor']);
    }

    beforeAll(async () => {
      ({ sandbox, dataDir } = await makeSandbox());
      await writeWorkspaceEraDataDir(dataDir);
      originalJournalA = await fs.readFile(journalOf(dataDir, DOC_A), 'utf8');
      await start();
    });
    afterAll(async () => {
      await server?.close();
      await fs.rm(sandbox, { recursive: true, force: true });
    });

    it('lists both documents, in translation, with their old authors', async () => {
      const res = await call(server!.app, 'GET', '/api/documents', undefined, ZINEB);
      expect(res.statusCode, res.body).toBe(200);
      const docs = json(res).documents as { id: string }[];
      expect(docs.map((d) => d.id).sort()).toEqual([DOC_A, DOC_B].sort());
      expect(docs.find((d) => d.id === DOC_A)).toMatchObject({
        status: 'in-translation',
        statusReason: null,
        createdBy: AMINA,
        segmentCount: 3,
        openFlagCount: 1,
        seq: 7,
      });
      expect(docs.find((d) => d.id === DOC_B)).toMatchObject({
        status: 'in-translation',
        statusReason: null,
        createdBy: KARIM,
        segmentCount: 1,
        openFlagCount: 0,
        seq: 2,
      });
    });

    it('GET the document: segments, flags with the old names, status in-translation, comments []', async () => {
      const doc = await get(DOC_A);
      expect(DocumentStateSchema.safeParse(doc).success).toBe(true);
      expect(doc).toEqual(folded(eventsA()));
      expect(doc).toMatchObject({
        id: DOC_A,
        title: 'Avant les comptes',
        status: 'in-translation',
        statusReason: null,
        createdBy: AMINA,
        seq: 7,
      });
      expect(doc.segments.map((s) => [s.id, s.target, s.version, s.status, s.updatedBy])).toEqual([
        ['s1', DOG, 2, 'translated', AMINA],
        ['s2', 'Deuxième phrase.', 2, 'translated', AMINA],
        ['s3', 'Troisième.', 1, 'translated', AMINA],
      ]);
      expect(
        doc.flags.map((f) => [f.id, f.status, f.reason, f.createdBy, f.updatedBy, f.quote, f.anchor.quote, f.comments]),
      ).toEqual([
        ['f1', 'accepted', 'oui', YOUSSEF, AMINA, 'chat', 'chien', []],
        ['f2', 'rejected', 'non', YOUSSEF, AMINA, 'Troisième', 'Troisième', []],
        ['f3', 'open', null, YOUSSEF, YOUSSEF, 'phrase', 'phrase', []],
      ]);

      const b = await get(DOC_B);
      expect(b).toEqual(folded(eventsB()));
      expect(b).toMatchObject({ status: 'in-translation', statusReason: null, flags: [] });
    });

    it('serves the old events unchanged, and the history from them', async () => {
      expect(await events(DOC_A)).toEqual(eventsA());
      const res = await call(server!.app, 'GET', `/api/documents/${DOC_A}/segments/s1/history`, undefined, ZINEB);
      expect(res.statusCode, res.body).toBe(200);
      const h: SegmentHistory = json(res);
      expect(h.revisions.map((r) => [r.seq, r.cause, r.actor, r.after])).toEqual([
        [1, 'original', AMINA, CAT],
        [5, 'flag', AMINA, DOG],
      ]);
      expect(h.lastApproved).toBeNull();
    });

    it("a new edit, comment and dispute by the signed-in user are appended with the user's login", async () => {
      const edit = await call(
        server!.app,
        'PATCH',
        `/api/documents/${DOC_A}/segments/s3`,
        { target: 'Troisième phrase.', baseVersion: 1 },
        ZINEB,
      );
      expect(edit.statusCode, edit.body).toBe(200);
      expect(json(edit)).toMatchObject({
        seq: 8,
        segment: { target: 'Troisième phrase.', version: 2, updatedBy: ZINEB },
      });

      const comment = await call(
        server!.app,
        'POST',
        `/api/documents/${DOC_A}/flags/f3/comments`,
        { text: 'Pourquoi ?' },
        ZINEB,
      );
      expect(comment.statusCode, comment.body).toBe(201);
      expect(json(comment).flag.comments).toEqual([
        { id: expect.any(String), author: ZINEB, at: expect.any(String), text: 'Pourquoi ?' },
      ]);

      const dispute = await call(
        server!.app,
        'PATCH',
        `/api/documents/${DOC_A}/flags/f3`,
        // The comment did not change the flag's version (issue #9): still 1.
        { action: 'dispute', baseVersion: 1, reason: '« phrase » est juste' },
        ZINEB,
      );
      expect(dispute.statusCode, dispute.body).toBe(200);
      expect(json(dispute).flag).toMatchObject({ status: 'disputed', createdBy: YOUSSEF, updatedBy: ZINEB });

      const editB = await call(
        server!.app,
        'PATCH',
        `/api/documents/${DOC_B}/segments/s1`,
        { target: 'Bonjour !', baseVersion: 2 },
        ZINEB,
      );
      expect(editB.statusCode, editB.body).toBe(200);

      const all = await events(DOC_A);
      expect(all.slice(0, 7)).toEqual(eventsA());
      expect(all.slice(7).map((e) => [e.seq, e.type, e.actor])).toEqual([
        [8, 'SegmentEdited', ZINEB],
        [9, 'CommentAdded', ZINEB],
        [10, 'FlagDisputed', ZINEB],
      ]);
      // Appended: the old lines are untouched on disk.
      const journal = await fs.readFile(journalOf(dataDir, DOC_A), 'utf8');
      expect(journal.startsWith(originalJournalA)).toBe(true);
      expect(journal.slice(originalJournalA.length).trimEnd().split('\n')).toHaveLength(3);
    });

    it('the workflow works on old documents: an editor submits it', async () => {
      const res = await call(server!.app, 'POST', `/api/documents/${DOC_A}/status`, { action: 'submit' }, EDITH);
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res).document).toMatchObject({ status: 'in-review', seq: 11 });
    });

    it('restarting keeps it all (and the snapshots are rewritten in the current format)', async () => {
      const beforeA = await get(DOC_A);
      const beforeB = await get(DOC_B);
      const eventsBeforeA = await events(DOC_A);
      const eventsBeforeB = await events(DOC_B);
      await server!.close();

      // The clean shutdown wrote current snapshots: both now validate.
      for (const id of [DOC_A, DOC_B]) {
        const snap = JSON.parse(await fs.readFile(snapshotOf(dataDir, id), 'utf8'));
        expect(DocumentStateSchema.safeParse(snap.state).success, id).toBe(true);
      }

      await start();
      expect((server!.store as JsonFileStore).stats.replayed).toBe(0); // both from their snapshots
      expect(await get(DOC_A)).toEqual(beforeA);
      expect(await get(DOC_B)).toEqual(beforeB);
      expect(await events(DOC_A)).toEqual(eventsBeforeA);
      expect(await events(DOC_B)).toEqual(eventsBeforeB);
      expect(beforeA).toMatchObject({ status: 'in-review', seq: 11 });
      expect(beforeA.flags.find((f) => f.id === 'f3')).toMatchObject({
        status: 'disputed',
        comments: [{ author: ZINEB, text: 'Pourquoi ?' }],
      });
      expect(beforeA.flags.find((f) => f.id === 'f1')).toMatchObject({
        status: 'accepted',
        createdBy: YOUSSEF,
        updatedBy: AMINA,
        quote: 'chat',
      });

      // And it keeps working after the restart.
      const edit = await call(
        server!.app,
        'PATCH',
        `/api/documents/${DOC_A}/segments/s2`,
        { target: 'Deuxième proposition.', baseVersion: 2 },
        ZINEB,
      );
      expect(edit.statusCode, edit.body).toBe(200);
      expect(json(edit)).toMatchObject({ seq: 12 });
    });
  });
});
