import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJsonFileStore } from '../server/store/json-file-store';
import { toDocumentState } from '../shared/reducer';
import { run } from './visavis';
import { capture } from './test-io';

const TED = fileURLToPath(new URL('../../samples/wmt-mqm/mqm_ted_ende.tsv', import.meta.url));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-cli-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const SMALL = [
  'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment',
  'good\tt\t1\t1\tr1\tHello world.\tHallo Welt.\tNo-error\tNo-error\t',
  'good\tt\t2\t2\tr1\tBye now.\tTschüss<v>,</v> jetzt.\tFluency/Punctuation\tMinor\t',
  'bad\tt\t1\t1\tr1\tHello world.\t<v>Hallo</v> Welt.\tAccuracy/Mistranslation\tMajor\t',
  'bad\tt\t2\t2\tr2\tBye now.\tTschüss jetzt.\tNo-error\tNo-error\t',
  'bad\tt\t2\t2\tr1\tBye now.\tTschüss <v>jetzt.\tStyle/Awkward\tMinor\t',
  'bad\tt\t2\t2\tr1\ttoo few columns',
].join('\n');

describe('visavis score', () => {
  it('prints every system as JSON, best first, computed by the app’s scoring', async () => {
    const c = capture();
    expect(await run(['score', TED, '--weights', 'wmt', '--format', 'json'], c.io)).toBe(0);
    const out = JSON.parse(c.stdout()) as {
      preset: string;
      systems: { rank: number; system: string; score: number; segments: number; items: number; errors: number }[];
    };
    expect(out.preset).toBe('wmt');
    expect(out.systems).toHaveLength(14);
    expect(out.systems[0]).toMatchObject({ rank: 1, system: 'ref', segments: 529, items: 529, errors: 207 });
    expect(out.systems[0]!.score).toBeCloseTo(0.9115, 4);
    expect(out.systems.at(-1)).toMatchObject({ rank: 14, system: 'Nemo' });
    const scores = out.systems.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    // The malformed row is reported with its line, on stderr.
    expect(c.stderr()).toContain('mqm_ted_ende.tsv:6444: skipped: target: <v> without </v>');
  });

  it('prints a table', async () => {
    const file = path.join(tmp, 'small.tsv');
    await fs.writeFile(file, SMALL);
    const c = capture();
    expect(await run(['score', file], c.io)).toBe(0);
    expect(c.stdout().split('\n')).toEqual([
      `${file}: WMT MQM score (mean error points per segment and rater; lower is better)`,
      'rank  system  MQM (WMT)  segments  items  errors',
      '   1  good        0.050         2      2       1',
      '   2  bad         2.500         2      2       1',
      '',
    ]);
    expect(c.stderr()).toBe(
      `${file}:6: skipped: target: <v> without </v>\n${file}:7: skipped: 6 columns, expected 10\n`,
    );
  });

  it('scores with the MQM preset per 1,000 words', async () => {
    const file = path.join(tmp, 'small.tsv');
    await fs.writeFile(file, SMALL);
    const c = capture();
    expect(await run(['score', file, '--weights', 'mqm', '--format', 'json', '--cut-score', '0'], c.io)).toBe(0);
    const out = JSON.parse(c.stdout()) as {
      systems: { system: string; evaluatedWords: number; penaltyPoints: number; qualityScore: number; pass: boolean }[];
    };
    // 4 source words; good: 1 minor (1 point, punctuation is not special in MQM); bad: 1 major (5).
    expect(out.systems.map((s) => [s.system, s.evaluatedWords, s.penaltyPoints, s.qualityScore, s.pass])).toEqual([
      ['good', 4, 1, -150, false],
      ['bad', 4, 5, -1150, false],
    ]);
  });

  it('exits 2 with a clear message when the file is missing', async () => {
    const c = capture();
    expect(await run(['score', path.join(tmp, 'nope.tsv')], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/^visavis: cannot read .*nope\.tsv: ENOENT/);
    expect(c.stdout()).toBe('');
  });

  it('exits 2 on a directory, a file with no rows, or a bad option', async () => {
    expect(await run(['score', tmp], capture().io)).toBe(2);
    const empty = path.join(tmp, 'empty.tsv');
    await fs.writeFile(empty, 'hello\n');
    const c = capture();
    expect(await run(['score', empty], c.io)).toBe(2);
    expect(c.stderr()).toContain('no usable rows');
    const bad = capture();
    expect(await run(['score', TED, '--weights', 'heavy'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("argument 'heavy' is invalid");
    expect(await run([], capture().io)).toBe(2);
  });

  it('--strict fails on skipped rows', async () => {
    const file = path.join(tmp, 'small.tsv');
    await fs.writeFile(file, SMALL);
    const c = capture();
    expect(await run(['score', file, '--strict'], c.io)).toBe(1);
    expect(c.stderr()).toContain('2 malformed row(s) skipped (--strict)');
  });

  it('--help exits 0', async () => {
    const c = capture();
    expect(await run(['score', '--help'], c.io)).toBe(0);
    expect(c.stdout()).toContain('--weights <preset>');
  });
});

describe('visavis import-mqm', () => {
  it('imports the TED file: one document per system, one flag per error row, raters as authors', async () => {
    const dataDir = path.join(tmp, 'data');
    const c = capture();
    expect(await run(['import-mqm', TED, '--data-dir', dataDir], c.io)).toBe(0);
    expect(c.stdout()).toMatch(
      /^Imported 14 document\(s\) with 4030 flag\(s\) from 8434 row\(s\) of .* in \d+\.\d\d s\.\nSkipped 1 malformed row\(s\): line 6444/,
    );
    expect(c.stderr()).toContain(':6444: skipped: target: <v> without </v>');
    console.log(c.stdout().split('\n')[0]);

    const store = await openJsonFileStore({ dataDir, logger: quiet });
    try {
      const list = await store.list();
      expect(list).toHaveLength(14);
      const docs = await Promise.all(list.map(async (d) => toDocumentState((await store.get(d.id))!)));
      expect(docs.reduce((n, d) => n + d.flags.length, 0)).toBe(4030);
      const ref = docs.find((d) => d.origin?.system === 'ref')!;
      expect(ref).toMatchObject({
        title: 'mqm_ted_ende.tsv — ref',
        sourceLang: 'en',
        targetLang: 'de',
        createdBy: 'import-mqm',
        origin: { format: 'wmt-mqm-tsv', system: 'ref', file: 'mqm_ted_ende.tsv' },
      });
      expect(ref.segments).toHaveLength(529);
      expect(ref.segments[0]).toMatchObject({ meta: { doc: 'talk.1', doc_id: '1', seg_id: '1' }, ratedBy: ['rater2'] });
      expect(ref.flags).toHaveLength(207);
      expect(new Set(ref.flags.map((f) => f.createdBy))).toEqual(new Set(['rater1', 'rater2', 'rater3', 'rater4']));
      expect(ref.flags.every((f) => f.original && f.status === 'open')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('uses DATA_DIR and the language options', async () => {
    const file = path.join(tmp, 'small.tsv');
    await fs.writeFile(file, SMALL);
    const dataDir = path.join(tmp, 'env-data');
    const c = capture({ env: { DATA_DIR: dataDir } });
    expect(await run(['import-mqm', file, '--source-lang', 'fr', '--target-lang', 'ar'], c.io)).toBe(0);
    expect(c.stdout()).toContain('Skipped 2 malformed row(s): line 6, 7');
    const store = await openJsonFileStore({ dataDir, logger: quiet });
    try {
      const docs = await store.list();
      expect(docs.map((d) => [d.title, d.sourceLang, d.targetLang, d.segmentCount, d.openFlagCount]).sort()).toEqual([
        ['small.tsv — bad', 'fr', 'ar', 2, 1],
        ['small.tsv — good', 'fr', 'ar', 2, 1],
      ]);
    } finally {
      await store.close();
    }
  });

  it('says to stop the server when the data directory is in use', async () => {
    const dataDir = path.join(tmp, 'busy');
    const store = await openJsonFileStore({ dataDir, logger: quiet });
    try {
      const c = capture();
      expect(await run(['import-mqm', TED, '--data-dir', dataDir], c.io)).toBe(1);
      expect(c.stderr()).toContain('is using the data directory');
      expect(c.stderr()).toContain('stop the Vis-à-vis server using it first');
    } finally {
      await store.close();
    }
    expect(await fs.readdir(path.join(dataDir, 'documents'))).toEqual([]);
  });

  it('exits 2 on a missing file or a bad language tag, before touching the data directory', async () => {
    const dataDir = path.join(tmp, 'untouched');
    expect(await run(['import-mqm', path.join(tmp, 'nope.tsv'), '--data-dir', dataDir], capture().io)).toBe(2);
    expect(await run(['import-mqm', TED, '--data-dir', dataDir, '--source-lang', 'English'], capture().io)).toBe(2);
    await expect(fs.access(dataDir)).rejects.toThrow();
  });
});
