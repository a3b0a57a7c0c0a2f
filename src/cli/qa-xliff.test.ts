import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture } from './test-io';
import { run } from './visavis';

/** `visavis qa --xliff FILE` (issue #13): the checks, inline codes included, on an XLIFF file directly. */

const FIXTURES = fileURLToPath(new URL('../shared/formats/xliff/fixtures/', import.meta.url));

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-qa-xliff-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('visavis qa --xliff', () => {
  it('a clean file passes; findings name the file and the segment’s line', async () => {
    const c = capture();
    expect(await run(['qa', '--xliff', path.join(FIXTURES, 'okapi.xlf'), '--format', 'json'], c.io)).toBe(0);
    const text = (await fs.readFile(path.join(FIXTURES, 'features-2.2.xlf'), 'utf8')).replace(
      '<ph id="2" dataRef="d3"/></target>',
      '</target>',
    );
    const file = path.join(tmp, 'missing-code.xlf');
    await fs.writeFile(file, text);
    const c2 = capture();
    expect(await run(['qa', '--xliff', file, '--format', 'json'], c2.io)).toBe(1);
    const report = JSON.parse(c2.stdout()) as {
      findings: { checkId: string; message: string; location: { line: number } }[];
    };
    const code = report.findings.find((f) => f.checkId === 'code-mismatch')!;
    expect(code.message).toBe('Inline code: <ph 2/> of the source is missing from the translation.');
    expect(code.location.line).toBe(14);
  });

  it('a file that breaks XLIFF 2 is bad input (exit 2) with the rule and the line', async () => {
    const file = path.join(tmp, 'bad.xlf');
    await fs.writeFile(
      file,
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">\n<file id="f"><unit id="u"><segment><source>a<sc id="1"/></source></segment></unit></file></xliff>',
    );
    const c = capture();
    expect(await run(['qa', '--xliff', file], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/bad\.xlf:2: sc id="1" has no ec in the unit \(rule: sc-ec-pairing\)/);
  });
});
