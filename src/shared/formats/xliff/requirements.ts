import type { Element } from '@xmldom/xmldom';
import { attr, attrNS, childElements, isElement, lineOf } from '../xml-dom';
import { NS, type XliffProblem } from './model';

/*
 * XLIFF 2 processing requirements that no schema expresses (XLIFF 2.2 core, "Constraints" and "Processing
 * Requirements" of each element), checked before reading. Each refusal names the rule and the line. Only
 * MUST constraints of the core are checked: a file that meets them is never refused.
 */

const refuse = (rule: string, el: Element, message: string): XliffProblem => ({ rule, line: lineOf(el), message });

// Language tags compare without regard to case (BCP 47).
const sameLang = (a: string, b: string | undefined) => a.toLowerCase() === (b ?? '').toLowerCase();

const INLINE_WITH_ID = new Set(['mrk', 'sm', 'pc', 'sc', 'ec', 'ph']);

export function checkXliff2(root: Element, ns: string): XliffProblem | null {
  if (!attr(root, 'srcLang')) return refuse('srcLang', root, 'the xliff element must have srcLang');
  const fileIds = new Set<string>();
  for (const file of childElements(root, ns, 'file')) {
    const id = attr(file, 'id');
    if (!id) return refuse('file-id', file, 'a file must have an id');
    if (fileIds.has(id)) return refuse('unique-file-id', file, `the file id "${id}" is used twice`);
    fileIds.add(id);
    const problem = checkContainer(file, ns, root, new Set<string>());
    if (problem) return problem;
  }
  return null;
}

/** Group and unit ids are unique within a file (one id space for both). */
function checkContainer(parent: Element, ns: string, root: Element, ids: Set<string>): XliffProblem | null {
  for (const el of childElements(parent, ns)) {
    if (el.localName !== 'group' && el.localName !== 'unit') continue;
    const id = attr(el, 'id');
    if (!id) return refuse(`${el.localName}-id`, el, `a ${el.localName} must have an id`);
    if (ids.has(id))
      return refuse('unique-unit-group-id', el, `the id "${id}" is used by two groups or units of one file`);
    ids.add(id);
    const problem = el.localName === 'group' ? checkContainer(el, ns, root, ids) : checkUnit(el, ns, root);
    if (problem) return problem;
  }
  return null;
}

function checkUnit(unit: Element, ns: string, root: Element): XliffProblem | null {
  const parts = childElements(unit, ns).filter((e) => e.localName === 'segment' || e.localName === 'ignorable');
  if (parts.length === 0) return refuse('unit-segment', unit, 'a unit must have at least one segment or ignorable');
  const dataIds = new Set<string>();
  const originalData = childElements(unit, ns, 'originalData')[0];
  if (originalData) for (const d of childElements(originalData, ns, 'data')) dataIds.add(attr(d, 'id') ?? '');
  // One id space for segments, ignorables and the source's inline elements; the target's is its own.
  const sourceIds = new Set<string>();
  const targetIds = new Set<string>();
  for (const part of parts) {
    const id = attr(part, 'id');
    if (id !== undefined) {
      if (sourceIds.has(id))
        return refuse('unique-segment-id', part, `the id "${id}" is used twice in unit ${attr(unit, 'id')}`);
      sourceIds.add(id);
    }
    const target = childElements(part, ns, 'target')[0];
    const state = attr(part, 'state');
    if (part.localName === 'segment') {
      if (attr(part, 'subState') !== undefined && state === undefined)
        return refuse('subState-needs-state', part, 'a segment with subState must have a state');
      if (state !== undefined && state !== 'initial' && !target)
        return refuse('state-needs-target', part, `a segment in state "${state}" must have a target`);
    }
    const source = childElements(part, ns, 'source')[0];
    if (!source) return refuse('source', part, `a ${part.localName} must have a source`);
    const srcLang = attrNS(source, NS.xml, 'lang');
    if (srcLang !== undefined && !sameLang(srcLang, attr(root, 'srcLang')))
      return refuse('source-lang', source, `the source's xml:lang "${srcLang}" is not the file's srcLang`);
    if (target) {
      const trgLang = attr(root, 'trgLang');
      if (trgLang === undefined) return refuse('trgLang', target, 'a file with targets must have trgLang');
      const lang = attrNS(target, NS.xml, 'lang');
      if (lang !== undefined && !sameLang(lang, trgLang))
        return refuse('target-lang', target, `the target's xml:lang "${lang}" is not the file's trgLang`);
    }
  }
  const sourceInline: Element[] = [];
  const targetInline: Element[] = [];
  for (const part of parts) {
    for (const s of childElements(part, ns, 'source')) collect(s, ns, sourceInline);
    for (const t of childElements(part, ns, 'target')) collect(t, ns, targetInline);
  }
  return (
    checkInline(sourceInline, sourceIds, dataIds, 'source') ?? checkInline(targetInline, targetIds, dataIds, 'target')
  );
}

function collect(el: Element, ns: string, out: Element[]) {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (!isElement(n) || n.namespaceURI !== ns) continue;
    out.push(n);
    collect(n, ns, out);
  }
}

function checkInline(els: Element[], ids: Set<string>, dataIds: Set<string>, side: string): XliffProblem | null {
  const openSc = new Map<string, Element>();
  const sm = new Set<string>();
  for (const el of els) {
    const name = el.localName ?? '';
    const id = attr(el, 'id');
    if (INLINE_WITH_ID.has(name) && id !== undefined) {
      if (ids.has(id)) return refuse('unique-inline-id', el, `the id "${id}" is used twice in the ${side} of a unit`);
      ids.add(id);
    }
    for (const ref of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
      const v = attr(el, ref);
      if (v !== undefined && !dataIds.has(v))
        return refuse('dataRef', el, `${ref}="${v}" names no data element of the unit's originalData`);
    }
    if (name === 'sc') {
      if (id === undefined) return refuse('sc-id', el, 'an sc must have an id');
      if (attr(el, 'isolated') !== 'yes') openSc.set(id, el);
    } else if (name === 'ec') {
      const isolated = attr(el, 'isolated') === 'yes';
      const startRef = attr(el, 'startRef');
      if (isolated && id === undefined) return refuse('ec-isolated-id', el, 'an isolated ec must have an id');
      if (!isolated) {
        if (startRef === undefined) return refuse('ec-startRef', el, 'an ec that is not isolated must have startRef');
        if (!openSc.has(startRef))
          return refuse('sc-ec-pairing', el, `ec startRef="${startRef}" has no sc before it in the unit`);
        openSc.delete(startRef);
      }
    } else if (name === 'sm') {
      if (id === undefined) return refuse('sm-id', el, 'an sm must have an id');
      sm.add(id);
    } else if (name === 'em') {
      const startRef = attr(el, 'startRef');
      if (startRef === undefined || !sm.has(startRef))
        return refuse('sm-em-pairing', el, `em startRef="${startRef ?? ''}" has no sm before it in the unit`);
    } else if (name === 'cp') {
      const hex = attr(el, 'hex') ?? '';
      if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) return refuse('cp-hex', el, `cp hex="${hex}" is no code point`);
    }
  }
  const unclosed = openSc.values().next();
  if (!unclosed.done) {
    return refuse('sc-ec-pairing', unclosed.value, `sc id="${attr(unclosed.value, 'id')}" has no ec in the unit`);
  }
  return null;
}
