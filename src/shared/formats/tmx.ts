import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import type { InlineCodes } from '../inline-codes';
import { parseFragment, serializeXml } from './xml-dom';

/*
 * TMX 1.4b (https://www.gala-global.org/tmx-14b): a document's approved segments out as translation memory, and a
 * memory in as a new document (source and target paired per tu).
 * - Out: header with creationtool, creationtoolversion, segtype, o-tmf, adminlang, srclang, datatype; one tu per
 *   segment, a tuv (xml:lang) with its seg per language. Inline codes (as TMX has them: formats/codes/ maps other
 *   formats' into them): a pair's halves become bpt/ept (same i), a half alone an it, a placeholder a ph, each
 *   holding the native code; a hi holds its text. Numbers are the codes' own ids where TMX takes them.
 * - In (tmx-read.ts): tu/tuv/seg, xml:lang (or TMX 1.1's lang); bpt/ept/it/ph/ut become code characters as
 *   XLIFF's do, a hi a pair of them.
 */

export const TMX_FORMAT = 'tmx';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const TMX_CREATION_TOOL = 'Vis-à-vis';
export const TMX_CREATION_TOOL_VERSION = '0.1.0';

export interface TmxSegment {
  id: string;
  source: string;
  target: string;
  codes?: InlineCodes | undefined;
  /** A segment read from TMX keeps its tu's tuid (meta.tuid). */
  meta?: Record<string, string> | undefined;
}

export interface TmxWriteOptions {
  sourceLang: string;
  targetLang: string;
  /** paragraph for documents made of paragraphs, sentence for segmented ones (XLIFF). */
  segtype: 'paragraph' | 'sentence';
  /** The original's format, e.g. "plaintext" or "xliff". */
  datatype: string;
  segments: readonly TmxSegment[];
}

/**
 * The number of each code in a segment (bpt/ept i, it/ph/hi x): the code's own id when it is one TMX takes and
 * no other code of the segment has it, else the next free one. A pair's halves share their opening's.
 */
function numbersOf(codes: InlineCodes): Map<string, number> {
  const out = new Map<string, number>();
  const taken = new Set<number>();
  const owner = (ch: string) => {
    const c = codes[ch]!;
    return c.kind === 'close' && c.pair && Object.hasOwn(codes, c.pair) ? c.pair : ch;
  };
  const chars = Object.keys(codes);
  for (const ch of chars) {
    const id = codes[ch]!.id;
    if (owner(ch) !== ch || !id || !/^[1-9]\d{0,8}$/.test(id) || taken.has(Number(id))) continue;
    out.set(ch, Number(id));
    taken.add(Number(id));
  }
  let n = 0;
  for (const ch of chars) {
    if (owner(ch) !== ch || out.has(ch)) continue;
    while (taken.has(++n));
    out.set(ch, n);
    taken.add(n);
  }
  for (const ch of chars) if (owner(ch) !== ch) out.set(ch, out.get(owner(ch))!);
  return out;
}

/** Which hi openings (by character) have their closing after them, properly nested with the other hi. */
function nestedHi(text: string, map: InlineCodes): Set<string> {
  const ok = new Set<string>();
  const stack: string[] = [];
  for (const ch of text) {
    const code = Object.hasOwn(map, ch) ? map[ch] : undefined;
    if (code?.name !== 'hi') continue;
    if (code.kind === 'open') stack.push(ch);
    else if (code.kind === 'close' && code.pair) {
      const k = stack.lastIndexOf(code.pair);
      if (k === -1) continue;
      ok.add(code.pair);
      stack.length = k;
    }
  }
  return ok;
}

function writeSeg(xml: Document, seg: Element, text: string, codes: InlineCodes | undefined) {
  const map = codes ?? {};
  const present = new Set([...text].filter((c) => Object.hasOwn(map, c)));
  const numbers = numbersOf(map);
  const hi = nestedHi(text, map);
  const stack: Element[] = [seg];
  const top = () => stack[stack.length - 1]!;
  let run = '';
  const flush = () => {
    if (run) top().appendChild(xml.createTextNode(run));
    run = '';
  };
  for (const ch of text) {
    const code = Object.hasOwn(map, ch) ? map[ch] : undefined;
    if (!code) {
      run += ch;
      continue;
    }
    flush();
    const n = String(numbers.get(ch));
    if (code.name === 'hi') {
      // A highlight holds its text; one that crosses another is left out (its text stays).
      if (code.kind === 'open' && hi.has(ch)) {
        const el = xml.createElement('hi');
        el.setAttribute('x', n);
        const type = parseFragment(code.xml)?.getAttribute('type');
        if (type) el.setAttribute('type', type);
        top().appendChild(el);
        stack.push(el);
      } else if (code.kind === 'close' && code.pair && hi.has(code.pair)) stack.pop();
      continue;
    }
    const paired =
      code.kind !== 'standalone' && code.name !== 'it' && code.pair !== undefined && present.has(code.pair);
    let el: Element;
    if (code.kind === 'standalone') {
      el = xml.createElement('ph');
      el.setAttribute('x', n);
    } else if (!paired) {
      el = xml.createElement('it');
      el.setAttribute('pos', code.kind === 'open' ? 'begin' : 'end');
      el.setAttribute('x', n);
    } else {
      el = xml.createElement(code.kind === 'open' ? 'bpt' : 'ept');
      el.setAttribute('i', n);
      if (code.kind === 'open') el.setAttribute('x', n);
    }
    if (code.xml) el.appendChild(xml.createTextNode(code.xml));
    top().appendChild(el);
  }
  flush();
}

export function writeTmx(opts: TmxWriteOptions): string {
  const xml = new DOMImplementation().createDocument(null, 'tmx', null);
  const root = xml.documentElement!;
  root.setAttribute('version', '1.4');
  const header = xml.createElement('header');
  const attrs: [string, string][] = [
    ['creationtool', TMX_CREATION_TOOL],
    ['creationtoolversion', TMX_CREATION_TOOL_VERSION],
    ['segtype', opts.segtype],
    ['o-tmf', 'visavis'],
    ['adminlang', 'en'],
    ['srclang', opts.sourceLang],
    ['datatype', opts.datatype],
  ];
  for (const [k, v] of attrs) header.setAttribute(k, v);
  root.appendChild(header);
  const body = xml.createElement('body');
  root.appendChild(body);
  for (const s of opts.segments) {
    const tu = xml.createElement('tu');
    tu.setAttribute('tuid', s.meta?.tuid ?? s.id);
    for (const [lang, text] of [
      [opts.sourceLang, s.source],
      [opts.targetLang, s.target],
    ] as const) {
      const tuv = xml.createElement('tuv');
      tuv.setAttributeNS(XML_NS, 'xml:lang', lang);
      const seg = xml.createElement('seg');
      writeSeg(xml, seg, text, s.codes);
      tuv.appendChild(seg);
      tu.appendChild(tuv);
    }
    body.appendChild(tu);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(xml)}\n`;
}

export { looksLikeTmx, readTmx, type TmxImport, type TmxPair, type TmxReadResult } from './tmx-read';
