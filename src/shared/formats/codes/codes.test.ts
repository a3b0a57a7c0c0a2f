import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture } from '../../../cli/test-io';
import { run } from '../../../cli/visavis';
import { schemaErrors } from '../../../server/xliff-schema-check';
import type { InlineCodes } from '../../inline-codes';
import { readTmx } from '../tmx';
import { readXliff } from '../xliff/read';
import { originalDataOf } from './convert';
import { neutralCodes, type CodeFamily, type NeutralCode } from './neutral';

/*
 * Issue #14's converter with inline codes: XLIFF 1.2 → 2.0 → 1.2 and TMX → XLIFF 2 → TMX keep the text and
 * the codes (ids, pairing, nesting, native data, types) on a CJK pair and an RTL pair; every file written
 * validates against the official schemas (and XLIFF 2's processing requirements, which the reader checks).
 */

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-codes-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A segment's text with each code written as what it is (role, id, pairing, data, type), in order. */
function shape(text: string, codes: InlineCodes | undefined, neutral: Map<string, NeutralCode>, ids = true) {
  const order = new Map<string, number>();
  let out = '';
  for (const ch of text) {
    const c = codes && Object.hasOwn(codes, ch) ? neutral.get(ch) : undefined;
    if (!c) {
      if (!(codes && Object.hasOwn(codes, ch))) out += ch;
      continue;
    }
    if (!order.has(c.pair ?? ch)) order.set(ch, order.size + 1);
    const n = order.get(c.pair ?? ch) ?? order.get(ch);
    const id = ids && !c.role.startsWith('mark') ? c.id : `#${n}`;
    const extra = [c.data && `data=${c.data}`, c.type && `type=${c.type}`, c.subType, c.equiv, c.markType]
      .filter(Boolean)
      .join(' ');
    out += `[${c.role} ${id}${extra ? ` ${extra}` : ''}]`;
  }
  return out;
}

async function xliffShapes(file: string, ids = true) {
  const text = await fs.readFile(file, 'utf8');
  const r = readXliff(text);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problem)}`);
  const family: CodeFamily = r.value.version === '1.2' ? 'xliff12' : 'xliff2';
  const data = originalDataOf(text);
  return {
    langs: [r.value.sourceLang, r.value.targetLang],
    segments: r.value.segments.map((s) => {
      const n = neutralCodes(s.codes ?? {}, family, data({ id: '', meta: s.meta }));
      return [shape(s.source, s.codes, n, ids), shape(s.target, s.codes, n, ids)];
    }),
  };
}

async function tmxShapes(file: string) {
  const r = readTmx(await fs.readFile(file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return {
    langs: [r.value.sourceLang, r.value.targetLang],
    segments: r.value.pairs.map((p) => {
      const n = neutralCodes(p.codes ?? {}, 'tmx', () => undefined);
      return [shape(p.source, p.codes, n), shape(p.target, p.codes, n)];
    }),
  };
}

async function convert(...args: string[]) {
  const c = capture();
  const code = await run(['convert', ...args.map((a) => (/\.\w+$/.test(a) ? path.join(tmp, a) : a))], c.io);
  expect(code, c.stderr()).toBe(0);
}

const PAIRS = [
  {
    name: 'English → Japanese (CJK)',
    src: 'en',
    trg: 'ja',
    t: ['今すぐ', '保存', 'するか', '終了', 'します', '開く', 'ファイル', 'メニュー', '太字', '斜体'],
  },
  {
    name: 'English → Arabic (RTL)',
    src: 'en-US',
    trg: 'ar',
    t: ['اضغط ', 'حفظ', ' أو ', 'إنهاء', ' الآن', 'افتح', 'الملف', ' القائمة', 'عريض', 'مائل'],
  },
];

const xliff12 = (src: string, trg: string, t: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="t.html" source-language="${src}" target-language="${trg}" datatype="html">
  <body>
   <trans-unit id="1">
    <source>Press <g id="1" ctype="bold">Save <x id="2" ctype="image" equiv-text="[img]"/> now</g> or <bpt id="3" ctype="italic">&lt;i class="q"&gt;</bpt>quit<ept id="3">&lt;/i&gt;</ept><ph id="4">&lt;br/&gt;</ph>.</source>
    <target>${t[0]}<g id="1" ctype="bold"><x id="2" ctype="image" equiv-text="[img]"/>${t[1]}</g>${t[2]}<bpt id="3" ctype="italic">&lt;i class="q"&gt;</bpt>${t[3]}<ept id="3">&lt;/i&gt;</ept>${t[4]}<ph id="4">&lt;br/&gt;</ph>.</target>
   </trans-unit>
   <trans-unit id="2">
    <source><bx id="5" rid="r5" ctype="x-span"/>Open<ex id="6" rid="r5"/> <it id="7" pos="open">&lt;u&gt;</it>the <mrk mtype="term">file</mrk> menu</source>
    <target><bx id="5" rid="r5" ctype="x-span"/>${t[5]}<ex id="6" rid="r5"/> <it id="7" pos="open">&lt;u&gt;</it><mrk mtype="term">${t[6]}</mrk>${t[7]}</target>
   </trans-unit>
   <trans-unit id="3">
    <source><g id="8" ctype="bold">Bold <g id="9" ctype="italic">both</g></g> <g id="10" ctype="x-note">crossed</g> end</source>
    <target><g id="8" ctype="bold">${t[8]} <bx id="9" ctype="italic"/></g><bx id="10" ctype="x-note"/>${t[9]}<ex id="9-end" rid="9"/><ex id="10-end" rid="10"/></target>
   </trans-unit>
  </body>
 </file>
</xliff>
`;

