import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_ID, expect, test } from './fixtures/test';

test.describe('reviewing the Laftit–Darmanin sample', () => {
  test('flag two errors, accept them, edit a paragraph: everything survives a server restart', async ({
    server,
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Reviewer A');
    await expect(workspace.heading()).toHaveText('Laftit reçoit Darmanin (Rabat, 22 avril 2024)');
    await expect(workspace.targetCell(1)).toHaveValue(/^Lafetet discute avec son homologue français/);
    await expect(workspace.flagsPanel.getByText('No flags yet.', { exact: false })).toBeVisible();

    // 1. "Lafetet" in the title: a spelling error, flagged with the keyboard shortcut.
    await workspace.selectText(workspace.targetCell(1), 'Lafetet');
    await workspace.flagSelection({
      quote: 'Lafetet',
      category: 'Fluency — Spelling',
      severity: 'Major',
      correction: 'Laftit',
      comment: 'The minister’s name is Laftit.',
    });
    await expect(workspace.flagItem(1, 1)).toContainText('“Lafetet” → “Laftit”');
    await expect(workspace.flagItem(1, 1)).toContainText('Open');

    // 2. "Sahel et du désert": a mistranslation, flagged from the toolbar button.
    const desert = await workspace.segmentContaining('Sahel et du désert');
    await workspace.selectText(workspace.targetCell(desert), 'Sahel et du désert');
    await workspace.flagSelection({
      quote: 'Sahel et du désert',
      category: 'Accuracy — Mistranslation',
      severity: 'Major',
      correction: 'Sahel et du Sahara',
      via: 'toolbar',
    });
    await expect(workspace.flagItems()).toHaveCount(2);
    await expect(workspace.flagItem(2, desert)).toContainText('“Sahel et du désert” → “Sahel et du Sahara”');
    await expect(workspace.flagsPanel.getByRole('heading', { name: 'Flags (2 flags)' })).toBeVisible();
    await page.screenshot({ path: '/tmp/e2e-shots/workspace-flags-open.png' });

    // 3. The translator accepts both corrections: they are applied to the text.
    await workspace.acceptFlag(1);
    await workspace.acceptFlag(2);
    await expect(workspace.targetCell(1)).toHaveValue(/^Laftit discute avec son homologue français/);
    await expect(workspace.targetCell(desert)).toHaveValue(/Sahel et du Sahara/);

    // 4. An edit typed at the end of another paragraph autosaves.
    const addition = ' Relu par l’équipe.';
    await workspace.typeAtEnd(2, addition);
    await workspace.expectUnsaved();
    await workspace.expectSaved();
    await page.screenshot({ path: '/tmp/e2e-shots/workspace-flags-accepted.png' });

    // 5. Restart the server on the same DATA_DIR, reload: nothing was lost.
    await server.restart();
    await page.reload();
    await expect(workspace.targetCell(1)).toHaveValue(/^Laftit discute avec son homologue français/);
    await expect(workspace.targetCell(desert)).toHaveValue(/Sahel et du Sahara/);
    await expect(workspace.targetCell(desert)).not.toHaveValue(/Sahel et du désert/);
    await expect(workspace.targetCell(2)).toHaveValue(new RegExp(`${addition.trim()}$`));
    await expect(workspace.flagItems()).toHaveCount(2);
    await expect(workspace.flagItem(1, 1)).toContainText('Accepted');
    await expect(workspace.flagItem(2, desert)).toContainText('Accepted');
    await workspace.expectSaved();

    // 6. The journal on disk: one JSON event per line, the review's events among them.
    const journal = await readFile(path.join(server.dataDir, 'documents', SAMPLE_ID, 'journal.jsonl'), 'utf8');
    const lines = journal.split('\n').filter((l) => l !== '');
    const events = lines.map((l, i) => {
      try {
        return JSON.parse(l) as { seq: number; type: string; actor: string };
      } catch (err) {
        throw new Error(`journal.jsonl line ${i + 1} is not JSON: ${(err as Error).message}`);
      }
    });
    expect(events[0]!.type).toBe('DocumentCreated');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'FlagCreated')).toHaveLength(2);
    expect(types.filter((t) => t === 'FlagAccepted')).toHaveLength(2);
    expect(types).toContain('SegmentEdited');
    // Everything after the seeding (the document and its glossary) was done by the signed-in reviewer.
    expect(
      events
        .filter((e) => e.type !== 'DocumentCreated' && e.type !== 'GlossarySet')
        .every((e) => e.actor === 'Reviewer A'),
    ).toBe(true);
  });

  test('a flag can be rejected with a reason, and the text stays as it was', async ({ workspace }) => {
    await workspace.openAs(SAMPLE_ID, 'Reviewer B');
    const cell = workspace.sourceCell(1);
    await expect(cell).toBeVisible();
    await workspace.selectText(workspace.targetCell(2), 'Abdelouafi Laftit');
    await workspace.flagSelection({ quote: 'Abdelouafi Laftit', category: 'Terminology', severity: 'Minor' });
    await expect(workspace.flagItem(1, 2)).toContainText('“Abdelouafi Laftit”');
    await workspace.closeFlag(1, 'Reject', 'The name is spelled correctly.');
    await expect(workspace.flagItem(1, 2)).toContainText('Rejected');
    await expect(workspace.flagItem(1, 2)).toContainText('Reason: The name is spelled correctly.');
    await expect(workspace.flagItem(1, 2).getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await expect(workspace.targetCell(2)).toHaveValue(/Abdelouafi Laftit/);
  });

  // Known bug (see the report): Chromium moves no caret in a <textarea readonly>, so a keyboard user cannot
  // select words of a source cell and cannot flag an omission without a mouse.
  test('a keyboard user can select words in a (read-only) Arabic source cell', async ({ workspace }) => {
    await workspace.openAs(SAMPLE_ID, 'Keyboard user');
    const cell = workspace.sourceCell(1);
    await expect(cell).toHaveValue(/^لفتيت /);
    await workspace.selectText(cell, 'لفتيت', 1, 'keyboard');
  });

  test('after a flag is created its words are no longer selected: the shortcut cannot flag them twice', async ({
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Reviewer D');
    const cell = workspace.targetCell(1);
    await workspace.selectText(cell, 'Lafetet');
    await workspace.flagSelection({
      quote: 'Lafetet',
      category: 'Fluency — Spelling',
      severity: 'Major',
      correction: 'Laftit',
    });
    await expect(workspace.flagItems()).toHaveCount(1);
    await expect(cell).toBeFocused();
    await expect(workspace.flagButton).toBeDisabled();
    await page.keyboard.press('Control+Shift+F');
    await expect(workspace.flagDialog).toBeHidden();
    await expect(workspace.flagItems()).toHaveCount(1);
    // A new selection can be flagged again, and a collapsed one cannot.
    await workspace.selectText(cell, 'homologue');
    await expect(workspace.flagButton).toBeEnabled();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Shift+F');
    await expect(workspace.flagDialog).toBeHidden();
  });

  test('a double-click on Create flag or Accept sends it once', async ({ workspace, page }) => {
    await workspace.openAs(SAMPLE_ID, 'Hasty reviewer');
    await workspace.selectText(workspace.targetCell(1), 'Lafetet');
    await page.keyboard.press('Control+Shift+F');
    const dialog = workspace.flagDialog;
    await dialog.getByRole('combobox', { name: /^Category/ }).selectOption({ label: 'Fluency — Spelling' });
    await dialog.getByRole('textbox', { name: /^Correction/ }).fill('Laftit');
    await dialog.getByRole('button', { name: 'Create flag' }).dblclick();
    await expect(dialog).toBeHidden();
    await expect(workspace.flagItems()).toHaveCount(1);

    // Unsaved text in the same segment is saved first; a second click meanwhile does nothing.
    await workspace.typeAtEnd(1, ' !');
    await workspace.flagItem(1, 1).getByRole('button', { name: 'Accept', exact: true }).dblclick();
    await expect(workspace.flagItem(1, 1)).toContainText('Accepted');
    await expect(workspace.targetCell(1)).toHaveValue(/^Laftit discute .* !$/);
    await expect(page.getByRole('alert').filter({ hasText: 'Someone else' })).toHaveCount(0);
    await expect(workspace.flagItems()).toHaveCount(1);
  });

  test('Ctrl+Z undoes a typed run as a whole, as in any text box, also after it autosaved', async ({
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Undoer');
    const cell = workspace.targetCell(2);
    const before = await cell.inputValue();
    await workspace.typeAtEnd(2, ' Ajout relu');
    await workspace.expectSaved();
    await page.keyboard.press('Control+z');
    await expect(cell).toHaveValue(before);
    await page.keyboard.press('Control+Shift+z');
    await expect(cell).toHaveValue(`${before} Ajout relu`);
  });

  test('an omission flagged in the Arabic source', async ({ workspace }) => {
    await workspace.openAs(SAMPLE_ID, 'Reviewer C');
    // Segment 1 of the source names the Interior minister; select his name, right to left.
    const source = await workspace.sourceCell(1).inputValue();
    const word = source.match(/لفتيت/)?.[0];
    expect(word, 'the source title names Laftit').toBeDefined();
    await workspace.selectText(workspace.sourceCell(1), word!);
    await workspace.flagSelection({ category: 'Accuracy — Omission', severity: 'Minor', comment: 'Check the name.' });
    const item = workspace.flagItem(1, 1);
    await expect(item).toContainText(`“${word}”`);
    await expect(item).toContainText('Omission');
    await expect(item).toContainText('Open');
    await workspace.closeFlag(1, 'Resolve', 'The name is there.');
    await expect(item).toContainText('Resolved');
    // In the activity feed the Arabic quote is isolated from the English sentence around it.
    await workspace.page.getByRole('tab', { name: 'Activity' }).click();
    const created = workspace.page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'flagged' });
    await expect(created).toContainText(`flagged “\u2068${word}\u2069”`);
  });

  test('flag dialog fields are named by their labels (help text is a description, not part of the name)', async ({
    workspace,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Screen reader user');
    await workspace.selectText(workspace.targetCell(1), 'Lafetet');
    await workspace.page.keyboard.press('Control+Shift+F');
    const dialog = workspace.flagDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Category', exact: true })).toBeFocused();
    await expect(dialog.getByRole('group', { name: 'Severity' }).getByRole('radio')).toHaveCount(4);
    await expect(dialog.getByRole('textbox', { name: 'Comment', exact: true })).toBeVisible();
    // A screen reader should hear "Correction", then the help once, as the description.
    const correction = dialog.getByRole('textbox', { name: 'Correction', exact: true });
    await expect(correction).toHaveAccessibleDescription('Replaces the selected words when the translator accepts.');
    await expect(correction).toHaveValue('Lafetet');

    // Submitted without a category: focus goes to the field, which now describes the problem.
    await correction.focus();
    await dialog.getByRole('button', { name: 'Create flag' }).click();
    const category = dialog.getByRole('combobox', { name: 'Category', exact: true });
    await expect(category).toBeFocused();
    await expect(category).toHaveAttribute('aria-invalid', 'true');
    await expect(category).toHaveAccessibleDescription(/category/i);
  });

  test('the side panel tabs are one Tab stop, chosen with the arrow keys, Home and End', async ({
    workspace,
    page,
  }) => {
    await workspace.openAs(SAMPLE_ID, 'Keyboard user');
    const tabs = page.getByRole('tablist', { name: 'Side panel' });
    const flags = tabs.getByRole('tab', { name: 'Flags' });
    await expect(tabs.getByRole('tab')).toHaveCount(5);
    await expect(tabs.locator('[tabindex="0"]')).toHaveCount(1);
    await flags.focus();
    await page.keyboard.press('ArrowRight');
    const qa = tabs.getByRole('tab', { name: /^QA/ });
    await expect(qa).toBeFocused();
    await expect(qa).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toHaveAccessibleName(/^QA/);
    await page.keyboard.press('End');
    await expect(tabs.getByRole('tab', { name: 'Activity' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(flags).toBeFocused();
    await expect(flags).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(flags).toBeFocused();
  });
});
