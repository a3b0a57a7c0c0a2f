import type { Element } from '@xmldom/xmldom';
import type { InlineCodes } from '../../inline-codes';
import { attr, parseFragment } from '../xml-dom';

/*
 * Inline codes between formats (issue #14's converter). A segment's codes are kept as the markup of the format
 * they came from (inline-codes.ts): XLIFF 1.2 g/x/bx/ex/ph/bpt/ept/it/mrk, XLIFF 2.x pc/ph/sc/ec/mrk/sm/em/cp,
 * TMX bpt/ept/it/ph/ut/hi. To write them in another format, each code is first described the same way whatever
 * its format (a NeutralCode: its role, id, native data and type), then written in the other format (render.ts).
 *
 * Roles: a pair's two halves (open/close: g, pc, sc…ec, bx…ex, bpt…ept with both halves in the segment), a half
 * alone (begin/end: it, isolated sc/ec, a bx without its ex), a placeholder (ph: x, ph, ut, cp), or an
 * annotation around text that is no code (mark-open/mark-close: mrk, sm…em, TMX hi).
 */

export type CodeFamily = 'xliff12' | 'xliff2' | 'tmx';

export type Role = 'open' | 'close' | 'begin' | 'end' | 'ph' | 'mark-open' | 'mark-close';

export interface NeutralCode {
  role: Role;
  /** The code's id in its file (a pair's halves share their opener's). */
  id: string;
  /** For a pair's half or a mark's: the other half's character. */
  pair?: string;
  /** The native code it stands for (XLIFF 2 originalData, 1.2 bpt/ept/ph/it content, TMX content). */
  data?: string;
  /** XLIFF 2's type and subType (1.2's ctype maps onto them). */
  type?: string;
  subType?: string;
  equiv?: string;
  disp?: string;
  /** A mark's kind: term, protected, or another word (1.2 mtype, 2.x mrk type, TMX hi type). */
  markType?: string;
}

/** The native data an XLIFF 2 code refers to (its unit's originalData), by data id. */
export type DataLookup = (ref: string | undefined) => string | undefined;

export const SUBTYPE_PREFIX = 'visavis';

/** 1.2 ctype → 2.x type and subType (the XLIFF 2 specification's xlf: sub-types where there is one). */
const CTYPE_TO_2: Record<string, [string, string?]> = {
  bold: ['fmt', 'xlf:b'],
  italic: ['fmt', 'xlf:i'],
  underlined: ['fmt', 'xlf:u'],
  lb: ['fmt', 'xlf:lb'],
  pb: ['fmt', 'xlf:pb'],
  link: ['link'],
  image: ['image'],
};

function typeOfCtype(ctype: string | undefined): Pick<NeutralCode, 'type' | 'subType'> {
  if (!ctype) return {};
  const known = CTYPE_TO_2[ctype];
  if (known) return { type: known[0], ...(known[1] ? { subType: known[1] } : {}) };
  // Any other (x-…): kept whole in our sub-type, so it comes back as it was.
  return /^[^\s:]+$/.test(ctype) ? { type: 'other', subType: `${SUBTYPE_PREFIX}:${ctype}` } : {};
}

/** 2.x type and subType → a 1.2 ctype; `placeholder`: for x/ph (image, pb, lb), else for g/bx/bpt (bold…). */
export function ctypeOf(code: NeutralCode, placeholder: boolean): string | undefined {
  const { type, subType } = code;
  if (subType?.startsWith(`${SUBTYPE_PREFIX}:`)) return subType.slice(SUBTYPE_PREFIX.length + 1);
  const found = Object.entries(CTYPE_TO_2).find(([, [t, s]]) => t === type && s === subType)?.[0];
  const allowed = placeholder ? ['image', 'pb', 'lb'] : ['bold', 'italic', 'underlined', 'link'];
  if (found) return allowed.includes(found) ? found : `x-${found}`;
  return type ? `x-${type}${subType ? `-${subType.replace(/[:\s]/g, '-')}` : ''}` : undefined;
}

const opt = <K extends string>(k: K, v: string | undefined) => (v ? ({ [k]: v } as Record<K, string>) : {});

