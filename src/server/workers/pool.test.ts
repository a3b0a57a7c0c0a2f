import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentTask } from './document-tasks';
import { WorkerPool, workerUrl } from './pool';

describe('workerUrl', () => {
  it.each([
    [
      'bundled: build/main.js beside build/document-worker.js',
      'file:///app/build/main.js',
      'file:///app/build/document-worker.js',
    ],
    [
      'TypeScript source (tsx, vitest): the .mjs shim that registers tsx',
      'file:///app/src/server/workers/pool.ts',
      'file:///app/src/server/workers/document-worker.mjs',
    ],
  ])('%s', (_what, base, expected) => {
    expect(workerUrl('document', base).href).toBe(expected);
  });
});

describe('WorkerPool (document-worker)', () => {
  const pool = new WorkerPool<DocumentTask | { type: 'nonsense' }, unknown>(workerUrl('document'), 1);
  afterAll(() => pool.close());

  it('runs tasks in a worker; a task that throws rejects with its message and the worker keeps serving', async () => {
    const csv = {
      type: 'glossary',
      format: 'csv',
      text: 'source,target\nلفتيت,Laftit\n',
      sourceLang: 'ar',
      targetLang: 'fr',
    } as const;
    const [bad, good] = await Promise.allSettled([pool.run({ type: 'nonsense' }), pool.run(csv)]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'unknown task "nonsense"' } });
    expect(good).toMatchObject({
      status: 'fulfilled',
      value: {
        // Entries cross as JSON slices (document-tasks.ts): parsed on the main thread a slice per turn.
        glossary: { entries: [JSON.stringify([{ source: ['لفتيت'], target: ['Laftit'], forbidden: [], note: '' }])] },
        errors: [],
        refused: false,
      },
    });
  }, 60_000);

  it('after close, queued and new tasks are refused', async () => {
    const other = new WorkerPool<DocumentTask, unknown>(workerUrl('document'), 1);
    const queued = other.run({
      type: 'glossary',
      format: 'csv',
      text: 'source,target\na,b\n',
      sourceLang: 'fr',
      targetLang: 'en',
    });
    const refused = queued.catch((err: unknown) => err);
    await other.close();
    expect(await refused).toMatchObject({ message: 'the worker pool was closed' });
    await expect(
      other.run({ type: 'glossary', format: 'csv', text: '', sourceLang: 'fr', targetLang: 'en' }),
    ).rejects.toThrow(/closed/);
  });
});
