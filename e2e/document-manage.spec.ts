import { expect, test } from './fixtures/test';

test.describe('managing documents', () => {
  test('rename, archive, restore, and delete (admin, after confirming)', async ({ documents, page }) => {
    // A long flow (create, rename, archive, restore, delete): three times the usual time.
    test.slow();
    await documents.open();
    await documents.signIn('Ada', { roles: ['admin'] });
    const form = documents.createForm;
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Brouillon');
    await form.getByRole('textbox', { name: 'Source text', exact: true }).fill('نص');
    await form.getByRole('textbox', { name: 'Translation', exact: true }).fill('Texte');
    await form.getByRole('radio', { name: /^Skip alignment/ }).check();
    await form.getByRole('button', { name: 'Create document' }).click();
    await expect(page).toHaveURL(/\/documents\/[^/]+$/);
    await documents.open();

    // Rename.
    await documents.row('Brouillon').getByRole('button', { name: 'Rename Brouillon' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename the document' });
    await rename.getByRole('textbox', { name: 'New title' }).fill('Article final');
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toBeHidden();
    await expect(documents.row('Article final')).toHaveCount(1);

    // Archive: hidden from the list until asked for; restore.
    await documents.row('Article final').getByRole('button', { name: 'Archive Article final' }).click();
    await expect(documents.row('Article final')).toHaveCount(0);
    await page.getByRole('checkbox', { name: /Show archived documents/ }).check();
    await expect(documents.row('Article final')).toContainText('Archived');
    await page.screenshot({ path: '/tmp/e2e-shots/documents-archived.png', fullPage: true });
    await documents.row('Article final').getByRole('button', { name: 'Restore Article final' }).click();
    await expect(documents.row('Article final')).not.toContainText('Archived');

    // Delete: asks first; cancelling keeps it.
    await documents.row('Article final').getByRole('button', { name: 'Delete Article final' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Article final”?' });
    await expect(confirm).toContainText('nothing is kept');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(documents.row('Article final')).toHaveCount(1);
    await documents.row('Article final').getByRole('button', { name: 'Delete Article final' }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect(documents.row('Article final')).toHaveCount(0);
  });

  test('a reviewer sees no actions it may not take', async ({ documents, page }) => {
    await documents.open();
    await documents.signIn('Rita', { roles: ['reviewer'] });
    const row = documents.row('Laftit reçoit Darmanin (Rabat, 22 avril 2024)');
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Import a file (XLIFF)' })).toHaveCount(0);
  });
});
