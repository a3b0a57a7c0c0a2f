import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export type Severity = 'Neutral' | 'Minor' | 'Major' | 'Critical';

export interface FlagInput {
  /** The option label, e.g. "Fluency — Spelling", "Accuracy — Mistranslation". */
  category: string;
  severity?: Severity;
  /** Left as pre-filled (the selected words) when omitted. */
  correction?: string;
  comment?: string;
  /** The selected words: checked in the dialog's quote and the pre-filled correction. */
  quote?: string;
  /** Open the dialog with Ctrl+Shift+F in the cell (default) or the toolbar button. */
  via?: 'shortcut' | 'toolbar';
}

/** The review workspace of one document (`/documents/:id`). */
export class WorkspacePage extends AppPage {
  readonly toolbar: Locator;
  readonly saveStatus: Locator;
  readonly flagButton: Locator;
  readonly flagDialog: Locator;
  readonly flagsPanel: Locator;
  readonly reasonDialog: Locator;
  readonly conflictDialog: Locator;
  /** Who has the document open (live review): each person's initials, named in full. */
  readonly presenceList: Locator;

  constructor(page: Page) {
    super(page);
    this.toolbar = page.getByRole('toolbar', { name: 'Segments' });
    this.saveStatus = this.toolbar.getByRole('status');
    this.flagButton = this.toolbar.getByRole('button', { name: 'Flag selection' });
    this.flagDialog = page.getByRole('dialog', { name: 'Flag an error' });
    // Its heading reads "Flags (2 flags)".
    this.flagsPanel = page.getByRole('complementary', { name: /^Flags\b/ });
    this.reasonDialog = page.getByRole('dialog', { name: /^(Reject|Resolve) this flag$/ });
    this.conflictDialog = page.getByRole('dialog', { name: /^Segment \d+ was changed by someone else$/ });
    this.presenceList = page.getByRole('list', { name: 'People with this document open' });
  }

  /**
   * Opens the document and waits for the app: a signed-in reader first gets the server's first screen (its cells
   * editable, no toolbar, no shortcuts), which the app then takes over.
   */
  async open(docId: string) {
    await this.page.goto(`/documents/${encodeURIComponent(docId)}`);
    await this.appTookOver();
  }

  /** The server's first screen is gone (the app has taken over, or there was none). */
  async appTookOver() {
    await this.page.waitForFunction(() => !document.getElementById('first-screen'));
  }

