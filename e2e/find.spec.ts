import { SAMPLE_ID, expect, test } from './fixtures/test';
import { COUNT, FINDING, FLAGGED, createLargeDocument } from './fixtures/large-document';
import { FindTools } from './pages/find-tools';

// Finding one's way in a 2,000-segment document (issue #11): search, the filter in the URL, replace with a
// preview and undo from History, go to segment N, next/previous unsettled, the shortcut help. Target texts
// read "Phrase numéro N." (long paragraphs 100–139 aside); segment 1000 has a flag, 1990 a QA finding.

test.describe('finding one’s way in a long document', () => {
  test.setTimeout(120_000);

  test('search: count, next and previous by keyboard, matches painted, Arabic source', async ({ workspace, page }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    const find = new FindTools(page);
    await page.keyboard.press('Control+f');
    await expect(find.query).toBeFocused();

    // Accents count unless ignored.
    await find.find('numero 1500');
    await expect(find.count).toHaveText('No matches');
    // The options are folded until asked for; the button then says how many are on.
    await expect(find.option('Ignore diacritics and accents')).toBeHidden();
    await find.openOptions();
    await find.option('Ignore diacritics and accents').check();
    await expect(find.count).toHaveText('1 match');
    await expect(find.search.getByRole('button', { name: 'Options and replace (1)' })).toBeVisible();
    await find.query.press('Enter');
    await expect(find.count).toHaveText('1 of 1');
    await expect(workspace.targetCell(1500)).toBeInViewport();
    await expect(find.query).toBeFocused();
    const row = page.getByRole('row').filter({ has: workspace.targetCell(1500) });
    await expect(row.locator('mark[data-search="current"]')).toHaveText('numéro 1500');
    await page.screenshot({ path: 'test-results/find-search.png' });

    // 19, 190–199, 1900–1999: 111 matches; Enter, then F3 from the cell, then Shift+F3.
    await find.option('Whole words').check();
    await find.find('phrase numéro 19');
    await expect(find.count).toHaveText('1 match');
    await find.option('Whole words').uncheck();
    await expect(find.count).toHaveText('111 matches');
    await find.query.press('Enter');
    await expect(find.count).toHaveText('1 of 111');
    await expect(workspace.targetCell(19)).toBeInViewport();
    await page.keyboard.press('F3');
    await expect(find.count).toHaveText('2 of 111');
    await expect(workspace.targetCell(190)).toBeFocused();
    await expect.poll(() => workspace.selectedText(workspace.targetCell(190))).toBe('Phrase numéro 19');
    await page.keyboard.press('Shift+F3');
    await expect(find.count).toHaveText('1 of 111');
    await expect(workspace.targetCell(19)).toBeFocused();
    await find.query.focus();
    await find.query.press('Shift+Enter');
    await expect(find.count).toHaveText('111 of 111');
    await expect(workspace.targetCell(1999)).toBeInViewport();

    // Arabic, in the source only; a regular expression.
    await find.search.getByRole('combobox', { name: 'Search in' }).selectOption('Source only');
    await find.find('الجملة رقم 2000');
    await expect(find.count).toHaveText('1 match');
    await find.query.press('Enter');
    await expect(workspace.sourceCell(COUNT)).toBeInViewport();
    await find.search.getByRole('combobox', { name: 'Search in' }).selectOption('Translation only');
    await find.option('Regular expression').check();
    await find.find(String.raw`numéro 1\d{3}\.`);
    await expect(find.count).toHaveText('1,000 matches');
    await find.find('numéro (');
    await expect(find.count).toHaveText(/^Not a valid regular expression/);
  });

  test('the filter lives in the URL: a reload keeps it, criteria combine, the count shows', async ({
    workspace,
    page,
  }) => {
    const id = await createLargeDocument(workspace, page);
    await page.goto(`/documents/${id}?flags=open`);
    const find = new FindTools(page);
    await expect(find.filterCount).toHaveText('1 of 2,000 segments shown');
    await expect(workspace.targetCell(FLAGGED)).toBeVisible();
    await expect(workspace.targetCells()).toHaveCount(1);
    await expect(find.filter.getByRole('checkbox', { name: 'With open flags' })).toBeChecked();
    await page.reload();
    await expect(find.filterCount).toHaveText('1 of 2,000 segments shown');
    await expect(workspace.targetCell(FLAGGED)).toBeVisible();

    // Another criterion from the page: the URL follows; combined with the first, nothing is left.
    await find.filter.getByRole('checkbox', { name: 'With QA findings' }).check();
    await expect(page).toHaveURL(/findings=1/);
    await expect(find.filterCount).toHaveText('0 of 2,000 segments shown');
    await find.filter.getByRole('checkbox', { name: 'With open flags' }).uncheck();
    await expect(page).not.toHaveURL(/flags=open/);
    await expect(find.filterCount).toHaveText('1 of 2,000 segments shown');
    await expect(workspace.targetCell(FINDING)).toBeVisible();

    // A status and a category, from a shared link.
    await page.goto(`/documents/${id}?status=translated&category=fluency`);
    await expect(find.filterCount).toHaveText('1 of 2,000 segments shown');
    await expect(workspace.targetCell(FLAGGED)).toBeVisible();
    await page.goto(`/documents/${id}?status=approved`);
    await expect(find.filterCount).toHaveText('0 of 2,000 segments shown');
    await find.filter.getByRole('button', { name: 'Show all segments' }).click();
    await expect(workspace.targetCell(1)).toBeVisible();
    await expect(page).not.toHaveURL(/status=/);

    // Changed since approval: segment 7 approved, reopened and edited; segment 8 approved and left as it was.
    const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const { document } = (await (await page.request.get(`/api/documents/${id}`)).json()) as {
      document: { segments: { id: string }[] };
    };
    const [s7, s8] = [document.segments[6]!.id, document.segments[7]!.id];
    const post = async (url: string, data: object) =>
      expect((await page.request.post(`/api/documents/${id}${url}`, { headers, data })).status()).toBe(200);
    await post(`/segments/${s7}/status`, { action: 'approve' });
    await post(`/segments/${s8}/status`, { action: 'approve' });
    await post(`/segments/${s7}/status`, { action: 'reopen' });
    const edited = await page.request.patch(`/api/documents/${id}/segments/${s7}`, {
      headers,
      data: { target: 'Phrase numéro sept.', baseVersion: 1 },
    });
    expect(edited.status()).toBe(200);
    await page.goto(`/documents/${id}?changed=1`);
    await expect(find.filterCount).toHaveText('1 of 2,000 segments shown');
    await expect(workspace.targetCell(7)).toHaveValue('Phrase numéro sept.');
  });

  test('replace with a preview, one match left out, then one replacement undone from History', async ({
    workspace,
    page,
  }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    const find = new FindTools(page);
    await find.find(String.raw`numéro (5\d)`, ['Regular expression', 'Whole words']);
    await expect(find.count).toHaveText('10 matches');
    await find.replaceWith.fill('n° $1');
    await find.replaceButton.click();
    const dialog = find.replaceDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('group')).toHaveCount(10);
    await expect(dialog.getByRole('group', { name: 'Segment 52' }).getByRole('insertion')).toHaveText(/n°/);
    const left = dialog.getByRole('checkbox', { name: 'Segment 55, match 1: “numéro 55” → “n° 55”' });
    await left.uncheck();
    await page.screenshot({ path: 'test-results/find-replace-preview.png' });
    await dialog.getByRole('button', { name: 'Replace 9 matches' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('9 segments changed.', { exact: false })).toBeVisible();
    await expect(find.count).toHaveText('1 match');
    await find.goTo(52);
    await expect(workspace.targetCell(52)).toHaveValue('Phrase n° 52.');
    await expect(workspace.targetCell(55)).toHaveValue('Phrase numéro 55.');

    // Undo one: segment 52's History restores its text as it was; the others keep the replacement.
    await page.getByRole('button', { name: 'History segment 52' }).click();
    const history = page.getByRole('dialog', { name: 'History of segment 52' });
    await history.getByRole('button', { name: 'Revert to this version' }).click();
    await expect(workspace.targetCell(52)).toHaveValue('Phrase numéro 52.');
    await history.getByRole('button', { name: 'Close' }).click();
    await expect(workspace.targetCell(53)).toHaveValue('Phrase n° 53.');
    await page.reload();
    await expect(workspace.targetCell(1)).toBeVisible();
    await find.goTo(52);
    await expect(workspace.targetCell(52)).toHaveValue('Phrase numéro 52.');
    await expect(workspace.targetCell(53)).toHaveValue('Phrase n° 53.');
  });

  test('Ctrl+G goes to segment N; Alt+↓ the next segment; Alt+Shift+↓/↑ the unsettled ones', async ({
    workspace,
    page,
  }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    const find = new FindTools(page);
    await page.keyboard.press('Control+g');
    await find.goToDialog.getByRole('spinbutton').fill('3000');
    await find.goToDialog.getByRole('spinbutton').press('Enter');
    await expect(find.goToDialog.getByRole('alert')).toHaveText('Enter a whole number from 1 to 2,000.');
    await page.keyboard.press('Escape');
    await expect(find.goToDialog).toBeHidden();
    await find.goTo(1750);
    await expect(workspace.targetCell(1750)).toBeFocused();
    await expect(workspace.targetCell(1750)).toBeInViewport();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(workspace.targetCell(1751)).toBeFocused();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect(workspace.targetCell(FINDING)).toBeFocused();
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect(workspace.targetCell(FLAGGED)).toBeFocused();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(workspace.targetCell(FLAGGED - 1)).toBeFocused();

    // Go to a segment the filter hides: the filter goes, the segment comes.
    await page.goto(`/documents/${id}?flags=open`);
    await expect(find.filterCount).toHaveText('1 of 2,000 segments shown');
    await find.goTo(20);
    await expect(workspace.targetCell(20)).toBeFocused();
    await expect(page).not.toHaveURL(/flags=open/);
  });

  test('the shortcut help lists the shortcuts; single-key shortcuts can be switched off, and stay off', async ({
    workspace,
    page,
  }) => {
    const id = await createLargeDocument(workspace, page);
    await workspace.open(id);
    await expect(workspace.targetCell(1)).toBeVisible();
    const find = new FindTools(page);
    await page.keyboard.press('F1');
    await expect(find.help).toBeVisible();
    for (const [keys, action] of [
      ['Ctrl+G', 'Go to segment N'],
      ['F3 Shift+F3', 'Next / previous match (selects it in its cell)'],
      ['F8 Shift+F8', 'Next / previous QA finding'],
      ['Ctrl+Shift+F', 'Flag the selected words'],
      ['F1 ?', 'Show this help'],
    ]) {
      await expect(find.help.getByRole('row').filter({ hasText: action }).getByRole('cell').first()).toHaveText(keys);
    }
    await page.screenshot({ path: 'test-results/find-shortcut-help.png' });
    await page.keyboard.press('Escape');
    await expect(find.help).toBeHidden();

    // ? outside text fields; typed in a cell it is only a character.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    await expect(find.help).toBeVisible();
    const singleKeys = find.help.getByRole('checkbox', { name: /^Single-key shortcuts/ });
    await expect(singleKeys).toBeChecked();
    await singleKeys.uncheck();
    await find.help.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    await page.keyboard.press('/');
    await expect(find.help).toBeHidden();
    await expect(find.query).not.toBeFocused();
    await page.reload();
    await expect(workspace.targetCell(1)).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    await expect(find.help).toBeHidden();
    await page.keyboard.press('F1');
    await expect(find.help).toBeVisible();
    await expect(find.help.getByRole('checkbox', { name: /^Single-key shortcuts/ })).not.toBeChecked();
  });
});

// F4: going to a row already on screen left the focus on the page's body (Tab went to the next row).
test('Ctrl+G to a segment already on screen focuses its translation', async ({ workspace, page }) => {
  await workspace.openAs(SAMPLE_ID, 'Amina');
  await expect(workspace.targetCell(2)).toBeInViewport();
  const find = new FindTools(page);
  await find.goTo(2);
  await expect(workspace.targetCell(2)).toBeFocused();
  await find.goTo(3);
  await expect(workspace.targetCell(3)).toBeFocused();
});
