import { SAMPLE_ID, expect, test } from './fixtures/test';
import type { WorkspacePage } from './pages/workspace-page';

/** The quality score shown in the Score tab (reloads first: there are no live updates yet). */
async function qualityScore(ws: WorkspacePage): Promise<string> {
  await ws.page.reload();
  await ws.page.getByRole('tab', { name: 'Score' }).click();
  const figure = ws.page.getByRole('tabpanel').getByRole('definition').first();
  await expect(figure).toBeVisible();
  return (await figure.textContent()) ?? '';
}

function row(ws: WorkspacePage, n: number) {
  return ws.page.getByRole('row').filter({ has: ws.targetCell(n) });
}

test('three people, three roles: flag, accept and dispute, approve only once the major flag is settled', async ({
  workspace: reviewer,
  newReviewerWorkspace,
}) => {
  // Three people in three browsers, a dozen round trips each: twice the usual time.
  test.setTimeout(90_000);
  // The reviewer flags two errors.
  await reviewer.open(SAMPLE_ID);
  await reviewer.signIn('Rania', { roles: ['reviewer'] });
  await expect(reviewer.targetCell(1)).toBeVisible();
  await expect(reviewer.targetCell(1)).toHaveAttribute('aria-readonly', 'true');
  await reviewer.selectText(reviewer.targetCell(1), 'Lafetet', 1, 'pointer');
  await reviewer.flagSelection({ category: 'Fluency — Spelling', severity: 'Major', correction: 'Laftit' });
  const desert = await reviewer.segmentContaining('Sahel et du désert');
  await reviewer.selectText(reviewer.targetCell(desert), 'Sahel et du désert', 1, 'pointer');
  await reviewer.flagSelection({
    category: 'Accuracy — Mistranslation',
    severity: 'Major',
    correction: 'Sahel et du Sahara',
    via: 'toolbar',
  });
  await expect(reviewer.flagItems()).toHaveCount(2);

  // The editor sees the score with both major errors.
  const editor = await newReviewerWorkspace();
  await editor.open(SAMPLE_ID);
  await editor.signIn('Eva', { roles: ['editor'] });
  await expect(editor.flagButton).toBeHidden();
  const before = await qualityScore(editor);

  // The translator accepts the first correction and disputes the second.
  const translator = await newReviewerWorkspace();
  await translator.open(SAMPLE_ID);
  await translator.signIn('Tariq', { roles: ['translator'] });
  await expect(translator.flagButton).toBeHidden();
  await translator.acceptFlag(1);
  await expect(translator.targetCell(1)).toHaveValue(/^Laftit discute/);
  await translator.flagItem(2).getByRole('button', { name: 'Dispute', exact: true }).click();
  const dispute = translator.page.getByRole('dialog', { name: 'Dispute this flag' });
  await dispute
    .getByRole('textbox', { name: 'Why? (recorded in the history)' })
    .fill('« désert » est la traduction littérale de الصحراء.');
  await dispute.getByRole('button', { name: 'Confirm' }).click();
  await expect(translator.flagItem(2)).toContainText('Disputed');

  // The editor tries to approve the disputed segment: a major flag is unsettled, so approval needs an override.
  await editor.page.reload();
  await row(editor, desert)
    .getByRole('button', { name: `Approve segment ${desert}` })
    .click();
  const override = editor.page.getByRole('dialog', { name: 'Approve despite open flags?' });
  await expect(override).toBeVisible();
  await override.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(editor, desert)).not.toContainText('Approved');

  // The reviewer agrees and withdraws the flag; the score changes (withdrawn flags don't count).
  await reviewer.page.reload();
  await reviewer.flagItem(2).getByRole('button', { name: 'Withdraw', exact: true }).click();
  const withdraw = reviewer.page.getByRole('dialog', { name: 'Withdraw this flag' });
  await withdraw.getByRole('button', { name: 'Confirm' }).click();
  await expect(reviewer.flagItem(2)).toContainText('Withdrawn');
  const after = await qualityScore(editor);
  expect(after).not.toBe(before);
  expect(Number(after.replace(',', '.'))).toBeGreaterThan(Number(before.replace(',', '.')));

  // Now the editor approves, and the translation is locked for the translator.
  await editor.page.getByRole('tab', { name: 'Flags' }).click();
  await row(editor, desert)
    .getByRole('button', { name: `Approve segment ${desert}` })
    .click();
  await expect(row(editor, desert)).toContainText('Approved');
  await translator.page.reload();
  await expect(translator.targetCell(desert)).toHaveAttribute('aria-readonly', 'true');

  // The activity feed tells the story, newest first, each event with its author.
  await editor.page.getByRole('tab', { name: 'Activity' }).click();
  const feed = editor.page.getByRole('tabpanel').getByRole('listitem');
  await expect(feed.first()).toContainText('Eva set the status to “Approved”');
  await expect(feed.filter({ hasText: 'Tariq disputed a flag' })).toHaveCount(1);
  await expect(feed.filter({ hasText: 'Rania withdrew a flag' })).toHaveCount(1);
  await expect(feed.filter({ hasText: 'Rania flagged “\u2068Lafetet\u2069”' })).toHaveCount(1);
});

test('history shows every revision as a diff and reverts to one', async ({ workspace }) => {
  await workspace.openAs(SAMPLE_ID, 'Amina');
  await workspace.typeAtEnd(2, ' Relu.');
  await workspace.expectSaved();
  await row(workspace, 2).getByRole('button', { name: 'History segment 2' }).click();
  const dialog = workspace.page.getByRole('dialog', { name: 'History of segment 2' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('insertion').first()).toContainText('Relu');
  await dialog.getByRole('button', { name: 'Revert to this version' }).click();
  await expect(workspace.targetCell(2)).not.toHaveValue(/Relu\.$/);
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  await dialog.getByRole('radio', { name: 'Original translation → now' }).check();
  await expect(dialog.getByRole('insertion')).toHaveCount(0);
});

// F5: "Approve document" signed off at once although no segment was approved.
test('approving the document says what is still open and asks first, by keyboard', async ({ workspace, page }) => {
  await workspace.open(SAMPLE_ID);
  await workspace.signIn('Eva', { roles: ['editor'] });
  const bar = page.getByRole('group', { name: 'Document status' });
  await bar.getByRole('button', { name: 'Approve document' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve the whole document?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('listitem').first()).toHaveText(/^\d+ segments not approved \(of \d+\)$/);
  await expect(confirm).toContainText('Approving locks the text');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(bar).not.toContainText('Approved');

  await bar.getByRole('button', { name: 'Approve document' }).focus();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Approve document' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(bar).toContainText('Document status: Approved');
});
