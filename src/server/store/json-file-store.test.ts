import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { DocumentEventSchema, type NewEvent } from '../../shared/events';
import { foldAll, toDocumentState } from '../../shared/reducer';
import { DocumentStateSchema } from '../../shared/schemas';
import { byId, flagsOnSegment } from '../../shared/state-index';
import { AppError } from '../errors';
import type { Decide } from './document-store';
import { openJsonFileStore, type JsonFileStore, type JsonFileStoreOptions } from './json-file-store';
import { describeDocumentStoreContract } from './document-store-contract';

type Created = Extract<NewEvent, { type: 'DocumentCreated' }>;

const created = (id: string, segments = 3): Created => ({
  type: 'DocumentCreated',
  payload: {
    id,
    title: `Document ${id}`,
    sourceLang: 'en',
    targetLang: 'fr',
    segments: Array.from({ length: segments }, (_, i) => ({
      id: `s${i + 1}`,
      source: `Hello world ${i + 1}`,
      target: `Bonjour le monde ${i + 1}`,
    })),
  },
});

const edit = (segmentId: string, target: string): NewEvent => ({
  type: 'SegmentEdited',
  payload: { segmentId, target, cause: 'edit' },
});

const flag = (flagId: string, segmentId: string): NewEvent => ({
  type: 'FlagCreated',
  payload: {
    flagId,
    segmentId,
    side: 'target',
    anchor: { start: 0, end: 7, quote: 'Bonjour', prefix: '', suffix: ' le monde' },
    category: 'fluency/spelling',
    severity: 'major',
    correction: 'Salut',
    comment: 'too formal',
  },
});

const emit =
  (...events: NewEvent[]): Decide<undefined> =>
  () => ({ events });

let dir: string;
type LogFn = Mock<(...args: unknown[]) => void>;
let logger: { info: LogFn; warn: LogFn; error: LogFn };
const opened: JsonFileStore[] = [];

async function open(opts: Partial<JsonFileStoreOptions> = {}): Promise<JsonFileStore> {
  const store = await openJsonFileStore({ dataDir: dir, logger, ...opts });
  opened.push(store);
  return store;
}

const journalOf = (id: string) => path.join(dir, 'documents', id, 'journal.jsonl');
const snapshotOf = (id: string) => path.join(dir, 'documents', id, 'snapshot.json');
const logged = (fn: LogFn) => fn.mock.calls.map((c) => c.join(' ')).join('\n');

