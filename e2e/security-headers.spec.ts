import type { Page } from '@playwright/test';
import { SAMPLE_ID, expect, test } from './fixtures/test';

// The server sends a strict Content-Security-Policy (default-src 'self', no inline script or style,
// frame-ancestors 'none'). The built UI must work under it: not one violation while a person signs in and
// uses the workspace. Violations are collected in the page (securitypolicyviolation events, installed before
// any of the app's code runs) and from the console, where Chromium reports blocked loads.

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) fromConsole.push(msg.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => window.__cspViolations ?? []))];
}

test('the UI works under the Content-Security-Policy: signing in, flagging, accepting, history, score, QA, French', async ({
  workspace,
  page,
}) => {
  test.slow(); // a long walk through the app
  const violations = await collectViolations(page);
  const response = await page.goto(`/documents/${SAMPLE_ID}`);
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  await workspace.signIn('Careful reviewer');
  await expect(workspace.targetCell(1)).toBeVisible();

  // Flag a word (the dialog, the highlight painted with inline style properties), then accept it.
  await workspace.selectText(workspace.targetCell(1), 'Lafetet');
  await workspace.flagSelection({ category: 'Fluency — Spelling', severity: 'Major', correction: 'Laftit' });
  await expect(workspace.flagItem(1, 1)).toContainText('Open');
  await workspace.acceptFlag(1);
  await expect(workspace.targetCell(1)).toHaveValue(/^Laftit/);

  // An edit that autosaves, its history (diffs), the score (bars sized with style attributes), the QA tab.
  await workspace.typeAtEnd(2, ' Relu.');
  await workspace.expectSaved();
  await page.getByRole('button', { name: 'History segment 2' }).click();
  const history = page.getByRole('dialog', { name: 'History of segment 2' });
  await expect(history.getByRole('insertion').first()).toContainText('Relu');
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();
  await page.getByRole('tab', { name: 'Score' }).click();
  await expect(page.getByRole('tabpanel').getByRole('definition').first()).toBeVisible();
  await page.getByRole('tab', { name: /^QA/ }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();

  // The interface in French, and back to the documents list.
  await workspace.chooseInterfaceLanguage('Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(await violations()).toEqual([]);
});

test('another site cannot show the app in a frame (clickjacking)', async ({ page, server, browser }) => {
  // A page of another origin (about:blank with an iframe) tries to frame the sign-in page.
  const blocked = page.waitForEvent('console', (msg) => /frame-ancestors/.test(msg.text()));
  await page.setContent(`<iframe title="framed app" src="${server.baseURL}/login"></iframe>`);
  await blocked;
  await expect(page.getByTitle('framed app').contentFrame().getByRole('form', { name: 'Sign in' })).toHaveCount(0);

  // Opened directly, the same page works.
  const direct = await browser.newPage({ baseURL: server.baseURL });
  await direct.goto('/login');
  await expect(direct.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await direct.close();
});