/** 2.x mrk → a mark kind: term, protected (translate="no"), our prefixed kinds, comment. */
function markTypeOf2(el: Element): string | undefined {
  const type = attr(el, 'type');
  if (type?.startsWith(`${SUBTYPE_PREFIX}:`)) return type.slice(SUBTYPE_PREFIX.length + 1);
  if (attr(el, 'translate') === 'no') return 'protected';
  return type === 'generic' ? undefined : type;
}

/** Codes as read from a file of `family` → neutral codes, by character. */
export function neutralCodes(codes: InlineCodes, family: CodeFamily, data: DataLookup): Map<string, NeutralCode> {
  const out = family === 'tmx' ? fromTmx(codes) : family === 'xliff12' ? fromXliff12(codes) : fromXliff2(codes, data);
  // A pair has one type: its opening's (1.2's ex and ept carry none).
  for (const [ch, c] of out) {
    const open = c.role === 'close' && c.pair !== undefined ? out.get(c.pair) : undefined;
    if (!open) continue;
    const { type: _t, subType: _s, ...rest } = c;
    out.set(ch, { ...rest, ...opt('type', open.type), ...opt('subType', open.subType) });
  }
  return out;
}

function fromTmx(codes: InlineCodes): Map<string, NeutralCode> {
  const out = new Map<string, NeutralCode>();
  for (const [ch, c] of Object.entries(codes)) {
    const id = c.id ?? '';
    const data = c.xml === '' ? {} : { data: c.xml };
    if (c.name === 'hi') {
      const el = c.kind === 'open' ? parseFragment(c.xml) : null;
      const role = c.kind === 'open' ? 'mark-open' : 'mark-close';
      out.set(ch, { role, id, ...opt('pair', c.pair), ...opt('markType', el ? attr(el, 'type') : undefined) });
    } else if (c.kind === 'standalone') out.set(ch, { role: 'ph', id, ...data });
    else if (c.pair && c.name !== 'it') out.set(ch, { role: c.kind, id, pair: c.pair, ...data });
    else out.set(ch, { role: c.kind === 'open' ? 'begin' : 'end', id, ...data });
  }
  return out;
}

/** 1.2 and 2.x: each code's element (a close code: its opener's). */
function elements(codes: InlineCodes): Map<string, Element | null> {
  const out = new Map<string, Element | null>();
  for (const [ch, c] of Object.entries(codes))
    out.set(ch, parseFragment(c.kind === 'close' && c.pair ? (codes[c.pair]?.xml ?? '') : c.xml));
  return out;
}

/** Start and end markers (1.2 bx/ex, bpt/ept; 2.x sc/ec, sm/em) that name each other: paired. */
function pairMarkers(
  els: Map<string, Element | null>,
  isStart: (el: Element) => boolean,
  isEnd: (el: Element) => boolean,
  startKey: (el: Element) => string,
  endKey: (el: Element) => string | undefined,
): Map<string, string> {
  const starts = new Map<string, string>();
  for (const [ch, el] of els) if (el && isStart(el)) starts.set(startKey(el), ch);
  const pairs = new Map<string, string>();
  for (const [ch, el] of els) {
    if (!el || !isEnd(el)) continue;
    const start = starts.get(endKey(el) ?? '');
    if (start === undefined || pairs.has(start)) continue;
    pairs.set(start, ch).set(ch, start);
  }
  return pairs;
}

function fromXliff12(codes: InlineCodes): Map<string, NeutralCode> {
  const els = elements(codes);
  const is =
    (...names: string[]) =>
    (el: Element) =>
      names.includes(el.localName ?? '');
  const ref = (el: Element) => attr(el, 'rid') ?? attr(el, 'id') ?? '';
  const pairs = new Map([
    ...pairMarkers(els, is('bx'), is('ex'), ref, ref),
    ...pairMarkers(els, is('bpt'), is('ept'), ref, ref),
  ]);
  const out = new Map<string, NeutralCode>();
  for (const [ch, c] of Object.entries(codes)) {
    const el = els.get(ch);
    if (!el) continue;
    const name = el.localName ?? '';
    const id = attr(el, 'id') ?? attr(el, 'mid') ?? c.id ?? '';
    const common = { ...typeOfCtype(attr(el, 'ctype')), ...opt('equiv', attr(el, 'equiv-text')) };
    const content = el.textContent ?? '';
    const data = content !== '' ? { data: content } : {};
    if (name === 'mrk')
      out.set(ch, {
        role: c.kind === 'open' ? 'mark-open' : 'mark-close',
        id,
        ...opt('pair', c.pair),
        ...opt('markType', attr(el, 'mtype')),
      });
    else if (name === 'g') {
      const close = c.kind === 'close';
      const own = close ? typeOfCtype(attr(el, 'ctype')) : common; // equiv-text is the opening's
      out.set(ch, { role: close ? 'close' : 'open', id, ...opt('pair', c.pair), ...own });
    } else if (name === 'bx' || name === 'ex' || name === 'bpt' || name === 'ept') {
      const start = name === 'bx' || name === 'bpt';
      const other = pairs.get(ch);
      const startId = other !== undefined && !start ? (attr(els.get(other)!, 'id') ?? id) : id;
      const role = other !== undefined ? (start ? 'open' : 'close') : start ? 'begin' : 'end';
      out.set(ch, { role, id: startId, ...opt('pair', other), ...common, ...data });
    } else if (name === 'it')
      out.set(ch, { role: attr(el, 'pos') === 'close' ? 'end' : 'begin', id, ...common, ...data });
    else out.set(ch, { role: 'ph', id, ...common, ...(name === 'ph' ? data : {}) });
  }
  return out;
}

