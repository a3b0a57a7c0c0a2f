import { SAMPLE_ID, expect, test } from './fixtures/test';

test.describe('one person on a slow connection', () => {
  test.slow();

  // F12: the stream's echo of my own save reached the page before the save's answer and was announced as
  // "<me> changed this translation while you were in it".
  test('the live echo of my own save, before its answer, is not taken for someone else’s change', async ({
    workspace: a,
    page,
  }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 50 * 1024,
      uploadThroughput: 50 * 1024,
    });
    await a.openAs(SAMPLE_ID, 'Amina');
    await a.page.getByRole('tab', { name: 'Activity' }).click();
    const feed = a.page.getByRole('tabpanel');

    // Hold the save's answer until its event has come down the stream (the activity feed lists it).
    // What the page showed then (an assertion failing inside the handler would not fail the test).
    let whileSaving: { status: string; notices: number } | undefined;
    await page.route('**/api/documents/*/segments/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      const answer = await route.fetch();
      await expect(feed.getByRole('listitem').first()).toContainText('Amina edited', { timeout: 20_000 });
      whileSaving = {
        status: (await a.saveStatus.textContent()) ?? '',
        notices: await a.page.getByRole('status').filter({ hasText: 'changed this translation' }).count(),
      };
      await route.fulfill({ response: answer });
    });

    const original = await a.targetCell(2).inputValue();
    await a.typeAtEnd(2, ' (fin 2024)');
    await a.expectSaved();
    // My echo was folded in while my save was still out: no notice said someone changed the cell.
    expect(whileSaving).toEqual({ status: 'Saving…', notices: 0 });
    await expect(a.targetCell(2)).toHaveValue(`${original} (fin 2024)`);
    await expect(a.targetCell(2)).toBeFocused();
    await expect(a.page.getByRole('status').filter({ hasText: 'changed this translation' })).toHaveCount(0);
  });
});
