import type { Element, Node } from '@xmldom/xmldom';
import { attr, childElements } from '../xml-dom';

/*
 * XLIFF 1.2 is read leniently and written strictly (the 1.2 transitional schema): real files repeat
 * trans-unit ids, write states like "Translated", and put elements out of order. Before writing, each
 * trans-unit gets a unique id in its file (a repeat gets "-2", "-3"…), a state the schema knows (the
 * nearest), and its source, seg-source and target first, in that order.
 */

const STATES = new Set([
  'final',
  'needs-adaptation',
  'needs-l10n',
  'needs-review-adaptation',
  'needs-review-l10n',
  'needs-review-translation',
  'needs-translation',
  'new',
  'signed-off',
  'translated',
]);

/** The state the schema allows nearest to `value` (case and spacing forgiven), or null when none is near. */
export function strictState12(value: string): string | null {
  if (STATES.has(value) || value.startsWith('x-')) return value;
  const folded = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return STATES.has(folded) ? folded : null;
}

const FIRST = ['source', 'seg-source', 'target'];

export function strictify12(root: Element, fallbackState: (unit: Element) => string): void {
  const ns = root.namespaceURI;
  for (const file of childElements(root, ns, 'file')) {
    const ids = new Set<string>();
    const units = ns ? file.getElementsByTagNameNS(ns, 'trans-unit') : file.getElementsByTagName('trans-unit');
    for (const unit of Array.from(units)) {
      const id = attr(unit, 'id') ?? 'tu';
      let unique = id;
      for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
      ids.add(unique);
      if (unique !== id) unit.setAttribute('id', unique);
      const approved = attr(unit, 'approved');
      if (approved !== undefined && approved !== 'yes' && approved !== 'no')
        unit.setAttribute('approved', approved.trim().toLowerCase() === 'yes' ? 'yes' : 'no');
      for (const target of childElements(unit, ns, 'target')) {
        const state = attr(target, 'state');
        if (state !== undefined) target.setAttribute('state', strictState12(state) ?? fallbackState(unit));
      }
      // source, seg-source, target first (the schema's order); the rest keeps its order after them.
      const firsts = FIRST.flatMap((name) => childElements(unit, ns, name).slice(0, 1));
      const all = childElements(unit);
      if (firsts.every((el, i) => all[i] === el)) continue;
      let ref: Node | null = unit.firstChild;
      for (const el of firsts) {
        if (el !== ref) unit.insertBefore(el, ref);
        ref = el.nextSibling;
      }
    }
  }
}