/** Every line of the journal parses and validates, seqs 1..n. */
async function readValidJournal(id: string) {
  const text = await fs.readFile(journalOf(id), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const events = text
    .slice(0, -1)
    .split('\n')
    .map((line) => DocumentEventSchema.parse(JSON.parse(line)));
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  return events;
}

/** A document with a few edits and a flag: seq 6. */
async function populate(store: JsonFileStore, id = 'doc1') {
  await store.create(created(id), 'alice');
  await store.append(id, 'bob', emit(edit('s1', 'Salut le monde 1')));
  await store.append(id, 'bob', emit(flag('f1', 's2')));
  await store.append(id, 'carol', emit(edit('s2', 'Oh, Bonjour le monde 2'), edit('s3', 'Bonsoir')));
  await store.append(id, 'alice', emit({ type: 'FlagResolved', payload: { flagId: 'f1', reason: 'fine' } }));
  return (await store.get(id))!;
}

async function expectAppError(promise: Promise<unknown>, statusCode: number, code: string) {
  const err = await promise.then(
    () => expect.unreachable('should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ statusCode, code });
  return err as AppError;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-store-'));
  logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

describe('JSON file store: persistence', () => {
  it('restores exactly the same state after close and reopen (journal only)', async () => {
    const store = await open();
    const state = await populate(store);
    expect(state.seq).toBe(6);
    expect(state.flags.get(0)).toMatchObject({ id: 'f1', status: 'resolved', anchor: { start: 4, quote: 'Bonjour' } });
    await store.close();
    await fs.rm(snapshotOf('doc1')); // force a full replay
    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
    expect(reopened.stats.replayed).toBe(6);
    expect(await reopened.events('doc1', 0)).toEqual(await readValidJournal('doc1'));
  });

  it('writes a snapshot at close and uses it on reopen', async () => {
    const store = await open();
    const state = await populate(store);
    await store.close();
    const snap = JSON.parse(await fs.readFile(snapshotOf('doc1'), 'utf8'));
    const plain = toDocumentState(state);
    expect(snap).toEqual({ seq: 6, state: plain });
    // The plain document has arrays (the fold's List stays in memory), is valid, and is shared read-only.
    expect(Array.isArray(plain.flags)).toBe(true);
    expect(DocumentStateSchema.parse(plain)).toEqual(plain);
    expect(Object.isFrozen(plain) && Object.isFrozen(plain.flags)).toBe(true);
    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
    expect(reopened.stats.replayed).toBe(0);
  });

  it('waits for a quiet moment before a snapshot (it blocks the event loop), then takes one', async () => {
    const store = await open({ snapshotEvery: 4, snapshotIdleMs: 300 });
    await store.create(created('doc1'), 'alice');
    for (let i = 0; i < 9; i++) await store.append('doc1', 'bob', emit(edit(`s${(i % 3) + 1}`, `v${i}`)));
    expect(store.stats.snapshots).toBe(0);
    await vi.waitFor(() => expect(store.stats.snapshots).toBe(1), { timeout: 5_000 });
    await store.close();
  });

  it('replays the journal tail on top of an older snapshot', async () => {
    const store = await open({ snapshotEvery: 4, snapshotIdleMs: 0 });
    await store.create(created('doc1'), 'alice');
    for (let i = 0; i < 9; i++) await store.append('doc1', 'bob', emit(edit(`s${(i % 3) + 1}`, `v${i}`)));
    // Background snapshots come and go (and close() writes one); the snapshot under test is put back below.
    await vi.waitFor(async () => expect(store.stats.snapshots).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    const state = (await store.get('doc1'))!;
    const events = await store.events('doc1', 0);
    await store.close();
    // Put back a snapshot at seq 4, as if the server had crashed long after it.
    await fs.writeFile(
      snapshotOf('doc1'),
      JSON.stringify({ seq: 4, state: toDocumentState(foldAll(events.slice(0, 4))) }, null, 2),
    );
    const reopened = await open({ snapshotEvery: 4 });
    expect(await reopened.get('doc1')).toEqual(state);
    expect(reopened.stats.replayed).toBe(6);
  });

  it('ignores an invalid snapshot and replays the whole journal', async () => {
    const store = await open();
    const state = await populate(store);
    await store.close();
    await fs.writeFile(snapshotOf('doc1'), JSON.stringify({ seq: 6, state: { ...state, segments: 'nope' } }));
    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
    expect(reopened.stats.replayed).toBe(6);
    expect(logged(logger.warn)).toMatch(/ignoring the snapshot/);
  });

  it('drops a torn last line, truncates it, and appends cleanly afterwards', async () => {
    const store = await open();
    const state = await populate(store);
    await store.close();
    await fs.rm(snapshotOf('doc1'));
    const goodSize = (await fs.stat(journalOf('doc1'))).size;
    const line = JSON.stringify({ seq: 7, at: new Date().toISOString(), actor: 'x', ...edit('s1', 'lost') });
    await fs.appendFile(journalOf('doc1'), line.slice(0, Math.floor(line.length / 2)));

    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
    expect(logged(logger.warn)).toMatch(/journal\.jsonl.*incomplete last line 7/);
    expect((await fs.stat(journalOf('doc1'))).size).toBe(goodSize);

    const { state: after } = await reopened.append('doc1', 'bob', emit(edit('s1', 'kept')));
    expect(after.seq).toBe(7);
    await reopened.close();
    const events = await readValidJournal('doc1');
    expect(events).toHaveLength(7);
    expect(events[6]).toMatchObject({ seq: 7, payload: { target: 'kept' } });
  });

  it('drops an invalid complete last line too', async () => {
    const store = await open();
    const state = await populate(store);
    await store.close();
    await fs.appendFile(journalOf('doc1'), '{"seq":7,"type":"Nonsense"}\n');
    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
    expect(logged(logger.warn)).toMatch(/incomplete last line 7/);
    await reopened.append('doc1', 'bob', emit(edit('s1', 'ok')));
    await reopened.close();
    expect(await readValidJournal('doc1')).toHaveLength(7);
  });

  it('marks only the document with a corrupt middle line unavailable', async () => {
    const store = await open();
    await populate(store, 'broken');
    const good = await populate(store, 'good');
    await store.close();
    const lines = (await fs.readFile(journalOf('broken'), 'utf8')).split('\n');
    lines[2] = lines[2]!.slice(0, 20); // line 3
    await fs.writeFile(journalOf('broken'), lines.join('\n'));

    const reopened = await open();
    const err = await expectAppError(reopened.get('broken'), 503, 'DOCUMENT_UNAVAILABLE');
    expect(err.message).toMatch(/documents\/broken\/journal\.jsonl line 3/);
    await expectAppError(reopened.append('broken', 'bob', emit(edit('s1', 'x'))), 503, 'DOCUMENT_UNAVAILABLE');
    await expectAppError(reopened.events('broken', 0), 503, 'DOCUMENT_UNAVAILABLE');
    await expectAppError(reopened.create(created('broken'), 'alice'), 409, 'DOCUMENT_EXISTS');
    expect(logged(logger.error)).toMatch(/broken.*line 3/);
    expect(await reopened.get('good')).toEqual(good);
    // Still listed (never vanishes): by what its readable lines say, greyed by `available: false`.
    const list = await reopened.list();
    expect(list.map((d) => [d.id, d.available])).toEqual([
      ['good', true],
      ['broken', false],
    ]);
    expect(list[1]).toMatchObject({
      title: 'Document broken',
      sourceLang: 'en',
      error: { code: 'DOCUMENT_UNAVAILABLE', message: expect.stringMatching(/journal\.jsonl line 3 is corrupt/) },
    });
    expect(list[0]!.error).toBeUndefined();
  });
});

describe('JSON file store: damaged documents', () => {
  const baseOf = (id: string) => path.join(dir, 'documents', id, 'base.json');

  it.each([
    ['empty', (file: string) => fs.writeFile(file, '')],
    ['missing', (file: string) => fs.rm(file)],
  ])('a journal %s beside a snapshot: recovered from the snapshot, and later appends work', async (_, damage) => {
    const store = await open();
    const state = await populate(store);
    await store.close(); // writes snapshot.json at seq 6
    await damage(journalOf('doc1'));

    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
    expect((await reopened.list()).map((d) => [d.id, d.available])).toEqual([['doc1', true]]);
    expect(logged(logger.warn)).toMatch(/recovered document doc1 at seq 6 from snapshot\.json/);
    expect(JSON.parse(await fs.readFile(baseOf('doc1'), 'utf8'))).toMatchObject({ seq: 6, state: { id: 'doc1' } });
    expect(await fs.readFile(journalOf('doc1'), 'utf8')).toBe('');
    // The log starts after the base: nothing earlier is made up.
    expect(await reopened.events('doc1', 0)).toEqual([]);

    const { state: next } = await reopened.append('doc1', 'bob', emit(edit('s1', 'after recovery')));
    expect(next.seq).toBe(7);
    await reopened.append('doc1', 'bob', emit(edit('s2', 'and more')));
    expect((await reopened.events('doc1', 0)).map((e) => e.seq)).toEqual([7, 8]);
    const final = (await reopened.get('doc1'))!;
    await reopened.close();
    const lines = (await fs.readFile(journalOf('doc1'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([7, 8]);

    logger.warn.mockClear();
    const again = await open({ cachedEvents: 0 }); // events() read back from the journal file
    expect(await again.get('doc1')).toEqual(final);
    expect((await again.events('doc1', 7)).map((e) => e.seq)).toEqual([8]);
    expect(logged(logger.warn)).toBe('');
    await again.close();

    // A later snapshot that goes bad falls back to base.json + the whole journal.
    await fs.writeFile(snapshotOf('doc1'), '{"seq": 8, "state": nope');
    const fallback = await open();
    expect(await fallback.get('doc1')).toEqual(final);
    expect(logged(logger.warn)).toMatch(/ignoring the snapshot/);
  });

  it('an empty journal and no snapshot: nothing was acknowledged; the folder is removed with one log line', async () => {
    const store = await open();
    await store.create(created('kept'), 'alice');
    await store.close();
    for (const id of ['empty', 'torn']) await fs.mkdir(path.join(dir, 'documents', id));
    await fs.writeFile(journalOf('empty'), '');
    await fs.writeFile(journalOf('torn'), '{"seq":1,"type":"DocumentCre'); // crash during the creation

    logger.warn.mockClear();
    const reopened = await open();
    expect((await reopened.list()).map((d) => d.id)).toEqual(['kept']);
    expect(await fs.readdir(path.join(dir, 'documents'))).toEqual(['kept']);
    expect(logger.warn.mock.calls.filter((c) => /removed; its journal held no event/.test(String(c[0])))).toHaveLength(
      2,
    );
    expect(logged(logger.warn)).toMatch(/documents\/empty: removed/);
    await reopened.close();
    logger.warn.mockClear();
    await open(); // nothing to say the next time
    expect(logged(logger.warn)).toBe('');
  });

  it('a document that cannot be read at all stays listed by its id, unavailable, and cannot be opened', async () => {
    await fs.mkdir(path.join(dir, 'documents', 'lost'), { recursive: true });
    await fs.writeFile(snapshotOf('lost'), '{"seq": 3, "state": ');
    await fs.mkdir(path.join(dir, 'documents', 'odd'), { recursive: true });
    await fs.writeFile(path.join(dir, 'documents', 'odd', 'notes.txt'), 'mine');
    const store = await open();
    const list = (await store.list()).sort((a, b) => a.id.localeCompare(b.id));
    expect(list.map((d) => [d.id, d.available])).toEqual([
      ['lost', false],
      ['odd', false],
    ]);
    expect(list[0]).toMatchObject({
      title: 'lost',
      sourceLang: 'und',
      segmentCount: 0,
      error: {
        code: 'DOCUMENT_UNAVAILABLE',
        message: expect.stringMatching(
          /journal\.jsonl is missing and documents\/lost\/snapshot\.json cannot replace it/,
        ),
      },
    });
    expect(list[1]!.error!.message).toMatch(/other files: notes\.txt/);
    await expectAppError(store.get('lost'), 503, 'DOCUMENT_UNAVAILABLE');
    await expectAppError(store.append('lost', 'bob', emit(edit('s1', 'x'))), 503, 'DOCUMENT_UNAVAILABLE');
    // Nothing was deleted: what is there is for a person to look at.
    expect(await fs.readdir(path.join(dir, 'documents', 'odd'))).toEqual(['notes.txt']);
  });
});

describe('JSON file store: appends', () => {
  it('appends nothing when decide throws', async () => {
    const store = await open();
    const state = await populate(store);
    const before = await fs.readFile(journalOf('doc1'), 'utf8');
    const refusal = new AppError(409, 'SEGMENT_VERSION_CONFLICT', 'stale');
    await expect(
      store.append('doc1', 'bob', () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    // An event the reducer cannot apply, or one that fails the schema, is refused as well.
    await expect(store.append('doc1', 'bob', emit(edit('nope', 'x')))).rejects.toThrow(/no segment nope/);
    await expect(store.append('doc1', 'bob', emit(edit('s1', 'x'), edit('bad id!', 'y')))).rejects.toThrow(/invalid/);
    expect(await fs.readFile(journalOf('doc1'), 'utf8')).toBe(before);
    expect(await store.get('doc1')).toEqual(state);
    const { state: next } = await store.append('doc1', 'bob', emit(edit('s1', 'fine')));
    expect(next.seq).toBe(state.seq + 1);
  });

  it('keeps 200 concurrent appends in order, group-committed', async () => {
    const store = await open({ snapshotEvery: 50, snapshotIdleMs: 0 });
    await store.create(created('doc1'), 'alice');
    const fsyncsBefore = store.stats.fsyncs;
    const seen: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.append('doc1', `user${i}`, (state) => {
          seen.push(state.seq);
          return { events: [edit(`s${(i % 3) + 1}`, `text ${i}`)], result: i };
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    results.forEach((r, i) => {
      expect(r.result).toBe(i);
      expect(r.events).toHaveLength(1);
      expect(r.events[0]).toMatchObject({ seq: i + 2, actor: `user${i}`, payload: { target: `text ${i}` } });
      expect(r.state.seq).toBe(i + 2);
    });
    expect(store.stats.fsyncs - fsyncsBefore).toBeLessThan(200);
    const state = (await store.get('doc1'))!;
    expect(state.seq).toBe(201);
    await store.close();
    expect((await readValidJournal('doc1')).map((e) => e.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(state);
  });

  it('decides against events that are not durable yet, but get() only shows durable ones', async () => {
    const store = await open();
    await store.create(created('doc1'), 'alice');
    const first = store.append('doc1', 'bob', emit(edit('s1', 'one')));
    let seenTarget = '';
    const second = store.append('doc1', 'bob', (state) => {
      seenTarget = state.segments[0]!.target;
      return { events: [] };
    });
    expect(seenTarget).toBe('one');
    expect((await store.get('doc1'))!.seq).toBe(1);
    const [a, b] = await Promise.all([first, second]);
    expect(a.state.seq).toBe(2);
    expect(b).toMatchObject({ events: [], state: { seq: 2 } });
    expect((await store.get('doc1'))!.seq).toBe(2);
  });

  it('rejects the batch and rolls back when a write fails', async () => {
    const store = await open();
    const state = await populate(store);
    const size = (await fs.stat(journalOf('doc1'))).size;
    const probe = await fs.open(journalOf('doc1'), 'r');
    const proto = Object.getPrototypeOf(probe) as { datasync(): Promise<void> };
    await probe.close();
    let fail!: (e: Error) => void;
    vi.spyOn(proto, 'datasync').mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));

    const inFlight = store.append('doc1', 'bob', emit(edit('s1', 'lost')));
    await vi.waitFor(() => expect(fail).toBeTypeOf('function'));
    const queued = store.append('doc1', 'bob', emit(edit('s2', 'also lost'))); // decided on top of "lost"
    const lostFlags = store.append('doc1', 'bob', emit(flag('fz', 's3'), flag('fy', 's2')));
    fail(new Error('EIO: simulated'));
    await expectAppError(inFlight, 500, 'INTERNAL');
    await expectAppError(queued, 500, 'INTERNAL');
    await expectAppError(lostFlags, 500, 'INTERNAL');
    expect(logged(logger.error)).toMatch(/simulated/);

    expect(await store.get('doc1')).toEqual(state);
    expect((await fs.stat(journalOf('doc1'))).size).toBe(size);
    const { state: next } = await store.append('doc1', 'bob', emit(edit('s1', 'saved')));
    expect(next.seq).toBe(7);
    // Flags created after the rollback take the lost flags' places: found by id, listed per segment in
    // creation order (the lost fy had fc's position on s2).
    await store.append('doc1', 'bob', emit(flag('fb', 's2'), flag('fc', 's2')));
    const withFlags = (await store.get('doc1'))!;
    expect(flagsOnSegment(withFlags.flags, 's2').map((f) => f.id)).toEqual(['f1', 'fb', 'fc']);
    expect(flagsOnSegment(withFlags.flags, 's3')).toEqual([]);
    expect(byId(withFlags.flags, 'fy')).toBeUndefined();
    expect(byId(withFlags.flags, 'fc')?.segmentId).toBe('s2');
    expect(next.segments[1]!.target).toBe(state.segments[1]!.target);
    await store.close();
    const reopened = await open();
    expect(await reopened.get('doc1')).toEqual(withFlags);
  });
});

describe('JSON file store: a full disk', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  it('answers 507 STORAGE_FULL, keeps no partial line, does not advance, and appends once there is space', async () => {
    let full = false;
    const store = await open({
      io: {
        // A full disk after half the bytes: the line is cut in the middle, as a real ENOSPC can leave it.
        async append(file, buf) {
          if (!full) return void (await file.write(buf, 0, buf.length));
          await file.write(buf, 0, Math.floor(buf.length / 2));
          throw enospc();
        },
      },
    });
    const state = await populate(store);
    const size = (await fs.stat(journalOf('doc1'))).size;
    full = true;
    const err = await expectAppError(store.append('doc1', 'bob', emit(edit('s1', 'lost'))), 507, 'STORAGE_FULL');
    expect(err.message).toMatch(/disk .* is full \(ENOSPC\).*Free some space/);
    await expectAppError(store.create(created('doc2'), 'alice'), 507, 'STORAGE_FULL');
    expect(await store.get('doc1')).toEqual(state);
    expect((await fs.stat(journalOf('doc1'))).size).toBe(size);
    expect(await store.get('doc2')).toBeUndefined();

    full = false;
    const { state: next } = await store.append('doc1', 'bob', emit(edit('s1', 'saved')));
    expect(next.seq).toBe(7);
    await store.create(created('doc2'), 'alice');
    await store.close();
    const events = await readValidJournal('doc1');
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(JSON.stringify(events)).not.toContain('lost');
    const reopened = await open();
    expect((await reopened.get('doc1'))!.segments[0]!.target).toBe('saved');
    expect((await reopened.list()).map((d) => d.id).sort()).toEqual(['doc1', 'doc2']);
  });

  it('a failed fsync on a full quota (EDQUOT) is 507 too', async () => {
    let full = false;
    const store = await open({
      io: {
        async datasync(file) {
          if (full) throw Object.assign(new Error('EDQUOT: disk quota exceeded'), { code: 'EDQUOT' });
          await file.datasync();
        },
      },
    });
    const state = await populate(store);
    full = true;
    await expectAppError(store.append('doc1', 'bob', emit(edit('s1', 'lost'))), 507, 'STORAGE_FULL');
    expect(await store.get('doc1')).toEqual(state);
  });
});

describe('JSON file store: documents', () => {
  it('refuses a duplicate id', async () => {
    const store = await open();
    const results = await Promise.allSettled([store.create(created('doc1'), 'a'), store.create(created('doc1'), 'b')]);
    expect(results[0]!.status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { statusCode: 409, code: 'DOCUMENT_EXISTS' } });
    await expectAppError(store.create(created('doc1'), 'c'), 409, 'DOCUMENT_EXISTS');
  });

  it('rejects invalid ids before touching the file system', async () => {
    const store = await open();
    await populate(store);
    for (const id of ['../doc1', 'doc1/../doc1', '.', '', 'a'.repeat(65), 'doc 1']) {
      expect(await store.get(id)).toBeUndefined();
      await expectAppError(store.append(id, 'bob', emit(edit('s1', 'x'))), 404, 'DOCUMENT_NOT_FOUND');
      await expectAppError(store.events(id, 0), 404, 'DOCUMENT_NOT_FOUND');
    }
    await expect(store.create(created('../evil'), 'bob')).rejects.toMatchObject({ code: 'INVALID_ID' });
    expect(await store.get('missing')).toBeUndefined();
    await expectAppError(store.append('missing', 'bob', emit(edit('s1', 'x'))), 404, 'DOCUMENT_NOT_FOUND');
    expect(await fs.readdir(path.join(dir, 'documents'))).toEqual(['doc1']);
    expect(await fs.readdir(dir)).not.toContain('evil');
  });

  it('ignores directories whose names are not valid ids, and removes those whose journal holds no event', async () => {
    await fs.mkdir(path.join(dir, 'documents', 'not.an.id'), { recursive: true });
    await fs.mkdir(path.join(dir, 'documents', 'empty'), { recursive: true });
    await fs.writeFile(path.join(dir, 'documents', 'empty', 'journal.jsonl'), '');
    const store = await open();
    expect(await store.list()).toEqual([]);
    expect(logged(logger.warn)).toMatch(/not\.an\.id: not a valid document id/);
    expect(await fs.readdir(path.join(dir, 'documents'))).toEqual(['not.an.id']);
    const { state } = await store.create(created('empty'), 'alice'); // the id is still free
    expect(state.seq).toBe(1);
    await store.close();
    expect(await readValidJournal('empty')).toHaveLength(1);
  });

  it('lists summaries, most recently changed first', async () => {
    const store = await open();
    await store.create(created('a'), 'alice');
    await store.create(created('b', 5), 'alice');
    await new Promise((r) => setTimeout(r, 5));
    await store.append('a', 'bob', emit(flag('f1', 's1')));
    const list = await store.list();
    expect(list.map((d) => d.id)).toEqual(['a', 'b']);
    expect(list[0]).toMatchObject({ segmentCount: 3, openFlagCount: 1, seq: 2 });
    expect(list[1]).toMatchObject({ segmentCount: 5, openFlagCount: 0, seq: 1 });
    expect(list[0]).not.toHaveProperty('segments');
  });

  it('returns the tail of events, from memory and from the journal', async () => {
    for (const cachedEvents of [1000, 2]) {
      const store = await open({ cachedEvents });
      if (!(await store.get('doc1'))) await populate(store);
      const all = await store.events('doc1', 0);
      expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await store.events('doc1', 3)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect((await store.events('doc1', 5)).map((e) => e.seq)).toEqual([6]);
      expect(await store.events('doc1', 6)).toEqual([]);
      expect(await store.events('doc1', 99)).toEqual([]);
      expect(await store.events('doc1', 3)).toEqual(all.slice(3));
      await store.close();
    }
  });

  it('calls subscribers after durable writes, until they unsubscribe', async () => {
    const store = await open();
    await store.create(created('doc1'), 'alice');
    const calls: Array<{ seqs: number[]; stateSeq: number; durableSeq: number | undefined }> = [];
    const listener = vi.fn((events: { seq: number }[], state: { seq: number }) => {
      calls.push({ seqs: events.map((e) => e.seq), stateSeq: state.seq, durableSeq: undefined });
      void store.get('doc1').then((s) => (calls[calls.length - 1]!.durableSeq = s?.seq));
    });
    const unsubscribe = store.subscribe('doc1', listener);
    store.subscribe('doc1', () => {
      throw new Error('bad listener');
    });
    await store.append('doc1', 'bob', emit(edit('s1', 'one'), edit('s2', 'two')));
    await Promise.all([
      store.append('doc1', 'bob', emit(edit('s1', 'three'))),
      store.append('doc1', 'bob', emit(edit('s1', 'four'))),
    ]);
    expect(calls.flatMap((c) => c.seqs)).toEqual([2, 3, 4, 5]);
    for (const c of calls) {
      expect(c.stateSeq).toBe(c.seqs[c.seqs.length - 1]);
      expect(c.durableSeq).toBeGreaterThanOrEqual(c.stateSeq);
    }
    expect(logged(logger.error)).toMatch(/bad listener/);
    unsubscribe();
    await store.append('doc1', 'bob', emit(edit('s1', 'five')));
    expect(calls.flatMap((c) => c.seqs)).toEqual([2, 3, 4, 5]);
  });
});

describe('JSON file store: data directory lock', () => {
  it('refuses a second open of the same directory, and reopens after close', async () => {
    const store = await open();
    await expect(open()).rejects.toThrow(
      new RegExp(
        `Another Vis-à-vis server \\(pid ${process.pid}\\) is using the data directory .*choose another DATA_DIR`,
      ),
    );
    expect(JSON.parse(await fs.readFile(path.join(dir, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
    await expect(fs.stat(path.join(dir, '.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await open();
    await again.close();
  });

  it('refuses a lock held by another live process', async () => {
    await fs.writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: process.ppid, startedAt: 'x' }));
    await expect(open()).rejects.toThrow(`Another Vis-à-vis server (pid ${process.ppid}) is using the data directory`);
  });

  it('refuses a live process named by the lock, saying how to recover', async () => {
    await fs.writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: process.ppid, startedAt: 'x' }));
    await expect(open()).rejects.toThrow(`delete ${path.join(dir, '.lock')} and start again`);
  });

  it.skipIf(!existsSync('/proc/self/cmdline'))(
    'a lock whose pid now runs another program: says so, and to delete DATA_DIR/.lock if no server uses it',
    async () => {
      const lock = { pid: process.ppid, startedAt: '2020-01-01T00:00:00Z', cmdline: 'node /srv/visavis/build/main.js' };
      await fs.writeFile(path.join(dir, '.lock'), JSON.stringify(lock));
      const err = (await open().then(
        () => expect.unreachable('should not open'),
        (e: unknown) => e,
      )) as Error;
      expect(err.message).toMatch(new RegExp(`names pid ${process.ppid} .*but that process is not a Vis-à-vis server`));
      expect(err.message).toContain(`If no Vis-à-vis server is using ${dir}, delete ${path.join(dir, '.lock')}`);
      // The lock is left alone: deleting it is a person's decision.
      expect(JSON.parse(await fs.readFile(path.join(dir, '.lock'), 'utf8'))).toEqual(lock);
    },
  );

  it.skipIf(!existsSync('/proc/self/cmdline'))('records its command line in the lock', async () => {
    await open();
    const lock = JSON.parse(await fs.readFile(path.join(dir, '.lock'), 'utf8'));
    expect(lock.cmdline).toBe(
      (await fs.readFile('/proc/self/cmdline', 'utf8')).replace(/\0+$/, '').replaceAll('\0', ' '),
    );
  });

  it('takes over a stale lock of a dead process', async () => {
    await fs.writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: 999999, startedAt: '2020-01-01T00:00:00Z' }));
    const store = await open();
    expect(logged(logger.warn)).toMatch(/stale lock of pid 999999/);
    const lock = JSON.parse(await fs.readFile(path.join(dir, '.lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    expect(typeof lock.startedAt).toBe('string');
    await store.close();
  });
});

let contractDir = '';
describeDocumentStoreContract('JSON files', {
  async reset() {
    contractDir = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-contract-'));
  },
  open: (log) => openJsonFileStore({ dataDir: contractDir, logger: log }),
  async cleanup() {
    await fs.rm(contractDir, { recursive: true, force: true });
  },
});
