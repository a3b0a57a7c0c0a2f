import type { Element, Node } from '@xmldom/xmldom';
import { attr, firstChild, isElement } from '../xml-dom';
import type { SegmentSlot } from './walk';

/*
 * The text between a segment and the one before it in its unit, as the file has it: 2.x the ignorables between
 * the two segment elements, 1.2 the text between two mrk mtype="seg". Kept with the segment (Segment.gap), so
 * that a merge puts exactly that text back and an export after a split writes it again (restructure.ts).
 * Only plain text counts: with markup in between (a code), there is no gap to keep (undefined).
 */

export interface Gap {
  source: string;
  target: string;
}

const isSegMrk = (n: Node) => isElement(n) && n.localName === 'mrk' && attr(n, 'mtype') === 'seg';

/** Text nodes before `el` back to the previous seg mrk; undefined when markup or nothing stands in between. */
function textBeforeMrk(el: Element | null): string | undefined {
  if (!el) return undefined;
  let text = '';
  for (let n = el.previousSibling; n; n = n.previousSibling) {
    if (isSegMrk(n)) return text;
    if (n.nodeType !== 3 && n.nodeType !== 4) return undefined;
    text = (n.nodeValue ?? '') + text;
  }
  return undefined;
}

function ignorablesBefore(segment: Element): Gap | undefined {
  const gap = { source: '', target: '' };
  for (let n = segment.previousSibling; n; n = n.previousSibling) {
    if (!isElement(n)) continue;
    if (n.localName === 'segment') return gap;
    if (n.localName !== 'ignorable') return undefined;
    // An ignorable without a target stands for its source in the target too (XLIFF 2.0, 4.3.1.19).
    const source = firstChild(n, n.namespaceURI, 'source');
    const target = firstChild(n, n.namespaceURI, 'target') ?? source;
    for (const [side, el] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (!el) continue;
      for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) return undefined;
      gap[side] = (el.textContent ?? '') + gap[side];
    }
  }
  return undefined;
}

export function gapBefore(slot: SegmentSlot): Gap | undefined {
  if (slot.indexInUnit === 0) return undefined;
  if (slot.mid === undefined) return ignorablesBefore(slot.segment);
  const source = textBeforeMrk(slot.source);
  if (source === undefined) return undefined;
  // A target without that mrk (untranslated) takes the source's spacing, as the export shapes it.
  const target = slot.target ? textBeforeMrk(slot.target) : source;
  return target === undefined ? undefined : { source, target };
}
