import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../shared/schemas';
import { currentFindings } from './routes/qa';
import { SAMPLE_ID, seedSample } from './sample';
import { EDITOR, SAMPLES_DIR, VIEWER, call, json, useRoleServer } from './test-helpers';
import { poolActivity } from './workers/pool';

/**
 * No request holds the event loop (issue #8): whole-document work runs in worker threads (workers/), so other
 * requests are answered meanwhile. Proved by order, never by time: timings are in bench/health-during-upload.ts.
 */

/** Polls (5 ms apart, by count) until `done`: the test says what it waits for, not how long it takes. */
async function until(done: () => boolean, what: string) {
  for (let polls = 0; !done(); polls++) {
    if (polls > 60_000) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('whole-document work in worker threads', () => {
  const ctx = useRoleServer(async (server) => {
    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(true);
  });

  it('a health request sent while an 80,000-row glossary is being parsed is answered before the upload', async () => {
    const rows = ['source,target,forbidden,note'];
    for (let i = 1; i <= 80_000; i++) rows.push(`terme${i},mot${i},,`);
    const { started, finished } = poolActivity;
    const order: string[] = [];
    const upload = call(
      ctx.app,
      'POST',
      `/api/documents/${SAMPLE_ID}/glossary`,
      { format: 'csv', text: rows.join('\n'), fileName: 'big.csv' },
      EDITOR,
    ).then((res) => {
      order.push('upload');
      return res;
    });
    await until(() => poolActivity.started > started, 'the upload reaches a worker');
    const health = await call(ctx.app, 'GET', '/api/health', undefined, null);
    order.push('health');
    expect(health.statusCode).toBe(200);
    expect(poolActivity.finished).toBe(finished); // the file was still being parsed
    const res = await upload;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(order).toEqual(['health', 'upload']);
    const doc = json(res).document as DocumentState;
    expect(doc.glossary!.entries).toHaveLength(80_000);
    expect(doc.glossary!.entries[79_999]).toEqual({
      source: ['terme80000'],
      target: ['mot80000'],
      forbidden: [],
      note: '',
    });
  }, 180_000);

  it('the findings computed in a worker (sample glossary included) are those computed in place', async () => {
    const glossary = readFileSync(path.join(SAMPLES_DIR, 'laftit-darmanin', 'glossary.csv'), 'utf8');
    const set = await call(
      ctx.app,
      'POST',
      `/api/documents/${SAMPLE_ID}/glossary`,
      { format: 'csv', text: glossary, fileName: 'glossary.csv' },
      EDITOR,
    );
    expect(set.statusCode).toBe(200);
    const doc = json(await call(ctx.app, 'GET', `/api/documents/${SAMPLE_ID}`, undefined, VIEWER)).document;
    const res = await call(ctx.app, 'GET', `/api/documents/${SAMPLE_ID}/qa`, undefined, VIEWER);
    expect(res.statusCode).toBe(200);
    const { findings } = json(res);
    expect(findings.map((f: { checkId: string }) => f.checkId)).toContain('term-forbidden');
    expect(findings).toEqual(currentFindings(doc));
  }, 60_000);
});
