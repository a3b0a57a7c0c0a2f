import { DOMImplementation, type Element } from '@xmldom/xmldom';
import type { InlineCode, InlineCodes } from '../../inline-codes';
import { serializeXml } from '../xml-dom';
import { ctypeOf, SUBTYPE_PREFIX, type CodeFamily, type NeutralCode } from './neutral';

/*
 * Neutral codes (neutral.ts) → the codes of a segment in another format, on the same characters (the texts do
 * not change, so neither do flags' offsets). A pair stays a pair where the format has one (2.x pc, 1.2 g, TMX
 * bpt/ept): the XLIFF writer turns a pair that crosses another into start and end markers (sc/ec, bx/ex) itself.
 * - XLIFF 2.x: pc (native data by dataRefStart/dataRefEnd), isolated sc/ec, ph, mrk; the native data goes in
 *   the unit's originalData (`data`, written by the skeleton: convert.ts).
 * - XLIFF 1.2: g, or bpt/ept when there is native data (g cannot hold any); it, or bx/ex without data; ph, or x
 *   without data; mrk with an mtype.
 * - TMX: bpt/ept, it, ph with the native data as content; hi for marks.
 */

export interface Rendered {
  codes: InlineCodes;
  /** XLIFF 2.x: the originalData of the segment's unit (data id → native code). */
  data: [string, string][];
}

const MTYPES = new Set(
  (
    'abbrev abbreviated-form abbreviation acronym appellation collocation common-name datetime equation expanded-form ' +
    'formula head-term initialism international-scientific-term internationalism logical-expression ' +
    'materials-management-unit name near-synonym part-number phrase phraseological-unit protected romanized-form seg ' +
    'set-phrase short-form sku standard-text symbol synonym synonymous-phrase term transcribed-form ' +
    'transliterated-form truncated-term variant'
  ).split(' '),
);
const TYPES_2 = new Set(['fmt', 'ui', 'quote', 'link', 'image', 'other']);
const XLF_SUBTYPE_TYPE: Record<string, string> = {
  'xlf:lb': 'fmt',
  'xlf:pb': 'fmt',
  'xlf:b': 'fmt',
  'xlf:i': 'fmt',
  'xlf:u': 'fmt',
  'xlf:var': 'ui',
};

/**
 * Ids the target format accepts, unique on each side of the segment (the same code in source and target may be
 * written twice, once per side, as real files do); a pair's halves share one. `reserved`: ids the source
 * cannot use (XLIFF 2's segment ids share its id space).
 */
function assignIds(
  neutral: Map<string, NeutralCode>,
  family: CodeFamily,
  sides: readonly string[],
  reserved: readonly string[],
): Map<string, string> {
  const valid = (id: string) =>
    family === 'tmx' ? /^[1-9]\d{0,8}$/.test(id) : family === 'xliff2' ? /^[\p{L}\p{N}._:-]+$/u.test(id) : id !== '';
  const out = new Map<string, string>();
  const taken = sides.map((_, k) => new Set<string>(k === 0 ? reserved : []));
  const owner = (ch: string, c: NeutralCode) =>
    (c.role === 'close' || c.role === 'mark-close') && c.pair && neutral.has(c.pair) ? c.pair : ch;
  // The sides a code (either half of it) is on; on none, both.
  const sidesOf = (ch: string, c: NeutralCode) => {
    const on = sides.flatMap((text, k) => (text.includes(ch) || (c.pair && text.includes(c.pair)) ? [k] : []));
    return on.length > 0 ? on : sides.map((_, k) => k);
  };
  const free = (id: string, on: number[]) => on.every((k) => !taken[k]!.has(id));
  const take = (ch: string, id: string, on: number[]) => {
    out.set(ch, id);
    for (const k of on) taken[k]!.add(id);
  };
  for (const [ch, c] of neutral) {
    const on = sidesOf(ch, c);
    if (owner(ch, c) === ch && valid(c.id) && free(c.id, on)) take(ch, c.id, on);
  }
  for (const [ch, c] of neutral) {
    if (owner(ch, c) !== ch || out.has(ch)) continue;
    const on = sidesOf(ch, c);
    let n = 0;
    const next = () => (family === 'tmx' ? String(++n) : `c${++n}`);
    let id = next();
    while (!free(id, on)) id = next();
    take(ch, id, on);
  }
  for (const [ch, c] of neutral) if (owner(ch, c) !== ch) out.set(ch, out.get(c.pair!)!);
  return out;
}

