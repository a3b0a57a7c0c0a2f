import { expect, test } from './fixtures/test';

// Issue #12: spelling needs a Hunspell dictionary, which only the server has (in its workers). The QA tab shows
// the server's spelling findings beside the browser's own, and a finding whose words a flag already marks as
// covered, without "Confirm as flag" (a second flag on the same words would count twice).

test("a German translation: the server's spelling finding is in the QA tab; a flagged finding shows as covered", async ({
  workspace,
  page,
}) => {
  test.slow(); // dictionary-de takes seconds to load in a fresh worker
  await page.goto('/');
  await workspace.signIn('Rüdiger');
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const created = await page.request.post('/api/documents', {
    headers,
    data: {
      title: 'Wasserstoffbusse',
      sourceLang: 'en',
      targetLang: 'de',
      segments: [
        { source: 'It takes 12 minutes and several hours.', target: 'Es dauert 12 Minuten und mehrere Stunnden.' },
        { source: 'The city has 48 buses.', target: 'Die Stadt hat 46 Busse.' },
        {
          source: 'Tickets cost the same as on every other bus.',
          target: 'Fahrkarten kosten dasselbe wie in jedem Bus.',
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { document } = (await created.json()) as { document: { id: string; segments: { id: string }[] } };
  // A reviewer flags "46" by hand: the number finding on those words is covered.
  const flagged = await page.request.post(`/api/documents/${document.id}/flags`, {
    headers,
    data: {
      segmentId: document.segments[1]!.id,
      side: 'target',
      start: 14,
      end: 16,
      category: 'accuracy/mistranslation',
      severity: 'major',
      correction: '48',
      baseVersion: 1,
    },
  });
  expect(flagged.status()).toBe(201);

  await workspace.open(document.id);
  await expect(workspace.targetCell(1)).toBeVisible();
  await page.getByRole('tab', { name: /^QA/ }).click();
  const panel = page.getByRole('tabpanel');
  const findings = panel.getByRole('list', { name: /^Automatic checks/ }).getByRole('listitem');
  const spelling = findings.filter({ hasText: 'Stunnden' });
  await expect(spelling).toHaveCount(1, { timeout: 30_000 });
  await expect(panel.getByRole('button', { name: 'Spelling (1)' })).toBeVisible();
  await expect(spelling.getByRole('button', { name: 'Apply fix: “Stunden”' })).toBeVisible();
  await expect(spelling.getByRole('button', { name: 'Confirm as flag' })).toBeVisible();

  const number = findings.filter({ hasText: '46' });
  await expect(number).toContainText('Already covered by a flag on these words');
  await expect(number.getByRole('button', { name: 'Confirm as flag' })).toHaveCount(0);
  await expect(number.getByRole('button', { name: 'Dismiss' })).toBeVisible();

  // The fix goes in like a typed edit: the spelling finding is gone at once, and stays gone once the server looks again.
  await spelling.getByRole('button', { name: 'Apply fix: “Stunden”' }).click();
  await workspace.expectSaved();
  await expect(workspace.targetCell(1)).toHaveValue('Es dauert 12 Minuten und mehrere Stunden.');
  await expect(findings.filter({ hasText: 'Stunnden' })).toHaveCount(0);
  await page.reload();
  await page.getByRole('tab', { name: /^QA/ }).click();
  await expect(findings.filter({ hasText: '46' })).toContainText('Already covered by a flag on these words');
  await expect(findings.filter({ hasText: 'Stunnden' })).toHaveCount(0);
});
