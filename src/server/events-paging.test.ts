import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../shared/events';
import { MAX_EVENTS_PAGE } from './routes/documents';
import { SAMPLE_ID, seedSample } from './sample';
import { SAMPLES_DIR, call, json, useRoleServer } from './test-helpers';

/**
 * GET /api/documents/:id/events?after=SEQ&limit=N answers {events, seq, next}: at most N events after SEQ,
 * and `next`, the `after` of the following page, or null when this page reaches the end (issue #10).
 */

const URL = `/api/documents/${SAMPLE_ID}/events`;

describe('GET /api/documents/:id/events, paged', () => {
  const ctx = useRoleServer(async (server) => void (await seedSample(server.store, SAMPLES_DIR)));

  async function write(n: number) {
    const doc = json(await call(ctx.app, 'GET', `/api/documents/${SAMPLE_ID}`)).document;
    let segment = doc.segments[0];
    for (let i = 0; i < n; i++) {
      const res = await call(ctx.app, 'PATCH', `/api/documents/${SAMPLE_ID}/segments/${segment.id}`, {
        target: `${segment.target} ${i}`,
        baseVersion: segment.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      segment = json(res).segment;
    }
  }

  async function page(query: string) {
    const res = await call(ctx.app, 'GET', `${URL}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json(res) as { events: DocumentEvent[]; seq: number; next: number | null };
  }

  it('walks every event page by page, following next until it is null', async () => {
    await write(9);
    const all = await page('');
    expect(all.next).toBeNull();
    expect(all.events.map((e) => e.seq)).toEqual(Array.from({ length: all.seq }, (_, i) => i + 1));

    const pages: number[][] = [];
    let after: number | null = 0;
    while (after !== null) {
      const p = await page(`?after=${after}&limit=4`);
      expect(p.seq).toBe(all.seq);
      expect(p.events.length).toBeLessThanOrEqual(4);
      pages.push(p.events.map((e) => e.seq));
      after = p.next;
    }
    expect(pages.flat()).toEqual(all.events.map((e) => e.seq));
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
  });

  it.each([
    ['a page that holds exactly the rest', (seq: number) => `?after=${seq - 3}&limit=3`, 3],
    ['a limit larger than the rest', (seq: number) => `?after=${seq - 2}&limit=50`, 2],
    ['after the last event', (seq: number) => `?after=${seq}&limit=5`, 0],
    ['beyond the last event', (seq: number) => `?after=${seq + 10}&limit=5`, 0],
  ])('%s: next is null', async (_, query, count) => {
    const { seq } = await page('');
    const p = await page(query(seq));
    expect(p.events).toHaveLength(count);
    expect(p.next).toBeNull();
  });

  it('next is the seq of the page’s last event while more follow', async () => {
    const p = await page('?after=1&limit=2');
    expect(p.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(p.next).toBe(3);
  });

  it.each(['0', '-1', '1.5', 'abc', String(MAX_EVENTS_PAGE + 1)])('refuses limit=%s with 400', async (limit) => {
    const res = await call(ctx.app, 'GET', `${URL}?limit=${limit}`);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('VALIDATION_FAILED');
  });

  it('an unknown document is 404', async () => {
    const res = await call(ctx.app, 'GET', '/api/documents/nope/events?limit=5');
    expect(res.statusCode).toBe(404);
  });
});
