import { SAMPLE_ID, expect, test } from './fixtures/test';

test('automatic checks: step with F8, confirm a finding as a flag, dismiss one, apply a fix', async ({
  workspace,
  page,
}) => {
  await workspace.openAs(SAMPLE_ID, 'Amina');
  // Glossary terms are pointed out under the Arabic source.
  await expect(page.getByRole('list', { name: 'Glossary' }).first()).toContainText('لفتيت → Laftit');

  await page.getByRole('tab', { name: /^QA/ }).click();
  const panel = page.getByRole('tabpanel');
  const findings = panel.getByRole('listitem');
  await expect(findings).toHaveCount(11);
  await expect(panel.getByRole('button', { name: /^Misspelt name \(1\)$/ })).toBeVisible();

  // F8 goes to the first finding and selects its words in the cell.
  await page.keyboard.press('F8');
  await expect(panel.getByText('1 of 11')).toBeVisible();
  await expect.poll(() => workspace.selectedText(workspace.targetCell(1))).toBe('Lafetet');

  // Confirmed: it becomes an ordinary flag, and is no longer suggested.
  await findings.filter({ hasText: 'Lafetet' }).getByRole('button', { name: 'Confirm as flag' }).click();
  await expect(findings).toHaveCount(10);
  await page.getByRole('tab', { name: 'Flags' }).click();
  await expect(workspace.flagItem(1, 1)).toContainText('“Lafetet” → “Laftit”');

  // Dismissed with a reason: gone, and still gone after a reload.
  await page.getByRole('tab', { name: /^QA/ }).click();
  await findings.filter({ hasText: 'directives royales' }).getByRole('button', { name: 'Dismiss' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss this finding' });
  await dialog
    .getByRole('textbox', { name: 'Why? (recorded in the history)' })
    .fill('Accepted variant for this client');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(findings).toHaveCount(9);
  await page.reload();
  await page.getByRole('tab', { name: /^QA/ }).click();
  await expect(findings).toHaveCount(9);
  await expect(findings.filter({ hasText: 'directives royales' })).toHaveCount(0);

  // One-click fix for French typography: the no-break space goes in and the finding goes away.
  await panel.getByRole('button', { name: /^French typography/ }).click();
  const spacing = findings.first();
  await spacing.getByRole('button', { name: /^Apply fix/ }).click();
  await workspace.expectSaved();
  await expect(panel.getByRole('button', { name: /^French typography/ })).toHaveCount(0);
  await expect(workspace.targetCell(6)).toHaveValue(/\u202f;/);
});

test('F8 works from any tab (it brings up the QA tab), and not behind an open dialog', async ({ workspace, page }) => {
  await workspace.openAs(SAMPLE_ID, 'Amina');
  await expect(page.getByRole('tab', { name: 'Flags' })).toHaveAttribute('aria-selected', 'true');
  await workspace.targetCell(2).click();
  await page.keyboard.press('F8');
  await expect(page.getByRole('tab', { name: /^QA/ })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByText('1 of 11')).toBeVisible();
  await expect.poll(() => workspace.selectedText(workspace.targetCell(1))).toBe('Lafetet');
  await page.keyboard.press('Shift+F8');
  await expect(panel.getByText('11 of 11')).toBeVisible();

  // With the flag dialog open, F8 belongs to the dialog: the finding stays where it was.
  await workspace.selectText(workspace.targetCell(1), 'Lafetet');
  await page.keyboard.press('Control+Shift+F');
  await expect(workspace.flagDialog).toBeVisible();
  await page.keyboard.press('F8');
  await page.keyboard.press('Escape');
  await expect(workspace.flagDialog).toBeHidden();
  await expect(panel.getByText('11 of 11')).toBeVisible();
});

test('a glossary with bad lines: the good ones are kept, the bad ones listed by line number and reason', async ({
  workspace,
  page,
}) => {
  await workspace.openAs(SAMPLE_ID, 'Terminologist');
  await page.getByRole('tab', { name: /^QA/ }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByText('Check settings', { exact: true }).first().click();
  const csv = ['source,target', 'لفتيت,Laftit', 'درمانان', 'الرباط,Rabat', 'a,b,c,d,e'].join('\n');
  await panel
    .getByLabel('Upload a glossary (CSV or TBX)')
    .setInputFiles({ name: 'termes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(panel).toContainText('Glossary: termes.csv (2 entries)');
  await expect(panel).toContainText('2 rows skipped');
  await expect(panel.getByRole('listitem').filter({ hasText: /^Line 3: / })).toHaveCount(1);
  await expect(panel.getByRole('listitem').filter({ hasText: /^Line 5: / })).toHaveCount(1);
});
