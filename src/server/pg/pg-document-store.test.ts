import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeDocumentStoreContract, created, edit, emit, expectAppError } from '../store/document-store-contract';
import type { StoreLogger } from '../store/logger';
import { connect } from './pg-backend';
import { migrate } from './migrations';
import { Notifications } from './notifications';
import { PgDocumentStore } from './pg-document-store';
import { createTestDatabase, type TestDatabase } from './test-database';

const skipped = inject('postgresSkipped') !== '';
const silent: StoreLogger = { info() {}, warn() {}, error() {} };

let db: TestDatabase | undefined;
beforeAll(async () => {
  if (skipped) return;
  db = await createTestDatabase();
  const sql = connect(db.url, 1);
  await migrate(sql);
  await sql.end();
});
afterAll(async () => {
  await db?.drop();
});

/** A store with its own pool and LISTEN connection, as one server has. */
async function openPgStore(logger: StoreLogger, snapshotEvery?: number) {
  const sql = connect(db!.url, 4);
  const notifications = await Notifications.start(sql, logger);
  const store = new PgDocumentStore({ sql, notifications, logger, ...(snapshotEvery ? { snapshotEvery } : {}) });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await notifications.close();
    await sql.end({ timeout: 1 });
  };
  return store;
}

describeDocumentStoreContract(
  'PostgreSQL',
  {
    async reset() {
      const sql = connect(db!.url, 1);
      await sql`TRUNCATE documents, events, snapshots CASCADE`;
      await sql.end();
    },
    open: (logger) => openPgStore(logger),
    async cleanup() {},
  },
  { skip: skipped },
);

describe.skipIf(skipped)('PostgreSQL store: two servers on one database', () => {
  it('a race has one winner per seq: the loser decides again on the winner’s events', async () => {
    const [a, b] = [await openPgStore(silent), await openPgStore(silent)];
    try {
      await a.create(created('race'), 'alice');
      // Each command refuses unless it saw the seq it expects: like a segment's baseVersion.
      const guarded = (expected: number) => (state: { seq: number }) => {
        if (state.seq !== expected) throw new Error(`stale: saw ${state.seq}`);
        return { events: [edit('s1', `from ${expected}`)] };
      };
      const results = await Promise.allSettled([a.append('race', 'a', guarded(1)), b.append('race', 'b', guarded(1))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: 'stale: saw 2' } });
      // Both see the same document, and appends from either continue the same sequence.
      await b.append('race', 'b', emit(edit('s2', 'b')));
      await a.append('race', 'a', emit(edit('s3', 'a')));
      expect((await a.get('race'))!.seq).toBe(4);
      expect(await b.get('race')).toEqual(await a.get('race'));
      expect((await b.events('race', 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a refusal decided on a cached state behind another server’s commits is checked against the head first', async () => {
    const [a, b] = [await openPgStore(silent), await openPgStore(silent)];
    try {
      await a.create(created('stale'), 'alice');
      await b.get('stale'); // b caches seq 1 and follows nothing: no notification brings it up to date
      await a.append('stale', 'alice', emit(edit('s1', 'two')));
      const needsTwo = (state: { seq: number }) => {
        if (state.seq < 2) throw new Error(`stale: saw ${state.seq}`);
        return { events: [edit('s1', 'three')] };
      };
      expect((await b.getForAppend('stale'))!.seq).toBeLessThanOrEqual(2);
      const { state } = await b.append('stale', 'bob', needsTwo);
      expect(state.seq).toBe(3);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('wakes the subscribers of another server (LISTEN/NOTIFY), which read the events themselves', async () => {
    const [a, b] = [await openPgStore(silent), await openPgStore(silent)];
    try {
      await a.create(created('live'), 'alice');
      await b.get('live');
      const heard: number[] = [];
      b.subscribe('live', (events) => heard.push(...events.map((e) => e.seq)));
      await a.append('live', 'bob', emit(edit('s1', 'one')));
      await a.append('live', 'bob', emit(edit('s1', 'two'), edit('s2', 'three')));
      await expect.poll(() => heard).toEqual([2, 3, 4]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a removed document is gone on the other server too', async () => {
    const [a, b] = [await openPgStore(silent), await openPgStore(silent)];
    try {
      await a.create(created('gone'), 'alice');
      expect((await b.get('gone'))!.seq).toBe(1);
      await a.remove('gone');
      expect(await b.get('gone')).toBeUndefined();
      await expectAppError(b.append('gone', 'bob', emit(edit('s1', 'x'))), 404, 'DOCUMENT_NOT_FOUND');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('reads a document from its snapshot and the events after it', async () => {
    const a = await openPgStore(silent, 5);
    try {
      await a.create(created('snap'), 'alice');
      for (let i = 0; i < 12; i++) await a.append('snap', 'bob', emit(edit('s1', `v${i}`)));
      // Snapshots wait for a quiet second (never on a write's path): one, at the last seq.
      await expect.poll(() => a.stats.snapshots, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
      const b = await openPgStore(silent);
      try {
        expect(await b.get('snap')).toEqual(await a.get('snap'));
      } finally {
        await b.close();
      }
    } finally {
      await a.close();
    }
  });
});
