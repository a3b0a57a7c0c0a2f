import { SAMPLE_ID, expect, test } from './fixtures/test';
import type { WorkspacePage } from './pages/workspace-page';

/** A and B open the sample; A's edit of segment 3 is saved while B's page still shows the old text. */
async function twoReviewersEditSegment3(a: WorkspacePage, b: WorkspacePage) {
  await a.openAs(SAMPLE_ID, 'Reviewer A');
  await b.openAs(SAMPLE_ID, 'Reviewer B');
  const original = await b.targetCell(3).inputValue();
  expect(original).toMatch(/^Dans un communiqué du ministère/);
  // B is in segment 3 (live updates never rewrite the cell someone is in).
  await b.targetCell(3).click();

  await a.typeAtEnd(3, ' [A]');
  await a.expectSaved();
  await expect(a.targetCell(3)).toHaveValue(`${original} [A]`);
  // B's cell keeps the text B is working on; B is told who changed it.
  await expect(b.page.getByRole('status').filter({ hasText: 'Reviewer A changed this translation' })).toBeVisible();
  await expect(b.targetCell(3)).toHaveValue(original);

  await b.typeAtEnd(3, ' [B]');
  await expect(b.conflictDialog).toBeVisible();
  await expect(b.conflictDialog).toHaveAccessibleName('Segment 3 was changed by someone else');
  await expect(b.saveStatus).toHaveText('Conflict — choose a version');
  const theirs = b.conflictDialog.getByRole('region', { name: 'Their version (saved, by Reviewer A)' });
  const mine = b.conflictDialog.getByRole('region', { name: 'Your version (not saved)' });
  await expect(theirs).toContainText(`${original} [A]`);
  await expect(mine).toContainText(`${original} [B]`);
  await expect(b.conflictDialog.getByRole('textbox', { name: 'Merged text' })).toHaveValue(`${original} [B]`);
  return original;
}

test.describe('two reviewers edit the same segment', () => {
  test('B gets a conflict dialog with both versions and saves a merge; A sees it after reload', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    const original = await twoReviewersEditSegment3(a, b);
    await b.page.screenshot({ path: '/tmp/e2e-shots/conflict-dialog.png' });

    const merged = `${original} [A] [B]`;
    await b.conflictDialog.getByRole('textbox', { name: 'Merged text' }).fill(merged);
    await b.conflictDialog.getByRole('button', { name: 'Save merged text' }).click();
    await expect(b.conflictDialog).toBeHidden();
    await b.expectSaved();
    await expect(b.targetCell(3)).toHaveValue(merged);

    await a.page.reload();
    await expect(a.targetCell(3)).toHaveValue(merged);
    await b.page.reload();
    await expect(b.targetCell(3)).toHaveValue(merged);
    await expect(b.conflictDialog).toBeHidden();
  });

  test('B keeps their own version', async ({ workspace: a, newReviewerWorkspace }) => {
    const b = await newReviewerWorkspace();
    const original = await twoReviewersEditSegment3(a, b);
    await b.conflictDialog.getByRole('button', { name: 'Keep mine' }).click();
    await expect(b.conflictDialog).toBeHidden();
    await b.expectSaved();
    await a.page.reload();
    await expect(a.targetCell(3)).toHaveValue(`${original} [B]`);
  });

  test('B takes their version: B’s edit is dropped, nothing is saved over A', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    const original = await twoReviewersEditSegment3(a, b);
    await b.conflictDialog.getByRole('button', { name: 'Take theirs' }).click();
    await expect(b.conflictDialog).toBeHidden();
    await expect(b.targetCell(3)).toHaveValue(`${original} [A]`);
    await b.expectSaved();
    await b.page.reload();
    await expect(b.targetCell(3)).toHaveValue(`${original} [A]`);
    await expect(b.conflictDialog).toBeHidden();
  });
});

test('a conflict that comes back while B is still typing waits for a pause: no keystroke goes astray', async ({
  workspace: a,
  newReviewerWorkspace,
}) => {
  const b = await newReviewerWorkspace();
  await a.openAs(SAMPLE_ID, 'Reviewer A');
  await b.openAs(SAMPLE_ID, 'Reviewer B');
  const original = await b.targetCell(3).inputValue();
  await b.targetCell(3).click();
  await a.typeAtEnd(3, ' [A]');
  await a.expectSaved();

  // B pauses long enough for autosave, the server says "conflict", and B types on at once.
  await b.typeAtEnd(3, ' [B');
  await expect(b.saveStatus).toHaveText('Conflict — choose a version');
  await b.page.keyboard.type(' suite]');
  await expect(b.targetCell(3)).toHaveValue(`${original} [B suite]`);
  await expect(b.conflictDialog).toBeVisible();
  const mine = b.conflictDialog.getByRole('region', { name: 'Your version (not saved)' });
  await expect(mine).toContainText(`${original} [B suite]`);
  await expect(b.conflictDialog.getByRole('textbox', { name: 'Merged text' })).toHaveValue(`${original} [B suite]`);
});

