import type { Page } from '@playwright/test';
import { SAMPLE_ID, expect, test } from './fixtures/test';
import { WorkspacePage } from './pages/workspace-page';

/**
 * A personal API token made on the account page, then used by a browser that sends it as
 * `Authorization: Bearer` (what the smoke project does with E2E_TOKEN alone): no sign-in, no cookie, and the
 * token's permissions limit what the page offers and what the server lets it do.
 */

/** Creates a token on /account/tokens and returns its secret, read from the page that shows it once. */
async function createToken(page: Page, name: string, scope: 'Read and export only' | 'Everything I may do') {
  await page.goto('/account/tokens');
  const form = page.getByRole('form', { name: 'New token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Expires after').selectOption({ label: '30 days' });
  await form.getByLabel('May').selectOption({ label: scope });
  await form.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: `Token “${name}”: copy it now, it will not be shown again` });
  const secret = await shown.getByLabel('Token').inputValue();
  expect(secret).toMatch(/^vv_/);
  await shown.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  return secret;
}

test('a browser sent with an API token works without signing in, within the token’s permissions', async ({
  workspace,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await workspace.page.goto('/login');
  await workspace.signIn('Lena');
  const readOnly = await createToken(workspace.page, 'ci read', 'Read and export only');
  const everything = await createToken(workspace.page, 'ci all', 'Everything I may do');

  const withToken = async (secret: string) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    return new WorkspacePage(await context.newPage());
  };

  // Read-only: the document opens with no sign-in form, the header names the token, nothing is editable.
  const reader = await withToken(readOnly);
  await reader.open(SAMPLE_ID);
  const banner = reader.page.getByRole('banner');
  await expect(banner.getByText('Working as Lena')).toBeVisible();
  await expect(banner.getByRole('note')).toHaveText('through the API token “ci read” (read and export only)');
  await expect(reader.signOutButton).toHaveCount(0);
  await expect(reader.signInForm).toHaveCount(0);
  const cell = reader.targetCell(1);
  await expect(cell).toHaveValue(/^Lafetet discute/);
  await expect(cell).toHaveAttribute('aria-readonly', 'true');
  await expect(reader.toolbar.getByRole('button', { name: 'Flag selection', disabled: false })).toHaveCount(0);
  // No session was opened: the only cookie is the interface language the app remembers (visavis_lang).
  expect((await reader.page.context().cookies()).map((c) => c.name)).toEqual(['visavis_lang']);
  // The server refuses a write from this browser all the same: 403 TOKEN_SCOPE, and says why.
  const refused = await reader.page.evaluate(async (id) => {
    const doc = (await (await fetch(`/api/documents/${id}`)).json()) as {
      document: { segments: { id: string; version: number }[] };
    };
    const seg = doc.document.segments[0]!;
    const res = await fetch(`/api/documents/${id}/segments/${seg.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'Changed', baseVersion: seg.version }),
    });
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
  }, SAMPLE_ID);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('TOKEN_SCOPE');
  expect(refused.body.error.message).toContain('segment.edit');

  // Everything Lena may do: an edit in the browser is saved with no CSRF token, and the reader's page, open on
  // the same document, receives it live (the event stream takes the bearer header too).
  const writer = await withToken(everything);
  await writer.open(SAMPLE_ID);
  await expect(writer.page.getByRole('banner').getByRole('note')).toHaveText('through the API token “ci all”');
  await writer.typeAtEnd(2, ' (jeton)');
  await writer.expectSaved();
  await expect(reader.targetCell(2)).toHaveValue(/ \(jeton\)$/);
  // The activity names the token the edit came through.
  await writer.page.getByRole('tab', { name: 'Activity' }).click();
  await expect(writer.page.getByRole('tabpanel').getByRole('listitem').first()).toContainText(
    'Lena (through the API token “ci all”)',
  );

  // Token management needs a session: the page says so instead of listing anything.
  await reader.page.goto('/account/tokens');
  await expect(reader.page.getByRole('alert')).toHaveText(
    'This browser works through the API token “ci read”: sign in with your password to create or revoke tokens (a token never makes tokens).',
  );
  await writer.page.context().close();
  await reader.page.context().close();
});
