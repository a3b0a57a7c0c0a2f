import { expect, test } from './fixtures/test';

test.describe('documents', () => {
  test('the documents page lists the sample', async ({ documents, page }) => {
    await documents.open();
    await documents.enterName('Librarian');
    const row = documents.row('Laftit reçoit Darmanin (Rabat, 22 avril 2024)');
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell', { name: 'Arabic → French', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: '13', exact: true })).toBeVisible();
    // Columns by header, not by position in the DOM.
    const headers = await page.getByRole('columnheader').allTextContents();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[headers.indexOf('Segments')]).toBe('13');
    expect(cells[headers.indexOf('Languages')]).toBe('Arabic → French');
    expect(cells[headers.indexOf('Open flags')]).toBe('0');

    await row.getByRole('link', { name: 'Laftit reçoit Darmanin (Rabat, 22 avril 2024)' }).click();
    await expect(page).toHaveURL(/\/documents\/laftit-darmanin$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laftit reçoit Darmanin (Rabat, 22 avril 2024)');
    await expect(page.getByText('Arabic → French · 13 segments')).toBeVisible();
  });

  test('creating a document from two pasted texts opens its workspace', async ({ documents, workspace, page }) => {
    await documents.open();
    await documents.enterName('Importer');
    const source = ['عنوان المقال', 'الفقرة الأولى من النص.', 'الفقرة الثانية من النص.'].join('\n');
    const target = ['Titre de l’article', 'Premier paragraphe du texte.', 'Deuxième paragraphe du texte.'].join('\n');
    await documents.create({ title: 'Article de test', sourceText: source, targetText: target }, 3);

    await expect(page).toHaveURL(/\/documents\/[^/]+$/);
    await expect(workspace.heading()).toHaveText('Article de test');
    await expect(page.getByText('Arabic → French · 3 segments')).toBeVisible();
    await expect(workspace.targetCells()).toHaveCount(3);
    await expect(workspace.targetCell(1)).toHaveValue('Titre de l’article');
    await expect(workspace.targetCell(3)).toHaveValue('Deuxième paragraphe du texte.');
    await expect(workspace.sourceCell(2)).toHaveValue('الفقرة الأولى من النص.');
    await expect(workspace.sourceCell(2)).toHaveAttribute('dir', 'rtl');

    // Back on the list, both documents are there.
    await page.getByRole('link', { name: 'All documents' }).click();
    await expect(documents.row('Article de test').getByRole('cell', { name: '3', exact: true })).toBeVisible();
    await expect(documents.row('Laftit reçoit Darmanin (Rabat, 22 avril 2024)')).toHaveCount(1);
  });

  test('an uneven pair of texts keeps the extra paragraph as a segment of its own', async ({ documents, workspace, page }) => {
    await documents.open();
    await documents.enterName('Importer');
    await documents.create(
      {
        title: 'Uneven',
        sourceLang: 'English (en)',
        targetLang: 'French (fr)',
        sourceText: 'One.\nTwo.',
        targetText: 'Un.\nDeux.\nTrois.',
      },
      3,
    );
    await expect(workspace.heading()).toHaveText('Uneven');
    await expect(page.getByText('English → French · 3 segments')).toBeVisible();
    await expect(workspace.targetCell(3)).toHaveValue('Trois.');
    await expect(page.getByText('No source: this paragraph exists only in the translation')).toBeVisible();
    await expect(workspace.sourceCell(1)).toHaveAttribute('dir', 'ltr');
    await expect(workspace.sourceCell(1)).toHaveAttribute('lang', 'en');
  });
});
