import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from '../server/xliff-schema-check';
import { readXliff } from '../shared/formats/xliff/read';
import { readTmx } from '../shared/formats/tmx';
import { capture } from './test-io';
import { run } from './visavis';

/** `visavis convert` and `visavis report` (issue #14). */

const FIXTURES = fileURLToPath(new URL('../shared/formats/xliff/fixtures/', import.meta.url));
const SAMPLE_GLOSSARY = fileURLToPath(new URL('../../samples/laftit-darmanin/glossary.csv', import.meta.url));

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-convert-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const essence = (xml: string) => {
  const r = readXliff(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value.segments.map((s) => [
    s.source.replace(/[\uE000-\uF8FF]/g, '#'),
    s.target.replace(/[\uE000-\uF8FF]/g, '#'),
    s.status,
  ]);
};

describe('visavis convert', () => {
  it('XLIFF 1.2 → JSON → XLIFF 2 → XLIFF 1.2 → TMX → XLIFF 2: the texts and statuses go through, each file valid', async () => {
    const c = capture();
    const p = (f: string) => path.join(tmp, f);
    const src = path.join(FIXTURES, 'symfony-messages.fr.xlf');
    const original = essence(await fs.readFile(src, 'utf8'));
    expect(await run(['convert', src, p('doc.json')], c.io), c.stderr()).toBe(0);
    expect(await run(['convert', p('doc.json'), p('doc2.xlf'), '--to', 'xliff2'], c.io), c.stderr()).toBe(0);
    const x2 = await fs.readFile(p('doc2.xlf'), 'utf8');
    expect(schemaErrors(x2, '2.2')).toBeNull();
    expect(essence(x2)).toEqual(original);
    expect(await run(['convert', p('doc2.xlf'), p('doc12.xlf'), '--to', 'xliff12'], c.io), c.stderr()).toBe(0);
    const x12 = await fs.readFile(p('doc12.xlf'), 'utf8');
    expect(x12).toContain('urn:oasis:names:tc:xliff:document:1.2');
    expect(schemaErrors(x12, '1.2')).toBeNull();
    expect(essence(x12)).toEqual(original);
    expect(await run(['convert', p('doc12.xlf'), p('doc.tmx')], c.io), c.stderr()).toBe(0);
    const tmx = readTmx(await fs.readFile(p('doc.tmx'), 'utf8'));
    expect(tmx.ok && tmx.value.pairs.map((x) => x.target)).toEqual(original.map(([, t]) => t));
    expect(await run(['convert', p('doc.tmx'), p('again.xlf')], c.io), c.stderr()).toBe(0);
    expect(schemaErrors(await fs.readFile(p('again.xlf'), 'utf8'), '2.2')).toBeNull();
    // The JSON keeps the original file: back to XLIFF in the version it came in, codes and all.
    const json = p('features.json');
    expect(await run(['convert', path.join(FIXTURES, 'features-2.2.xlf'), json], c.io), c.stderr()).toBe(0);
    expect(await run(['convert', json, p('same.xlf')], c.io), c.stderr()).toBe(0);
    const same = await fs.readFile(p('same.xlf'), 'utf8');
    expect(essence(same)).toEqual(essence(await fs.readFile(path.join(FIXTURES, 'features-2.2.xlf'), 'utf8')));
    // Codes cross XLIFF versions: 2.2's pc/ph/sc/ec with originalData become 1.2's bpt/ept/ph/bx/ex (formats/codes/).
    expect(await run(['convert', json, p('x12.xlf'), '--to', 'xliff12'], c.io), c.stderr()).toBe(0);
    const codes12 = await fs.readFile(p('x12.xlf'), 'utf8');
    expect(schemaErrors(codes12, '1.2')).toBeNull();
    expect(codes12).toContain('<bpt id="1">&lt;b&gt;</bpt>');
    expect(essence(codes12)).toEqual(essence(same));
  });

  it('a glossary CSV → TBX → CSV is the same', async () => {
    const c = capture();
    const tbx = path.join(tmp, 'g.tbx');
    const csv = path.join(tmp, 'g.csv');
    const args = ['--source-lang', 'ar', '--target-lang', 'fr'];
    expect(await run(['convert', SAMPLE_GLOSSARY, tbx, ...args], c.io), c.stderr()).toBe(0);
    expect(await run(['convert', tbx, csv], c.io), c.stderr()).toBe(0);
    const { parseGlossaryCsv } = await import('../shared/formats/glossary');
    const before = parseGlossaryCsv(await fs.readFile(SAMPLE_GLOSSARY, 'utf8')).entries;
    expect(parseGlossaryCsv(await fs.readFile(csv, 'utf8')).entries).toEqual(before);
  });

  it('refuses a document to a glossary format, with exit code 2', async () => {
    const c = capture();
    expect(await run(['convert', path.join(FIXTURES, 'okapi.xlf'), path.join(tmp, 'x.csv')], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/cannot convert/);
  });
});

describe('visavis report', () => {
  it('writes the LQA report of a JSON export as HTML (stylesheet embedded) or CSV (with a BOM)', async () => {
    const c = capture();
    const json = path.join(tmp, 'doc.json');
    expect(await run(['convert', path.join(FIXTURES, 'features-2.2.xlf'), json], c.io)).toBe(0);
    const h = capture();
    expect(await run(['report', json, '--format', 'html'], h.io), h.stderr()).toBe(0);
    expect(h.stdout()).toMatch(/^<!DOCTYPE html>/);
    expect(h.stdout()).toContain('<style>');
    expect(h.stdout()).toContain('Issues (3)');
    const out = path.join(tmp, 'r.csv');
    expect(await run(['report', json, '--format', 'csv', '--out', out], capture().io)).toBe(0);
    expect((await fs.readFile(out, 'utf8')).startsWith('\uFEFFLQA report')).toBe(true);
  });
});
