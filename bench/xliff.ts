import { performance } from 'node:perf_hooks';
import { importFile } from '../src/shared/formats/import-file';
import { writeXliff } from '../src/shared/formats/xliff/write';
import { foldAll, toDocumentState } from '../src/shared/reducer';

// npx tsx bench/xliff.ts — reading and writing XLIFF 2.0 files of growing size (units with a paired code and a
// placeholder each), in place: the server runs both in a worker thread, so these are the waits of the one who
// imports or exports, not of anyone else. Sizes: XLIFF_UNITS="1000,5000" (default 1000,5000,20000).

function file(units: number): string {
  const body: string[] = [];
  for (let i = 0; i < units; i++)
    body.push(
      `<unit id="u${i}"><segment id="s${i}" state="translated"><source>Segment ${i}: click <pc id="1">here</pc> to read the <ph id="2"/> documentation about item ${i}.</source><target>Segment ${i} : cliquez <pc id="1">ici</pc> pour lire la <ph id="2"/> documentation sur l’élément ${i}.</target></segment></unit>`,
    );
  return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">\n${body.join('\n')}\n</file></xliff>`;
}

const sizes = (process.env.XLIFF_UNITS ?? '1000,5000,20000').split(',').map(Number);
console.log('units\tMB\tread s\twrite s');
for (const units of sizes) {
  const xml = file(units);
  let t = performance.now();
  const read = importFile(xml, { fileName: 'bench.xlf', hash: 'h', actor: 'bench' });
  const readS = (performance.now() - t) / 1000;
  if (!read.ok) throw new Error(read.message);
  const created = read.value.events.created;
  const doc = toDocumentState(
    foldAll([{ seq: 1, at: new Date().toISOString(), actor: 'bench', type: 'DocumentCreated', payload: created }]),
  );
  t = performance.now();
  writeXliff(doc, xml);
  const writeS = (performance.now() - t) / 1000;
  console.log(`${units}\t${(Buffer.byteLength(xml) / 1e6).toFixed(1)}\t${readS.toFixed(2)}\t${writeS.toFixed(2)}`);
}
