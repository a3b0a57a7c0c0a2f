import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { importFile } from '../src/shared/formats/import-file';
import { writeXliff } from '../src/shared/formats/xliff/write';
import { foldAll, toDocumentState } from '../src/shared/reducer';

// BENCH_ONLY=xliff npm run bench (or npx tsx bench/xliff.ts) — reading and writing XLIFF 2.0 files of growing
// size (units with a paired code and a placeholder each), in place: the server runs both in a worker thread, so
// these are the waits of the one who imports or exports, not of anyone else. Wall and CPU seconds (CPU is what
// the machine's load does not inflate) and the read's CPU per 1,000 units, which stays flat when reading is
// linear. Sizes: XLIFF_UNITS="1000,5000" (default 1000,5000,20000).

function file(units: number): string {
  const body: string[] = [];
  for (let i = 0; i < units; i++)
    body.push(
      `<unit id="u${i}"><segment id="s${i}" state="translated"><source>Segment ${i}: click <pc id="1">here</pc> to read the <ph id="2"/> documentation about item ${i}.</source><target>Segment ${i} : cliquez <pc id="1">ici</pc> pour lire la <ph id="2"/> documentation sur l’élément ${i}.</target></segment></unit>`,
    );
  return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">\n${body.join('\n')}\n</file></xliff>`;
}

function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(c);
  return { value, wall: (performance.now() - t) / 1000, cpu: (d.user + d.system) / 1e6 };
}

export function runXliffBench(log: (line?: string) => void): void {
  log('XLIFF read and write benchmark (src/shared/formats/xliff)');
  log(
    `  node ${process.version}, ${os.cpus().length} CPU(s), load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
  const sizes = (process.env.XLIFF_UNITS ?? '1000,5000,20000').split(',').map(Number);
  log('  units\tMB\tread s\tread CPU s\tCPU s / 1000 units\twrite s\twrite CPU s');
  for (const units of sizes) {
    const xml = file(units);
    const read = timed(() => importFile(xml, { fileName: 'bench.xlf', hash: 'h', actor: 'bench' }));
    if (!read.value.ok) throw new Error(read.value.message);
    const created = read.value.value.events.created;
    const doc = toDocumentState(
      foldAll([{ seq: 1, at: new Date().toISOString(), actor: 'bench', type: 'DocumentCreated', payload: created }]),
    );
    const write = timed(() => writeXliff(doc, xml));
    log(
      `  ${units}\t${(Buffer.byteLength(xml) / 1e6).toFixed(1)}\t${read.wall.toFixed(2)}\t${read.cpu.toFixed(2)}\t${((read.cpu / units) * 1000).toFixed(3)}\t${write.wall.toFixed(2)}\t${write.cpu.toFixed(2)}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runXliffBench((l = '') => console.log(l));
