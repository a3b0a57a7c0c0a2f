import type { Document, Element, Text } from '@xmldom/xmldom';
import type { InlineCodes } from '../../inline-codes';
import { attr, elementFromXml } from '../xml-dom';
import type { XliffVersion } from './model';

/*
 * Plain text with code characters and review marks → a source or target's content. Paired codes and marks
 * that nest are written as elements around their content (pc, g, mrk); when an edit or a mark crosses them,
 * the crossing ones are written as start and end markers (2.x sc/ec and sm/em, 1.2 bx/ex), which is what
 * XLIFF has them for. Text and attributes are escaped by the serializer.
 */

/** A review mark to write: the span, and the attributes of its mrk (or sm). */
export interface MarkOut {
  start: number;
  end: number;
  /** Attributes in the ITS and our namespaces: [namespace, qualified name, value]. */
  attributes: [string, string, string][];
  /** The mark's id in its unit (2.x mrk/sm ids). */
  id: string;
}

type Token =
  { t: 'text'; s: string } | { t: 'code'; ch: string } | { t: 'mark-start'; m: number } | { t: 'mark-end'; m: number };

function tokenize(text: string, codes: InlineCodes, marks: readonly MarkOut[]): Token[] {
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  marks.forEach((m, i) => {
    starts.set(m.start, [...(starts.get(m.start) ?? []), i]);
    ends.set(m.end, [...(ends.get(m.end) ?? []), i]);
  });
  const tokens: Token[] = [];
  const boundary = (pos: number) => {
    // Ends first (adjacent marks do not overlap), the latest started first; then the longest first.
    for (const m of (ends.get(pos) ?? []).filter((i) => marks[i]!.start !== pos).reverse())
      tokens.push({ t: 'mark-end', m });
    const here = (starts.get(pos) ?? []).sort((a, b) => marks[b]!.end - marks[a]!.end);
    for (const m of here) {
      tokens.push({ t: 'mark-start', m });
      if (marks[m]!.end === pos) tokens.push({ t: 'mark-end', m });
    }
  };
  let run = '';
  for (let i = 0; i < text.length; i++) {
    if (starts.has(i) || ends.has(i)) {
      if (run) tokens.push({ t: 'text', s: run });
      run = '';
      boundary(i);
    }
    const ch = text[i]!;
    if (Object.hasOwn(codes, ch)) {
      if (run) tokens.push({ t: 'text', s: run });
      run = '';
      tokens.push({ t: 'code', ch });
    } else run += ch;
  }
  if (run) tokens.push({ t: 'text', s: run });
  boundary(text.length);
  return tokens;
}

/** Which openers (token indexes) nest properly with their closer: the others are written as markers. */
function nestedPairs(tokens: Token[], codes: InlineCodes): Set<number> {
  const matched = new Set<number>();
  const stack: { at: number; id: string }[] = [];
  const openId = (tok: Token): string | null =>
    tok.t === 'mark-start' ? `m${tok.m}` : tok.t === 'code' && codes[tok.ch]!.kind === 'open' ? `c${tok.ch}` : null;
  const closeId = (tok: Token): string | null =>
    tok.t === 'mark-end'
      ? `m${tok.m}`
      : tok.t === 'code' && codes[tok.ch]!.kind === 'close' && codes[tok.ch]!.pair
        ? `c${codes[tok.ch]!.pair}`
        : null;
  tokens.forEach((tok, at) => {
    const o = openId(tok);
    if (o) return void stack.push({ at, id: o });
    const c = closeId(tok);
    if (!c) return;
    const k = stack.map((s) => s.id).lastIndexOf(c);
    if (k === -1) return; // its opener is missing or already broken: a marker
    matched.add(stack[k]!.at).add(at);
    stack.length = k; // openers above it cross it: they stay unmatched (markers)
  });
  return matched;
}

