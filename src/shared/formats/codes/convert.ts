import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import type { InlineCodes } from '../../inline-codes';
import { attr, childElements, firstChild, isElement, parseXml, serializeXml, TEXT_NODE } from '../xml-dom';
import { NS } from '../xliff/model';
import { docNs, walkSegments, xliffVersionOf } from '../xliff/walk';
import { neutralCodes, type CodeFamily, type DataLookup } from './neutral';
import { renderCodes } from './render';

/*
 * A document's inline codes into another format (XLIFF 1.2, XLIFF 2.x, TMX), segment by segment, through the
 * neutral description (neutral.ts, render.ts); and the fresh XLIFF 2 file that carries the native data of the
 * converted codes in each unit's originalData.
 */

export type { CodeFamily } from './neutral';

/** The format a document's codes are written in, from where it came (null: it has none). */
export function codeFamilyOf(origin: { format: string; version?: string | undefined } | undefined): CodeFamily | null {
  if (origin?.format === 'tmx') return 'tmx';
  if (origin?.format === 'xliff') return origin.version === '1.2' ? 'xliff12' : 'xliff2';
  return null;
}

interface CodedSegment {
  id: string;
  source?: string;
  target?: string;
  codes?: InlineCodes | undefined;
  meta?: Record<string, string> | undefined;
}

/** A data element's text: its text and its cp code points. */
function dataText(d: Element): string {
  let out = '';
  for (let n = d.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE) out += n.nodeValue ?? '';
    else if (isElement(n) && n.localName === 'cp') {
      const hex = parseInt(attr(n, 'hex') ?? '', 16);
      if (Number.isFinite(hex)) out += String.fromCodePoint(hex);
    }
  }
  return out;
}

/**
 * The originalData of an XLIFF 2 file's units, for its segments (by the file and unit ids the reader put in
 * their meta). Without a 2.x file, nothing.
 */
export function originalDataOf(skeleton: string | null | undefined): (seg: CodedSegment) => DataLookup {
  const none: DataLookup = () => undefined;
  if (!skeleton || !skeleton.includes('originalData')) return () => none;
  const parsed = parseXml(skeleton);
  if (!parsed.ok) return () => none;
  const version = xliffVersionOf(parsed.doc);
  if (!version || version === '1.2') return () => none;
  const ns = docNs(parsed.doc);
  const byUnit = new Map<string, Map<string, string>>();
  for (const slot of walkSegments(parsed.doc, version)) {
    const key = `${attr(slot.file, 'id') ?? ''}\u0000${attr(slot.unit, 'id') ?? ''}`;
    if (byUnit.has(key)) continue;
    const od = firstChild(slot.unit, ns, 'originalData');
    const data = new Map<string, string>();
    if (od) for (const d of childElements(od, ns, 'data')) data.set(attr(d, 'id') ?? '', dataText(d));
    byUnit.set(key, data);
  }
  return (seg) => {
    const data = byUnit.get(`${seg.meta?.file ?? ''}\u0000${seg.meta?.unit ?? ''}`);
    return data ? (ref) => (ref === undefined ? undefined : data.get(ref)) : none;
  };
}

export interface ConvertedCodes<S> {
  segments: S[];
  /** XLIFF 2.x: each segment's originalData (by segment id), for the file's units. */
  data: Map<string, [string, string][]>;
}

/** Every segment's codes from `from` into `to` (the same family too: a fresh file renumbers and re-homes them). */
export function convertCodes<S extends CodedSegment>(
  segments: readonly S[],
  from: CodeFamily,
  to: CodeFamily,
  opts: { skeleton?: string | null; ns?: string } = {},
): ConvertedCodes<S> {
  const dataOf = from === 'xliff2' ? originalDataOf(opts.skeleton) : () => () => undefined;
  const ns = to === 'xliff12' ? NS.xliff12 : to === 'xliff2' ? (opts.ns ?? NS.xliff22) : null;
  const data = new Map<string, [string, string][]>();
  const out = segments.map((s, i) => {
    if (!s.codes || Object.keys(s.codes).length === 0) return s;
    const neutral = neutralCodes(s.codes, from, dataOf(s));
    // A fresh XLIFF 2 file's segment ids (xliff2Skeleton) share the source's id space.
    const reserved = to === 'xliff2' ? [segmentId(i)] : [];
    const rendered = renderCodes(neutral, to, ns, [s.source ?? '', s.target ?? ''], reserved);
    if (rendered.data.length > 0) data.set(s.id, rendered.data);
    return { ...s, codes: rendered.codes };
  });
  return { segments: out, data };
}

const segmentId = (i: number) => `s${i + 1}`;

const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/; // eslint-disable-line no-control-regex

/** A data element's content: text, and cp for the characters XML cannot hold. */
function appendData(xml: Document, d: Element, text: string) {
  let run = '';
  for (const ch of text) {
    if (!INVALID_XML_CHAR.test(ch)) {
      run += ch;
      continue;
    }
    if (run) d.appendChild(xml.createTextNode(run));
    run = '';
    const cp = xml.createElementNS(d.namespaceURI, 'cp');
    cp.setAttribute('hex', ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
    d.appendChild(cp);
  }
  if (run) d.appendChild(xml.createTextNode(run));
}

/** A fresh XLIFF 2.0 or 2.2 file, a unit per segment with its originalData: the writer fills sources and targets. */
export function xliff2Skeleton(
  doc: { sourceLang: string; targetLang: string; segments: readonly { id: string; readOnly?: boolean | undefined }[] },
  version: '2.0' | '2.2',
  data: ReadonlyMap<string, [string, string][]>,
): string {
  const ns = version === '2.0' ? NS.xliff20 : NS.xliff22;
  const xml = new DOMImplementation().createDocument(ns, 'xliff', null);
  const root = xml.documentElement!;
  root.setAttribute('version', version);
  root.setAttribute('srcLang', doc.sourceLang);
  root.setAttribute('trgLang', doc.targetLang);
  const file = xml.createElementNS(ns, 'file');
  file.setAttribute('id', 'f1');
  root.appendChild(file);
  doc.segments.forEach((s, i) => {
    const unit = xml.createElementNS(ns, 'unit');
    unit.setAttribute('id', `u${i + 1}`);
    if (s.readOnly) unit.setAttribute('translate', 'no');
    const own = data.get(s.id);
    if (own && own.length > 0) {
      const od = xml.createElementNS(ns, 'originalData');
      for (const [id, text] of own) {
        const d = xml.createElementNS(ns, 'data');
        d.setAttribute('id', id);
        appendData(xml, d, text);
        od.appendChild(d);
      }
      unit.appendChild(od);
    }
    const segment = xml.createElementNS(ns, 'segment');
    segment.setAttribute('id', segmentId(i));
    segment.appendChild(xml.createElementNS(ns, 'source'));
    unit.appendChild(segment);
    file.appendChild(unit);
  });
  return serializeXml(xml);
}
