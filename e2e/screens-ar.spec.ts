import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E_PASSWORD } from './fixtures/accounts';
import { SAMPLE_ID, expect, test } from './fixtures/test';

/**
 * Every page in Arabic, wide and narrow (390 px): nothing runs off the side of the page (no horizontal
 * scroll), and a screenshot of each in /tmp/shots-ar/ to look at (SHOTS_DIR elsewhere).
 */
const DIR = process.env.SHOTS_DIR ?? '/tmp/shots-ar';

async function shoot(page: Page, name: string) {
  // The page itself never scrolls sideways (wide tables scroll inside their own box).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: the page is wider than the window by ${overflow} px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });
}

for (const [size, viewport] of [
  ['wide', { width: 1400, height: 900 }],
  ['narrow', { width: 390, height: 844 }],
] as const) {
  test(`every page in Arabic, ${size}`, async ({ newReviewerWorkspace, server }) => {
    test.setTimeout(180_000);
    mkdirSync(DIR, { recursive: true });
    await server.accounts.ensure('Amina', ['translator', 'reviewer', 'editor', 'admin']);
    const { page } = await newReviewerWorkspace({ locale: 'ar-MA', viewport });

    await page.goto('/login');
    const form = page.getByRole('form', { name: 'تسجيل الدخول' });
    await expect(form).toBeVisible();
    await shoot(page, `${size}-sign-in`);
    await form.getByRole('textbox', { name: 'اسم الدخول' }).fill('Amina');
    await form.getByLabel('كلمة المرور', { exact: true }).fill(E2E_PASSWORD);
    await form.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(form).toBeHidden();

    await page.goto('/');
    await expect(page.getByRole('table')).toBeVisible();
    await shoot(page, `${size}-documents`);

    await page.goto(`/documents/${SAMPLE_ID}`);
    await expect(page.getByRole('textbox', { name: 'ترجمة المقطع 1', exact: true })).toBeVisible();
    await shoot(page, `${size}-workspace`);
    for (const [tab, name] of [
      ['ضمان الجودة', 'qa'],
      ['التقييم', 'score'],
      ['النشاط', 'activity'],
    ] as const) {
      const button = page.getByRole('tab', { name: new RegExp(`^${tab}`) });
      if (!(await button.isVisible())) continue; // the narrow layout may hide the side panel
      await button.click();
      await shoot(page, `${size}-workspace-${name}`);
    }
    const target = page.getByRole('textbox', { name: 'ترجمة المقطع 1', exact: true });
    await target.focus();
    await target.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 7));
    await page.keyboard.press('Control+Shift+F');
    const dialog = page.getByRole('dialog', { name: 'تسجيل خطأ' });
    await expect(dialog).toBeVisible();
    await shoot(page, `${size}-flag-dialog`);
    await dialog.getByRole('button', { name: 'إلغاء' }).click();

    for (const [path, name] of [
      ['/admin/users', 'admin'],
      ['/mentions', 'mentions'],
      ['/account/password', 'account'],
      ['/no-such-page', 'not-found'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, `${size}-${name}`);
    }
  });
}

test('the QA tab in Arabic on a German translation: a spelling finding from the server, a covered one', async ({
  newReviewerWorkspace,
  server,
}) => {
  test.slow(); // dictionary-de loads in a fresh worker
  mkdirSync(DIR, { recursive: true });
  await server.accounts.ensure('Amina', ['translator', 'reviewer', 'editor', 'admin']);
  // Tall: the whole panel in view for its screenshot.
  const { page } = await newReviewerWorkspace({ locale: 'ar-MA', viewport: { width: 1400, height: 2000 } });
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'تسجيل الدخول' });
  await form.getByRole('textbox', { name: 'اسم الدخول' }).fill('Amina');
  await form.getByLabel('كلمة المرور', { exact: true }).fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(form).toBeHidden();
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const created = await page.request.post('/api/documents', {
    headers,
    data: {
      title: 'Wasserstoffbusse',
      sourceLang: 'en',
      targetLang: 'de',
      segments: [
        { source: 'It takes several hours.', target: 'Es dauert mehrere Stunnden.' },
        { source: 'The city has 48 buses.', target: 'Die Stadt hat 46 Busse.' },
      ],
    },
  });
  const { document } = (await created.json()) as { document: { id: string; segments: { id: string }[] } };
  const flag = { side: 'target', start: 14, end: 16, category: 'accuracy/mistranslation', severity: 'major' };
  const data = { ...flag, segmentId: document.segments[1]!.id, correction: '48', baseVersion: 1 };
  expect((await page.request.post(`/api/documents/${document.id}/flags`, { headers, data })).status()).toBe(201);
  await page.goto(`/documents/${document.id}`);
  await page.getByRole('tab', { name: /^ضمان الجودة/ }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Stunnden' })).toHaveCount(1, { timeout: 30_000 });
  await expect(panel.getByText('تغطّيه ملاحظة قائمة على هذه الكلمات')).toBeVisible();
  await panel.screenshot({ path: `${DIR}/wide-workspace-qa-german.png` });
});
