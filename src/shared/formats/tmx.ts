import { DOMImplementation, type Document, type Element, type Node } from '@xmldom/xmldom';
import { CodeAllocator, type InlineCode, type InlineCodes } from '../inline-codes';
import {
  attr,
  attrNS,
  CDATA_SECTION_NODE,
  childElements,
  firstChild,
  isElement,
  lineOf,
  parseFragment,
  parseXml,
  serializeXml,
  shallowXml,
  TEXT_NODE,
} from './xml-dom';

/*
 * TMX 1.4b (https://www.gala-global.org/tmx-14b): a document's approved segments out as translation memory, and a
 * memory in as a new document (source and target paired per tu).
 * - Out: header with creationtool, creationtoolversion, segtype, o-tmf, adminlang, srclang, datatype; one tu per
 *   segment, a tuv (xml:lang) with its seg per language. Inline codes: a paired code's halves become bpt/ept
 *   (same i), a half without its other half in the text an it, anything else a ph; their content is the code's
 *   original markup, as TMX wants the native code.
 * - In: tu/tuv/seg, xml:lang (or TMX 1.1's lang); the source is the header's srclang (or, for *all*, each tu's
 *   first tuv), the target the first other language. bpt/ept/it/ph/hi/ut become code characters as XLIFF's do.
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

// ---- reading ---------------------------------------------------------------------------------------------

export interface TmxPair {
  id?: string;
  source: string;
  target: string;
  codes?: InlineCodes;
  notes: string[];
}

export interface TmxImport {
  sourceLang: string;
  targetLang: string | null;
  segtype?: string;
  pairs: TmxPair[];
}

export type TmxReadResult = { ok: true; value: TmxImport } | { ok: false; line: number; message: string };

const langOf = (tuv: Element) => attrNS(tuv, XML_NS, 'lang') ?? attr(tuv, 'xml:lang') ?? attr(tuv, 'lang') ?? '';
const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0]!;

/**
 * A seg's content: text, and one code character per inline element (the same element, the same character, in
 * source and target: by its name and number, else its rank among those of its name). A hi is a pair of codes
 * around its text; sub (text of a code's attribute) is left out.
 */
function readSeg(seg: Element, alloc: CodeAllocator, codes: InlineCodes, keys: Map<string, string>) {
  let text = '';
  const rank = new Map<string, number>();
  const code = (kind: InlineCode['kind'], name: string, number: string, xml: string): string => {
    let key = `${name}:${kind}#${number}`;
    if (!number) {
      const r = (rank.get(`${name}:${kind}`) ?? 0) + 1;
      rank.set(`${name}:${kind}`, r);
      key = `${name}:${kind}@${r}`;
    }
    let ch = keys.get(key);
    if (ch === undefined) {
      ch = alloc.take() ?? '';
      if (!ch) return '';
      keys.set(key, ch);
      codes[ch] = { kind, xml, key, name, ...(number ? { id: number } : {}) };
    }
    text += ch;
    return ch;
  };
  const visit = (parent: Node) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
        text += n.nodeValue ?? '';
        continue;
      }
      if (!isElement(n)) continue;
      const name = n.localName ?? '';
      if (name === 'sub') continue;
      if (name === 'hi') {
        // Highlighting: its text stays text, between an opening and a closing.
        const number = attr(n, 'x') ?? '';
        const open = code('open', 'hi', number, shallowXml(n));
        visit(n);
        const close = code('close', 'hi', number, '</hi>');
        if (open && close) {
          codes[open] = { ...codes[open]!, pair: close };
          codes[close] = { ...codes[close]!, pair: open };
        }
        continue;
      }
      const kind: InlineCode['kind'] =
        name === 'bpt' || (name === 'it' && attr(n, 'pos') === 'begin')
          ? 'open'
          : name === 'ept' || name === 'it'
            ? 'close'
            : 'standalone';
      const number = (name === 'bpt' || name === 'ept' ? attr(n, 'i') : attr(n, 'x')) ?? attr(n, 'i') ?? '';
      code(kind, name, number, n.textContent ?? '');
    }
  };
  visit(seg);
  return text;
}

function pairCodes(codes: InlineCodes) {
  const byNumber = new Map<string, { open?: string; close?: string }>();
  for (const [ch, c] of Object.entries(codes)) {
    if (c.kind === 'standalone' || c.name === 'it' || c.name === 'hi') continue;
    const e = byNumber.get(c.id ?? '') ?? {};
    e[c.kind] = ch;
    byNumber.set(c.id ?? '', e);
  }
  for (const { open, close } of byNumber.values()) {
    if (!open || !close) continue;
    codes[open] = { ...codes[open]!, pair: close };
    codes[close] = { ...codes[close]!, pair: open };
  }
}

export function readTmx(text: string): TmxReadResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, ...parsed.problem };
  const root = parsed.doc.documentElement;
  if (!root || root.localName !== 'tmx') return { ok: false, line: 1, message: 'the root element is not <tmx>' };
  const header = firstChild(root, null, 'header');
  const body = firstChild(root, null, 'body');
  if (!header) return { ok: false, line: lineOf(root), message: 'a TMX file must have a header' };
  if (!body) return { ok: false, line: lineOf(root), message: 'a TMX file must have a body' };
  const srclang = attr(header, 'srclang') ?? '*all*';
  let sourceLang = srclang === '*all*' ? '' : srclang;
  let targetLang: string | null = null;
  const pairs: TmxPair[] = [];
  for (const tu of childElements(body, null, 'tu')) {
    const tuvs = childElements(tu, null, 'tuv');
    if (tuvs.length === 0) continue;
    if (!sourceLang) sourceLang = langOf(tuvs[0]!);
    const src = tuvs.find((t) => primary(langOf(t)) === primary(sourceLang)) ?? tuvs[0]!;
    const others = tuvs.filter((t) => t !== src);
    if (targetLang === null && others.length > 0) targetLang = langOf(others[0]!);
    const trg = others.find((t) => targetLang !== null && primary(langOf(t)) === primary(targetLang)) ?? null;
    const srcSeg = firstChild(src, null, 'seg');
    if (!srcSeg) return { ok: false, line: lineOf(src), message: 'a tuv must have a seg' };
    const trgSeg = trg ? firstChild(trg, null, 'seg') : null;
    const codes: InlineCodes = {};
    const alloc = new CodeAllocator([srcSeg.textContent ?? '', trgSeg?.textContent ?? '']);
    const keys = new Map<string, string>();
    const source = readSeg(srcSeg, alloc, codes, keys);
    const target = trgSeg ? readSeg(trgSeg, alloc, codes, keys) : '';
    pairCodes(codes);
    const notes = childElements(tu, null, 'note').map((n) => (n.textContent ?? '').trim());
    const id = attr(tu, 'tuid');
    pairs.push({
      ...(id !== undefined ? { id } : {}),
      source,
      target,
      ...(Object.keys(codes).length > 0 ? { codes } : {}),
      notes: notes.filter(Boolean),
    });
  }
  const segtype = attr(header, 'segtype');
  return { ok: true, value: { sourceLang, targetLang, ...(segtype ? { segtype } : {}), pairs } };
}

/** Whether a text is TMX (its root element), told without parsing it. */
export const looksLikeTmx = (text: string): boolean =>
  // A DOCTYPE may have an internal subset ([…]): a TMX that declares entities is still told as TMX, then refused
  // as TMX (INVALID_TMX), not as an XLIFF it never was.
  /^(?:\uFEFF)?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<tmx[\s>]/.test(
    text.slice(0, 4000),
  );
