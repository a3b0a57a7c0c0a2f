import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture } from './test-io';
import { run } from './visavis';

/** `visavis convert` and `visavis report` on input they cannot use: exit code 2, a message, no file written. */

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-convert-errors-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const p = (f: string) => path.join(tmp, f);
const XLIFF = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>a</source><target>b</target></segment></unit></file></xliff>`;

async function refused(args: string[], message: RegExp) {
  const c = capture();
  expect(await run(args, c.io), c.stderr()).toBe(2);
  expect(c.stderr()).toMatch(message);
  return c;
}

describe('convert and report refuse what they cannot use', () => {
  it('convert: missing input, unknown extension, bad --to, not XLIFF/TMX, a glossary CSV without languages, an unusable TBX, document ↔ glossary', async () => {
    await fs.writeFile(p('doc.xlf'), XLIFF);
    await fs.writeFile(p('g.csv'), 'source,target\na,b\n');
    await fs.writeFile(p('junk.xlf'), '<html><body>no</body></html>');
    await fs.writeFile(p('bad.xlf'), '<xliff version="2.0"');
    await fs.writeFile(p('empty.tbx'), '<tbx><text><body/></text></tbx>');
    await fs.writeFile(p('notexport.json'), '{"hello":1}');
    await refused(['convert', p('missing.xlf'), p('out.tmx')], /missing\.xlf/);
    await refused(['convert', p('doc.xlf'), p('out.docx')], /unknown extension/);
    await refused(['convert', p('doc.xlf'), p('out.tmx'), '--to', 'pdf'], /pdf/);
    await refused(['convert', p('junk.xlf'), p('out.tmx')], /neither XLIFF .* nor TMX/);
    await refused(['convert', p('bad.xlf'), p('out.tmx')], /well-formed|Line/);
    await refused(['convert', p('g.csv'), p('out.tbx')], /--source-lang and --target-lang/);
    await refused(['convert', p('empty.tbx'), p('out.csv')], /empty\.tbx/);
    await refused(['convert', p('doc.xlf'), p('out.csv')], /cannot convert/);
    await refused(
      ['convert', p('g.csv'), p('out.xlf'), '--source-lang', 'en', '--target-lang', 'fr'],
      /cannot convert/,
    );
    await refused(['convert', p('notexport.json'), p('out.xlf')], /not a Vis-à-vis document export/);
    await refused(['convert', p('doc.xlf'), path.join(tmp, 'no', 'such', 'dir', 'out.tmx')], /out\.tmx/);
    expect((await fs.readdir(tmp)).sort()).toEqual([
      'bad.xlf',
      'doc.xlf',
      'empty.tbx',
      'g.csv',
      'junk.xlf',
      'notexport.json',
    ]);
  });

  it('report: missing file, not an export, bad --format, an --out it cannot write', async () => {
    await fs.writeFile(p('notexport.json'), '{"format":"other"}');
    await fs.writeFile(p('doc.xlf'), XLIFF);
    expect(await run(['convert', p('doc.xlf'), p('doc.json')], capture().io)).toBe(0);
    await refused(['report', p('missing.json')], /missing\.json/);
    await refused(['report', p('notexport.json')], /not a Vis-à-vis document export/);
    await refused(['report', p('doc.json'), '--format', 'pdf'], /pdf/);
    await refused(['report', p('doc.json'), '--out', path.join(tmp, 'no', 'r.csv')], /r\.csv/);
  });
});
