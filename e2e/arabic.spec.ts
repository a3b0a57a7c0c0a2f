import type { Page } from '@playwright/test';
import { E2E_PASSWORD } from './fixtures/accounts';
import { SAMPLE_ID, expect, test } from './fixtures/test';

/** Signs in through the Arabic form (an Arabic browser gets the Arabic interface from the start). */
async function signInArabic(page: Page, login: string) {
  const form = page.getByRole('form', { name: 'تسجيل الدخول' });
  await expect(form).toBeVisible();
  await form.getByRole('textbox', { name: 'اسم الدخول' }).fill(login);
  await form.getByLabel('كلمة المرور', { exact: true }).fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(form).toBeHidden();
}

test('an Arabic browser gets the Arabic interface, right to left and mirrored; the text cells keep their own direction', async ({
  newReviewerWorkspace,
  server,
}) => {
  await server.accounts.ensure('Amina');
  const { page } = await newReviewerWorkspace({ locale: 'ar-MA' });
  await page.goto(`/documents/${SAMPLE_ID}`);
  await signInArabic(page, 'Amina');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('combobox', { name: 'لغة الواجهة' })).toHaveValue('ar');
  await expect(page.getByText('العربية ← الفرنسية · 13 مقطعًا')).toBeVisible();

  const source = page.getByRole('textbox', { name: 'مصدر المقطع 1', exact: true });
  const target = page.getByRole('textbox', { name: 'ترجمة المقطع 1', exact: true });
  await expect(source).toHaveAttribute('lang', 'ar');
  await expect(source).toHaveCSS('direction', 'rtl');
  // The French translation stays left to right inside the right-to-left interface.
  await expect(target).toHaveAttribute('lang', 'fr');
  await expect(target).toHaveAttribute('dir', 'ltr');
  await expect(target).toHaveCSS('direction', 'ltr');

  // Mirrored: the source column is on the right, the translation on its left; the app's name starts the
  // header on the right, the side panel is on the left of the segments.
  const [s, t] = [(await source.boundingBox())!, (await target.boundingBox())!];
  expect(s.x).toBeGreaterThan(t.x + t.width - 1);
  const brand = (await page.getByRole('link', { name: 'Vis-à-vis' }).boundingBox())!;
  const langSwitch = (await page.getByRole('combobox', { name: 'لغة الواجهة' }).boundingBox())!;
  expect(brand.x).toBeGreaterThan(langSwitch.x);
  const panel = (await page.getByRole('tablist', { name: 'اللوحة الجانبية' }).boundingBox())!;
  expect(panel.x).toBeLessThan(t.x);
});

test('Arabic plural forms: one, two, and few as the counts change', async ({ newReviewerWorkspace, server }) => {
  await server.accounts.ensure('Amina');
  const { page } = await newReviewerWorkspace({ locale: 'ar' });
  await page.goto(`/documents/${SAMPLE_ID}`);
  await signInArabic(page, 'Amina');
  const flagsHeading = page.getByRole('heading', { name: /^الملاحظات \(/ });
  await expect(flagsHeading).toHaveText('الملاحظات (لا ملاحظات)');

  await page.getByRole('tab', { name: /^ضمان الجودة/ }).click();
  const findings = page.getByRole('list', { name: /^الفحوص التلقائية/ }).getByRole('listitem');
  await expect(findings).toHaveCount(11);
  await expect(page.getByRole('heading', { name: /^الفحوص التلقائية/ })).toHaveText('الفحوص التلقائية (11 نتيجةً)');
  const confirmFirst = async (left: number) => {
    await findings.first().getByRole('button', { name: 'تأكيدها ملاحظةً' }).click();
    await expect(findings).toHaveCount(left);
  };
  await confirmFirst(10);
  await confirmFirst(9);
  await expect(page.getByRole('heading', { name: /^الفحوص التلقائية/ })).toHaveText('الفحوص التلقائية (9 نتائج)');
  await page.getByRole('tab', { name: /^الملاحظات/ }).click();
  // Two flags: the dual ("two" form), not "2 ملاحظات".
  await expect(flagsHeading).toHaveText('الملاحظات (ملاحظتان)');
  await page.getByRole('tab', { name: /^ضمان الجودة/ }).click();
  await confirmFirst(8);
  await page.getByRole('tab', { name: /^الملاحظات/ }).click();
  // Three: the "few" form (3–10).
  await expect(flagsHeading).toHaveText('الملاحظات (3 ملاحظات)');
});
