import { SAMPLE_ID, expect, test } from './fixtures/test';

test('a dismissal needs a reason; the Dismissed view lists it (reason, who, when) and restores it', async ({
  workspace,
  page,
}) => {
  test.slow();
  await workspace.openAs(SAMPLE_ID, 'Amina');
  await page.getByRole('tab', { name: /^QA/ }).click();
  const panel = page.getByRole('tabpanel');
  const findings = panel.getByRole('list', { name: /^Automatic checks/ }).getByRole('listitem');
  await expect(findings).toHaveCount(11);

  await findings.filter({ hasText: 'directives royales' }).getByRole('button', { name: 'Dismiss' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss this finding' });
  // No reason: refused (the field is required; the browser asks for it), nothing dismissed.
  const why = dialog.getByRole('textbox', { name: 'Why? (recorded in the history)' });
  await expect(why).toHaveAttribute('required', '');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeVisible();
  expect(await why.evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
  await expect(findings).toHaveCount(11);
  const reason = 'الصحراء here is the Sahara, not the desert';
  await dialog.getByRole('textbox', { name: 'Why? (recorded in the history)' }).fill(reason);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(findings).toHaveCount(10);

  await panel.getByText('Dismissed (1)').click();
  const dismissed = panel.getByRole('list', { name: 'Dismissed findings' }).getByRole('listitem');
  await expect(dismissed).toHaveCount(1);
  await expect(dismissed).toContainText(`Reason: ${reason}`);
  await expect(dismissed).toContainText('dismissed by Amina');
  // The reason is isolated and takes its own direction from its first letter (Arabic: right to left).
  await expect(dismissed.locator('bdi', { hasText: reason })).toHaveAttribute('dir', 'auto');
  await expect(dismissed.locator('time')).toBeVisible();

  await dismissed.getByRole('button', { name: /^Restore the dismissed finding/ }).click();
  await expect(panel.getByText('No finding has been dismissed.')).toBeVisible();
  await expect(findings).toHaveCount(11);
  await page.reload();
  await page.getByRole('tab', { name: /^QA/ }).click();
  await expect(findings).toHaveCount(11);
});