test('a word flagged after someone else changed its segment is followed into the new text', async ({
  workspace: a,
  newReviewerWorkspace,
}) => {
  const b = await newReviewerWorkspace();
  await a.openAs(SAMPLE_ID, 'Translator A');
  await b.openAs(SAMPLE_ID, 'Reviewer B');
  const original = await b.targetCell(3).inputValue();
  // A adds words at the start of segment 3 while B is in that cell (so B's cell still shows the old text).
  await b.targetCell(3).click();
  await a.targetCell(3).click();
  await a.page.keyboard.press('Control+Home');
  await a.page.keyboard.type('Selon Rabat, ');
  await a.expectSaved();

  await b.selectText(b.targetCell(3), 'communiqué');
  await b.flagSelection({
    quote: 'communiqué',
    category: 'Style',
    severity: 'Minor',
    correction: 'communiqué officiel',
    comment: 'Précisez.',
  });
  const item = b.flagItem(1, 3);
  await expect(item).toContainText('“communiqué” → “communiqué officiel”');
  await expect(b.targetCell(3)).toHaveValue(`Selon Rabat, ${original}`);
  // The flag is on the same words in the new text: accepting it corrects them there.
  await item.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(b.targetCell(3)).toHaveValue(`Selon Rabat, ${original.replace('communiqué', 'communiqué officiel')}`);
});

test.describe('saving without a server', () => {
  test('offline: the edit shows as failed, is kept, and saves by itself when the network is back', async ({
    workspace,
    page,
    context,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Nomad');
    const before = await workspace.targetCell(4).inputValue();
    await context.setOffline(true);
    await workspace.typeAtEnd(4, ' (écrit hors ligne)');
    await expect(workspace.saveStatus).toHaveText('Failed');
    await expect(workspace.toolbar).toContainText('The server cannot be reached. Check your connection.');
    await expect(workspace.toolbar.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(workspace.targetCell(4)).toHaveValue(`${before} (écrit hors ligne)`);

    await context.setOffline(false);
    await workspace.expectSaved();
    await expect(workspace.toolbar.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await page.reload();
    await expect(workspace.targetCell(4)).toHaveValue(`${before} (écrit hors ligne)`);
  });

  test('server down: the edit fails visibly, Retry saves it once the server is back', async ({
    server,
    workspace,
    page,
  }) => {
    // The page's timers are ours: no automatic retry can beat the click on Retry.
    await page.clock.install();
    await workspace.openAs(SAMPLE_ID, 'Night shift');
    const before = await workspace.targetCell(4).inputValue();
    await page.clock.pauseAt(Date.now() + 1_000);
    await server.stop();
    await workspace.typeAtEnd(4, ' (serveur arrêté)');
    await workspace.expectUnsaved();
    await page.clock.runFor(600); // the autosave pause
    await expect(workspace.saveStatus).toHaveText('Failed');
    await expect(workspace.toolbar).toContainText('The server cannot be reached. Check your connection.');
    // The row says so too, with its own Retry.
    await expect(page.getByRole('alert').filter({ hasText: 'Failed' })).toBeVisible();
    await expect(workspace.targetCell(4)).toHaveValue(`${before} (serveur arrêté)`);

    await server.start();
    await workspace.toolbar.getByRole('button', { name: 'Retry' }).click();
    await workspace.expectSaved();
    await expect(page.getByRole('alert').filter({ hasText: 'Failed' })).toHaveCount(0);
    await page.clock.resume();
    await page.reload();
    await expect(workspace.targetCell(4)).toHaveValue(`${before} (serveur arrêté)`);
  });

  test('server down: an unsaved edit survives closing the tab and is sent on the next visit', async ({
    server,
    workspace,
    context,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Night shift');
    const before = await workspace.targetCell(6).inputValue();
    await server.stop();
    await workspace.typeAtEnd(6, ' (onglet fermé)');
    await expect(workspace.saveStatus).toHaveText('Failed');
    await workspace.page.close();

    await server.start();
    const again = await context.newPage();
    const { WorkspacePage } = await import('./pages/workspace-page');
    const w = new WorkspacePage(again);
    await w.open(SAMPLE_ID);
    await expect(w.targetCell(6)).toHaveValue(`${before} (onglet fermé)`);
    await w.expectSaved();
    // The server has it, not only this browser.
    const res = await again.request.get(`/api/documents/${SAMPLE_ID}`);
    const { document } = (await res.json()) as { document: { segments: { index: number; target: string }[] } };
    expect(document.segments.find((s) => s.index === 5)!.target).toBe(`${before} (onglet fermé)`);
  });
});

test('the activity feed says when the server cannot be reached, and Retry loads it', async ({
  server,
  workspace,
  page,
}) => {
  await workspace.openAs(SAMPLE_ID, 'Night shift');
  await server.stop();
  await page.getByRole('tab', { name: 'Activity' }).click();
  const panel = page.getByRole('tabpanel');
  const problem = panel.getByRole('alert');
  await expect(problem).toContainText('The server cannot be reached. Check your connection.');
  await server.start();
  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await expect(panel.getByRole('listitem').first()).toBeVisible();
});
