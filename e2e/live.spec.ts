import { SAMPLE_ID, expect, test } from './fixtures/test';
import type { WorkspacePage } from './pages/workspace-page';

/** Amina and Youssef open the sample in two browsers; each sees the other in the presence list. */
async function bothOpen(a: WorkspacePage, b: WorkspacePage) {
  await a.openAs(SAMPLE_ID, 'Amina');
  await b.openAs(SAMPLE_ID, 'Youssef');
  for (const [page, other] of [
    [a, 'Youssef'],
    [b, 'Amina'],
  ] as const) {
    await expect(page.presenceList.getByLabel(other, { exact: true })).toBeVisible();
  }
}

test.describe('live review: two people in one document', () => {
  // Two browsers and many round trips each: more time than a one-person test.
  test.slow();

  test('B edits, flags and comments; A sees each without reloading, and who is where', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    await bothOpen(a, b);
    await expect(a.presenceList.getByLabel('Amina (you)')).toBeVisible();

    // Presence: B in segment 2 shows on A's row 2 and in A's list.
    await b.targetCell(2).click();
    await expect(a.page.getByText('Youssef is editing')).toBeVisible();
    await expect(a.presenceList.getByLabel('Youssef, editing segment 2')).toBeVisible();

    // An edit.
    const original = await a.targetCell(3).inputValue();
    await b.typeAtEnd(3, ' [B]');
    await b.expectSaved();
    await expect(a.targetCell(3)).toHaveValue(`${original} [B]`);

    // A flag, with its comment thread.
    await b.selectText(b.targetCell(1), 'Lafetet');
    await b.flagSelection({ category: 'Terminology', severity: 'Major', correction: 'Laftit', quote: 'Lafetet' });
    await expect(a.flagItems()).toHaveCount(1);
    const item = a.flagItem(1);
    await expect(item).toContainText('by Youssef');
    await b.flagItem(1).getByText('0 comments').click();
    await b.flagItem(1).getByRole('combobox', { name: 'Reply on flag 1' }).fill('Le nom officiel est Laftit.');
    await b.flagItem(1).getByRole('button', { name: 'Send' }).click();
    await expect(item).toContainText('Le nom officiel est Laftit.');
    // The flag is Youssef's: when Amina accepts it, Youssef is told, with a way to the place.
    await a.acceptFlag(1);
    const notice = b.page.getByRole('log', { name: 'Notifications' });
    await expect(notice).toContainText('Amina accepted your flag in segment 1');
    await expect(b.flagItem(1)).toContainText('Accepted');
    await expect(b.targetCell(1)).toHaveValue(/^Laftit/);
    await a.page.screenshot({ path: '/tmp/e2e-shots/live-a.png' });
    await b.page.screenshot({ path: '/tmp/e2e-shots/live-b.png' });

    // The activity feed is live too.
    await a.page.getByRole('tab', { name: 'Activity' }).click();
    await b.typeAtEnd(4, ' [B2]');
    await b.expectSaved();
    await expect(a.page.getByRole('tabpanel').getByRole('listitem').first()).toContainText('Youssef edited');
  });

  test('A typing in the cell B changes keeps A’s text, hears who changed it, and saving asks which to keep', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    await bothOpen(a, b);
    const original = await a.targetCell(3).inputValue();
    // A is in cell 3 when B's edit of it arrives: A's cell is not touched, A is told who changed it.
    await a.targetCell(3).click();
    await a.page.keyboard.press('Control+End');
    await b.typeAtEnd(3, ' [B]');
    await b.expectSaved();
    // B leaves the cell (a cell someone is in is never rewritten; B takes A's text once out of it).
    await b.targetCell(1).focus();
    await expect(a.page.getByRole('status').filter({ hasText: 'Youssef changed this translation' })).toBeVisible();
    await expect(a.targetCell(3)).toHaveValue(original);
    await a.page.keyboard.type(' [A]');
    await expect(a.targetCell(3)).toHaveValue(`${original} [A]`);
    await a.page.screenshot({ path: '/tmp/e2e-shots/live-typing.png' });
    // A's edit was based on the text A saw: saving asks which version to keep (nothing is overwritten).
    await expect(a.conflictDialog).toBeVisible();
    await expect(a.conflictDialog.getByRole('region', { name: /^Their version/ })).toContainText(`${original} [B]`);
    await a.conflictDialog.getByRole('button', { name: 'Keep mine' }).click();
    await a.expectSaved();
    await expect(b.targetCell(3)).toHaveValue(`${original} [A]`);
  });

  test('someone else’s edit elsewhere leaves my cell’s undo history alone', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    await bothOpen(a, b);
    const five = await a.targetCell(5).inputValue();
    const three = await a.targetCell(3).inputValue();
    await a.typeAtEnd(5, ' [A5]');
    await b.typeAtEnd(3, ' [B]');
    await b.expectSaved();
    await expect(a.targetCell(3)).toHaveValue(`${three} [B]`);
    await expect(a.targetCell(5)).toBeFocused();
    // Undo still has A's typing (Chromium may have split the run where the page changed around it).
    await a.page.keyboard.press('Control+z');
    await expect(a.targetCell(5)).not.toHaveValue(`${five} [A5]`);
    await expect(async () => {
      if ((await a.targetCell(5).inputValue()) !== five) await a.page.keyboard.press('Control+z');
      await expect(a.targetCell(5)).toHaveValue(five, { timeout: 500 });
    }).toPass();
  });

  test('an @mention notifies at once and waits in the Mentions list', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    await bothOpen(a, b);
    await a.selectText(a.targetCell(1), 'Lafetet');
    await a.flagSelection({ category: 'Terminology', severity: 'Major', correction: 'Laftit' });
    await b.flagItem(1).getByText('0 comments').click();
    const box = b.flagItem(1).getByRole('combobox', { name: 'Reply on flag 1' });
    await box.click();
    await b.page.keyboard.type('Merci @Ami');
    await b.page.getByRole('option', { name: 'Amina' }).click();
    await b.page.keyboard.type('regarde.');
    await expect(box).toHaveValue('Merci @Amina regarde.');
    await b.flagItem(1).getByRole('button', { name: 'Send' }).click();
    await expect(a.page.getByRole('log', { name: 'Notifications' })).toContainText(
      'Youssef mentioned you in segment 1',
    );
    await a.page.getByRole('link', { name: /^Mentions \(1 unread\)$/ }).click();
    await expect(a.page.getByRole('heading', { name: 'Mentions', level: 1 })).toBeVisible();
    await expect(a.page.getByRole('listitem').filter({ hasText: 'Youssef mentioned you' })).toContainText('Unread');
    await a.page.screenshot({ path: '/tmp/e2e-shots/live-mentions.png' });
    await a.page.getByRole('button', { name: 'Mark as read' }).click();
    await expect(a.page.getByRole('link', { name: 'Mentions', exact: true })).toBeVisible();
  });
});
