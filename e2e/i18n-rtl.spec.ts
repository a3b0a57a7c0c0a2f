import { E2E_PASSWORD } from './fixtures/accounts';
import { SAMPLE_ID, expect, test } from './fixtures/test';

test.describe('languages and directions', () => {
  test('Arabic sources are right-to-left, French translations left-to-right', async ({ workspace }) => {
    await workspace.openAs(SAMPLE_ID, 'Zineb');
    await expect(workspace.targetCells()).toHaveCount(13);
    for (const n of [1, 5, 9]) {
      await expect(workspace.sourceCell(n)).toHaveAttribute('lang', 'ar');
      await expect(workspace.sourceCell(n)).toHaveAttribute('dir', 'rtl');
      await expect(workspace.sourceCell(n)).toHaveAttribute('aria-readonly', 'true');
      await expect(workspace.targetCell(n)).toHaveAttribute('lang', 'fr');
      await expect(workspace.targetCell(n)).toHaveAttribute('dir', 'ltr');
      await expect(workspace.targetCell(n)).toBeEditable();
    }
    // Read-only for real: typing, deleting and pasting into the source change nothing.
    const before = await workspace.sourceCell(1).inputValue();
    await workspace.sourceCell(1).focus();
    await workspace.page.keyboard.press('End');
    await workspace.page.keyboard.type('xyz');
    await workspace.page.keyboard.press('Backspace');
    await expect(workspace.sourceCell(1)).toHaveValue(before);
    // The source text is really Arabic (and the direction is not just an attribute: the browser applies it).
    await expect(workspace.sourceCell(1)).toHaveValue(/[\u0600-\u06FF]/);
    await expect(workspace.sourceCell(1)).toHaveCSS('direction', 'rtl');
    await expect(workspace.targetCell(1)).toHaveCSS('direction', 'ltr');
    // The interface itself stays English and left-to-right.
    await expect(workspace.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(workspace.page.locator('html')).toHaveAttribute('dir', 'ltr');
  });

  test('switching the interface to French translates it and survives a reload', async ({ workspace, page }) => {
    await workspace.openAs(SAMPLE_ID, 'Camille');
    await expect(workspace.flagButton).toBeVisible();

    await workspace.chooseInterfaceLanguage('Français');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', 'fr');
    await expect(html).toHaveAttribute('dir', 'ltr');
    await expect(
      page.getByRole('toolbar', { name: 'Segments' }).getByRole('button', { name: 'Annoter la sélection' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Flag selection' })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Langue de l’interface' })).toHaveValue('fr');
    await expect(page.getByRole('textbox', { name: 'Traduction du segment 1', exact: true })).toHaveAttribute(
      'lang',
      'fr',
    );
    await expect(page.getByRole('complementary', { name: /^Annotations/ })).toBeVisible();
    await expect(page.getByText('arabe → français · 13 segments')).toBeVisible();
    // Content is not translated: only the interface is.
    await expect(page.getByRole('textbox', { name: 'Traduction du segment 1', exact: true })).toHaveValue(
      /^Lafetet discute/,
    );

    await page.reload();
    await expect(html).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Annoter la sélection' })).toBeVisible();
    await expect(page.getByText('Connecté·e en tant que Camille')).toBeVisible();

    // And back.
    await page.getByRole('combobox', { name: 'Langue de l’interface' }).selectOption({ label: 'English' });
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(workspace.flagButton).toBeVisible();
  });

  test('the sign-in page follows a French browser', async ({ newReviewerWorkspace, server }) => {
    await server.accounts.ensure('زينب');
    const { page } = await newReviewerWorkspace({ locale: 'fr-FR' });
    await page.goto(`/documents/${SAMPLE_ID}`);
    const form = page.getByRole('form', { name: 'Connexion' });
    await expect(form).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await form.getByRole('textbox', { name: 'Identifiant' }).fill('زينب');
    await form.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByText('Connecté·e en tant que زينب')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/documents/${SAMPLE_ID}$`));
  });
});
