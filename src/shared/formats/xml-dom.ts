import { DOMParser, onErrorStopParsing, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';
import { prepareXml, type XmlProblem } from '../xml-safety';

/*
 * XML for the file formats as a namespace-aware DOM (@xmldom/xmldom): element line numbers for error
 * messages, and a serializer that escapes. Every text goes through prepareXml first (no DTD, no entity:
 * xml-safety.ts), then a well-formedness check that names the line (fast-xml-parser's validator).
 */

export type ParsedXml = { ok: true; doc: Document } | { ok: false; problem: XmlProblem };

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export function parseXml(text: string): ParsedXml {
  const prepared = prepareXml(text);
  if (!prepared.ok) return prepared;
  const valid = XMLValidator.validate(prepared.xml);
  if (valid !== true) {
    return {
      ok: false,
      problem: {
        line: valid.err.line,
        // The validator gives no column for some errors (an empty file): "(column undefined)" said nothing.
        message: `not well-formed XML${valid.err.col === undefined ? '' : ` (column ${valid.err.col})`}: ${valid.err.msg}`,
      },
    };
  }
  let problem: XmlProblem | null = null;
  const parser = new DOMParser({
    locator: true,
    onError: (level, message) => {
      if (level === 'warning') return;
      const line = /line:(\d+)/.exec(message)?.[1];
      problem = { line: line ? Number(line) : 1, message: `not well-formed XML: ${message.split('\n')[0]}` };
      throw new Error(message);
    },
  });
  try {
    const doc = parser.parseFromString(prepared.xml, 'text/xml');
    if (problem) return { ok: false, problem };
    return { ok: true, doc };
  } catch (err) {
    return { ok: false, problem: problem ?? { line: 1, message: `not well-formed XML: ${String(err)}` } };
  }
}

export const isElement = (n: Node | null | undefined): n is Element => !!n && n.nodeType === ELEMENT_NODE;

/** The child elements of `el`, optionally only those in namespace `ns` named `name`. */
export function childElements(el: Element, ns?: string | null, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) continue;
    if (ns !== undefined && n.namespaceURI !== ns) continue;
    if (name !== undefined && n.localName !== name) continue;
    out.push(n);
  }
  return out;
}

export const firstChild = (el: Element, ns: string | null, name: string): Element | null =>
  childElements(el, ns, name)[0] ?? null;

/** 1-based line where the element starts (the locator's), 1 when unknown. */
export const lineOf = (n: Node): number => n.lineNumber ?? 1;

/** An attribute without a namespace, or undefined when absent. */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? el.getAttribute(name)! : undefined;
}

export function attrNS(el: Element, ns: string, name: string): string | undefined {
  return el.hasAttributeNS(ns, name) ? el.getAttributeNS(ns, name)! : undefined;
}

export function removeChildren(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

const serializer = new XMLSerializer();

export function serializeXml(node: Node): string {
  return serializer.serializeToString(node);
}

/** The element without its content, serialized (`<pc id="1" dataRefStart="d1"/>`): a code's markup. */
export function shallowXml(el: Element): string {
  // A new element with the same attributes: xmldom's cloneNode(false) walks and copies every own property of
  // the node and of each attribute, about 10 % of reading a large file.
  const copy = el.ownerDocument!.createElementNS(el.namespaceURI, el.nodeName);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    copy.setAttributeNS(a.namespaceURI, a.name, a.value);
  }
  return serializeXml(copy);
}

/** Parses markup written by shallowXml back into an element owned by `doc` (its namespaces are declared in it). */
export function elementFromXml(doc: Document, xml: string): Element | null {
  try {
    const el = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml').documentElement;
    if (!el) return null;
    const imported = doc.importNode(el, true) as Element;
    // Declarations the fragment needed on its own: the serializer declares what its new place lacks.
    for (const a of Array.from(imported.attributes))
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) imported.removeAttribute(a.name);
    return imported;
  } catch {
    return null;
  }
}

/** A code's markup (shallowXml's, or a whole inline element) as an element of its own, null when it is none. */
export function parseFragment(xml: string): Element | null {
  if (!xml.startsWith('<') || xml.startsWith('</')) return null;
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml').documentElement ?? null;
  } catch {
    return null;
  }
}
