import { E2E_ADMIN_PASSWORD, E2E_PASSWORD } from './fixtures/accounts';
import { LAYOUT_SLACK_PX } from './fixtures/layout';
import { SAMPLE_ID, expect, test } from './fixtures/test';

test.describe('accounts and roles', () => {
  test('an admin creates a translator, who signs in, sets a password and cannot flag', async ({
    documents,
    workspace,
    page,
  }) => {
    // The admin signs in (the account the first start created from ADMIN_PASSWORD).
    await documents.open();
    await documents.signIn('admin', { password: E2E_ADMIN_PASSWORD, create: false, displayName: 'Administrator' });
    // F17: the header links stand apart alike ("Users" and "Webhooks" ran together).
    const box = async (name: string) =>
      (await page.getByRole('banner').getByRole('link', { name, exact: true }).boundingBox())!;
    const [documentsBox, usersBox, webhooksBox] = [await box('Documents'), await box('Users'), await box('Webhooks')];
    const gapAfterDocuments = usersBox.x - (documentsBox.x + documentsBox.width);
    const gapAfterUsers = webhooksBox.x - (usersBox.x + usersBox.width);
    expect(gapAfterUsers).toBeGreaterThan(8);
    expect(Math.abs(gapAfterUsers - gapAfterDocuments)).toBeLessThanOrEqual(LAYOUT_SLACK_PX);
    await page.getByRole('banner').getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

    const form = page.getByRole('region', { name: 'New user' });
    await form.getByRole('textbox', { name: 'Display name' }).fill('Tariq Haddad');
    await form.getByRole('textbox', { name: 'Login' }).fill('tariq');
    await form.getByLabel('Password', { exact: true }).fill('first password');
    await form.getByRole('checkbox', { name: 'Translator' }).check();
    await expect(form.getByRole('checkbox', { name: 'Ask for a new password at first sign-in' })).toBeChecked();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByRole('status')).toHaveText('Tariq Haddad can now sign in as “tariq”.');
    const row = page.getByRole('row').filter({ hasText: 'tariq' });
    await expect(row.getByRole('cell', { name: 'Translator', exact: true })).toBeVisible();
    await expect(row).toContainText('must change password');

    await documents.signOut();
    await expect(page).toHaveURL(/\/login$/);

    // The translator signs in with the password the admin chose, and must choose their own.
    await documents.fillSignIn('tariq', 'first password');
    await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
    await page.getByLabel('Current password', { exact: true }).fill('first password');
    await page.getByLabel('New password', { exact: true }).fill('my own password');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('my own password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    const banner = page.getByRole('banner');
    await expect(banner.getByText('Working as Tariq Haddad')).toBeVisible();
    await expect(banner).toContainText('Roles: Translator');
    // No user management, no document creation for a translator.
    await expect(banner.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'New document from two texts' })).toHaveCount(0);

    await workspace.open(SAMPLE_ID);
    await expect(workspace.targetCell(1)).toBeEditable();
    // Flagging is a reviewer's: the button is hidden or disabled, whatever is selected.
    await workspace.targetCell(1).click();
    await page.keyboard.press('Control+A');
    await expect(workspace.toolbar.getByRole('button', { name: 'Flag selection', disabled: false })).toHaveCount(0);

    // And the server agrees, whatever the page shows.
    const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const refused = await page.request.post(`/api/documents/${SAMPLE_ID}/flags`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { segmentId: 'x', side: 'target', start: 0, end: 1, category: 'style', severity: 'minor', baseVersion: 1 },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');

    // The new password is the one that works now.
    await workspace.signOut();
    await workspace.fillSignIn('tariq', 'first password');
    await expect(page.getByRole('alert')).toHaveText('Wrong login or password.');
    await workspace.fillSignIn('tariq', 'my own password');
    await expect(page.getByRole('banner').getByText('Working as Tariq Haddad')).toBeVisible();
  });

  test('a viewer reads but cannot edit a translation', async ({ workspace, page }) => {
    await workspace.open(SAMPLE_ID);
    await workspace.signIn('Vera QA', { roles: ['viewer'] });
    await expect(page).toHaveURL(new RegExp(`/documents/${SAMPLE_ID}$`));
    await expect(page.getByRole('banner')).toContainText('Roles: Viewer');
    const cell = workspace.targetCell(1);
    await expect(cell).toHaveValue(/^Lafetet discute/);
    // Read-only the way the source cells are (a textarea that keeps selection and copy working).
    await expect(cell).toHaveAttribute('aria-readonly', 'true');
    const before = await cell.inputValue();
    await cell.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' xyz');
    await expect(cell).toHaveValue(before);
    await expect(workspace.toolbar.getByRole('button', { name: 'Flag selection', disabled: false })).toHaveCount(0);
    // Nothing was saved either.
    await page.reload();
    await expect(workspace.targetCell(1)).toHaveValue(before);
  });

  test('signing out ends the session; protected pages send back to sign-in', async ({ documents, page }) => {
    await documents.open();
    await documents.signIn('Amina');
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await documents.signOut();
    expect((await page.request.get('/api/session')).status()).toBe(401);
    await page.goto(`/documents/${SAMPLE_ID}`);
    await expect(documents.signInForm).toBeVisible();
    await expect(page).toHaveURL(/\/login\?next=%2Fdocuments%2Flaftit-darmanin$/);
    // Signing in again goes back where the user was going.
    await documents.signIn('Amina');
    await expect(page).toHaveURL(new RegExp(`/documents/${SAMPLE_ID}$`));
  });

  test('a wrong password shows an error and signs nobody in', async ({ documents, page, server }) => {
    await server.accounts.ensure('Amina');
    await page.goto('/login');
    await documents.fillSignIn('Amina', 'not the password');
    await expect(documents.signInForm.getByRole('alert')).toHaveText('Wrong login or password.');
    await expect(documents.signInForm).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.request.get('/api/session')).status()).toBe(401);
    // The right one still works (one failure is far from the rate limit).
    await documents.fillSignIn('Amina', E2E_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  });
});
