import type { Document, Element, Node } from '@xmldom/xmldom';
import { attr, childElements, firstChild, isElement, removeChildren } from '../xml-dom';
import { writeContent } from './inline-write';
import type { XliffVersion } from './model';
import type { Gap } from './gaps';
import { segMrks, type SegmentSlot } from './walk';

/*
 * The file's segments after splits, merges, deletions and insertions (segment-structure.ts), so that the export
 * keeps the version and the units it came in. The k-th segment of the file was the k-th segment of the
 * document as imported (its id is in DocumentCreated); ids survive a split (the first part) and a merge (the
 * first segment), so:
 * - a segment still in the document keeps its place in the file;
 * - a segment that is gone (merged into the one before, or deleted) leaves the file, and a unit left with no
 *   segment goes with it;
 * - a new segment (the second part of a split, an insertion) joins the unit of the segment before it: in 2.x a
 *   new <segment> after that one, in 1.2 a new mrk mtype="seg" in the trans-unit's seg-source and target.
 * The sources of the units touched are written again from the segments' texts and codes (the caller writes
 * those in `rewriteSource`; a 1.2 trans-unit's whole <source> is written here).
 */

interface Seg {
  id: string;
  source: string;
  codes?: Parameters<typeof writeContent>[3];
  /** The text between the segment before and this one (Segment.gap): written between them, never invented. */
  gap?: { source: string; target: string } | undefined;
}

export function restructure(
  xml: Document,
  version: XliffVersion,
  slots: readonly SegmentSlot[],
  importedIds: readonly string[],
  segments: readonly Seg[],
  separators: Gap = { source: '', target: '' },
): { slots: SegmentSlot[]; rewriteSource: Set<Element> } {
  const present = new Set(segments.map((s) => s.id));
  const slotOf = new Map<string, SegmentSlot>();
  importedIds.forEach((id, k) => slotOf.set(id, slots[k]!));
  const touched = new Set<Element>();
  // Units' segments in the new order: kept slots, with new segments after the one they follow.
  const plan: Planned[] = [];
  let prev: Planned | null = null;
  for (const seg of segments) {
    const slot = slotOf.get(seg.id);
    if (slot) {
      prev = { seg, slot, unit: slot.unit, file: slot.file, translate: slot.translate };
      plan.push(prev);
      continue;
    }
    const anchor: Pick<Planned, 'unit' | 'file' | 'translate'> = prev ?? {
      unit: slots[0]!.unit,
      file: slots[0]!.file,
      translate: slots[0]!.translate,
    };
    prev = { seg, slot: null, unit: anchor.unit, file: anchor.file, translate: anchor.translate };
    touched.add(anchor.unit);
    plan.push(prev);
  }
  // Segments gone from the document leave the file; the one before a gone one may hold its text (a merge).
  let lastPresent: SegmentSlot | null = null;
  importedIds.forEach((id, k) => {
    const slot = slots[k]!;
    if (present.has(id)) return void (lastPresent = slot);
    touched.add(slot.unit);
    if (lastPresent) touched.add(lastPresent.unit);
    if (version !== '1.2') {
      // The ignorables before it went into the segment it was merged with (its gap, the merge's separator).
      removeIgnorablesBefore(slot.segment);
      slot.segment.parentNode?.removeChild(slot.segment);
    }
  });
  const rewriteSource = new Set<Element>();
  // One slot per document segment, in its order.
  // A new segment's gap: its own, else the usual separator.
  for (const p of plan) if (!p.slot && !p.seg.gap) p.seg = { ...p.seg, gap: separators };
  const out = version === '1.2' ? plan12(xml, plan, touched, rewriteSource) : plan2(xml, plan, touched, rewriteSource);
  return { slots: out, rewriteSource };
}

type Planned = { seg: Seg; slot: SegmentSlot | null; unit: Element; file: Element; translate: boolean };

function plan2(xml: Document, plan: Planned[], touched: Set<Element>, rewrite: Set<Element>): SegmentSlot[] {
  const out: SegmentSlot[] = [];
  let last: SegmentSlot | null = null;
  for (const p of plan) {
    let slot = p.slot;
    if (!slot) {
      const ns = p.unit.namespaceURI;
      const segment = xml.createElementNS(ns, 'segment');
      const source = xml.createElementNS(ns, 'source');
      segment.appendChild(source);
      const after = last && last.unit === p.unit ? last.segment : null;
      if (after) {
        p.unit.insertBefore(segment, after.nextSibling);
        const gap = p.seg.gap;
        if (gap && (gap.source !== '' || gap.target !== '')) p.unit.insertBefore(ignorable(xml, ns, gap), segment);
      } else {
        const first = childElements(p.unit, ns).find((e) => e.localName === 'segment' || e.localName === 'ignorable');
        p.unit.insertBefore(segment, first ?? null);
      }
      slot = { file: p.file, unit: p.unit, segment, source, target: null, translate: p.translate, indexInUnit: 0 };
    }
    if (touched.has(slot.unit)) rewrite.add(slot.source);
    out.push(slot);
    last = slot;
  }
  for (const unit of touched) {
    const ns = unit.namespaceURI;
    if (!childElements(unit, ns, 'segment').length) unit.parentNode?.removeChild(unit);
  }
  return out;
}

