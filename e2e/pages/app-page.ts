import { expect, type Locator, type Page } from '@playwright/test';

/** What every page of the app has: the "Who is reviewing?" dialog and the header. */
export class AppPage {
  readonly nameDialog: Locator;
  readonly interfaceLanguage: Locator;

  constructor(readonly page: Page) {
    this.nameDialog = page.getByRole('dialog', { name: 'Who is reviewing?' });
    // The label wraps the select, so its name also carries the chosen option: match the label's start.
    this.interfaceLanguage = page.getByRole('combobox', { name: /^(Interface language|Langue de l’interface)/ });
  }

  /** Answers the first-visit dialog; the name is then recorded on every change. */
  async enterName(name: string) {
    await expect(this.nameDialog).toBeVisible();
    await this.nameDialog.getByRole('textbox', { name: 'Your name' }).fill(name);
    await this.nameDialog.getByRole('button', { name: 'Continue' }).click();
    await expect(this.nameDialog).toBeHidden();
    await expect(this.page.getByText(`Working as ${name}`)).toBeVisible();
  }

  async chooseInterfaceLanguage(label: 'English' | 'Français') {
    await this.interfaceLanguage.selectOption({ label });
  }
}
