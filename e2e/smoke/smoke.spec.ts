import { expect, test } from '@playwright/test';
import { VisavisApi, WorkspacePage } from '../testing';

/**
 * The smoke set: runs against any deployment (E2E_BASE_URL) and changes nothing there but its own
 * temporary document, which it creates, reviews and deletes. Credentials: E2E_LOGIN and E2E_PASSWORD (the
 * browser part needs a session), E2E_TOKEN optional for the API calls. `npm test` runs it against a server
 * it starts (playwright.config.ts).
 */
const login = process.env.E2E_LOGIN;
const password = process.env.E2E_PASSWORD;

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
      ],
    });
    docId = doc.id;
  });

  test.afterAll(async () => {
    if (docId) await api.removeDocument(docId);
  });

  test('the server answers and the document is listed', async () => {
    expect((await api.documentByTitle(title))?.id).toBe(docId);
    const gate = await api.gate(docId!, { maxOpen: 'major:0,critical:0' });
    expect(gate.openFlags.total).toBe(0);
  });

  test('a reviewer flags a word in the browser, and the gate sees it', async ({ page }) => {
    test.skip(!login || !password, 'The browser part needs E2E_LOGIN and E2E_PASSWORD (a token opens no session).');
    const ws = new WorkspacePage(page);
    await ws.open(docId!);
    await ws.fillSignIn(login!, password!);
    await expect(ws.signInForm).toBeHidden();
    await expect(ws.targetCell(1)).toHaveValue('Le raport est prêt.');
    await ws.selectText(ws.targetCell(1), 'raport');
    await ws.flagSelection({
      category: 'Fluency — Spelling',
      severity: 'Major',
      correction: 'rapport',
      quote: 'raport',
    });
    await expect(ws.flagItems()).toHaveCount(1);
    await expect.poll(async () => (await api.gate(docId!, { maxOpen: 'major:0' })).openFlags.major).toBe(1);
    expect((await api.gate(docId!, { maxOpen: 'major:0' })).reasons).toContain(
      '1 unsettled flag(s) of severity major (at most 0)',
    );
    await ws.typeAtEnd(2, ' Bonne journée.');
    await ws.expectSaved();
  });
});
