import { SAMPLE_ID, expect, test } from './fixtures/test';

// An editor fixes the pairing in the workspace: deletes a boilerplate row whose source is empty, splits a
// segment at the cursor, merges it back, and undoes a change from the history.

test('an editor deletes a boilerplate row, splits a segment at the cursor, merges it back and undoes', async ({
  workspace: ws,
}) => {
  // Four changes, each a round trip and a re-render of the table: allow for a loaded machine.
  test.slow();
  await ws.open(SAMPLE_ID);
  await ws.signIn('Eva', { roles: ['editor'] });
  await expect(ws.targetCell(1)).toBeVisible();
  const total = await ws.targetCells().count();
  const page = ws.page;
  const dialog = page.getByRole('dialog', { name: /^History of segment \d+$/ });

  // The last row is the scraper's "close button", with no source: delete it.
  await expect(ws.targetCell(total)).toHaveValue('close button');
  await page.getByRole('button', { name: `History segment ${total}`, exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete this segment' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.targetCells()).toHaveCount(total - 1);

  // Split segment 1's translation after "Lafetet" (the source stays whole in the first part).
  const first = await ws.targetCell(1).inputValue();
  await page.getByRole('button', { name: 'History segment 1', exact: true }).click();
  const cut = dialog.getByRole('textbox', { name: 'Translation: click where to cut' });
  await cut.click();
  await cut.press('Control+Home');
  for (let i = 0; i < 'Lafetet'.length; i++) await cut.press('ArrowRight');
  await dialog.getByRole('button', { name: 'Split at the cursor' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.targetCells()).toHaveCount(total);
  await expect(ws.targetCell(1)).toHaveValue('Lafetet');
  await expect(ws.targetCell(2)).toHaveValue(first.slice('Lafetet '.length));
  await expect(page.getByRole('textbox', { name: 'Source of segment 2', exact: true })).toHaveCount(0);

  // Merge segment 1 with the next: the text is whole again.
  await page.getByRole('button', { name: 'History segment 1', exact: true }).click();
  await expect(dialog.getByText('Split', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge with the next segment' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.targetCell(1)).toHaveValue(first);
  await expect(ws.targetCells()).toHaveCount(total - 1);

  // Undo the merge from the history: split again, with the same second segment.
  await page.getByRole('button', { name: 'History segment 1', exact: true }).click();
  await dialog
    .getByRole('listitem')
    .filter({ hasText: 'Merged with the next segment' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(ws.targetCells()).toHaveCount(total);
  await expect(ws.targetCell(1)).toHaveValue('Lafetet');
});

// The same from the workspace itself, by keyboard: the caret placed in a cell, Alt+Shift+Delete / S / M, the
// shortcuts listed in the help, and a deletion undone from the activity feed.
test('by keyboard in the workspace: delete an empty-source row, split at the caret, merge, undo the deletion', async ({
  workspace: ws,
}) => {
  test.slow();
  await ws.open(SAMPLE_ID);
  await ws.signIn('Eva', { roles: ['editor'] });
  await expect(ws.targetCell(1)).toBeVisible();
  const total = await ws.targetCells().count();
  const page = ws.page;

  // The help lists the three shortcuts.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Split the segment at the cursor/ })).toContainText('Alt+Shift+S');
  await expect(help.getByRole('row', { name: /Merge the segment with the next/ })).toContainText('Alt+Shift+M');
  await expect(help.getByRole('row', { name: /Delete the segment/ })).toContainText('Alt+Shift+Delete');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The scraper's "close button" row has no source: delete it from its translation cell.
  await expect(ws.targetCell(total)).toHaveValue('close button');
  await ws.targetCell(total).focus();
  await page.keyboard.press('Alt+Shift+Delete');
  await expect(ws.targetCells()).toHaveCount(total - 1);

  // A segment with text on both sides is not deleted: the workspace says why.
  await ws.targetCell(1).focus();
  await page.keyboard.press('Alt+Shift+Delete');
  await expect(page.getByRole('alert')).toContainText('Segment 1 has text on both sides');
  await expect(ws.targetCells()).toHaveCount(total - 1);

  // Split segment 1's translation after "Lafetet": the caret, then Alt+Shift+S.
  const first = await ws.targetCell(1).inputValue();
  await ws.targetCell(1).press('Control+Home');
  for (let i = 0; i < 'Lafetet'.length; i++) await ws.targetCell(1).press('ArrowRight');
  await page.keyboard.press('Alt+Shift+S');
  await expect(ws.targetCells()).toHaveCount(total);
  await expect(ws.targetCell(1)).toHaveValue('Lafetet');
  await expect(ws.targetCell(2)).toHaveValue(first.slice('Lafetet '.length));
  await expect(ws.targetCell(1)).toBeFocused();

  // Merge it back with the next: Alt+Shift+M (the row's button says the same shortcut).
  await expect(page.getByRole('button', { name: 'Merge segment 1 with the next' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Alt+Shift+M',
  );
  await page.keyboard.press('Alt+Shift+M');
  await expect(ws.targetCell(1)).toHaveValue(first);
  await expect(ws.targetCells()).toHaveCount(total - 1);

  // The deletion undone from the activity feed: the row is back, at the end.
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page
    .getByRole('tabpanel')
    .getByRole('listitem')
    .filter({ hasText: 'deleted an empty segment' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(ws.targetCells()).toHaveCount(total);
  await expect(ws.targetCell(total)).toHaveValue('close button');
});