/** The roles as they stand in this segment: a half whose other half is not among the codes is alone. */
function settle(neutral: Map<string, NeutralCode>): Map<string, NeutralCode> {
  const out = new Map<string, NeutralCode>();
  for (const [ch, c] of neutral) {
    const paired = c.pair !== undefined && neutral.has(c.pair);
    if ((c.role === 'open' || c.role === 'close') && !paired)
      out.set(ch, { ...c, role: c.role === 'open' ? 'begin' : 'end' });
    else if ((c.role === 'mark-open' || c.role === 'mark-close') && !paired) continue;
    else out.set(ch, c);
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Native data as 1.2 and TMX hold it: text. A character XML cannot hold (2.x's cp) is written as the character
 * reference that stands for it in XML or HTML, the native formats these files mostly carry.
 */
const asText = (c: NeutralCode): NeutralCode =>
  c.data !== undefined && NOT_IN_XML.test(c.data)
    ? {
        ...c,
        data: c.data.replace(new RegExp(NOT_IN_XML, 'g'), (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`),
      }
    : c;

export function renderCodes(
  neutralIn: Map<string, NeutralCode>,
  family: CodeFamily,
  ns: string | null,
  /** The segment's source and target (where each code is). */
  sides: readonly string[],
  reserved: readonly string[] = [],
): Rendered {
  const neutral = settle(neutralIn);
  const ids = assignIds(neutral, family, sides, reserved);
  const xml = new DOMImplementation().createDocument(ns, 'x', null);
  const el = (name: string, attrs: Record<string, string | undefined>, content?: string): string => {
    const e = xml.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== '') e.setAttribute(k, v);
    if (content) e.appendChild(xml.createTextNode(content));
    return serializeXml(e as Element);
  };
  const codes: InlineCodes = {};
  const data: [string, string][] = [];
  const dataRef = (d: string | undefined) => {
    if (d === undefined) return undefined;
    const id = `d${data.length + 1}`;
    data.push([id, d]);
    return id;
  };
  const put = (ch: string, kind: InlineCode['kind'], name: string, markup: string, id: string, pair?: string) => {
    const key = `${name}#${id}${kind === 'close' ? '/' : ''}`;
    codes[ch] = { kind, xml: markup, key, name, id, ...(pair !== undefined ? { pair } : {}) };
  };
  for (const [ch, raw] of neutral) {
    const c = family === 'xliff2' ? raw : asText(raw);
    const id = ids.get(ch)!;
    const pairOf = c.pair !== undefined ? neutral.get(c.pair) : undefined;
    const other = pairOf && family !== 'xliff2' ? asText(pairOf) : pairOf;
    if (family === 'tmx') renderTmx(c, ch, id, put, el);
    else if (family === 'xliff12') render12(c, other, ch, id, put, el);
    else render2(c, other, ch, id, put, el, dataRef);
  }
  return { codes, data };
}

type Put = (ch: string, kind: InlineCode['kind'], name: string, markup: string, id: string, pair?: string) => void;
type El = (name: string, attrs: Record<string, string | undefined>, content?: string) => string;

function renderTmx(c: NeutralCode, ch: string, id: string, put: Put, el: El) {
  const data = c.data ?? '';
  if (c.role === 'mark-open') put(ch, 'open', 'hi', el('hi', { type: c.markType }), id, c.pair);
  else if (c.role === 'mark-close') put(ch, 'close', 'hi', '</hi>', id, c.pair);
  else if (c.role === 'open') put(ch, 'open', 'bpt', data, id, c.pair);
  else if (c.role === 'close') put(ch, 'close', 'ept', data, id, c.pair);
  else if (c.role === 'begin') put(ch, 'open', 'it', data, id);
  else if (c.role === 'end') put(ch, 'close', 'it', data, id);
  else put(ch, 'standalone', 'ph', data, id);
}

function render12(c: NeutralCode, other: NeutralCode | undefined, ch: string, id: string, put: Put, el: El) {
  const ctype = (placeholder: boolean) => ctypeOf(c, placeholder);
  const equiv = c.equiv;
  switch (c.role) {
    case 'mark-open': {
      const t = c.markType;
      const mtype = !t ? 'x-generic' : MTYPES.has(t) || /^x-\S+$/.test(t) ? t : `x-${t.replace(/\s/g, '-')}`;
      return put(ch, 'open', 'mrk', el('mrk', { mtype }), id, c.pair);
    }
    case 'mark-close':
      return put(ch, 'close', 'mrk', '</mrk>', id, c.pair);
    case 'open':
    case 'close': {
      if (c.data === undefined && other?.data === undefined) {
        if (c.role === 'close') return put(ch, 'close', 'g', '</g>', id, c.pair);
        return put(ch, 'open', 'g', el('g', { id, ctype: ctype(false), 'equiv-text': equiv }), id, c.pair);
      }
      // Native data: bpt/ept (1.2's g has none), paired by their id.
      const name = c.role === 'open' ? 'bpt' : 'ept';
      const attrs = c.role === 'open' ? { id, ctype: ctype(false), 'equiv-text': equiv } : { id, 'equiv-text': equiv };
      return put(ch, 'standalone', name, el(name, attrs, c.data), id);
    }
    case 'begin':
    case 'end': {
      const pos = c.role === 'begin' ? 'open' : 'close';
      if (c.data !== undefined)
        return put(ch, 'standalone', 'it', el('it', { id, pos, ctype: ctype(false), 'equiv-text': equiv }, c.data), id);
      const name = c.role === 'begin' ? 'bx' : 'ex';
      const attrs = c.role === 'begin' ? { id, ctype: ctype(false), 'equiv-text': equiv } : { id, 'equiv-text': equiv };
      return put(ch, 'standalone', name, el(name, attrs), id);
    }
    default: {
      if (c.data !== undefined)
        return put(ch, 'standalone', 'ph', el('ph', { id, ctype: ctype(true), 'equiv-text': equiv }, c.data), id);
      return put(ch, 'standalone', 'x', el('x', { id, ctype: ctype(true), 'equiv-text': equiv }), id);
    }
  }
}

/** type and subType as XLIFF 2 allows them (a subType needs a type; the xlf: ones, a given type). */
function types2(c: NeutralCode): { type?: string; subType?: string } {
  const sub = c.subType && /^[^\s:]+:[^\s:]+$/.test(c.subType) ? c.subType : undefined;
  const forced = sub ? XLF_SUBTYPE_TYPE[sub] : undefined;
  if (sub?.startsWith('xlf:') && !forced) return c.type && TYPES_2.has(c.type) ? { type: c.type } : {};
  const type = forced ?? (c.type && TYPES_2.has(c.type) ? c.type : sub ? 'other' : undefined);
  return { ...(type ? { type } : {}), ...(type && sub ? { subType: sub } : {}) };
}

function render2(
  c: NeutralCode,
  other: NeutralCode | undefined,
  ch: string,
  id: string,
  put: Put,
  el: El,
  dataRef: (d: string | undefined) => string | undefined,
) {
  const t = types2(c);
  switch (c.role) {
    case 'mark-open': {
      const m = c.markType;
      const type =
        m === 'term' || m === 'comment'
          ? m
          : m && m !== 'protected' && /^[^\s:]+$/.test(m)
            ? `${SUBTYPE_PREFIX}:${m}`
            : 'generic';
      return put(
        ch,
        'open',
        'mrk',
        el('mrk', { id, type, translate: m === 'protected' ? 'no' : undefined }),
        id,
        c.pair,
      );
    }
    case 'mark-close':
      return put(ch, 'close', 'mrk', '</mrk>', id, c.pair);
    case 'open': {
      const attrs = {
        id,
        ...t,
        dataRefStart: dataRef(c.data),
        dataRefEnd: dataRef(other?.data),
        equivStart: c.equiv,
        equivEnd: other?.equiv,
        dispStart: c.disp,
        dispEnd: other?.disp,
      };
      return put(ch, 'open', 'pc', el('pc', attrs), id, c.pair);
    }
    case 'close':
      return put(ch, 'close', 'pc', '</pc>', id, c.pair);
    default: {
      const name = c.role === 'begin' ? 'sc' : c.role === 'end' ? 'ec' : 'ph';
      const isolated = name === 'ph' ? undefined : 'yes';
      const attrs = { id, isolated, ...t, dataRef: dataRef(c.data), equiv: c.equiv, disp: c.disp };
      return put(ch, 'standalone', name, el(name, attrs), id);
    }
  }
}
