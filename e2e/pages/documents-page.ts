import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface NewDocument {
  title: string;
  sourceLang?: string;
  targetLang?: string;
  sourceText: string;
  targetText: string;
}

/** The home page: the list of documents and the "New document from two texts" form. */
export class DocumentsPage extends AppPage {
  readonly createForm: Locator;

  constructor(page: Page) {
    super(page);
    this.createForm = page.getByRole('region', { name: 'New document from two texts' });
  }

  /** The home page, or the sign-in form it sends to when nobody is signed in yet. */
  async open() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Documents' }).or(this.signInForm)).toBeVisible();
  }

  /** The row of a document in the list, found by its title. */
  row(title: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** Types into a language combobox of the create form and picks the option named `option` ("English (en)"). */
  async chooseLanguage(label: RegExp, option: string) {
    const box = this.createForm.getByRole('combobox', { name: label });
    await box.fill(option.replace(/ \([^)]*\)$/, ''));
    await this.createForm.getByRole('option', { name: option, exact: true }).click();
    await expect(box).toHaveValue(option);
  }

  async create(doc: NewDocument, expectedSegments: number) {
    const form = this.createForm;
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(doc.title);
    if (doc.sourceLang) await this.chooseLanguage(/^Source language/, doc.sourceLang);
    if (doc.targetLang) await this.chooseLanguage(/^Target language/, doc.targetLang);
    await form.getByRole('textbox', { name: 'Source text', exact: true }).fill(doc.sourceText);
    await form.getByRole('textbox', { name: 'Translation', exact: true }).fill(doc.targetText);
    const preview =
      expectedSegments === 1 ? '1 segment will be created' : `${expectedSegments} segments will be created`;
    await expect(form.getByText(preview)).toBeVisible();
    await form.getByRole('button', { name: 'Create document' }).click();
  }
}
