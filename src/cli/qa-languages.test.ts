import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectLanguage } from './languages';
import { capture } from './test-io';
import { run } from './visavis';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-langs-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
const write = async (name: string, text: string) => {
  const file = path.join(tmp, name);
  await fs.writeFile(file, text);
  return file;
};

const EN = 'The city council wants to buy ten new hydrogen buses this year: they will cost 2.5 million euros.\n';
const DE = 'Der Stadtrat will dieses Jahr zehn neue Wasserstoffbusse kaufen: Sie werden 2,5 Millionen Euro kosten.\n';

describe('visavis qa: languages are never guessed silently', () => {
  it('detects English → German from the texts, says so, and gives no French spacing finding', async () => {
    const c = capture();
    const code = await run(['qa', '--source', await write('s.txt', EN), '--target', await write('t.txt', DE)], c.io);
    expect(c.stderr()).toContain('languages: en (detected) → de (detected)');
    expect(c.stdout()).not.toMatch(/fr-spacing|number-mismatch/);
    expect(code).toBe(0);
  });

  it('texts too short to tell: exit 2 with what to give', async () => {
    const c = capture();
    const code = await run(
      ['qa', '--source', await write('s.txt', 'Hi.'), '--target', await write('t.txt', 'Hallo.')],
      c.io,
    );
    expect(code).toBe(2);
    expect(c.stderr()).toMatch(/cannot tell the source and target language.*--source-lang TAG and --target-lang TAG/);
    expect(c.stdout()).toBe('');
  });

  it('flags win, and say so', async () => {
    const c = capture();
    const args = ['qa', '--source', await write('s.txt', 'Hi.'), '--target', await write('t.txt', 'Hallo.')];
    expect(await run([...args, '--source-lang', 'en', '--target-lang', 'de-CH'], c.io)).toBe(0);
    expect(c.stderr()).toContain('languages: en (from the flag) → de-CH (from the flag)');
  });

  it('an export gives its own languages', async () => {
    const exp = {
      format: 'visavis-document',
      document: {
        sourceLang: 'en',
        targetLang: 'de',
        segments: [{ id: 'a', index: 0, source: 'Hi.', target: 'Hallo.' }],
      },
    };
    const c = capture();
    expect(await run(['qa', '--document', await write('d.json', JSON.stringify(exp)), '--format', 'json'], c.io)).toBe(
      0,
    );
    expect(c.stderr()).toContain('languages: en (from the file) → de (from the file)');
    expect(JSON.parse(c.stdout())).toMatchObject({ sourceLang: 'en', targetLang: 'de' });
  });

  it('English news text is English, not Scots (franc ranks "sco" first by a hair: a known language wins a near tie)', () => {
    expect(detectLanguage('The city buys 48 hydrogen buses for the region and its people.')).toBe('en');
    expect(
      detectLanguage('The remaining sum, some 24 million euros, comes from the city budget and a loan over 15 years.'),
    ).toBe('en');
    expect(detectLanguage('Die Stadt kauft 48 Wasserstoffbusse für die Region und ihre Menschen.')).toBe('de');
  });

  it('detectLanguage maps franc’s ISO 639-3 codes to BCP 47', () => {
    expect(detectLanguage(DE)).toBe('de');
    expect(detectLanguage(EN)).toBe('en');
    expect(detectLanguage('Le ministre de l’Intérieur a rencontré son homologue français à Rabat hier soir.')).toBe(
      'fr',
    );
    expect(detectLanguage('short')).toBeNull();
  });
});
