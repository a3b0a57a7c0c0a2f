import { readFile } from 'node:fs/promises';
import { SAMPLE_ID, expect, test } from './fixtures/test';

// Issue #14: what goes back to the client, from the workspace's "More exports" menu.
test('exports TMX, clean text, the glossary as TBX and the LQA report, and opens the printable report', async ({
  workspace,
}) => {
  test.setTimeout(120_000);
  await workspace.open(SAMPLE_ID);
  await workspace.signIn('Rania', { roles: ['reviewer', 'editor'] });
  await expect(workspace.targetCell(1)).toBeVisible();
  // One flag, so the report has an issue to list.
  await workspace.selectText(workspace.targetCell(1), 'Lafetet', 1, 'pointer');
  await workspace.flagSelection({ category: 'Fluency — Spelling', severity: 'Major', correction: 'Laftit' });
  await expect(workspace.flagItems()).toHaveCount(1);

  const { page } = workspace;
  const menu = workspace.toolbar.getByRole('button', { name: 'More exports' });
  const exportFile = async (name: string) => {
    await menu.click();
    const download = page.waitForEvent('download');
    await workspace.toolbar.getByRole('link', { name }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  };

  // Each file is named after the document: `<title>.<ext>`.
  const title = 'Laftit reçoit Darmanin (Rabat, 22 avril 2024)';
  const tmx = await exportFile('Translation memory (TMX)');
  expect(tmx.name).toBe(`${title}.tmx`);
  expect(tmx.text).toContain('<tmx version="1.4"');
  const txt = await exportFile('Clean text (TXT)');
  expect(txt.name).toBe(`${title}.txt`);
  expect(txt.text).toContain('Darmanin');
  const tbx = await exportFile('Glossary (TBX)');
  expect(tbx.name).toBe(`${title}.tbx`);
  expect(tbx.text).toContain('<tbx');
  const csv = await exportFile('LQA report (CSV)');
  expect(csv.name).toBe(`${title}.csv`);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text).toContain('Lafetet');
  const html = await exportFile('LQA report (HTML file)');
  expect(html.name).toBe(`${title}.html`);
  expect(html.text).toContain('<style>');
  expect(html.text).toContain('Lafetet');

  // The printable report opens in a tab of its own, styled by its own stylesheet (the app's CSP holds).
  await menu.click();
  const [report] = await Promise.all([
    page.context().waitForEvent('page'),
    workspace.toolbar.getByRole('link', { name: 'LQA report (printable page)' }).click(),
  ]);
  await report.waitForLoadState();
  await expect(report.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(report.getByRole('table').first()).toBeVisible();
  await expect(report.getByText('Lafetet').first()).toBeVisible();
  const styled = await report.evaluate(
    () => document.styleSheets.length > 0 && document.styleSheets[0]!.cssRules.length > 0,
  );
  expect(styled).toBe(true);
});
