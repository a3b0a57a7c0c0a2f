import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace's find & replace, filter, go-to and shortcut help (issue #11). */
export class FindTools {
  readonly search: Locator;
  readonly query: Locator;
  readonly count: Locator;
  readonly replaceWith: Locator;
  readonly replaceButton: Locator;
  readonly replaceDialog: Locator;
  readonly filter: Locator;
  readonly filterCount: Locator;
  readonly goToDialog: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('search', { name: 'Find in the document' });
    this.query = this.search.getByRole('searchbox', { name: 'Find' });
    this.count = this.search.getByRole('status');
    this.replaceWith = this.search.getByRole('textbox', { name: 'Replace with' });
    this.replaceButton = this.search.getByRole('button', { name: 'Replace…' });
    this.replaceDialog = page.getByRole('dialog', { name: /^Replace “/ });
    this.filter = page.getByRole('group', { name: 'Show only segments' });
    this.filterCount = this.filter.getByRole('status');
    this.goToDialog = page.getByRole('dialog', { name: 'Go to segment' });
    this.help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** The options and the replace row are folded by default: unfolds them (once; the choice is kept). */
  async openOptions() {
    const toggle = this.search.getByRole('button', { name: /^Options/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  option(name: string) {
    return this.search.getByRole('checkbox', { name });
  }

  async find(query: string, options: string[] = []) {
    if (options.length > 0) await this.openOptions();
    for (const o of options) await this.option(o).check();
    await this.query.fill(query);
  }

  async goTo(n: number) {
    await this.page.keyboard.press('Control+g');
    await expect(this.goToDialog).toBeVisible();
    await this.goToDialog.getByRole('spinbutton', { name: /^Segment number/ }).fill(String(n));
    await this.goToDialog.getByRole('spinbutton').press('Enter');
    await expect(this.goToDialog).toBeHidden();
  }
}