describe.each(PAIRS)('XLIFF 1.2 → 2.0 → 1.2, $name', ({ src, trg, t }) => {
  it('keeps text and codes: ids, pairing, nesting, native data, types; each file valid', async () => {
    await fs.writeFile(path.join(tmp, 'in.xlf'), xliff12(src, trg, t));
    await convert('in.xlf', 'out20.xlf', '--to', 'xliff20');
    await convert('out20.xlf', 'back12.xlf', '--to', 'xliff12');
    const x20 = await fs.readFile(path.join(tmp, 'out20.xlf'), 'utf8');
    expect(x20).toContain('urn:oasis:names:tc:xliff:document:2.0');
    expect(schemaErrors(x20, '2.0')).toBeNull();
    // Native data in the unit's originalData, referred to by the codes.
    expect(x20).toMatch(/<originalData><data id="d1">&lt;i class="q"&gt;<\/data>/);
    expect(x20).toContain('<pc id="3" type="fmt" subType="xlf:i" dataRefStart="d1" dataRefEnd="d2">');
    expect(x20).toContain('<sc id="7" isolated="yes" dataRef="d1"/>');
    expect(x20).toContain('<ph id="2" type="image" equiv="[img]"/>');
    expect(x20).toContain('<mrk id="');
    // The crossing pair of unit 3 is sc/ec in 2.x (no pc can hold it).
    expect(x20).toMatch(/<sc id="9"[^>]*\/>/);
    const back = await fs.readFile(path.join(tmp, 'back12.xlf'), 'utf8');
    expect(schemaErrors(back, '1.2')).toBeNull();

    const original = await xliffShapes(path.join(tmp, 'in.xlf'));
    expect(original.segments[0]![1]).toBe(
      `${t[0]}[open 1 type=fmt xlf:b][ph 2 type=image [img]]${t[1]}[close 1 type=fmt xlf:b]${t[2]}` +
        `[open 3 data=<i class="q"> type=fmt xlf:i]${t[3]}[close 3 data=</i> type=fmt xlf:i]${t[4]}[ph 4 data=<br/>].`,
    );
    expect(await xliffShapes(path.join(tmp, 'back12.xlf'))).toEqual(original);
    // 2.0 says the same (marks' ids aside: a 1.2 mrk need not have one).
    const ids = false;
    expect((await xliffShapes(path.join(tmp, 'out20.xlf'), ids)).segments).toEqual(
      (await xliffShapes(path.join(tmp, 'in.xlf'), ids)).segments,
    );
  });
});