const SC_ATTRS: Record<string, string> = {
  dataRefStart: 'dataRef',
  subFlowsStart: 'subFlows',
  dispStart: 'disp',
  equivStart: 'equiv',
};
const EC_ATTRS: Record<string, string> = {
  dataRefEnd: 'dataRef',
  subFlowsEnd: 'subFlows',
  dispEnd: 'disp',
  equivEnd: 'equiv',
};
const COMMON = ['canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'type', 'subType'];

export function writeContent(
  doc: Document,
  parent: Element,
  text: string,
  codes: InlineCodes | undefined,
  marks: readonly MarkOut[],
  version: XliffVersion,
  /** Whether a paired code's other half is in another segment of the unit (then it is no isolated marker). */
  pairedAcross: (ch: string) => boolean = () => false,
): void {
  const ns = parent.namespaceURI;
  const map = codes ?? {};
  const tokens = tokenize(text, map, marks);
  const matched = nestedPairs(tokens, map);
  const at = new Map<string, number>();
  tokens.forEach((tok, i) => tok.t === 'code' && at.set(tok.ch, i));
  // A half whose other half is not on the right side of it is isolated (2.x isolated="yes").
  const otherHalfAfter = (ch: string, i: number) => (at.get(map[ch]?.pair ?? '') ?? -1) > i;
  const otherHalfBefore = (ch: string, i: number) => {
    const j = at.get(map[ch]?.pair ?? '');
    return j !== undefined && j < i;
  };
  const stack: Element[] = [parent];
  const top = () => stack[stack.length - 1]!;
  const el = (name: string) => doc.createElementNS(ns, name);
  const markEl = (name: string, m: MarkOut) => {
    const e = el(name);
    if (version === '1.2') e.setAttribute('mtype', 'x-its');
    else {
      e.setAttribute('id', m.id);
      e.setAttribute('type', 'its:generic');
    }
    for (const [uri, qname, value] of m.attributes) e.setAttributeNS(uri, qname, value);
    return e;
  };

  tokens.forEach((tok, i) => {
    if (tok.t === 'text') return void top().appendChild(doc.createTextNode(tok.s));
    if (tok.t === 'mark-start') {
      const m = marks[tok.m]!;
      if (matched.has(i)) {
        const e = markEl('mrk', m);
        top().appendChild(e);
        stack.push(e);
      } else if (version !== '1.2') top().appendChild(markEl('sm', m));
      return; // 1.2 has no marker for a mark that crosses a code: it is left out
    }
    if (tok.t === 'mark-end') {
      if (matched.has(i)) stack.pop();
      else if (version !== '1.2') {
        const e = el('em');
        e.setAttribute('startRef', marks[tok.m]!.id);
        top().appendChild(e);
      }
      return;
    }
    const code = map[tok.ch]!;
    if (code.kind === 'standalone') {
      const e = elementFromXml(doc, code.xml);
      if (e) top().appendChild(e);
      return;
    }
    if (code.kind === 'open') {
      const original = elementFromXml(doc, code.xml);
      if (!original) return;
      if (matched.has(i)) {
        top().appendChild(original);
        stack.push(original);
      } else
        top().appendChild(startMarker(doc, original, version, !otherHalfAfter(tok.ch, i) && !pairedAcross(tok.ch)));
      return;
    }
    // close
    if (matched.has(i)) return void stack.pop();
    const opener = code.pair ? elementFromXml(doc, map[code.pair]?.xml ?? '') : null;
    if (opener)
      top().appendChild(endMarker(doc, opener, version, !otherHalfBefore(tok.ch, i) && !pairedAcross(tok.ch)));
  });
}

/** A paired code written as its start marker: 2.x pc → sc, mrk → sm; 1.2 g → bx (1.2 mrk: dropped). */
function startMarker(doc: Document, original: Element, version: XliffVersion, isolated: boolean): Element | Text {
  const ns = original.namespaceURI;
  const id = attr(original, 'id') ?? attr(original, 'mid') ?? '';
  if (version === '1.2') {
    if (original.localName !== 'g') return doc.createTextNode('');
    const bx = doc.createElementNS(ns, 'bx');
    bx.setAttribute('id', id);
    bx.setAttribute('rid', id);
    const ctype = attr(original, 'ctype');
    if (ctype) bx.setAttribute('ctype', ctype);
    return bx;
  }
  if (original.localName === 'mrk') {
    const sm = doc.createElementNS(ns, 'sm');
    for (const a of ['id', 'translate', 'type', 'ref', 'value']) {
      const v = attr(original, a);
      if (v !== undefined) sm.setAttribute(a, v);
    }
    return sm;
  }
  const sc = doc.createElementNS(ns, 'sc');
  sc.setAttribute('id', id);
  if (isolated) sc.setAttribute('isolated', 'yes');
  for (const [from, to] of Object.entries(SC_ATTRS)) {
    const v = attr(original, from);
    if (v !== undefined) sc.setAttribute(to, v);
  }
  for (const a of COMMON) {
    const v = attr(original, a);
    if (v !== undefined) sc.setAttribute(a, v);
  }
  return sc;
}

function endMarker(doc: Document, original: Element, version: XliffVersion, isolated: boolean): Element | Text {
  const ns = original.namespaceURI;
  const id = attr(original, 'id') ?? '';
  if (version === '1.2') {
    if (original.localName !== 'g') return doc.createTextNode('');
    const ex = doc.createElementNS(ns, 'ex');
    ex.setAttribute('id', `${id}-end`);
    ex.setAttribute('rid', id);
    return ex;
  }
  const end = doc.createElementNS(ns, original.localName === 'mrk' ? 'em' : 'ec');
  if (isolated && original.localName !== 'mrk') {
    end.setAttribute('id', id);
    end.setAttribute('isolated', 'yes');
  } else end.setAttribute('startRef', id);
  if (original.localName !== 'mrk')
    for (const [from, to] of Object.entries(EC_ATTRS)) {
      const v = attr(original, from);
      if (v !== undefined) end.setAttribute(to, v);
    }
  return end;
}
