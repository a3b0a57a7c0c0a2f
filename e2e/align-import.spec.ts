import { expect, test } from './fixtures/test';

// Importing two texts that do not line up: the aligner proposes pairs, marks the ones it is unsure of, the
// reviewer fixes one by hand, and the document is created from the fixed pairs.

const ENGLISH = [
  'The expedition left Kathmandu on 12 March 1956 with twelve climbers and three hundred porters.',
  'It reached the base camp below the Khumbu icefall after a march of three weeks.',
  'The weather was poor in April.',
  'Heavy snow fell almost every afternoon, and the camps on the Lhotse face had to be dug out again and again.',
  'On 18 May Ernst Reiss and Fritz Luchsinger reached the summit of Lhotse, at 8501 metres the fourth highest mountain on Earth.',
];
const FRENCH = [
  'L’expédition quitta Katmandou le 12 mars 1956 avec douze alpinistes et trois cents porteurs.',
  'Elle atteignit le camp de base au pied de la cascade de glace du Khumbu après trois semaines de marche.',
  'Le temps fut mauvais en avril : la neige tombait presque chaque après-midi, et il fallut sans cesse dégager les camps de la face du Lhotse.',
  'Le 18 mai, Ernst Reiss et Fritz Luchsinger atteignirent le sommet du Lhotse, 8501 mètres, quatrième sommet du globe.',
  'Partager cet article',
];

test('align on import: proposed pairs, a manual fix, then the document', async ({ documents, workspace, page }) => {
  test.slow();
  await documents.open();
  await documents.enterName('Importer');
  const form = documents.createForm;
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Himalaya 1956');
  await documents.chooseLanguage(/^Source language/, 'English (en)');
  await documents.chooseLanguage(/^Target language/, 'French (fr)');
  await form.getByRole('textbox', { name: 'Source text', exact: true }).fill(ENGLISH.join(' '));
  await form.getByRole('textbox', { name: 'Translation', exact: true }).fill(FRENCH.join('\n'));
  await form.getByRole('radio', { name: 'Align sentence by sentence' }).check();
  await form.getByRole('button', { name: 'Align and review the pairs' }).click();

  const pairs = form.getByRole('table');
  await expect(pairs.getByRole('row')).toHaveCount(1 + 5);
  // Two English sentences went into one French sentence; the boilerplate line has no source and is marked.
  await expect(pairs.getByRole('row').nth(3)).toContainText(`${ENGLISH[2]} ${ENGLISH[3]}`);
  const boiler = pairs.getByRole('row').nth(5);
  await expect(boiler).toContainText('Partager cet article');
  await expect(boiler).toContainText('Check this pair');
  await page.screenshot({ path: 'test-results/align-preview.png', fullPage: true });

  // The reviewer unpairs pair 3 and merges the pieces back: 5 → 7 → … then merges pair 3 with the next twice.
  await pairs.getByRole('button', { name: 'Unpair pair 3' }).click();
  await expect(pairs.getByRole('row')).toHaveCount(1 + 7);
  await pairs.getByRole('button', { name: 'Merge pair 3 with the next' }).click();
  await pairs.getByRole('button', { name: 'Merge pair 3 with the next' }).click();
  await expect(pairs.getByRole('row')).toHaveCount(1 + 5);
  await form.getByRole('button', { name: 'Create the document (5 segments)' }).click();

  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(workspace.heading()).toHaveText('Himalaya 1956');
  await expect(workspace.targetCells()).toHaveCount(5);
  await expect(workspace.sourceCell(3)).toHaveValue(`${ENGLISH[2]} ${ENGLISH[3]}`);
  await expect(workspace.targetCell(3)).toHaveValue(FRENCH[2]!);
  await expect(workspace.targetCell(5)).toHaveValue('Partager cet article');
});
