import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../cli/visavis';
import { DEFAULT_SCORING, scoreDocument } from '../shared/mqm-score';
import type { DocumentState } from '../shared/schemas';
import { SAMPLE_ID, seedSample } from './sample';
import {
  SAMPLES_DIR,
  ensureUser,
  json,
  login,
  makeSandbox,
  startServer,
  type Credentials,
  type TestServer,
} from './test-helpers';

const GATE = `/api/documents/${SAMPLE_ID}/gate?minScore=90&maxOpen=major:0,critical:0&approved=true`;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** The release gate on the sample, before and after a scripted review; `visavis gate` against a real server. */
describe('release gate', { timeout: 120_000 }, () => {
  let sandbox: string;
  let server: TestServer;
  let boss: Credentials;
  let base: string;
  let secret: string;

  beforeAll(async () => {
    let dataDir: string;
    ({ sandbox, dataDir } = await makeSandbox());
    server = await startServer(dataDir);
    await seedSample(server.store, SAMPLES_DIR);
    await ensureUser(server.app, 'boss', ['admin']);
    boss = await login(server.app, 'boss');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    secret = json(
      await server.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: boss.headers,
        payload: { name: 'release', expiresInDays: 7, permissions: ['document.read'] },
      }),
    ).secret;
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  const gate = async (url = GATE) => {
    const res = await server.app.inject({ url, headers: { authorization: `Bearer ${secret}` } });
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };
  const doc = async (): Promise<DocumentState> =>
    json(await server.app.inject({ url: `/api/documents/${SAMPLE_ID}`, headers: boss.headers })).document;
  const gateCli = async (...args: string[]) => {
    const c = capture();
    const code = await run(['gate', '--server', base, '--token', secret, '--document', SAMPLE_ID, ...args], c.io);
    return { code, ...c };
  };

  it('fails the untouched sample (not approved), with the scorecard’s score and the QA tab’s findings', async () => {
    const r = await gate();
    expect(r.pass).toBe(false);
    expect(r.reasons).toEqual(['the document is in-translation, not approved']);
    const d = await doc();
    expect(r.score.quality).toBe(scoreDocument(d, d.scoring ?? DEFAULT_SCORING).qualityScore);
    const qa = json(await server.app.inject({ url: `/api/documents/${SAMPLE_ID}/qa`, headers: boss.headers })).findings;
    expect(r.findings.total).toBe(qa.length);
    expect(r.findings.total).toBe(11); // the sample's known problems
    expect(r.openFlags.total).toBe(0);
    const cli = await gateCli('--min-score', '90', '--max-open', 'major:0,critical:0', '--approved');
    expect(cli.code, cli.stderr()).toBe(1);
    expect(cli.stdout()).toMatch(/^FAIL {2}Laftit/);
  });

  it('after a scripted review: a major flag blocks, settled and approved it passes (CLI exit codes 1, then 0)', async () => {
    const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      server.app.inject({ method, url: `/api/documents/${SAMPLE_ID}${url}`, headers: boss.headers, payload });
    let d = await doc();
    const seg = d.segments[0]!;
    const start = seg.target.indexOf('Lafetet');
    const flagged = await send('POST', '/flags', {
      segmentId: seg.id,
      side: 'target',
      start,
      end: start + 7,
      category: 'accuracy/mistranslation',
      severity: 'major',
      correction: 'Laftit',
      baseVersion: seg.version,
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    let r = await gate();
    expect(r.openFlags).toMatchObject({ major: 1, total: 1 });
    expect(r.reasons).toContain('1 unsettled flag(s) of severity major (at most 0)');
    expect((await gateCli('--max-open', 'major:0', '--format', 'json')).code).toBe(1);

    const flag = json(flagged).flag;
    const accepted = await send('PATCH', `/flags/${flag.id}`, { action: 'accept', baseVersion: flag.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await send('POST', '/approve-clean', {})).statusCode).toBe(200);
    const approved = await send('POST', '/status', { action: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    d = await doc();
    r = await gate(`/api/documents/${SAMPLE_ID}/gate?minScore=0&maxOpen=major:0,critical:0&approved=true`);
    expect(r).toMatchObject({ pass: true, reasons: [], openFlags: { total: 0 } });
    // The accepted major flag still counts in the score, as on the scorecard.
    expect(r.score.quality).toBe(scoreDocument(d, d.scoring ?? DEFAULT_SCORING).qualityScore);
    expect(r.score.quality).toBeLessThan(100);
    const ok = await gateCli('--min-score', '0', '--max-open', 'major:0,critical:0', '--approved', '--format', 'junit');
    expect(ok.code, ok.stderr()).toBe(0);
    expect(ok.stdout()).toContain('failures="0"');
    // A score above what the document reaches fails again.
    const strict = await gateCli('--min-score', '100');
    expect(strict.code).toBe(1);
    expect(strict.stdout()).toMatch(/quality score [\d.]+ is under 100/);
  });

  it('answers 400 to a bad query, and the CLI exits 2 on bad input, a bad token or an unreachable server', async () => {
    const bad = await server.app.inject({
      url: `/api/documents/${SAMPLE_ID}/gate?maxOpen=huge:1`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(bad.statusCode).toBe(400);
    expect((await gateCli('--max-open', 'huge:1')).code).toBe(2);
    const c = capture();
    expect(await run(['gate', '--server', base, '--token', 'vv_nope', '--document', SAMPLE_ID], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/UNAUTHENTICATED/);
    const down = capture();
    expect(await run(['gate', '--server', 'http://127.0.0.1:9', '--token', secret, '--document', 'x'], down.io)).toBe(
      2,
    );
    expect(down.stderr()).toMatch(/cannot reach/);
    expect(await run(['gate', '--document', 'x'], capture().io)).toBe(2);
    const unknown = capture();
    expect(await run(['gate', '--server', base, '--token', secret, '--document', 'nothing-here'], unknown.io)).toBe(2);
  });
});
