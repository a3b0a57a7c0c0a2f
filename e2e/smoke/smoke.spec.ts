import { expect, test, type Page } from '@playwright/test';
import { VisavisApi, WorkspacePage } from '../testing';

/**
 * The smoke set: runs against any deployment (E2E_BASE_URL) and changes nothing there but its own
 * temporary document, which it creates, reviews and deletes. Credentials: E2E_TOKEN (an API token: the API
 * calls, and a browser that sends it as `Authorization: Bearer`), and/or E2E_LOGIN and E2E_PASSWORD (a
 * browser that signs in). Each browser check runs with each kind given. `npm test` runs it against a server
 * it starts, with both (playwright.config.ts, e2e/global-setup.ts).
 */
const login = process.env.E2E_LOGIN;
const password = process.env.E2E_PASSWORD;
const token = process.env.E2E_TOKEN;

// Serial and patient: one document for the set, and a deployment may be far away.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('smoke', () => {
  let api: VisavisApi;
  let docId: string | undefined;
  const title = `Smoke check ${new Date().toISOString()}`;

  test.beforeAll(async () => {
    api = VisavisApi.fromEnv();
    const doc = await api.createDocument({
      title,
      sourceLang: 'en',
      targetLang: 'fr',
      segments: [
        { source: 'The report is ready.', target: 'Le raport est prêt.' },
        { source: 'Thank you.', target: 'Merci.' },
        { source: 'The figures are good.', target: 'Les chifres sont bons.' },
      ],
    });
    docId = doc.id;
  });

  test.afterAll(async () => {
    if (docId) await api.removeDocument(docId);
  });

  /** Flags `word` of segment `n` in the browser, and checks the gate counts it. */
  async function flagInBrowser(
    ws: WorkspacePage,
    n: number,
    { word, correction, severity }: { word: string; correction: string; severity: 'Major' | 'Minor' },
  ) {
    const key = severity === 'Major' ? 'major' : 'minor';
    await ws.selectText(ws.targetCell(n), word);
    await ws.flagSelection({
      category: 'Fluency — Spelling',
      severity,
      correction,
      quote: word,
    });
    await expect(ws.flagItems().filter({ hasText: word })).toHaveCount(1);
    await expect.poll(async () => (await api.gate(docId!, { maxOpen: `${key}:0` })).openFlags[key]).toBe(1);
    expect((await api.gate(docId!, { maxOpen: `${key}:0` })).reasons).toContain(
      `1 unsettled flag(s) of severity ${key} (at most 0)`,
    );
  }

  test('the server answers and the document is listed', async () => {
    expect((await api.documentByTitle(title))?.id).toBe(docId);
    const gate = await api.gate(docId!, { maxOpen: 'major:0,critical:0' });
    expect(gate.openFlags.total).toBe(0);
  });

  test('a reviewer signs in, flags a word in the browser, and the gate sees it', async ({ page }) => {
    test.skip(!login || !password, 'Signing in in the browser needs E2E_LOGIN and E2E_PASSWORD.');
    const ws = new WorkspacePage(page);
    await ws.open(docId!);
    await ws.fillSignIn(login!, password!);
    await expect(ws.signInForm).toBeHidden();
    await expect(ws.targetCell(1)).toHaveValue('Le raport est prêt.');
    await flagInBrowser(ws, 1, { word: 'raport', correction: 'rapport', severity: 'Major' });
    await ws.typeAtEnd(2, ' Bonne journée.');
    await ws.expectSaved();
  });

  test('with the API token alone, the browser reviews too, and the events name the token', async ({
    browser,
    baseURL,
  }) => {
    test.skip(!token, 'The token check needs E2E_TOKEN.');
    // No sign-in: every request of this browser carries the token, as a pipeline's would.
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const page: Page = await context.newPage();
    try {
      const ws = new WorkspacePage(page);
      await ws.open(docId!);
      await expect(ws.targetCell(3)).toHaveValue('Les chifres sont bons.');
      await expect(ws.signInForm).toHaveCount(0);
      const session = (await (await page.request.get('/api/session')).json()) as { token?: { name: string } };
      expect(session.token?.name, 'GET /api/session names the token').toBeTruthy();
      await expect(page.getByRole('banner').getByRole('note')).toContainText(`“${session.token!.name}”`);
      await flagInBrowser(ws, 3, { word: 'chifres', correction: 'chiffres', severity: 'Minor' });
      const created = (await api.events(docId!)).filter((e) => e.type === 'FlagCreated').at(-1);
      expect(created?.token).toBe(session.token!.name);
    } finally {
      await context.close();
    }
  });
});
