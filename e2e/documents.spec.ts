import { LAYOUT_SLACK_PX, expectAboveWindowBottom } from './fixtures/layout';
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

  test('an uneven pair of texts keeps the extra paragraph as a segment of its own', async ({
    documents,
    workspace,
    page,
  }) => {
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

test('in a very long paragraph, going to a flag brings its words into view, not just the cell', async ({
  documents,
  workspace,
  page,
}) => {
  await documents.open();
  await documents.enterName('Long reader');
  const filler = Array.from(
    { length: 90 },
    (_, i) => `Phrase de remplissage numéro ${i + 1}, assez longue pour passer à la ligne.`,
  ).join(' ');
  const target = `${filler} Ici se trouve le mot fautif à signaler.`;
  const source = Array.from({ length: 60 }, (_, i) => `جملة طويلة رقم ${i + 1} لملء الفقرة.`).join(' ');
  await documents.create({ title: 'Très long paragraphe', sourceText: source, targetText: target }, 1);
  await expect(workspace.targetCell(1)).toHaveValue(target);
  expect(target.length).toBeGreaterThan(5000);

  await workspace.selectText(workspace.targetCell(1), 'fautif');
  await workspace.flagSelection({
    quote: 'fautif',
    category: 'Fluency — Spelling',
    severity: 'Minor',
    correction: 'erroné',
  });
  // Back to the top, then choose the flag in the panel.
  await page.getByRole('table').evaluate((t) => t.parentElement!.scrollTo({ top: 0 }));
  await workspace.flagItem(1, 1).getByRole('button').first().click();
  // The highlight painted behind the words (the text itself is in the textarea).
  const mark = page.getByRole('table').getByText('fautif', { exact: true });
  await expect(mark).toBeInViewport();
  await expect.poll(() => workspace.selectedText(workspace.targetCell(1))).toBe('fautif');
});

test('a document of 600 segments: the heat strip fits the window, the page itself does not scroll', async ({
  documents,
  workspace,
  page,
}) => {
  await documents.open();
  await documents.enterName('Long reader');
  const source = Array.from({ length: 600 }, (_, i) => `الجملة رقم ${i + 1}.`).join('\n');
  const target = Array.from({ length: 600 }, (_, i) => `Phrase numéro ${i + 1}.`).join('\n');
  await documents.create({ title: 'Six cents segments', sourceText: source, targetText: target }, 600);
  await expect(workspace.targetCell(1)).toHaveValue('Phrase numéro 1.');
  // Rows are virtualized: the strip maps the whole document (a mark per segment with penalty points).
  const strip = page.getByRole('navigation', { name: 'MQM scorecard' });
  await expect(strip).toBeVisible();
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollHeight,
    window: window.innerHeight,
  }));
  expect(sizes.page).toBeLessThanOrEqual(sizes.window + LAYOUT_SLACK_PX);
  await expectAboveWindowBottom(strip, 'the heat strip');
});