const tmx = (src: string, trg: string, t: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
 <header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="${src}" datatype="html"/>
 <body>
  <tu tuid="a">
   <tuv xml:lang="${src}"><seg>Press <bpt i="1" x="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> or <bpt i="2">&lt;a href="#q"&gt;</bpt>quit <ph x="3">&lt;img/&gt;</ph><ept i="2">&lt;/a&gt;</ept> now.</seg></tuv>
   <tuv xml:lang="${trg}"><seg>${t[0]}<bpt i="1" x="1">&lt;b&gt;</bpt>${t[1]}<ept i="1">&lt;/b&gt;</ept>${t[2]}<bpt i="2">&lt;a href="#q"&gt;</bpt>${t[3]}<ph x="3">&lt;img/&gt;</ph><ept i="2">&lt;/a&gt;</ept>${t[4]}</seg></tuv>
  </tu>
  <tu tuid="b">
   <tuv xml:lang="${src}"><seg><it pos="begin" x="4">&lt;u&gt;</it>Open the <hi x="5" type="term">file</hi> menu<it pos="end" x="6">&lt;/u&gt;</it></seg></tuv>
   <tuv xml:lang="${trg}"><seg><it pos="begin" x="4">&lt;u&gt;</it>${t[5]} <hi x="5" type="term">${t[6]}</hi>${t[7]}<it pos="end" x="6">&lt;/u&gt;</it></seg></tuv>
  </tu>
  <tu tuid="c">
   <tuv xml:lang="${src}"><seg>Plain <bpt i="1"></bpt>empty<ept i="1"></ept> code</seg></tuv>
   <tuv xml:lang="${trg}"><seg>${t[8]} <bpt i="1"></bpt>${t[9]}<ept i="1"></ept></seg></tuv>
  </tu>
 </body>
</tmx>
`;

describe.each(PAIRS)('TMX → XLIFF 2 → TMX, $name', ({ src, trg, t }) => {
  it('keeps text and codes: bpt/ept pairs, it, ph, hi with their numbers and native code; each file valid', async () => {
    await fs.writeFile(path.join(tmp, 'in.tmx'), tmx(src, trg, t));
    await convert('in.tmx', 'mid.xlf');
    await convert('mid.xlf', 'back.tmx');
    const xlf = await fs.readFile(path.join(tmp, 'mid.xlf'), 'utf8');
    expect(schemaErrors(xlf, '2.2')).toBeNull();
    expect(xlf).toContain('<pc id="2" dataRefStart="d3" dataRefEnd="d4">');
    expect(xlf).toContain('<mrk id="5" type="term">');
    const original = await tmxShapes(path.join(tmp, 'in.tmx'));
    expect(original.segments[1]![1]).toBe(
      `[begin 4 data=<u>]${t[5]} [mark-open #2 term]${t[6]}[mark-close #2]${t[7]}[end 6 data=</u>]`,
    );
    expect(await tmxShapes(path.join(tmp, 'back.tmx'))).toEqual(original);
    // And into XLIFF 2.0 and 1.2: valid, the same codes.
    await convert('in.tmx', 'mid20.xlf', '--to', 'xliff20');
    expect(schemaErrors(await fs.readFile(path.join(tmp, 'mid20.xlf'), 'utf8'), '2.0')).toBeNull();
    await convert('in.tmx', 'mid12.xlf', '--to', 'xliff12');
    const x12 = await fs.readFile(path.join(tmp, 'mid12.xlf'), 'utf8');
    expect(schemaErrors(x12, '1.2')).toBeNull();
    expect(x12).toContain('<bpt id="1">&lt;b&gt;</bpt>');
    expect(x12).toContain('<g id="1">'); // the pair without native code (tu c)
    await convert('mid12.xlf', 'back12.tmx');
    expect(await tmxShapes(path.join(tmp, 'back12.tmx'))).toEqual(original);
  });
});

describe('every XLIFF fixture converts into each version and TMX', () => {
  const dir = new URL('../xliff/fixtures/', import.meta.url);
  it('valid against the official schemas, read back with the same texts and translate="no"', async () => {
    const names = [
      ...(await fs.readdir(dir)).filter((f) => /\.(xlf|sdlxliff)$/.test(f)),
      ...(await fs.readdir(new URL('conformance/valid/', dir))).map((f) => `conformance/valid/${f}`),
    ];
    expect(names.length).toBeGreaterThan(8);
    const plain = (s: string) => s.replace(/[\uE000-\uF8FF]/g, '');
    for (const name of names) {
      const input = path.join(tmp, path.basename(name));
      await fs.copyFile(new URL(name, dir), input);
      const texts = (file: string) =>
        fs.readFile(file, 'utf8').then((x) => {
          const r = readXliff(x);
          if (!r.ok) throw new Error(`${name} → ${file}: ${JSON.stringify(r.problem)}`);
          return r.value.segments.map((s) => [plain(s.source), plain(s.target), s.readOnly]);
        });
      const expected = await texts(input);
      for (const [to, version] of [
        ['xliff20', '2.0'],
        ['xliff22', '2.2'],
        ['xliff12', '1.2'],
      ] as const) {
        const out = `${path.basename(name)}.${to}.xlf`;
        await convert(path.basename(name), out, '--to', to, '--target-lang', 'fr');
        const xml = await fs.readFile(path.join(tmp, out), 'utf8');
        expect(schemaErrors(xml, version), `${name} → ${to}`).toBeNull();
        expect(await texts(path.join(tmp, out)), `${name} → ${to}`).toEqual(expected);
      }
      await convert(path.basename(name), `${path.basename(name)}.tmx`, '--target-lang', 'fr');
      const tmxRead = readTmx(await fs.readFile(path.join(tmp, `${path.basename(name)}.tmx`), 'utf8'));
      expect(tmxRead.ok, name).toBe(true);
    }
  });
});
