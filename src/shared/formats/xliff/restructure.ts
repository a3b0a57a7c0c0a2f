import type { Document, Element } from '@xmldom/xmldom';
import { childElements, firstChild, removeChildren } from '../xml-dom';
import { writeContent } from './inline-write';
import type { XliffVersion } from './model';
import type { SegmentSlot } from './walk';

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
}

export function restructure(
  xml: Document,
  version: XliffVersion,
  slots: readonly SegmentSlot[],
  importedIds: readonly string[],
  segments: readonly Seg[],
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
    if (version !== '1.2') slot.segment.parentNode?.removeChild(slot.segment);
  });
  const rewriteSource = new Set<Element>();
  // One slot per document segment, in its order.
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
      if (after) p.unit.insertBefore(segment, after.nextSibling);
      else {
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

/** 1.2: each touched trans-unit gets a seg-source with one mrk per segment, its target the same shape. */
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
    parts.forEach((p, i) => {
      const mid = String(i + 1);
      if (i > 0) for (const el of [source, segSource!, target!]) el.appendChild(xml.createTextNode(' '));
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
  }
  return plan.map((p) => rebuilt.get(p) ?? p.slot!);
}
