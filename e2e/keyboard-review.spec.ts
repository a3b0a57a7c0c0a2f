import { E2E_PASSWORD, accountsOf } from './fixtures/accounts';
import { expectHorizontallyInside } from './fixtures/layout';
import { SAMPLE_ID, expect, test } from './fixtures/test';

/** Issue #18: classify in one key beside the segment, edit and restore flags, know what I have read. */
test.describe('reviewing at the speed of the keyboard', () => {
  // Long keyboard scripts (and a 3 s dwell) on a machine shared with other runs.
  test.setTimeout(120_000);
  test('the classification panel, by keyboard only: type-ahead, severity by number or letter, Enter, Esc, “Other” needs a note', async ({
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Keyboard reviewer');
    const cell = workspace.targetCell(1);
    await workspace.selectText(cell, 'Lafetet', 1, 'keyboard');
    await page.keyboard.press('Alt+M');
    const panel = page.getByRole('dialog', { name: 'Classify “Lafetet” (segment 1)' });
    await expect(panel).toBeVisible();
    const search = panel.getByRole('combobox', { name: 'Category (type to search)' });
    await expect(search).toBeFocused();
    // The keys are written on the panel.
    await expect(panel).toContainText('0–3 severity');
    await page.keyboard.type('spel');
    await expect(panel.getByRole('option', { name: 'Fluency — Spelling', selected: true })).toBeVisible();
    // The chosen category's definition, where it is chosen.
    await expect(panel).toContainText('A word is misspelt');
    await page.keyboard.press('2');
    await expect(search).toHaveValue('spel');
    await expect(panel.getByRole('radio', { name: /Major/ })).toBeChecked();
    await expect(panel).toContainText('The meaning is changed or unclear');
    // Beside the translation, over the side panel: the words and the source stay in view, and all of the panel.
    const [panelBox, cellBox] = [await panel.boundingBox(), await cell.boundingBox()];
    expect(panelBox!.x).toBeGreaterThanOrEqual(cellBox!.x + cellBox!.width);
    await expect(panel.getByRole('button', { name: 'Create' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: '/tmp/e2e-shots/quick-panel-en.png' });
    // Letters outside the text boxes: Tab to the severity, then c (critical), m (minor), M (major).
    await expect(panel).toContainText('n m M c outside the text boxes');
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('radio', { name: /Major/ })).toBeFocused();
    await page.keyboard.press('c');
    await expect(panel.getByRole('radio', { name: /Critical/ })).toBeChecked();
    await expect(panel.getByRole('radio', { name: /Critical/ })).toBeFocused();
    await page.keyboard.press('m');
    await expect(panel.getByRole('radio', { name: /Minor/ })).toBeChecked();
    await page.keyboard.press('Shift+M');
    await expect(panel.getByRole('radio', { name: /Major/ })).toBeChecked();
    await page.keyboard.press('Shift+Tab');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('spel');
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    const item = workspace.flagItem(1, 1);
    await expect(item).toContainText('Major');
    await expect(item).toContainText('Spelling');
    await expect(item).toContainText(/created in \d+ s/);
    // Back in the text, where the reviewer was.
    await expect(cell).toBeFocused();

    // Esc cancels: nothing created, the words still selected.
    await workspace.selectText(cell, 'homologue', 1, 'keyboard');
    await page.keyboard.press('Alt+M');
    await expect(page.getByRole('dialog', { name: /^Classify “homologue”/ })).toBeVisible();
    await page.keyboard.type('t');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: /^Classify/ })).toBeHidden();
    await expect(cell).toBeFocused();
    await expect.poll(() => workspace.selectedText(cell)).toBe('homologue');
    await expect(workspace.flagItems()).toHaveCount(1);

    // The full dialog stays a key away, with what was chosen so far.
    await page.keyboard.press('Alt+M');
    await page.keyboard.type('term');
    await page.keyboard.press('3');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'More…' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(workspace.flagDialog.getByRole('combobox', { name: /^Category/ })).toHaveValue('terminology');
    await expect(workspace.flagDialog.getByRole('radio', { name: 'Critical', exact: true })).toBeChecked();
    await page.keyboard.press('Escape');
    await expect(workspace.flagDialog).toBeHidden();
    await workspace.selectText(cell, 'homologue', 1, 'keyboard');

    // “Other” asks for a note before it creates anything.
    await page.keyboard.press('Alt+M');
    const other = page.getByRole('dialog', { name: /^Classify “homologue”/ });
    await page.keyboard.type('oth');
    await expect(other.getByRole('option', { name: 'Other — Other', selected: true })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(other.getByRole('alert')).toHaveText('“Other” needs a note saying what is wrong.');
    const note = other.getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    // In the note, numbers and letters are text, not severities.
    await page.keyboard.type('Odd word order (2 c)');
    await expect(note).toHaveValue('Odd word order (2 c)');
    await expect(other.getByRole('radio', { name: /Minor/ })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(other).toBeHidden();
    await expect(workspace.flagItems()).toHaveCount(2);

    // The shortcut help lists the panel's keys.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(
      help.getByRole('row').filter({ hasText: /Classify the selected words beside the segment/ }),
    ).toBeVisible();
    await expect(
      help
        .getByRole('row')
        .filter({ hasText: /Severity: 0 or n neutral, 1 or m minor, 2 or M major, 3 or c critical/ }),
    ).toBeVisible();
    await expect(help.getByRole('row').filter({ hasText: /Mark the segment reviewed by me/ })).toBeVisible();
  });

  test('the panel in Arabic in a 420 px window: all of it in view, the keys on it', async ({
    newReviewerWorkspace,
    server,
  }) => {
    await server.accounts.ensure('Amina');
    const w = await newReviewerWorkspace({ locale: 'ar-MA', viewport: { width: 420, height: 820 } });
    const { page } = w;
    await w.open(SAMPLE_ID);
    const form = page.getByRole('form', { name: 'تسجيل الدخول' });
    await form.getByRole('textbox', { name: 'اسم الدخول' }).fill('Amina');
    await form.getByLabel('كلمة المرور', { exact: true }).fill(E2E_PASSWORD);
    await page.keyboard.press('Enter');
    const cell = page.getByRole('textbox', { name: 'ترجمة المقطع 3', exact: true });
    // By keyboard (the page object's selectText waits for the English toolbar).
    await cell.focus();
    await cell.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('communiqué');
      el.setSelectionRange(at, at);
    });
    for (let i = 0; i < 'communiqué'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => w.selectedText(cell)).toBe('communiqué');
    await page.keyboard.press('Alt+M');
    const panel = page.getByRole('dialog', { name: 'تصنيف «communiqué» (المقطع 3)' });
    await expect(panel.getByRole('combobox', { name: 'الفئة (اكتب للبحث)' })).toBeFocused();
    await page.keyboard.type('ت');
    await page.keyboard.press('2');
    await expect(panel.getByRole('radio', { name: /جسيم/ })).toBeChecked();
    await expect(panel).toContainText('n m M c');
    await expectHorizontallyInside(panel, 'viewport', 'the panel');
    await expect(panel.getByRole('button', { name: 'إنشاء' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: '/tmp/e2e-shots/quick-panel-ar-420.png' });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('with single-key shortcuts off, digits type into the search and the severity is chosen by Tab and arrows', async ({
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Speech input user');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('checkbox', { name: /Single-key shortcuts/ }).uncheck();
    await page.keyboard.press('Escape');
    await workspace.selectText(workspace.targetCell(1), 'Lafetet', 1, 'keyboard');
    await page.keyboard.press('Alt+M');
    const panel = page.getByRole('dialog', { name: /^Classify “Lafetet”/ });
    await expect(panel).toContainText('Tab to the severity');
    await expect(panel.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('2');
    await expect(panel.getByRole('combobox')).toHaveValue('2');
    await expect(panel.getByRole('radio', { name: /Minor/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('radio', { name: /Minor/ })).toBeFocused();
    await page.keyboard.press('c');
    await expect(panel.getByRole('radio', { name: /Minor/ })).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(panel.getByRole('radio', { name: /Major/ })).toBeChecked();
    await page.keyboard.press('Escape');
  });

  test('the author edits every field of a flag and undoes its withdrawal by keyboard; another reviewer sees each change live, with its history', async ({
    workspace: a,
    newReviewerWorkspace,
  }) => {
    const b = await newReviewerWorkspace();
    // Youssef reviews only: neither the flag's author nor an editor.
    await accountsOf(b.page).ensure('Youssef', ['reviewer']);
    await a.openAs(SAMPLE_ID, 'Amina');
    await b.openAs(SAMPLE_ID, 'Youssef');
    await expect(a.presenceList.getByLabel('Youssef', { exact: true })).toBeVisible();
    await a.selectText(a.targetCell(1), 'Lafetet');
    await a.flagSelection({ category: 'Fluency — Spelling', severity: 'Minor', correction: 'Laftit' });
    const mine = a.flagItem(1, 1);
    const theirs = b.flagItem(1, 1);
    await expect(theirs).toContainText('Spelling');
    // Youssef's reply starts the thread the flag keeps through its edits.
    await theirs.getByText('0 comments').click();
    await theirs.getByRole('combobox', { name: 'Reply on flag 1' }).fill('Le nom officiel ?');
    await theirs.getByRole('button', { name: 'Send' }).click();
    await expect(mine).toContainText('Le nom officiel ?');
    // Not his flag, and he is no editor: no Edit (the one he has is his comment's).
    await expect(theirs.getByRole('button', { name: /^Edit Go to flag/ })).toHaveCount(0);

    // Amina edits all five by keyboard: the words (reselected in the text), category, severity, correction, comment.
    await mine.getByRole('button', { name: /^Edit Go to flag/ }).focus();
    await a.page.keyboard.press('Enter');
    const dialog = a.page.getByRole('dialog', { name: 'Edit flag 1' });
    const words = dialog.getByRole('textbox', { name: /^Flagged words/ });
    await words.focus();
    await expect.poll(() => a.selectedText(words)).toBe('Lafetet');
    for (let i = 0; i < ' discute'.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => a.selectedText(words)).toBe('Lafetet discute');
    await a.page.keyboard.press('Tab');
    await expect(dialog.getByRole('combobox', { name: /^Category/ })).toBeFocused();
    await dialog.getByRole('combobox', { name: /^Category/ }).selectOption({ label: 'Accuracy — Mistranslation' });
    await a.page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: 'Minor', exact: true })).toBeFocused();
    await a.page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: 'Major', exact: true })).toBeChecked();
    const correction = dialog.getByRole('textbox', { name: /^Correction/ });
    await correction.focus();
    await a.page.keyboard.press('Control+a');
    await a.page.keyboard.type('Laftit s’entretient');
    await dialog.getByRole('textbox', { name: 'Comment', exact: true }).focus();
    await a.page.keyboard.type('Le nom et le verbe.');
    await dialog.getByRole('button', { name: 'Save changes' }).focus();
    await a.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    // Youssef sees it without reloading: the same flag (its thread), moved and reclassified, and why.
    const line =
      'category Spelling → Mistranslation; severity Minor → Major; correction “Laftit” → “Laftit s’entretient”; ' +
      'comment “” → “Le nom et le verbe.”; words “Lafetet” → “Lafetet discute”, by Amina';
    for (const item of [theirs, mine]) {
      await expect(item).toContainText('Major');
      await expect(item).toContainText('Mistranslation');
      await expect(item).toContainText('“Lafetet discute” → “Laftit s’entretient”');
      await expect(item).toContainText('Le nom officiel ?');
      await expect(item.getByRole('list', { name: 'Changes to this flag' })).toContainText(line);
    }
    await expect(b.flagItems()).toHaveCount(1);

    // Withdrawn by keyboard, then restored with its thread: live on the other side both times.
    await mine.getByRole('button', { name: 'Withdraw', exact: true }).focus();
    await a.page.keyboard.press('Enter');
    const why = a.page.getByRole('dialog', { name: 'Withdraw this flag' });
    await expect(why.getByRole('textbox', { name: 'Why? (recorded in the history)' })).toBeFocused();
    await a.page.keyboard.type('oops');
    await why.getByRole('button', { name: 'Confirm' }).focus();
    await a.page.keyboard.press('Enter');
    await expect(theirs).toContainText('Withdrawn');
    await expect(theirs.getByRole('button', { name: 'Restore', exact: true })).toHaveCount(0);
    await mine.getByRole('button', { name: 'Restore', exact: true }).focus();
    await a.page.keyboard.press('Enter');
    await expect(theirs).toContainText('Open');
    await expect(theirs.getByRole('list', { name: 'Changes to this flag' })).toContainText('restored, by Amina');
    await expect(theirs).toContainText('Le nom officiel ?');
    await b.page.reload();
    await expect(b.flagItem(1, 1).getByRole('list', { name: 'Changes to this flag' })).toContainText(line);
    await expect(b.flagItem(1, 1)).toContainText('restored, by Amina');

    // Amina, an editor, attaches the project's guidelines; Youssef sees them live, and where he classifies.
    await a.page.getByRole('tab', { name: 'Guidelines' }).click();
    const guidelines = {
      text: 'Ministers’ names as the ministry writes them.',
      categories: { terminology: { definition: 'Names and titles too.', example: 'Lafetet → Laftit' } },
    };
    await a.page.getByLabel('Attach guidelines (JSON)').setInputFiles({
      name: 'house.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(guidelines)),
    });
    await expect(a.page.getByRole('tabpanel')).toContainText('From house.json');
    await b.page.getByRole('tab', { name: 'Guidelines' }).click();
    await expect(b.page.getByRole('tabpanel')).toContainText(guidelines.text);
    await expect(b.page.getByLabel('Attach guidelines (JSON)')).toHaveCount(0);
    await b.selectText(b.targetCell(2), 'Laftit');
    await b.page.keyboard.press('Alt+M');
    const panel = b.page.getByRole('dialog', { name: /^Classify “Laftit”/ });
    await b.page.keyboard.type('term');
    await expect(panel).toContainText('When: Names and titles too.');
    await b.page.keyboard.press('Escape');
  });

  test('reviewed by me: one key, or a dwell (set by the reader) before moving on; the header counts it; next unreviewed by keyboard; it survives a reload', async ({
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Careful reader');
    const progress = page.getByText(/% reviewed by me/);
    await expect(page.getByText(/^0% reviewed by me · 0% by anyone$/)).toBeVisible();
    const row = (n: number) => page.getByRole('row').filter({ has: workspace.targetCell(n) });
    await expect(row(1).getByRole('rowheader')).toContainText('Not reviewed');

    // The dwell is the reader's to choose (3 s by default), set by keyboard in the shortcut help. 4 s here:
    // long enough that passing through a row on a loaded CI machine never reaches it.
    const setDwell = async (seconds: string) => {
      await page.keyboard.press('F1');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      const dwell = help.getByRole('spinbutton', { name: /^Mark a segment reviewed when I move on/ });
      await dwell.focus();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(seconds);
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();
    };
    await page.keyboard.press('F1');
    await expect(
      page
        .getByRole('dialog', { name: 'Keyboard shortcuts' })
        .getByRole('spinbutton', { name: /^Mark a segment reviewed when I move on/ }),
    ).toHaveValue('3');
    await page.keyboard.press('Escape');
    await setDwell('4');

    // A scripted read: segment 1 marked with Alt+K, segment 2 read for longer than the dwell, then left;
    // segment 3 only passed through. Then the automatic mark is switched off (0), so that nothing below
    // depends on how fast this machine moves the focus.
    await workspace.targetCell(1).focus();
    await page.keyboard.press('Alt+K');
    await expect(row(1).getByRole('rowheader')).toContainText('Reviewed');
    await expect(page.getByText(/^[1-9]\d*% reviewed by me · [1-9]\d*% by anyone$/)).toBeVisible();
    await workspace.targetCell(2).focus();
    await page.waitForTimeout(4300);
    await workspace.targetCell(3).focus();
    await workspace.targetCell(4).focus();
    await setDwell('0');
    await expect(row(2).getByRole('rowheader')).toContainText('Reviewed');
    await expect(row(3).getByRole('rowheader')).toContainText('Not reviewed');
    await expect(row(4).getByRole('rowheader')).toContainText('Not reviewed');
    const text = await progress.textContent();
    const mine = Number(/(\d+)% reviewed by me/.exec(text ?? '')?.[1]);
    expect(mine).toBeGreaterThan(0);

    // Next unreviewed from segment 1 skips 2 (read) to 3.
    await workspace.targetCell(1).focus();
    await page.keyboard.press('Alt+U');
    await expect(workspace.targetCell(3)).toBeFocused();
    // Previous unreviewed from segment 5: 4 (passed through, not read).
    await workspace.targetCell(5).focus();
    await page.keyboard.press('Alt+Shift+U');
    await expect(workspace.targetCell(4)).toBeFocused();

    await page.reload();
    await expect(row(1).getByRole('rowheader')).toContainText('Reviewed');
    await expect(row(2).getByRole('rowheader')).toContainText('Reviewed');
    await expect(page.getByText(new RegExp(`^${mine}% reviewed by me · ${mine}% by anyone$`))).toBeVisible();
    // The scorecard shows each reader's marks and active time (editors see everyone's).
    await page.getByRole('tab', { name: 'Score' }).click();
    const reader = page.getByRole('row', { name: /^Careful reader/ });
    await expect(reader.getByRole('cell').nth(1)).toHaveText('2');
    await expect(reader.getByRole('cell').nth(2)).toHaveText(/^\d+(\.\d)? (sec|min)/);
  });
});
