import { expect, type Locator, type Page } from '@playwright/test';
import { accountsOf, DEFAULT_ROLES, E2E_PASSWORD, type Role } from '../fixtures/accounts';

/** What every page of the app has: the header (account, language) and, signed out, the sign-in form. */
export class AppPage {
  readonly signInForm: Locator;
  readonly interfaceLanguage: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.signInForm = page.getByRole('form', { name: 'Sign in' });
    // The label wraps the select, so its name also carries the chosen option: match the label's start.
    this.interfaceLanguage = page.getByRole('combobox', { name: /^(Interface language|Langue de l’interface)/ });
    this.signOutButton = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  }

  /**
   * Signs in as the test user `name` (login and display name; created on first use with translator,
   * reviewer and editor roles). Kept under its old name: the specs used to type a name here.
   */
  async enterName(name: string) {
    await this.signIn(name);
  }

  /**
   * Signs in through the form: the one on screen (a protected page sends there and back afterwards), or
   * /login. The account is created first unless `create` is false (admin, or one made in the UI).
   */
  async signIn(
    name: string,
    { password = E2E_PASSWORD, roles = DEFAULT_ROLES, create = true, displayName = name }: SignInOptions = {},
  ) {
    if (create) await accountsOf(this.page).ensure(name, roles, password);
    if (!(await this.signInForm.isVisible())) {
      if (!new URL(this.page.url(), 'http://x').pathname.startsWith('/login')) await this.page.goto('/login');
      await expect(this.signInForm).toBeVisible();
    }
    await this.fillSignIn(name, password);
    await expect(this.signInForm).toBeHidden();
    await expect(this.page.getByRole('banner').getByText(`Working as ${displayName}`)).toBeVisible();
  }

  async fillSignIn(login: string, password: string) {
    await this.signInForm.getByRole('textbox', { name: 'Login' }).fill(login);
    await this.signInForm.getByLabel('Password', { exact: true }).fill(password);
    await this.signInForm.getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut() {
    await this.signOutButton.click();
    await expect(this.signInForm).toBeVisible();
  }

  async chooseInterfaceLanguage(label: 'English' | 'Français') {
    await this.interfaceLanguage.selectOption({ label });
  }
}

export interface SignInOptions {
  password?: string;
  roles?: readonly Role[];
  create?: boolean;
  /** What the header shows after signing in (the name, unless the account says otherwise). */
  displayName?: string;
}
