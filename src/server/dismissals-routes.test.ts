import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/qa/types';
import type { Dismissal } from '../shared/schemas';
import { SAMPLE_ID, seedSample } from './sample';
import { REVIEWER, SAMPLES_DIR, TRANSLATOR, VIEWER, call, json, useRoleServer } from './test-helpers';

/** Listing and restoring dismissed findings (src/server/routes/dismissals.ts), on the seeded sample. */
const DOC = SAMPLE_ID;

describe('dismissed findings: list and restore', () => {
  const ctx = useRoleServer(async (server) => {
    expect(await seedSample(server.store, SAMPLES_DIR)).toBe(true);
  });
  const req = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
    call(ctx.app, method, url, body, who);
  const findings = async (): Promise<Finding[]> => json(await req(VIEWER, 'GET', `/api/documents/${DOC}/qa`)).findings;
  const dismissals = async (): Promise<Dismissal[]> => {
    const res = await req(VIEWER, 'GET', `/api/documents/${DOC}/dismissals`);
    expect(res.statusCode, res.body).toBe(200);
    return json(res).dismissals;
  };

  it('lists a dismissal with its reason, who and when; a restore shows the finding again', async () => {
    expect(await dismissals()).toEqual([]);
    const finding = (await findings())[0]!;
    const dismissed = await req(REVIEWER, 'POST', `/api/documents/${DOC}/findings/${finding.id}/dismiss`, {
      reason: 'الصحراء here is the Sahara, not the desert',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect((await findings()).map((f) => f.id)).not.toContain(finding.id);

    const [d] = await dismissals();
    expect(d).toMatchObject({
      findingId: finding.id,
      segmentId: finding.segmentId,
      checkId: finding.checkId,
      reason: 'الصحراء here is the Sahara, not the desert',
      by: REVIEWER,
    });
    expect(Date.parse(d!.at)).not.toBeNaN();

    // Restoring needs the dismiss permission: a translator is refused and nothing changes.
    const refused = await req(TRANSLATOR, 'DELETE', `/api/documents/${DOC}/dismissals/${finding.id}`);
    expect(refused.statusCode).toBe(403);
    expect(json(refused).error.code).toBe('FORBIDDEN');
    expect(await dismissals()).toHaveLength(1);

    const restored = await req(REVIEWER, 'DELETE', `/api/documents/${DOC}/dismissals/${finding.id}`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(json(restored).document.dismissed).toEqual([]);
    expect(await dismissals()).toEqual([]);
    expect((await findings()).map((f) => f.id)).toContain(finding.id);

    const events = json(await req(VIEWER, 'GET', `/api/documents/${DOC}/events?after=0`)).events as {
      type: string;
      actor: string;
      payload: unknown;
    }[];
    expect(events.at(-1)).toMatchObject({
      type: 'FindingRestored',
      actor: REVIEWER,
      payload: { findingId: finding.id, reason: null },
    });
  });

  it('answers 404 for a finding that is not dismissed, and 400 for an invalid id', async () => {
    const missing = await req(REVIEWER, 'DELETE', `/api/documents/${DOC}/dismissals/qa_nothere`);
    expect(missing.statusCode).toBe(404);
    expect(json(missing).error.code).toBe('NOT_FOUND');
    const invalid = await req(REVIEWER, 'DELETE', `/api/documents/${DOC}/dismissals/${encodeURIComponent('../x')}`);
    expect(invalid.statusCode).toBe(400);
    expect(json(invalid).error.code).toBe('INVALID_ID');
  });
});
