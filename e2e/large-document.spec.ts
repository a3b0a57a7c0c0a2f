import { expect, test } from './fixtures/test';
import { COUNT, FINDING, FLAGGED, createLargeDocument } from './fixtures/large-document';

// A 2,000-segment document (issue #10): only the rows near the window are in the DOM, and everything still
// reaches any row — flags, F8, autosave of a row scrolled away, the heat strip beside its segment.

test.describe('a 2,000-segment document', () => {
  test.setTimeout(90_000);

  test('a few rows in the DOM; the table counts them all for screen readers', async ({ workspace, page }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    const table = page.getByRole('table', { name: 'Segments' });
    await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    expect(await workspace.targetCells().count()).toBeLessThan(60);
    await expect(page.getByRole('row').filter({ has: workspace.targetCell(2) })).toHaveAttribute('aria-rowindex', '3');
  });

  test('going to a flag near the end scrolls to it and selects its words', async ({ workspace, page }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    await expect(workspace.targetCell(FLAGGED)).toHaveCount(0);
    await workspace.flagItem(1, FLAGGED).getByRole('button').first().click();
    await expect(workspace.targetCell(FLAGGED)).toBeInViewport();
    await expect(workspace.targetCell(FLAGGED)).toBeFocused();
    await expect.poll(() => workspace.selectedText(workspace.targetCell(FLAGGED))).toBe('numéro');
  });

  test('F8 goes to the finding near the end and selects its words', async ({ workspace, page }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    await page.keyboard.press('F8');
    await expect(workspace.targetCell(FINDING)).toBeInViewport();
    await expect.poll(() => workspace.selectedText(workspace.targetCell(FINDING))).toBe('1999');
  });

  test('an edit far down, scrolled out of view before it is saved, is there after a reload', async ({
    workspace,
    page,
  }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await workspace.flagItem(1, FLAGGED).getByRole('button').first().click();
    await expect(workspace.targetCell(FLAGGED)).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (revu)');
    // Out of the cell and away at once, while the save is on its way: the row leaves the DOM.
    await workspace.targetCell(FLAGGED).evaluate((el) => {
      (el as HTMLTextAreaElement).blur();
      el.closest('table')!.parentElement!.scrollTo({ top: 0 });
    });
    await expect(workspace.targetCell(FLAGGED)).toHaveCount(0);
    await workspace.expectSaved();
    await page.reload();
    await expect(workspace.targetCell(1)).toBeVisible();
    await workspace.flagItem(1, FLAGGED).getByRole('button').first().click();
    await expect(workspace.targetCell(FLAGGED)).toHaveValue(`Phrase numéro ${FLAGGED}. (revu)`);
  });

  test('the heat strip marks the flagged segment where its row is in the table', async ({ workspace, page }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await workspace.flagItem(1, FLAGGED).getByRole('button').first().click();
    await expect(workspace.targetCell(FLAGGED)).toBeInViewport();
    const strip = page.getByRole('navigation', { name: 'MQM scorecard' });
    await expect(strip).toHaveAccessibleDescription(/penalty points per segment/i);
    const mark = strip.getByRole('button', { name: `Segment ${FLAGGED}: 5 penalty points` });
    await expect(mark).toBeVisible();
    // Where the row sits in the whole table, and where the mark sits in the strip: the same share.
    const row = page.getByRole('row').filter({ has: workspace.targetCell(FLAGGED) });
    const inTable = await row.evaluate((tr) => {
      const body = tr.parentElement!.getBoundingClientRect();
      return (tr.getBoundingClientRect().top - body.top) / body.height;
    });
    const inStrip = await mark.evaluate((button) => {
      const track = button.parentElement!.getBoundingClientRect();
      return (button.getBoundingClientRect().top + 1 - track.top) / track.height;
    });
    expect(Math.abs(inStrip - inTable)).toBeLessThan(0.01);
    // Long paragraphs come before it: a strip of equal cells would put it elsewhere.
    expect(Math.abs(inTable - (FLAGGED - 1) / COUNT)).toBeGreaterThan(0.02);
    // And the mark goes back to its segment.
    await workspace.targetCell(FLAGGED).evaluate((el) => el.closest('table')!.parentElement!.scrollTo({ top: 0 }));
    await mark.click();
    await expect(workspace.targetCell(FLAGGED)).toBeInViewport();
  });

  test('the cell being typed in keeps the focus when scrolled far out of view', async ({ workspace, page }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await workspace.targetCell(2).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' un');
    // The reader scrolls to the end to check something, the cell far above the window.
    await workspace.targetCell(2).evaluate((el) => {
      const box = el.closest('table')!.parentElement!;
      box.scrollTo({ top: box.scrollHeight });
    });
    await expect(workspace.targetCell(COUNT)).toBeVisible();
    await expect(workspace.targetCell(2)).toBeFocused();
    await expect(workspace.targetCell(2)).not.toBeInViewport();
    await page.keyboard.type(' deux');
    await expect(workspace.targetCell(2)).toHaveValue('Phrase numéro 2. un deux');
    await workspace.expectSaved();
  });
});
