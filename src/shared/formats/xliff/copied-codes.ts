import type { Element } from '@xmldom/xmldom';
import { attr, childElements, isElement } from '../xml-dom';

/*
 * XLIFF 2 wants every inline id unique in a unit's targets (processing requirement; our reader refuses the file
 * otherwise: rule unique-inline-id). A code is one character of the text, and nothing stops a translator from pasting
 * it twice or a correction from carrying one the target already has: the second one was written with the same id,
 * and the export could not be imported again. A repeated code now gets a fresh id and copyOf the first (the
 * attribute XLIFF 2 has for copied codes: ph, pc, sc, ec); the end of a copied sc follows it; a repeated
 * annotation (mrk, sm) only gets a fresh id, and so does the isolated sc of a code whose end was written before it
 * (an ec and an sc with one id were refused just the same).
 */

const WITH_ID = new Set(['mrk', 'sm', 'pc', 'sc', 'ec', 'ph']);
const COPYABLE = new Set(['pc', 'sc', 'ec', 'ph']);

function inlineElements(el: Element, out: Element[] = []): Element[] {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) continue;
    out.push(n);
    inlineElements(n, out);
  }
  return out;
}

export function uniqueTargetIds(unit: Element): void {
  const ns = unit.namespaceURI;
  const targets = childElements(unit, ns, 'segment')
    .concat(childElements(unit, ns, 'ignorable'))
    .flatMap((s) => childElements(s, ns, 'target'));
  const elements = targets.flatMap((t) => inlineElements(t));
  const taken = new Set(elements.flatMap((e) => (WITH_ID.has(e.localName ?? '') ? (attr(e, 'id') ?? []) : [])));
  // Each id's first element: an isolated ec and sc of one code (its end written before its start) are no copies.
  const seen = new Map<string, string>();
  // A copied sc's id, by its original id, until its ec comes.
  const renamedStarts = new Map<string, string>();
  for (const el of elements) {
    const name = el.localName ?? '';
    if (name === 'ec' || name === 'em') {
      const ref = attr(el, 'startRef');
      const renamed = ref !== undefined ? renamedStarts.get(ref) : undefined;
      if (renamed !== undefined) {
        el.setAttribute('startRef', renamed);
        renamedStarts.delete(ref!);
      }
    }
    const id = attr(el, 'id');
    if (!WITH_ID.has(name) || id === undefined) continue;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, name);
      continue;
    }
    let k = 2;
    while (taken.has(`${id}-${k}`)) k++;
    const fresh = `${id}-${k}`;
    taken.add(fresh);
    el.setAttribute('id', fresh);
    const halves = (first === 'ec' && name === 'sc') || (first === 'sc' && name === 'ec');
    if (COPYABLE.has(name) && !halves && attr(el, 'copyOf') === undefined) el.setAttribute('copyOf', id);
    if ((name === 'sc' && attr(el, 'isolated') !== 'yes') || name === 'sm') renamedStarts.set(id, fresh);
  }
  // A start whose end went to its copy (or never came) stands alone.
  const ended = new Set(elements.filter((e) => e.localName === 'ec').flatMap((e) => attr(e, 'startRef') ?? []));
  for (const el of elements)
    if (el.localName === 'sc' && attr(el, 'isolated') !== 'yes' && !ended.has(attr(el, 'id') ?? '')) {
      el.setAttribute('isolated', 'yes');
    }
}
