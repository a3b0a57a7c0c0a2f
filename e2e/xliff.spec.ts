import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const FIXTURE = new URL('../src/shared/formats/xliff/fixtures/features-2.2.xlf', import.meta.url);

/** Drops a file on the "Import a file (XLIFF)" section, as a drag from the desktop does. */
async function dropFile(page: Page, name: string, text: string) {
  const region = page.getByRole('region', { name: 'Import a file (XLIFF)' });
  const dataTransfer = await page.evaluateHandle(
    ([t, n]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/xliff+xml' }));
      return dt;
    },
    [text, name] as const,
  );
  await region.dispatchEvent('dragover', { dataTransfer });
  await region.dispatchEvent('drop', { dataTransfer });
  return region;
}

test.describe('XLIFF in and out', () => {
  test('drop an XLIFF, flag and correct, export: the file opens as XLIFF again with the correction and an ITS mark', async ({
    documents,
    workspace,
    page,
  }) => {
    // A long flow (two imports, a flag, an export, a third import): three times the usual time.
    test.slow();
    await documents.open();
    await documents.enterName('Reviewer X');
    const text = await readFile(FIXTURE, 'utf8');

    // 1. Drop the file: what was read is said plainly; the list says where the document came from.
    const region = await dropFile(page, 'features.xlf', text);
    await expect(region.getByRole('status')).toHaveText(
      'features.xlf: 3 units, 5 segments, 3 review marks, and 1 note. Open the document',
    );
    await expect(documents.row('features').getByRole('cell', { name: 'features.xlf (XLIFF 2.2)' })).toBeVisible();
    await page.screenshot({ path: '/tmp/e2e-shots/xliff-imported.png', fullPage: true });

    // 2. Dropping it again asks first.
    await dropFile(page, 'features.xlf', text);
    await expect(region.getByRole('alert')).toContainText('This file was already imported as “features”.');
    await region.getByRole('button', { name: 'Cancel' }).click();

    // 3. The workspace: codes as chips, notes, translate="no" read-only, imported flags.
    await documents.row('features').getByRole('link', { name: 'features' }).click();
    await expect(workspace.heading()).toHaveText('features');
    await expect(workspace.targetCell(1)).toHaveValue('Bonjour \ue000cher\ue001 monnde.\ue002');
    await expect(page.getByRole('list', { name: 'Notes from the file' })).toContainText(
      'The greeting on the home page.',
    );
    await expect(workspace.targetCell(3)).toHaveAttribute('aria-readonly', 'true');
    const row3 = page.getByRole('row').filter({ has: workspace.targetCell(3) });
    await expect(row3).toContainText('Not to be translated');
    await expect(row3.getByRole('button', { name: /Approve|Split/ })).toHaveCount(0);
    // Merge only within a unit: segment 1 with 2 (unit u1), 4 with 5 (u3); never into another unit.
    const merge = (n: number) => page.getByRole('button', { name: `Merge segment ${n} with the next` });
    await expect(merge(1)).toBeVisible();
    await expect(merge(4)).toBeVisible();
    await expect(merge(2)).toHaveCount(0);
    await expect(workspace.flagItems()).toHaveCount(3);
    await page.screenshot({ path: '/tmp/e2e-shots/xliff-workspace.png' });

    // 4. Flag "problèmes" in segment 5 with a correction; the translator accepts it.
    await workspace.selectText(workspace.targetCell(5), 'problèmes');
    await workspace.flagSelection({
      category: 'Style',
      severity: 'Minor',
      correction: 'soucis',
      comment: 'Plus léger',
    });
    await expect(workspace.flagItems()).toHaveCount(4);
    await workspace.acceptFlag(4);
    await expect(workspace.targetCell(5)).toHaveValue('Deux soucis.');

    // 5. Export: the XLIFF carries the correction and the ITS quality issue, with our exact fields.
    const download = page.waitForEvent('download');
    await workspace.toolbar.getByRole('link', { name: 'Export XLIFF' }).click();
    const file = await (await download).path();
    const exported = await readFile(file, 'utf8');
    expect((await download).suggestedFilename()).toBe('features.xlf');
    expect(exported).toMatch(
      /<mrk id="vv-[^"]+" type="its:generic" its:locQualityIssueType="style"[^>]*vv:status="accepted"[^>]*>soucis<\/mrk>/,
    );
    expect(exported).toContain('its:locQualityIssueComment="Plus léger → soucis"');

    // 6. The exported file opens as XLIFF again: a new document with the correction and the mark.
    await documents.open();
    const again = await dropFile(page, 'features-reviewed.xlf', exported);
    await expect(again.getByRole('status')).toHaveText(
      'features-reviewed.xlf: 3 units, 5 segments, 4 review marks, and 1 note. Open the document',
    );
    await again.getByRole('link', { name: 'Open the document' }).click();
    await expect(workspace.heading()).toHaveText('features-reviewed');
    await expect(workspace.targetCell(5)).toHaveValue('Deux soucis.');
    await expect(workspace.flagItems()).toHaveCount(4);
    await expect(workspace.flagItem(4, 5)).toContainText('Accepted');
  });

  test('a file that breaks XLIFF 2 is refused with the rule and the line', async ({ documents, page }) => {
    await documents.open();
    await documents.enterName('Editor Y');
    const bad = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="f"><unit id="u">
<segment state="final"><source>a</source></segment>
</unit></file></xliff>`;
    await page
      .getByLabel('XLIFF file')
      .setInputFiles({ name: 'bad.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(bad) });
    await expect(page.getByRole('alert')).toContainText(
      'bad.xlf: This XLIFF file cannot be read: Line 3: a segment in state "final" must have a target (rule: state-needs-target).',
    );
  });
});
