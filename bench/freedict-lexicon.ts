import fs from 'node:fs';
import zlib from 'node:zlib';

// Builds a word-pair lexicon (TSV: source word, tab, target word) for the aligner's optional `dictionary`
// from FreeDict dictionaries in dictd format (Debian's dict-freedict-* packages, GPL: loaded at run time,
// never shipped), directly or through a pivot language:
//   npx tsx bench/freedict-lexicon.ts OUT.tsv /usr/share/dictd/freedict-deu-eng [/usr/share/dictd/freedict-eng-fra]
// With two dictionaries, source → pivot → target: every pivot word links all its sources to all its targets.
// Single words only (multi-word headwords and translations are skipped); `MAX_FANOUT` drops source words with
// more target words than that (the pivot's ambiguous words make them noise).

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** dictd's index numbers: base 64, most significant digit first. */
const b64 = (s: string) => [...s].reduce((n, ch) => n * 64 + B64.indexOf(ch), 0);

/** Headword → its single-word translations. */
function readDictd(base: string): Map<string, Set<string>> {
  const text = zlib.gunzipSync(fs.readFileSync(`${base}.dict.dz`)); // dictzip is gzip with an index
  const out = new Map<string, Set<string>>();
  for (const line of fs.readFileSync(`${base}.index`, 'utf8').split('\n')) {
    const [head, offset, length] = line.split('\t');
    if (!head || !offset || !length || head.startsWith('00database') || /\s/.test(head.trim())) continue;
    const body = text
      .subarray(b64(offset), b64(offset) + b64(length))
      .toString('utf8')
      .split('\n')
      .slice(1);
    for (const raw of body) {
      // Translation lines; not the notes, synonyms and cross-references.
      if (/^\s*(Note|Synonyms?|see|Example|Examples):/i.test(raw)) continue;
      const cleaned = raw
        .replace(/\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}/g, ' ')
        .replace(/^\s*\d+\.\s*/, '')
        .trim();
      for (const t of cleaned.split(/[,;]/)) {
        const word = t.trim().toLowerCase();
        if (!word || /[\s\d]/.test(word)) continue;
        let set = out.get(head.toLowerCase());
        if (!set) out.set(head.toLowerCase(), (set = new Set()));
        set.add(word);
      }
    }
  }
  return out;
}

const MAX_FANOUT = Number(process.env.MAX_FANOUT ?? 12);
const [outFile, first, second] = process.argv.slice(2);
if (!outFile || !first) {
  console.error('usage: freedict-lexicon.ts OUT.tsv SOURCE-PIVOT-BASE [PIVOT-TARGET-BASE]');
  process.exit(2);
}
const a = readDictd(first);
const b = second ? readDictd(second) : undefined;
const lines: string[] = [];
for (const [source, pivots] of a) {
  const targets = new Set<string>();
  for (const p of pivots) for (const t of b ? (b.get(p) ?? []) : [p]) targets.add(t);
  if (targets.size === 0 || targets.size > MAX_FANOUT) continue;
  for (const t of targets) lines.push(`${source}\t${t}`);
}
fs.writeFileSync(outFile, lines.join('\n') + '\n');
console.log(`${lines.length} pairs, ${a.size} headwords${b ? ` through ${b.size} pivot headwords` : ''} → ${outFile}`);
