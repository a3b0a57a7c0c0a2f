import { expectHorizontallyInside, expectNoHorizontalOverflow } from './fixtures/layout';
import { SAMPLE_ID, expect, test } from './fixtures/test';

// A phone-sized window: one page that scrolls, every control reachable, nothing running off the side.
test.use({ viewport: { width: 390, height: 844 } });

test('the workspace on a phone: columns are labelled, the toolbar stays in view, no heat strip', async ({
  workspace,
  page,
}) => {
  await workspace.openAs(SAMPLE_ID, 'Reviewer on a phone');
  await expect(page.getByRole('navigation', { name: 'MQM scorecard' })).toBeHidden();
  // The header row is hidden at this width: each cell says which side it is.
  const source = page.locator('td', { has: workspace.sourceCell(1) });
  const label = await source.evaluate((td) => getComputedStyle(td, '::before').content);
  expect(label).toBe('"Source (Arabic)"');

  const desert = await workspace.segmentContaining('Sahel et du désert');
  await workspace.targetCell(desert).scrollIntoViewIfNeeded();
  await expect(workspace.flagButton).toBeInViewport();
  await workspace.selectText(workspace.targetCell(desert), 'Sahel et du désert');
  await workspace.flagButton.click();
  await expect(workspace.flagDialog).toBeVisible();
  await page.screenshot({ path: '/tmp/e2e-shots/workspace-390-flag.png' });
  await expectNoHorizontalOverflow(page);
});

test('the documents page on a phone: the table scrolls in its own box, the import form fits', async ({
  documents,
  page,
}) => {
  await documents.open();
  await documents.signIn('Reviewer on a phone');
  await expect(documents.row('Laftit reçoit Darmanin (Rabat, 22 avril 2024)')).toBeVisible();
  await page.screenshot({ path: '/tmp/e2e-shots/documents-390.png', fullPage: true });
  await expectNoHorizontalOverflow(page);
  // The last column can be scrolled to (not cut off by the page): its whole width comes into the window.
  // (Edges, not toBeInViewport({ ratio: 1 }): with other fonts the header ends a fraction of a pixel out.)
  const lastColumn = page.getByRole('columnheader', { name: 'Last change' });
  await lastColumn.scrollIntoViewIfNeeded();
  await expect(lastColumn).toBeInViewport();
  await expectHorizontallyInside(lastColumn, 'viewport', 'the “Last change” column');
  // The text boxes of the import form stay inside it.
  const form = page.getByRole('region', { name: 'New document from two texts' });
  for (const name of ['Source text', 'Translation']) {
    await expectHorizontallyInside(form.getByRole('textbox', { name, exact: true }), form, name);
  }
});
