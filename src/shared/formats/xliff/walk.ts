import type { Document, Element } from '@xmldom/xmldom';
import { attr, childElements, firstChild } from '../xml-dom';
import { NS, type XliffVersion } from './model';

/*
 * The segments of an XLIFF document in document order, for the reader and the writer alike (the writer walks
 * the file it read, so the k-th slot is the document's k-th segment).
 * - 2.x: xliff/file/(group/)*unit/segment; `ignorable` is kept in the file and is no segment.
 * - 1.2: xliff/file/body/(group/)*trans-unit; a trans-unit whose seg-source has mrk[mtype=seg] gives one
 *   segment per such mrk (its target is the target's mrk with the same mid), otherwise one segment.
 */

export interface SegmentSlot {
  file: Element;
  unit: Element;
  /** 2.x: the segment element; 1.2: the trans-unit, or the seg-source mrk. */
  segment: Element;
  source: Element;
  /** The target content element (2.x target, 1.2 target or its mrk), null when absent. */
  target: Element | null;
  /** For a 1.2 mrk segment: its mid. */
  mid?: string;
  translate: boolean;
  /** Position of the segment in its unit (0-based) and the unit's number of segments. */
  indexInUnit: number;
}

export function xliffVersionOf(doc: Document): XliffVersion | null {
  const root = doc.documentElement;
  if (!root || root.localName !== 'xliff') return null;
  const ns = root.namespaceURI;
  const version = attr(root, 'version')?.trim();
  if (ns === NS.xliff12) return '1.2';
  if (ns === NS.xliff22) return '2.2';
  if (ns === NS.xliff20) return version === '2.1' ? '2.1' : '2.0';
  // No namespace (some 1.2 writers forget it): read by the version attribute.
  if (ns === null && version === '1.2') return '1.2';
  return null;
}

export const coreNs = (version: XliffVersion): string =>
  version === '1.2' ? NS.xliff12 : version === '2.2' ? NS.xliff22 : NS.xliff20;

/** The namespace the document's elements actually use (1.2 files without a namespace have null). */
export const docNs = (doc: Document): string | null => doc.documentElement?.namespaceURI ?? null;

const translateOf = (el: Element, inherited: boolean): boolean => {
  const t = attr(el, 'translate')?.trim().toLowerCase();
  return t === 'no' ? false : t === 'yes' ? true : inherited;
};

export function walkSegments(doc: Document, version: XliffVersion): SegmentSlot[] {
  const root = doc.documentElement!;
  const ns = docNs(doc);
  const out: SegmentSlot[] = [];
  for (const file of childElements(root, ns, 'file')) {
    if (version === '1.2') {
      const body = firstChild(file, ns, 'body');
      if (body) walk12(body, file, ns, true, out);
    } else walk2(file, file, ns, translateOf(file, true), out);
  }
  return out;
}

function walk2(parent: Element, file: Element, ns: string | null, translate: boolean, out: SegmentSlot[]) {
  for (const el of childElements(parent, ns)) {
    if (el.localName === 'group') walk2(el, file, ns, translateOf(el, translate), out);
    else if (el.localName === 'unit') {
      const unitTranslate = translateOf(el, translate);
      let indexInUnit = 0;
      for (const seg of childElements(el, ns, 'segment')) {
        const source = firstChild(seg, ns, 'source');
        if (!source) continue;
        out.push({
          file,
          unit: el,
          segment: seg,
          source,
          target: firstChild(seg, ns, 'target'),
          translate: unitTranslate,
          indexInUnit: indexInUnit++,
        });
      }
    }
  }
}

function walk12(parent: Element, file: Element, ns: string | null, translate: boolean, out: SegmentSlot[]) {
  for (const el of childElements(parent, ns)) {
    if (el.localName === 'group') walk12(el, file, ns, translateOf(el, translate), out);
    else if (el.localName === 'trans-unit') {
      const unitTranslate = translateOf(el, translate);
      const source = firstChild(el, ns, 'source');
      if (!source) continue;
      const target = firstChild(el, ns, 'target');
      const segSource = firstChild(el, ns, 'seg-source');
      const segMarks = segSource ? segMrks(segSource, ns) : [];
      if (segMarks.length === 0) {
        out.push({ file, unit: el, segment: el, source, target, translate: unitTranslate, indexInUnit: 0 });
        continue;
      }
      const targetMarks = new Map(target ? segMrks(target, ns).map((m) => [attr(m, 'mid') ?? '', m]) : []);
      segMarks.forEach((m, i) => {
        const mid = attr(m, 'mid') ?? '';
        out.push({
          file,
          unit: el,
          segment: m,
          source: m,
          target: targetMarks.get(mid) ?? null,
          mid,
          translate: unitTranslate,
          indexInUnit: i,
        });
      });
    }
  }
}

/** The mrk[mtype=seg] of a 1.2 seg-source or target (they may sit inside g elements). */
export function segMrks(el: Element, ns: string | null): Element[] {
  const out: Element[] = [];
  for (const child of childElements(el, ns)) {
    if (child.localName === 'mrk' && attr(child, 'mtype') === 'seg') out.push(child);
    else if (child.localName === 'g') out.push(...segMrks(child, ns));
  }
  return out;
}
