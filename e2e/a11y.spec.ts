import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_PASSWORD } from './fixtures/accounts';
import { SAMPLE_ID, expect, test } from './fixtures/test';

/**
 * axe-core on every page, in English and in Arabic (right to left): no serious or critical violation of
 * WCAG 2.0, 2.1 and 2.2 A/AA. The workspace is checked with each side-panel tab and with dialogs open.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** `within`: only that part (a dialog, a tab panel) when the rest of the page was checked just before. */
async function expectNoSeriousViolations(page: Page, where: string, within?: string) {
  const started = Date.now();
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  test.info().annotations.push({ type: 'axe', description: `${where}: ${Date.now() - started} ms` });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, where).toEqual([]);
}

const UI = {
  en: {
    locale: 'en-GB',
    signIn: 'Sign in',
    login: 'Login',
    password: 'Password',
    tabs: ['Flags', 'QA', 'Score', 'Activity'],
    shortcuts: 'Keyboard shortcuts',
    goTo: 'Go to segment',
    flag: 'Flag an error',
    flagButton: 'Flag selection',
    cancel: 'Cancel',
    target: 'Translation of segment 1',
  },
  ar: {
    locale: 'ar-MA',
    signIn: 'تسجيل الدخول',
    login: 'اسم الدخول',
    password: 'كلمة المرور',
    tabs: ['الملاحظات', 'ضمان الجودة', 'التقييم', 'النشاط'],
    shortcuts: 'اختصارات لوحة المفاتيح',
    goTo: 'الانتقال إلى مقطع',
    flag: 'تسجيل خطأ',
    flagButton: 'تسجيل ملاحظة على التحديد',
    cancel: 'إلغاء',
    target: 'ترجمة المقطع 1',
  },
} as const;

for (const lang of ['en', 'ar'] as const) {
  const ui = UI[lang];
  test(`no serious or critical accessibility violation on any page (${lang})`, async ({
    newReviewerWorkspace,
    server,
  }) => {
    test.setTimeout(400_000);
    await server.accounts.ensure('Amina', ['translator', 'reviewer', 'editor', 'admin']);
    // A browser in that language: the interface follows it.
    const { page } = await newReviewerWorkspace({ locale: ui.locale });

    await page.goto('/login');
    const form = page.getByRole('form', { name: ui.signIn });
    await expect(form).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoSeriousViolations(page, 'sign-in');
    await form.getByRole('textbox', { name: ui.login }).fill('Amina');
    await form.getByLabel(ui.password, { exact: true }).fill(E2E_PASSWORD);
    await form.getByRole('button', { name: ui.signIn }).click();
    await expect(form).toBeHidden();

    await page.goto('/');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, 'documents');

    await page.goto(`/documents/${SAMPLE_ID}`);
    await expect(page.getByRole('textbox', { name: ui.target, exact: true })).toBeVisible();
    for (const tab of ui.tabs) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
      // The whole workspace once; then only the panel that changes (axe takes 10–30 s a page here).
      await expectNoSeriousViolations(
        page,
        `workspace, ${tab} tab`,
        tab === ui.tabs[0] ? undefined : '[role="tabpanel"]',
      );
    }

    await page.getByRole('button', { name: ui.shortcuts }).click();
    await expect(page.getByRole('dialog', { name: ui.shortcuts })).toBeVisible();
    await expectNoSeriousViolations(page, 'keyboard shortcuts dialog', 'dialog[open]');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+g');
    await expect(page.getByRole('dialog', { name: ui.goTo })).toBeVisible();
    await expectNoSeriousViolations(page, 'go-to dialog', 'dialog[open]');
    await page.keyboard.press('Escape');

    // The flag dialog, on words selected in a translation cell.
    const target = page.getByRole('textbox', { name: ui.target, exact: true });
    await target.focus();
    await target.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 7));
    await page.getByRole('button', { name: ui.flagButton }).click();
    await expect(page.getByRole('dialog', { name: ui.flag })).toBeVisible();
    await expectNoSeriousViolations(page, 'flag dialog', 'dialog[open]');
    await page.getByRole('dialog', { name: ui.flag }).getByRole('button', { name: ui.cancel }).click();

    for (const [path, what] of [
      ['/admin/users', 'admin'],
      ['/mentions', 'mentions'],
      ['/account/password', 'account'],
      ['/no-such-page', 'not found'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, what);
    }
  });
}
