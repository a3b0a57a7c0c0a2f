import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { NewEvent } from '../../shared/events';
import { AppError } from '../errors';
import type { Decide, DocumentStore } from './document-store';
import type { StoreLogger } from './logger';

/**
 * What every DocumentStore promises (the JSON files and PostgreSQL), as one suite run against each
 * (json-file-store.test.ts, pg/pg-document-store.test.ts). Tests of one implementation's files or tables
 * stay beside it.
 */

type Created = Extract<NewEvent, { type: 'DocumentCreated' }>;
type LogFn = Mock<(...args: unknown[]) => void>;
export type MockLogger = StoreLogger & { info: LogFn; warn: LogFn; error: LogFn };

export const created = (id: string, segments = 3): Created => ({
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

export const edit = (segmentId: string, target: string): NewEvent => ({
  type: 'SegmentEdited',
  payload: { segmentId, target, cause: 'edit' },
});

export const flag = (flagId: string, segmentId: string): NewEvent => ({
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

export const emit =
  (...events: NewEvent[]): Decide<undefined> =>
  () => ({ events });

export async function expectAppError(promise: Promise<unknown>, statusCode: number, code: string) {
  const err = await promise.then(
    () => expect.unreachable('should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ statusCode, code });
  return err as AppError;
}

/** A document with a few edits and a flag: seq 5. */
export async function populate(store: DocumentStore, id = 'doc1') {
  await store.create(created(id), 'alice');
  await store.append(id, 'bob', emit(edit('s1', 'Salut le monde 1')));
  await store.append(id, 'bob', emit(flag('f1', 's2')));
  await store.append(id, 'carol', emit(edit('s2', 'Oh, Bonjour le monde 2'), edit('s3', 'Bonsoir')));
  await store.append(id, 'alice', emit({ type: 'FlagResolved', payload: { flagId: 'f1', reason: 'fine' } }));
  return (await store.get(id))!;
}

export interface StoreHarness {
  /** Before each test: empty storage. */
  reset(): Promise<void>;
  /** A store on that storage; a second call (after closing the first, or not) sees the same data. */
  open(logger: StoreLogger): Promise<DocumentStore>;
  /** After each test. */
  cleanup(): Promise<void>;
}

export function describeDocumentStoreContract(name: string, harness: StoreHarness, opts: { skip?: boolean } = {}) {
  describe.skipIf(opts.skip)(`DocumentStore contract: ${name}`, () => {
    let logger: MockLogger;
    const opened: DocumentStore[] = [];
    const open = async () => {
      const store = await harness.open(logger);
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
      await harness.reset();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await harness.cleanup();
    });

    it('restores exactly the same state after close and reopen', async () => {
      const store = await open();
      const state = await populate(store);
      expect(state.seq).toBe(6);
      await store.close();
      const again = await open();
      expect(await again.get('doc1')).toEqual(state);
      expect((await again.events('doc1', 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('appends nothing when decide throws (a refusal, an event the fold rejects, an invalid event)', async () => {
      const store = await open();
      const state = await populate(store);
      const refusal = new AppError(409, 'SEGMENT_VERSION_CONFLICT', 'stale');
      await expect(
        store.append('doc1', 'bob', () => {
          throw refusal;
        }),
      ).rejects.toBe(refusal);
      await expect(store.append('doc1', 'bob', emit(edit('nope', 'x')))).rejects.toThrow(/no segment nope/);
      await expect(store.append('doc1', 'bob', emit(edit('s1', 'x'), edit('bad id!', 'y')))).rejects.toThrow(/invalid/);
      expect(await store.events('doc1', state.seq)).toEqual([]);
      expect(await store.get('doc1')).toEqual(state);
      const { state: next } = await store.append('doc1', 'bob', emit(edit('s1', 'fine')));
      expect(next.seq).toBe(state.seq + 1);
    });

    it('keeps 200 concurrent appends in order, each decided on the one before', async () => {
      const store = await open();
      await store.create(created('doc1'), 'alice');
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
        expect(r.events[0]).toMatchObject({ seq: i + 2, actor: `user${i}`, payload: { target: `text ${i}` } });
        expect(r.state.seq).toBe(i + 2);
      });
      const state = (await store.get('doc1'))!;
      expect(state.seq).toBe(201);
      expect((await store.events('doc1', 0)).map((e) => e.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
      await store.close();
      expect(await (await open()).get('doc1')).toEqual(state);
    });

    it('refuses a duplicate id, even when both arrive at once', async () => {
      const store = await open();
      const results = await Promise.allSettled([
        store.create(created('doc1'), 'a'),
        store.create(created('doc1'), 'b'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { statusCode: 409, code: 'DOCUMENT_EXISTS' },
      });
      await expectAppError(store.create(created('doc1'), 'c'), 409, 'DOCUMENT_EXISTS');
    });

    it('answers not found for invalid and unknown ids, and refuses to create an invalid one', async () => {
      const store = await open();
      await populate(store);
      for (const id of ['../doc1', 'doc1/../doc1', '.', '', 'a'.repeat(65), 'doc 1', 'missing']) {
        expect(await store.get(id)).toBeUndefined();
        await expectAppError(store.append(id, 'bob', emit(edit('s1', 'x'))), 404, 'DOCUMENT_NOT_FOUND');
        await expectAppError(store.events(id, 0), 404, 'DOCUMENT_NOT_FOUND');
      }
      await expect(store.create(created('../evil'), 'bob')).rejects.toMatchObject({ code: 'INVALID_ID' });
      expect((await store.list()).map((d) => d.id)).toEqual(['doc1']);
    });

    it('lists summaries, most recently changed first', async () => {
      const store = await open();
      await store.create(created('a'), 'alice');
      await store.create(created('b', 5), 'alice');
      await new Promise((r) => setTimeout(r, 5));
      await store.append('a', 'bob', emit(flag('f1', 's1')));
      const list = await store.list();
      expect(list.map((d) => d.id)).toEqual(['a', 'b']);
      expect(list[0]).toMatchObject({ segmentCount: 3, openFlagCount: 1, seq: 2, available: true });
      expect(list[1]).toMatchObject({ segmentCount: 5, openFlagCount: 0, seq: 1, available: true });
      expect(list[0]).not.toHaveProperty('segments');
    });

    it('returns the tail of events', async () => {
      const store = await open();
      await populate(store);
      const all = await store.events('doc1', 0);
      expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await store.events('doc1', 3)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect(await store.events('doc1', 6)).toEqual([]);
      expect(await store.events('doc1', 99)).toEqual([]);
      expect(await store.events('doc1', 3)).toEqual(all.slice(3));
    });

    it('calls subscribers after durable writes, until they unsubscribe', async () => {
      const store = await open();
      await store.create(created('doc1'), 'alice');
      const calls: { seqs: number[]; stateSeq: number }[] = [];
      const unsubscribe = store.subscribe('doc1', (events, state) => {
        calls.push({ seqs: events.map((e) => e.seq), stateSeq: state.seq });
      });
      store.subscribe('doc1', () => {
        throw new Error('bad listener');
      });
      await store.append('doc1', 'bob', emit(edit('s1', 'one'), edit('s2', 'two')));
      await Promise.all([
        store.append('doc1', 'bob', emit(edit('s1', 'three'))),
        store.append('doc1', 'bob', emit(edit('s1', 'four'))),
      ]);
      expect(calls.flatMap((c) => c.seqs)).toEqual([2, 3, 4, 5]);
      for (const c of calls) expect(c.stateSeq).toBe(c.seqs[c.seqs.length - 1]);
      expect(logger.error.mock.calls.map((c) => c.join(' ')).join('\n')).toMatch(/bad listener/);
      unsubscribe();
      await store.append('doc1', 'bob', emit(edit('s1', 'five')));
      expect(calls.flatMap((c) => c.seqs)).toEqual([2, 3, 4, 5]);
    });

    it('removes a document: gone from the list, its id free again', async () => {
      const store = await open();
      await populate(store);
      await populate(store, 'doc2');
      await store.remove('doc1');
      await store.remove('never-was');
      expect(await store.get('doc1')).toBeUndefined();
      expect((await store.list()).map((d) => d.id)).toEqual(['doc2']);
      await expectAppError(store.events('doc1', 0), 404, 'DOCUMENT_NOT_FOUND');
      const { state } = await store.create(created('doc1'), 'alice');
      expect(state.seq).toBe(1);
    });
  });
}
