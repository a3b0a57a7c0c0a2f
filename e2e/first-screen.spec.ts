import type { Page } from '@playwright/test';
import { SAMPLE_ID, expect, test } from './fixtures/test';

// Issue #10, a cold load on a slow network: the server draws the workspace's first rows into the page, their
// translation cells editable before the app's code has arrived; the app takes over what was typed there.

/** Holds back every script until `release()` (as a slow network would), so the first screen stays up. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/assets/*.js', async (route) => {
    await released;
    await route.fallback();
  });
  return release;
}

test.describe('the first screen, before the app', () => {
  test.slow();

  test('can be read and typed in; the app keeps the text, the focus and the caret, and saves it', async ({
    workspace: ws,
    page,
  }) => {
    await ws.openAs(SAMPLE_ID, 'Amina');
    const release = await holdScripts(page);
    await page.reload({ waitUntil: 'commit' });

    await expect(page.getByRole('status').filter({ hasText: 'You can already type' })).toBeVisible();
    await expect(ws.heading()).toHaveText(/Laftit/);
    // The app has not run: no toolbar yet.
    await expect(ws.toolbar).toHaveCount(0);
    const original = await ws.targetCell(2).inputValue();
    await ws.targetCell(1).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' — avant');
    // The keyboard moves between the cells as in the app.
    await page.keyboard.press('Tab');
    await expect(ws.targetCell(2)).toBeFocused();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Déjà : ');

    release();
    await expect(ws.toolbar).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'You can already type' })).toHaveCount(0);
    // The focus and the caret are where they were: the next keys land right after what was typed.
    await expect(ws.targetCell(2)).toBeFocused();
    await page.keyboard.type('X');
    await expect(ws.targetCell(2)).toHaveValue(`Déjà : X${original}`);
    await expect(ws.targetCell(1)).toHaveValue(/ — avant$/);
    await ws.expectSaved();

    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    await expect(ws.toolbar).toBeVisible();
    await expect(ws.targetCell(1)).toHaveValue(/ — avant$/);
    await expect(ws.targetCell(2)).toHaveValue(`Déjà : X${original}`);
  });

  test('speaks the interface language chosen in the app, right to left in Arabic', async ({ workspace: ws, page }) => {
    await ws.openAs(SAMPLE_ID, 'Amina');
    await ws.interfaceLanguage.selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const release = await holdScripts(page);
    await page.reload({ waitUntil: 'commit' });
    await expect(page.getByRole('textbox', { name: 'ترجمة المقطع 1', exact: true })).toBeEditable();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.screenshot({ path: test.info().outputPath('first-screen-ar.png') });
    release();
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'ترجمة المقطع 1', exact: true })).toBeEditable();
  });
});
