import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER } from '../../shared/webhooks';
import { deliveryIdOf } from './webhook-events';
import {
  TEST_STORE,
  ensureUser,
  json,
  login,
  makeSandbox,
  startServer,
  type Credentials,
  type TestServer,
} from '../test-helpers';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver: answers `status()` (500 to make it fail), records what it got. */
async function receiver() {
  const got: Received[] = [];
  let answer = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    answer: (status: number) => void (answer = status),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const SECRET = 'a webhook secret, 16+ chars';

type Verify = (secret: string, rawBody: string, signature: unknown) => boolean;
/** The receiver's check the README shows (its `js` block after the webhook-receiver marker), as written there. */
async function readmeVerifier(): Promise<Verify> {
  const readme = await fs.readFile(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = /<!-- webhook-receiver:[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README: the webhook receiver example is gone');
  const code = block.replace(/^import .*$/m, '').replace(/^export /m, '');
  // The README's code, given the two functions its import line names.
  return new Function('createHmac', 'timingSafeEqual', `${code}\nreturn verifySignature;`)(
    createHmac,
    timingSafeEqual,
  ) as Verify;
}
/** Fast retries for tests: 0.2 s after every failure. */
const FAST = { backoff: () => 0.2, pollMs: 100 };

/** Webhooks (README: Webhooks) against a local receiver, on both stores. */
describe('webhooks', { timeout: 180_000 }, () => {
  let sandbox: string;
  let dataDir: string;
  let server: TestServer;
  let boss: Credentials;
  let rx: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    ({ sandbox, dataDir } = await makeSandbox());
    server = await startServer(dataDir, { webhooks: FAST });
    await ensureUser(server.app, 'boss', ['admin']);
    boss = await login(server.app, 'boss');
    rx = await receiver();
  });
  afterEach(() => {
    rx.got.length = 0;
    rx.answer(200);
  });
  afterAll(async () => {
    await server?.close();
    await rx?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: boss.headers, ...(payload ? { payload } : {}) });
  const newDoc = async () =>
    json(
      await api('POST', '/api/documents', {
        title: 'Hooked',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: [{ source: 'Hello', target: 'Bonjour' }],
      }),
    ).document;
  const hook = async (events: string[]) => {
    const res = await api('POST', '/api/webhooks', { url: rx.url, events, secret: SECRET });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).webhook.id as string;
  };
  const deliveries = async (id: string) => json(await api('GET', `/api/webhooks/${id}/deliveries`)).deliveries;

  it('POSTs signed JSON for the events asked for, and logs each delivery; the secret is never shown', async () => {
    const id = await hook(['document.approved', 'flag.created']);
    expect(JSON.stringify(json(await api('GET', '/api/webhooks')))).not.toContain(SECRET);
    const doc = await newDoc();
    const seg = doc.segments[0];
    await api('POST', `/api/documents/${doc.id}/flags`, {
      segmentId: seg.id,
      side: 'target',
      start: 0,
      end: 7,
      category: 'fluency/spelling',
      severity: 'minor',
      baseVersion: seg.version,
    });
    const approved = await api('POST', `/api/documents/${doc.id}/status`, { action: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    await expect.poll(() => rx.got.length, { timeout: 10_000 }).toBe(2);
    const bodies = rx.got.map((g) => JSON.parse(g.body));
    expect(bodies.map((b) => b.event).sort()).toEqual(['document.approved', 'flag.created']);
    expect(bodies.find((b) => b.event === 'document.approved')).toMatchObject({
      document: { id: doc.id, title: 'Hooked', status: 'approved' },
      actor: 'boss',
    });
    const verify = await readmeVerifier();
    for (const g of rx.got) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(g.body).digest('hex')}`;
      expect(g.headers[SIGNATURE_HEADER]).toBe(expected);
      expect(g.headers['content-type']).toBe('application/json');
      expect(verify(SECRET, g.body, g.headers[SIGNATURE_HEADER])).toBe(true);
      expect(verify(SECRET, g.body.replace('boss', 'eve'), g.headers[SIGNATURE_HEADER])).toBe(false);
      expect(verify('another secret of 16+', g.body, g.headers[SIGNATURE_HEADER])).toBe(false);
      expect(verify(SECRET, g.body, undefined)).toBe(false);
    }
    await expect
      .poll(async () => (await deliveries(id)).map((d: { status: string }) => d.status), { timeout: 10_000 })
      .toEqual(['delivered', 'delivered']);
    await api('DELETE', `/api/webhooks/${id}`);
  });

  it('retries after a 500 (with backoff) until the receiver takes it; "send again" sends a copy', async () => {
    const id = await hook(['document.approved']);
    rx.answer(500);
    const doc = await newDoc();
    await api('POST', `/api/documents/${doc.id}/status`, { action: 'approve' });
    await expect.poll(() => rx.got.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    rx.answer(200);
    await expect.poll(async () => (await deliveries(id))[0]?.status, { timeout: 10_000 }).toBe('delivered');
    const [d] = await deliveries(id);
    expect(d.attempts).toBeGreaterThanOrEqual(3);
    expect(new Set(rx.got.map((g) => g.body)).size).toBe(1); // the same body every time
    const again = await api('POST', `/api/webhooks/${id}/deliveries/${d.id}/resend`);
    expect(again.statusCode, again.body).toBe(201);
    await expect.poll(async () => (await deliveries(id)).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await deliveries(id))[0].status, { timeout: 10_000 }).toBe('delivered');
    expect((await deliveries(id))[0].body).toBe(d.body);
    await api('DELETE', `/api/webhooks/${id}`);
  });

  it('a down receiver loses nothing: pending deliveries survive a restart and are sent after it', async () => {
    const id = await hook(['document.reopened', 'document.returned']);
    rx.answer(503);
    const doc = await newDoc();
    await api('POST', `/api/documents/${doc.id}/status`, { action: 'approve' });
    await api('POST', `/api/documents/${doc.id}/status`, { action: 'reopen' });
    await api('POST', `/api/documents/${doc.id}/status`, { action: 'request-changes', reason: 'no' });
    await expect.poll(async () => (await deliveries(id)).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => rx.got.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await server.close();
    rx.got.length = 0;
    rx.answer(200);
    server = await startServer(dataDir, { webhooks: FAST });
    boss = await login(server.app, 'boss');
    await expect
      .poll(async () => (await deliveries(id)).map((d: { status: string }) => d.status), { timeout: 30_000 })
      .toEqual(['delivered', 'delivered']);
    expect(rx.got.map((g) => JSON.parse(g.body).event).sort()).toEqual(['document.reopened', 'document.returned']);
  });

  it('a stop between a commit and its enqueue loses nothing: the next start queues it, once, with the same id', async () => {
    const id = await hook(['document.approved', 'document.reopened']);
    const doc = await newDoc();
    // The crash: the event is durable, the process dies before the queue write (nothing of it is saved).
    const queue = server.auth.webhooks;
    let killed = 0;
    queue.enqueue = async () => {
      killed++;
      throw new Error('killed between the event write and the queue write');
    };
    const approved = await api('POST', `/api/documents/${doc.id}/status`, { action: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const seq = json(approved).document.seq as number;
    await expect.poll(() => killed).toBe(1);
    expect(await deliveries(id)).toEqual([]);
    await server.close();

    server = await startServer(dataDir, { webhooks: FAST });
    boss = await login(server.app, 'boss');
    const mine = () => rx.got.filter((g) => JSON.parse(g.body).document.id === doc.id);
    await expect.poll(() => mine().length, { timeout: 10_000 }).toBe(1);
    const [got] = mine();
    rx.got.length = 0;
    expect(JSON.parse(got!.body)).toMatchObject({ event: 'document.approved', seq, document: { id: doc.id } });
    // The id it would have had (receivers may use X-Visavis-Delivery to drop one they already handled).
    expect(got!.headers['x-visavis-delivery']).toBe(deliveryIdOf(id, doc.id, seq, 'document.approved'));
    await expect.poll(async () => (await deliveries(id))[0]?.status, { timeout: 10_000 }).toBe('delivered');

    // Another start computes nothing again: only the next write's delivery arrives.
    await server.close();
    server = await startServer(dataDir, { webhooks: FAST });
    boss = await login(server.app, 'boss');
    const reopened = await api('POST', `/api/documents/${doc.id}/status`, { action: 'reopen' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const ours = async () => {
      const ids = new Set((await deliveries(id)).map((d: { id: string }) => d.id));
      return rx.got.filter((g) => ids.has(String(g.headers['x-visavis-delivery'])));
    };
    await expect
      .poll(async () => (await deliveries(id)).map((d: { status: string }) => d.status), { timeout: 10_000 })
      .toEqual(['delivered', 'delivered']);
    // Since the first delivery arrived: the reopening only, not the approval again.
    expect((await ours()).map((g) => JSON.parse(g.body).event)).toEqual(['document.reopened']);
    await api('DELETE', `/api/webhooks/${id}`);
  });

  it.skipIf(TEST_STORE === 'postgres')(
    'a webhooks.json from before the marks: start-up queues nothing again for what was written then',
    async () => {
      const id = await hook(['document.approved']);
      const before = await newDoc();
      await api('POST', `/api/documents/${before.id}/status`, { action: 'approve' });
      await expect.poll(async () => (await deliveries(id))[0]?.status, { timeout: 10_000 }).toBe('delivered');
      await server.close();
      // As the previous version wrote it: no marks, deliveries with random ids.
      const file = `${dataDir}/webhooks.json`;
      const old = JSON.parse(await fs.readFile(file, 'utf8'));
      delete old.marks;
      old.deliveries = old.deliveries.map((d: { id: string }, i: number) => ({ ...d, id: `wlegacy${i}` }));
      await fs.writeFile(file, JSON.stringify(old));
      rx.got.length = 0;
      server = await startServer(dataDir, { webhooks: FAST });
      boss = await login(server.app, 'boss');
      const after = await newDoc();
      await api('POST', `/api/documents/${after.id}/status`, { action: 'approve' });
      const approvals = () =>
        rx.got.map((g) => JSON.parse(g.body)).filter((b) => b.event === 'document.approved' && b.document);
      await expect.poll(() => approvals().some((b) => b.document.id === after.id), { timeout: 10_000 }).toBe(true);
      await expect
        .poll(async () => (await deliveries(id)).every((d: { status: string }) => d.status === 'delivered'))
        .toBe(true);
      expect(approvals().filter((b) => b.document.id === before.id)).toEqual([]);
      await api('DELETE', `/api/webhooks/${id}`);
    },
  );

  it('keeps the last 100 deliveries per hook', async () => {
    const id = await hook(['segment.approved']);
    const doc = json(
      await api('POST', '/api/documents', {
        title: 'Many',
        sourceLang: 'en',
        targetLang: 'fr',
        segments: Array.from({ length: 105 }, (_, i) => ({ source: `S${i}`, target: `T${i}` })),
      }),
    ).document;
    expect((await api('POST', `/api/documents/${doc.id}/approve-clean`, {})).statusCode).toBe(200);
    await expect.poll(() => rx.got.length, { timeout: 120_000 }).toBe(105);
    await expect
      .poll(async () => (await deliveries(id)).filter((d: { status: string }) => d.status === 'delivered').length, {
        timeout: 10_000,
      })
      .toBe(100);
  });

  it('only admins manage webhooks; a bad URL or short secret is refused', async () => {
    await ensureUser(server.app, 'ed', ['editor']);
    const ed = await login(server.app, 'ed');
    expect((await server.app.inject({ url: '/api/webhooks', headers: ed.headers })).statusCode).toBe(403);
    expect(
      (await api('POST', '/api/webhooks', { url: 'ftp://x', events: ['flag.created'], secret: SECRET })).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', '/api/webhooks', { url: rx.url, events: ['flag.created'], secret: 'short' })).statusCode,
    ).toBe(400);
  });
});
