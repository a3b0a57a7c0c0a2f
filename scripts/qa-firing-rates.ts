// How often each check fires on good translations: the WMT 2021 TED English→German data (samples/wmt-mqm),
// on the human reference ("ref") and on the segments every rater marked No-error. A check that fires on most
// segments of a good translation is noise. Run: npx tsx scripts/qa-firing-rates.ts [file.tsv]
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDocument, type QaDocument } from '../src/shared/qa/engine';
import '../src/shared/qa/snowball';
import { QA_CHECK_IDS, type CheckId } from '../src/shared/qa/types';
import { lexiconFor } from '../src/server/spelling/lexicon';

const file = process.argv[2] ?? fileURLToPath(new URL('../samples/wmt-mqm/mqm_ted_ende.tsv', import.meta.url));
const rows = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'));
const strip = (s: string) => s.replace(/<\/?v>/g, '');

interface Seg {
  system: string;
  doc: string;
  seg: number;
  source: string;
  target: string;
  errors: number;
}
const segs = new Map<string, Seg>();
for (const [system, doc, , seg, , source, target, category] of rows) {
  const key = `${system}|${doc}|${seg}`;
  const s = segs.get(key) ?? {
    system: system!,
    doc: doc!,
    seg: Number(seg),
    source: strip(source!),
    target: strip(target!),
    errors: 0,
  };
  if (category !== 'No-error') s.errors++;
  segs.set(key, s);
}

function rates(label: string, chosen: Seg[], withLexicon: boolean) {
  const byDoc = new Map<string, Seg[]>();
  for (const s of chosen) byDoc.set(`${s.system}|${s.doc}`, [...(byDoc.get(`${s.system}|${s.doc}`) ?? []), s]);
  const fired = new Map<CheckId, Set<string>>();
  const examples = new Map<CheckId, string[]>();
  const lexicon = withLexicon ? lexiconFor('de') : null;
  for (const [key, list] of byDoc) {
    list.sort((a, b) => a.seg - b.seg);
    const doc: QaDocument = {
      sourceLang: 'en',
      targetLang: 'de',
      segments: list.map((s, i) => ({ id: `${key}|${s.seg}`, index: i, source: s.source, target: s.target })),
    };
    for (const f of checkDocument(doc, null, undefined, lexicon)) {
      (fired.get(f.checkId) ?? fired.set(f.checkId, new Set()).get(f.checkId)!).add(f.segmentId);
      const ex = examples.get(f.checkId) ?? examples.set(f.checkId, []).get(f.checkId)!;
      if (ex.length < (process.env.ALL ? 400 : 6)) ex.push(`${f.quote}${f.fix ? `→${f.fix.replacement}` : ''}`);
    }
  }
  console.log(
    `\n${label}: ${chosen.length} segments${withLexicon ? ', with dictionary-de' : ', no dictionary (browser)'}`,
  );
  for (const id of QA_CHECK_IDS) {
    const n = fired.get(id)?.size ?? 0;
    if (n === 0) continue;
    console.log(`  ${id}: ${n} (${((100 * n) / chosen.length).toFixed(1)} %)  e.g. ${examples.get(id)!.join(' · ')}`);
  }
}

const all = [...segs.values()];
const ref = all.filter((s) => s.system === 'ref');
const clean = all.filter((s) => s.errors === 0);
rates('Human reference (ref)', ref, false);
rates('Human reference (ref)', ref, true);
rates('Segments with no error marked (all systems)', clean, true);