  /** Opens the document, answering the name dialog on a first visit in this browser context. */
  async openAs(docId: string, name: string) {
    await this.open(docId);
    await this.enterName(name);
    await expect(this.toolbar).toBeVisible();
    await expect(this.targetCell(1)).toBeVisible();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  sourceCell(n: number) {
    return this.page.getByRole('textbox', { name: `Source of segment ${n}`, exact: true });
  }

  targetCell(n: number) {
    return this.page.getByRole('textbox', { name: `Translation of segment ${n}`, exact: true });
  }

  /** Every translation cell (one per segment). */
  targetCells() {
    return this.page.getByRole('textbox', { name: /^Translation of segment \d+$/ });
  }

  /** The segment (1-based) whose translation contains `text`, read from the cells on screen. */
  async segmentContaining(text: string): Promise<number> {
    const values = await this.targetCells().evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    const i = values.findIndex((v) => v.includes(text));
    expect(i, `a translation containing "${text}"`).toBeGreaterThanOrEqual(0);
    return i + 1;
  }

  /**
   * Selects `text` (its `occurrence`-th appearance) in a cell. `keyboard` (the default for editable cells):
   * the caret goes before the words, then Shift+→ (Shift+← in right-to-left text, where arrows move
   * visually) extends the selection over them, as a keyboard user does. `pointer` (the default for read-only
   * cells, where Chromium moves no caret): the selection a mouse drag over the words leaves, set directly.
   */
  async selectText(cell: Locator, text: string, occurrence = 1, by?: 'keyboard' | 'pointer') {
    const start = await cell.evaluate(
      (el, [t, n]) => {
        const value = (el as HTMLTextAreaElement).value;
        let at = -1;
        for (let k = 0; k < n; k++) {
          at = value.indexOf(t, at + 1);
          if (at < 0) return -1;
        }
        return at;
      },
      [text, occurrence] as const,
    );
    expect(start, `occurrence ${occurrence} of "${text}" in the cell`).toBeGreaterThanOrEqual(0);
    await cell.focus();
    const { readOnly, rtl } = await cell.evaluate((el) => ({
      readOnly: (el as HTMLTextAreaElement).readOnly,
      rtl: getComputedStyle(el).direction === 'rtl',
    }));
    if ((by ?? (readOnly ? 'pointer' : 'keyboard')) === 'pointer') {
      await cell.evaluate((el, [s, e]) => (el as HTMLTextAreaElement).setSelectionRange(s, e), [
        start,
        start + text.length,
      ] as const);
    } else {
      await cell.evaluate((el, at) => (el as HTMLTextAreaElement).setSelectionRange(at, at), start);
      const key = rtl ? 'Shift+ArrowLeft' : 'Shift+ArrowRight';
      for (let i = 0; i < text.length; i++) await this.page.keyboard.press(key);
    }
    await expect.poll(() => this.selectedText(cell), { message: `"${text}" is selected`, timeout: 5_000 }).toBe(text);
    // The toolbar button follows the selection the app has seen.
    await expect(this.flagButton).toBeEnabled();
  }

  /** The text selected in a cell. */
  selectedText(cell: Locator) {
    return cell.evaluate((el) => {
      const t = el as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
  }

  /** Flags the current selection through the "Flag an error" dialog. */
  async flagSelection({ category, severity, correction, comment, quote, via = 'shortcut' }: FlagInput) {
    if (via === 'shortcut') await this.page.keyboard.press('Control+Shift+F');
    else await this.flagButton.click();
    const dialog = this.flagDialog;
    await expect(dialog).toBeVisible();
    if (quote !== undefined) {
      await expect(dialog.getByText(quote, { exact: true })).toBeVisible();
      await expect(dialog.getByRole('textbox', { name: /^Correction/ })).toHaveValue(quote);
    }
    await dialog.getByRole('combobox', { name: /^Category/ }).selectOption({ label: category });
    if (severity) await dialog.getByRole('radio', { name: severity, exact: true }).check();
    if (correction !== undefined) await dialog.getByRole('textbox', { name: /^Correction/ }).fill(correction);
    if (comment !== undefined) await dialog.getByRole('textbox', { name: 'Comment', exact: true }).fill(comment);
    await dialog.getByRole('button', { name: 'Create flag' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The n-th flag of the side panel (flags are numbered in reading order). */
  flagItem(n: number, segment?: number) {
    const name =
      segment === undefined ? new RegExp(`^Go to flag ${n} in segment \\d+$`) : `Go to flag ${n} in segment ${segment}`;
    return this.flagsPanel.getByRole('listitem', { name, exact: true });
  }

  flagItems() {
    return this.flagsPanel.getByRole('listitem', { name: /^Go to flag \d+ in segment \d+$/ });
  }

  async acceptFlag(n: number) {
    const item = this.flagItem(n);
    await item.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(item).toContainText('Accepted');
  }

  /** Reject or resolve: both ask why, for the history. */
  async closeFlag(n: number, action: 'Reject' | 'Resolve', reason: string) {
    await this.flagItem(n).getByRole('button', { name: action, exact: true }).click();
    await expect(this.reasonDialog).toBeVisible();
    await this.reasonDialog.getByRole('textbox', { name: 'Why? (recorded in the history)' }).fill(reason);
    await this.reasonDialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(this.reasonDialog).toBeHidden();
  }

  /** Types at the end of a translation with the keyboard; autosave starts ~500 ms after the last key. */
  async typeAtEnd(n: number, text: string) {
    const cell = this.targetCell(n);
    await cell.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  async expectUnsaved() {
    await expect(this.saveStatus).toHaveText(/^(Unsaved changes|Saving…)$/);
  }
}