/** 2.x: the ignorable elements right before a segment (back to the segment before it, if any). */
function removeIgnorablesBefore(segment: Element) {
  const gone: Element[] = [];
  for (let n = segment.previousSibling; n; n = n.previousSibling) {
    if (!isElement(n)) continue;
    if (n.localName !== 'ignorable') return void gone.forEach((e) => e.parentNode?.removeChild(e));
    gone.push(n);
  }
}

function ignorable(xml: Document, ns: string | null, gap: { source: string; target: string }): Element {
  const el = xml.createElementNS(ns, 'ignorable');
  for (const side of ['source', 'target'] as const) {
    // Without a target, the ignorable's source stands in the target too.
    if (side === 'target' && gap.target === gap.source) continue;
    const part = xml.createElementNS(ns, side);
    part.appendChild(xml.createTextNode(gap[side]));
    el.appendChild(part);
  }
  return el;
}

/** A 1.2 seg-source's or target's markup around its seg mrks: before each (by mid), and after the last. */
function around(el: Element | null, ns: string | null): { before: Map<string, Node[]>; tail: Node[] } {
  const before = new Map<string, Node[]>();
  let run: Node[] = [];
  if (!el) return { before, tail: run };
  const marks = new Set(segMrks(el, ns));
  // Only direct children: mrks nested in a g keep no surroundings (the g is rebuilt from the codes).
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && marks.has(n)) {
      before.set(attr(n, 'mid') ?? '', run);
      run = [];
    } else run.push(n.cloneNode(true));
  }
  return { before, tail: marks.size > 0 ? run : [] };
}

/**
 * 1.2: each touched trans-unit gets a seg-source with one mrk per segment, its target the same shape. Between
 * two parts goes the second's gap (the text the file or the split had there), or what the file had before that
 * mrk: never a character of ours.
 */
function plan12(xml: Document, plan: Planned[], touched: Set<Element>, rewrite: Set<Element>): SegmentSlot[] {
  const byUnit = new Map<Element, Planned[]>();
  for (const p of plan) if (touched.has(p.unit)) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  const rebuilt = new Map<Planned, SegmentSlot>();
  for (const unit of touched) {
    const parts = byUnit.get(unit);
    if (!parts) {
      unit.parentNode?.removeChild(unit);
      continue;
    }
    const ns = unit.namespaceURI;
    const source = firstChild(unit, ns, 'source')!;
    let segSource = firstChild(unit, ns, 'seg-source');
    const was = { source: around(segSource, ns), target: around(firstChild(unit, ns, 'target'), ns) };
    if (was.target.before.size === 0) was.target = was.source;
    if (!segSource) {
      segSource = xml.createElementNS(ns, 'seg-source');
      unit.insertBefore(segSource, source.nextSibling);
    }
    let target = firstChild(unit, ns, 'target');
    if (!target) {
      target = xml.createElementNS(ns, 'target');
      unit.insertBefore(target, segSource.nextSibling);
    }
    removeChildren(source);
    removeChildren(segSource);
    removeChildren(target);
    const put = (el: Element, nodes: readonly Node[]) => nodes.forEach((n) => el.appendChild(n.cloneNode(true)));
    parts.forEach((p, i) => {
      const mid = String(i + 1);
      const old = p.slot?.mid;
      for (const side of ['source', 'target'] as const) {
        const text = p.seg.gap?.[side];
        const nodes =
          i > 0 && text !== undefined
            ? [xml.createTextNode(text)]
            : old !== undefined
              ? (was[side].before.get(old) ?? [])
              : [];
        if (side === 'source') {
          put(source, nodes);
          put(segSource!, nodes);
        } else put(target!, nodes);
      }
      writeContent(xml, source, p.seg.source, p.seg.codes, [], '1.2');
      const mrk = (parent: Element) => {
        const m = xml.createElementNS(ns, 'mrk');
        m.setAttribute('mtype', 'seg');
        m.setAttribute('mid', mid);
        parent.appendChild(m);
        return m;
      };
      const s = mrk(segSource!);
      rewrite.add(s);
      const t = mrk(target!);
      rebuilt.set(p, {
        file: p.file,
        unit,
        segment: s,
        source: s,
        target: t,
        mid,
        translate: p.translate,
        indexInUnit: i,
      });
    });
    put(source, was.source.tail);
    put(segSource, was.source.tail);
    put(target, was.target.tail);
  }
  return plan.map((p) => rebuilt.get(p) ?? p.slot!);
}
