import type { Element, Node } from '@xmldom/xmldom';
import { CodeAllocator, type InlineCode, type InlineCodes } from '../inline-codes';
import {
  attr,
  attrNS,
  CDATA_SECTION_NODE,
  childElements,
  firstChild,
  isElement,
  lineOf,
  parseXml,
  shallowXml,
  TEXT_NODE,
} from './xml-dom';

/*
 * TMX 1.4b in (tmx.ts writes it): tu/tuv/seg, xml:lang (or TMX 1.1's lang); the source is the header's srclang (or,
 * for *all*, each tu's first tuv), the target the first other language. bpt/ept/it/ph/ut become code characters
 * as XLIFF's do, a hi a pair of them around its text.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

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
