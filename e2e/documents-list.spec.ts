import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

// The documents list (issue #11): progress per document, search by title, filter by status, sort by any
// column (all kept in the URL), and the header's way back to it.

const SAMPLE = 'Laftit reçoit Darmanin (Rabat, 22 avril 2024)';

async function seed(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const create = async (title: string, n: number) => {
    const res = await page.request.post('/api/documents', {
      headers,
      data: {
        title,
        sourceLang: 'ar',
        targetLang: 'fr',
        segments: Array.from({ length: n }, (_, i) => ({ source: `جملة ${i + 1}`, target: `Phrase ${i + 1}` })),
      },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { document: { id: string; segments: { id: string }[] } }).document;
  };
  await create('Annexe 2', 3);
  const approved = await create('Annexe 10', 4);
  const report = await create('Rapport annuel', 2);
  const post = async (url: string, data: object) =>
    expect((await page.request.post(url, { headers, data })).status()).toBe(200);
  await post(`/api/documents/${approved.id}/approve-clean`, {});
  await post(`/api/documents/${approved.id}/status`, { action: 'approve' });
  await post(`/api/documents/${report.id}/segments/${report.segments[0]!.id}/status`, { action: 'approve' });
}

test('the documents list: progress, search by title, filter by status, sort by any column', async ({
  documents,
  page,
}) => {
  await documents.open();
  await documents.signIn('Librarian');
  await seed(page);
  await page.reload();
  const titles = () => page.getByRole('table', { name: 'Documents' }).getByRole('link');
  const count = page.getByRole('search', { name: 'Find documents' }).getByRole('status');
  await expect(count).toHaveText('4 of 4 documents');

  // Progress by column heading: approved segments out of all.
  const headers = await page.getByRole('columnheader').allTextContents();
  const report = await documents.row('Rapport annuel').getByRole('cell').allTextContents();
  expect(report[headers.indexOf('Approved')]).toBe('1 / 2 (50%)');
  expect(report[headers.indexOf('Status')]).toBe('In translation');
  // QA findings arrive apart (computed in a worker): none in these texts, some in the sample.
  const findingsOf = async (title: string) =>
    (await documents.row(title).getByRole('cell').allTextContents())[headers.indexOf('QA findings')];
  await expect.poll(() => findingsOf('Rapport annuel')).toBe('0');
  await expect.poll(async () => Number(await findingsOf(SAMPLE))).toBeGreaterThan(0);

  // Search by title: case and accents do not matter.
  await page.getByRole('searchbox', { name: 'Search titles' }).fill('ANNEXE');
  await expect(titles()).toHaveText(['Annexe 10', 'Annexe 2']);
  await expect(count).toHaveText('2 of 4 documents');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Approved');
  await expect(titles()).toHaveText(['Annexe 10']);
  await page.getByRole('searchbox', { name: 'Search titles' }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Any status');
  await expect(titles()).toHaveCount(4);

  // Sort by title (numbers in order), then the other way; by progress; the URL keeps it.
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(titles()).toHaveText(['Annexe 2', 'Annexe 10', SAMPLE, 'Rapport annuel']);
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(titles()).toHaveText(['Rapport annuel', SAMPLE, 'Annexe 10', 'Annexe 2']);
  await page.getByRole('button', { name: 'Approved' }).click();
  await page.getByRole('button', { name: 'Approved' }).click();
  await expect(page.getByRole('columnheader', { name: 'Approved' })).toHaveAttribute('aria-sort', 'descending');
  await expect(titles().first()).toHaveText('Annexe 10');
  await expect(titles().nth(1)).toHaveText('Rapport annuel');
  await page.getByRole('button', { name: 'Segments' }).click();
  await expect(titles()).toHaveText(['Rapport annuel', 'Annexe 2', 'Annexe 10', SAMPLE]);
  await page.screenshot({ path: 'test-results/documents-list.png' });
  await page.reload();
  await expect(titles()).toHaveText(['Rapport annuel', 'Annexe 2', 'Annexe 10', SAMPLE]);

  // The header leads back to the list from a document.
  await titles().first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport annuel');
  await expect(page.getByText('1 of 2 segments approved')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
});