function fromXliff2(codes: InlineCodes, data: DataLookup): Map<string, NeutralCode> {
  const els = elements(codes);
  const is = (name: string) => (el: Element) => el.localName === name && attr(el, 'isolated') !== 'yes';
  const pairs = new Map([
    ...pairMarkers(
      els,
      is('sc'),
      is('ec'),
      (el) => attr(el, 'id') ?? '',
      (el) => attr(el, 'startRef'),
    ),
    ...pairMarkers(
      els,
      is('sm'),
      is('em'),
      (el) => attr(el, 'id') ?? '',
      (el) => attr(el, 'startRef'),
    ),
  ]);
  const out = new Map<string, NeutralCode>();
  const dataOf = (ref: string | undefined) => {
    const d = data(ref);
    return d !== undefined && d !== '' ? { data: d } : {};
  };
  for (const [ch, c] of Object.entries(codes)) {
    const el = els.get(ch);
    if (!el) continue;
    const name = el.localName ?? '';
    const other = pairs.get(ch);
    const id = attr(el, 'id') ?? (other !== undefined ? attr(els.get(other)!, 'id') : undefined) ?? c.id ?? '';
    const typed = { ...opt('type', attr(el, 'type')), ...opt('subType', attr(el, 'subType')) };
    if (name === 'mrk' || name === 'sm' || name === 'em') {
      if (name !== 'mrk' && other === undefined) continue; // a lone marker of an annotation: nothing to keep
      const start = name === 'em' ? els.get(other!)! : el;
      const role = c.kind === 'close' || name === 'em' ? 'mark-close' : 'mark-open';
      out.set(ch, { role, id, ...opt('pair', c.pair ?? other), ...opt('markType', markTypeOf2(start)) });
    } else if (name === 'pc') {
      const close = c.kind === 'close';
      out.set(ch, {
        role: close ? 'close' : 'open',
        id,
        ...opt('pair', c.pair),
        ...typed,
        ...dataOf(attr(el, close ? 'dataRefEnd' : 'dataRefStart')),
        ...opt('equiv', attr(el, close ? 'equivEnd' : 'equivStart')),
        ...opt('disp', attr(el, close ? 'dispEnd' : 'dispStart')),
      });
    } else if (name === 'sc' || name === 'ec') {
      const role = other !== undefined ? (name === 'sc' ? 'open' : 'close') : name === 'sc' ? 'begin' : 'end';
      const more = {
        ...dataOf(attr(el, 'dataRef')),
        ...opt('equiv', attr(el, 'equiv')),
        ...opt('disp', attr(el, 'disp')),
      };
      out.set(ch, { role, id, ...opt('pair', other), ...typed, ...more });
    } else if (name === 'cp') {
      const hex = parseInt(attr(el, 'hex') ?? '', 16);
      out.set(ch, { role: 'ph', id: c.id ?? '', ...(Number.isFinite(hex) ? { data: String.fromCodePoint(hex) } : {}) });
    } else
      out.set(ch, {
        role: 'ph',
        id,
        ...typed,
        ...dataOf(attr(el, 'dataRef')),
        ...opt('equiv', attr(el, 'equiv')),
        ...opt('disp', attr(el, 'disp')),
      });
  }
  return out;
}
