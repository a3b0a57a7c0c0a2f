import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture } from './test-io';
import { run } from './visavis';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-align-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const SOURCE = [
  'Die Expedition verliess Kathmandu am 12. März 1956 mit zwölf Bergsteigern.',
  'Das Wetter war im April schlecht. Es schneite fast jeden Nachmittag.',
  'Am 18. Mai erreichten Ernst Reiss und Fritz Luchsinger den Gipfel des Lhotse (8501 m).',
].join('\n');
const TARGET = [
  'L’expédition quitta Katmandou le 12 mars 1956 avec douze alpinistes.',
  'Le temps fut mauvais en avril, et il neigea presque chaque après-midi.',
  'Le 18 mai, Ernst Reiss et Fritz Luchsinger atteignirent le sommet du Lhotse (8501 m).',
  'Partager cet article',
].join('\n');

async function files() {
  await fs.writeFile(path.join(tmp, 's.txt'), SOURCE);
  await fs.writeFile(path.join(tmp, 't.txt'), TARGET);
}

describe('visavis align', () => {
  it('prints sentence beads as JSON, every unit once and in order', async () => {
    await files();
    const c = capture();
    const code = await run(
      ['align', '--source', 's.txt', '--target', 't.txt', '--source-lang', 'de', '--target-lang', 'fr'],
      { ...c.io, cwd: tmp },
    );
    expect(code).toBe(0);
    const { alignments } = JSON.parse(c.stdout()) as {
      alignments: { source: number[]; target: number[]; score: number }[];
    };
    expect(alignments.map((b) => [b.source, b.target])).toEqual([
      [[0], [0]],
      [[1, 2], [1]],
      [[3], [2]],
      [[], [3]],
    ]);
    for (const b of alignments) expect(typeof b.score).toBe('number');
  });

  it('aligns lines as given and prints the Bleualign format with text', async () => {
    await files();
    const c = capture();
    const code = await run(['align', '--source', 's.txt', '--target', 't.txt', '--unit', 'line', '--format', 'text'], {
      ...c.io,
      cwd: tmp,
    });
    expect(code).toBe(0);
    const lines = c.stdout().trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['[0]:[0]', '[1]:[1]', '[2]:[2]', '[]:[3]']);
    expect(lines[3]!.split('\t')[3]).toBe('Partager cet article');
  });

  it('uses a bilingual dictionary given as a file to tell look-alike lines apart', async () => {
    await fs.writeFile(
      path.join(tmp, 's.txt'),
      ['Der Hund schläft.', 'Die Katze trinkt.', 'Der Vogel singt.'].join('\n'),
    );
    await fs.writeFile(path.join(tmp, 't.txt'), ['Le chien dort.', 'L’oiseau chante.'].join('\n'));
    await fs.writeFile(path.join(tmp, 'de-fr.tsv'), 'hund\tchien\nschläft\tdort\nvogel\toiseau\nsingt\tchante\n');
    const args = ['align', '--source', 's.txt', '--target', 't.txt', '--unit', 'line', '--format', 'text'];
    const c = capture();
    expect(await run([...args, '--lexicon', 'de-fr.tsv'], { ...c.io, cwd: tmp })).toBe(0);
    const heads = (out: string) =>
      out
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(heads(c.stdout())).toEqual(['[0]:[0]', '[1]:[]', '[2]:[1]']);
    const d = capture();
    await fs.writeFile(path.join(tmp, 'empty.tsv'), 'no pairs here\n');
    expect(await run([...args, '--lexicon', 'empty.tsv'], { ...d.io, cwd: tmp })).toBe(2);
    expect(d.stderr()).toContain('no word pairs');
  });

  it('exits with 2 on a missing file or a bad unit', async () => {
    const c = capture();
    expect(await run(['align', '--source', 'nope.txt', '--target', 'nope.txt'], { ...c.io, cwd: tmp })).toBe(2);
    expect(c.stderr()).toContain('cannot read');
    const d = capture();
    expect(await run(['align', '--source', 'a', '--target', 'b', '--unit', 'word'], { ...d.io, cwd: tmp })).toBe(2);
    const e = capture();
    expect(await run(['align', '--target', 'b'], { ...e.io, cwd: tmp })).toBe(2);
    expect(e.stderr()).toContain('--source is required');
  });
});
