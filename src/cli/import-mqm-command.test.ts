import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/schemas';
import { WMT_COLUMNS } from '../shared/formats/wmt-tsv';
import { capture } from './test-io';
import { run } from './visavis';

/** `visavis import-mqm` is all or nothing (issue #8, item 3): a file it refuses leaves the data directory as it was. */

const row = (system: string, seg: number, target: string) =>
  [system, 'talk', '1', String(seg), 'rater1', `Source ${seg}.`, target, 'Fluency/Grammar', 'Minor', ''].join('\t');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-import-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function documentsIn(dataDir: string): Promise<string[]> {
  return fs.readdir(path.join(dataDir, 'documents')).catch(() => []);
}

describe('visavis import-mqm: all or nothing', () => {
  it('one good system and one row over a limit → exit 2 naming the line, nothing written', async () => {
    const file = path.join(tmp, 'bad.tsv');
    const long = `<v>x</v>${'y'.repeat(LIMITS.segmentChars)}`;
    await fs.writeFile(file, [WMT_COLUMNS.join('\t'), row('A', 1, '<v>Ziel</v>.'), row('B', 1, long)].join('\n'));
    const dataDir = path.join(tmp, 'data');
    const c = capture();
    expect(await run(['import-mqm', file, '--data-dir', dataDir], c.io)).toBe(2);
    expect(c.stderr()).toContain(`${file}:3: error: Line 3: the target has 100,001 characters; the limit is 100,000.`);
    expect(c.stderr()).toContain('nothing imported');
    expect(await documentsIn(dataDir)).toEqual([]);
  });

  it('--strict with a malformed row → exit 1 and nothing written (not: imported, then failed)', async () => {
    const file = path.join(tmp, 'strict.tsv');
    await fs.writeFile(file, [WMT_COLUMNS.join('\t'), row('A', 1, '<v>Ziel</v>.'), 'A\ttoo few columns'].join('\n'));
    const dataDir = path.join(tmp, 'data');
    const c = capture();
    expect(await run(['import-mqm', file, '--data-dir', dataDir, '--strict'], c.io)).toBe(1);
    expect(c.stderr()).toContain('1 malformed row(s) skipped (--strict): nothing imported');
    expect(await documentsIn(dataDir)).toEqual([]);
  });

  it('a good file imports every system', async () => {
    const file = path.join(tmp, 'good.tsv');
    await fs.writeFile(
      file,
      [WMT_COLUMNS.join('\t'), row('A', 1, '<v>Ziel</v>.'), row('B', 1, '<v>Z</v>.')].join('\n'),
    );
    const dataDir = path.join(tmp, 'data');
    const c = capture();
    expect(await run(['import-mqm', file, '--data-dir', dataDir], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/^Imported 2 document\(s\) with 2 flag\(s\) from 2 row\(s\)/);
    expect(await documentsIn(dataDir)).toHaveLength(2);
  });
});
