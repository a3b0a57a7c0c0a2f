import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import type { InlineCodes } from '../../inline-codes';
import type { DocumentStatus, Flag, SegmentStatus } from '../../schemas';
import { attr, attrNS, childElements, firstChild, isElement, parseXml, removeChildren, serializeXml } from '../xml-dom';
import { writeContent } from './inline-write';
import { fromXliff12State, fromXliff2State, toXliff12State, toXliff2State } from './mapping';
import { marksOf } from './marks-out';
import { strictify12 } from './strict-12';
import { fromSdlConf, sdlSegOf, toSdlConf } from './trados';
import { NS, type XliffVersion } from './model';
import { joinSeparator } from '../../text-join';
import { restructure } from './restructure';
import { docNs, segMrks, walkSegments, xliffVersionOf, type SegmentSlot } from './walk';
import { uniqueTargetIds } from './copied-codes';

/*
 * Writes a document as XLIFF. A document read from XLIFF is written into the file it came from (kept as it
 * was imported): every segment's source and target content is rebuilt from its text and codes, its state
 * set from its status, its flags written as ITS quality issues; everything else of the file (groups,
 * notes, alt-trans, other tools' extensions) stays as it was. A document from anywhere else is written as
 * XLIFF 2.2, a unit per segment.
 */

export interface ExportSegment {
  id: string;
  source: string;
  target: string;
  status: SegmentStatus;
  codes?: InlineCodes;
  readOnly?: boolean;
  /** The text between the segment before and this one (Segment.gap), for a restructured file. */
  gap?: { source: string; target: string } | undefined;
}

export interface ExportDocument {
  sourceLang: string;
  targetLang: string;
  status: DocumentStatus;
  segments: readonly ExportSegment[];
  flags: readonly Flag[];
  /**
   * The segment ids of the document as imported (DocumentCreated), in the file's order: with them, a document
   * whose segments were split, merged, deleted or inserted since is still written into its file (restructure.ts).
   */
  importedSegmentIds?: readonly string[];
}

export class XliffWriteError extends Error {}

/** A fresh XLIFF 2.2 file: a unit per segment with its source (targets are filled like any export). */
export function skeletonDocument(doc: Pick<ExportDocument, 'sourceLang' | 'targetLang' | 'segments'>): Document {
  const xml = new DOMImplementation().createDocument(NS.xliff22, 'xliff', null);
  const root = xml.documentElement!;
  root.setAttribute('version', '2.2');
  root.setAttribute('srcLang', doc.sourceLang);
  root.setAttribute('trgLang', doc.targetLang);
  const file = xml.createElementNS(NS.xliff22, 'file');
  file.setAttribute('id', 'f1');
  root.appendChild(file);
  doc.segments.forEach((s, i) => {
    const unit = xml.createElementNS(NS.xliff22, 'unit');
    unit.setAttribute('id', `u${i + 1}`);
    const segment = xml.createElementNS(NS.xliff22, 'segment');
    segment.setAttribute('id', `s${i + 1}`);
    const source = xml.createElementNS(NS.xliff22, 'source');
    source.appendChild(xml.createTextNode(s.source));
    segment.appendChild(source);
    unit.appendChild(segment);
    file.appendChild(unit);
  });
  return xml;
}

/** A fresh XLIFF 1.2 file (a trans-unit per segment, sources written from the segments): for conversions. */
export function skeleton12(doc: Pick<ExportDocument, 'sourceLang' | 'targetLang' | 'segments'>): string {
  const xml = new DOMImplementation().createDocument(NS.xliff12, 'xliff', null);
  const root = xml.documentElement!;
  root.setAttribute('version', '1.2');
  const file = xml.createElementNS(NS.xliff12, 'file');
  for (const [k, v] of [
    ['original', 'visavis'],
    ['source-language', doc.sourceLang],
    ['target-language', doc.targetLang],
    ['datatype', 'plaintext'],
  ])
    file.setAttribute(k!, v!);
  const body = xml.createElementNS(NS.xliff12, 'body');
  doc.segments.forEach((seg, i) => {
    const unit = xml.createElementNS(NS.xliff12, 'trans-unit');
    unit.setAttribute('id', `u${i + 1}`);
    if (seg.readOnly) unit.setAttribute('translate', 'no');
    unit.appendChild(xml.createElementNS(NS.xliff12, 'source'));
    body.appendChild(unit);
  });
  file.appendChild(body);
  root.appendChild(file);
  return serializeXml(xml);
}

/**
 * `rewriteSources`: write every source from the segment's text and codes (a fresh skeleton: skeletonDocument,
 * skeleton12), not only those that carry flags.
 */
export function writeXliff(
  doc: ExportDocument,
  skeleton: string | null,
  opts: { rewriteSources?: boolean } = {},
): string {
  let xml: Document;
  if (skeleton === null) xml = skeletonDocument(doc);
  else {
    const parsed = parseXml(skeleton);
    if (!parsed.ok) throw new XliffWriteError(`the original file no longer parses: ${parsed.problem.message}`);
    xml = parsed.doc;
  }
  const version = xliffVersionOf(xml);
  if (!version) throw new XliffWriteError('the original file is not XLIFF');
  let slots = walkSegments(xml, version);
  let rewriteSource = new Set<Element>();
  const ids = doc.importedSegmentIds;
  const sameShape = slots.length === doc.segments.length && (!ids || ids.every((id, k) => doc.segments[k]!.id === id));
  if (!sameShape) {
    if (ids && ids.length === slots.length && slots.length > 0) {
      // Segments were split, merged, deleted or inserted since the import: the file follows them.
      // A new segment without its gap (a snapshot from before gaps were kept, an undone deletion): the usual separator.
      const separators = { source: joinSeparator(doc.sourceLang), target: joinSeparator(doc.targetLang) };
      ({ slots, rewriteSource } = restructure(xml, version, slots, ids, doc.segments, separators));
    } else {
      // Without the imported ids the file's segments cannot be told apart: a new XLIFF 2.2 file, a unit per segment.
      xml = skeletonDocument(doc);
      const fresh = walkSegments(xml, '2.2');
      return writeInto(xml, '2.2', fresh, doc, new Set(fresh.map((slot) => slot.source)), true);
    }
  }
  // A fresh file says nothing yet: every segment gets its state (a 2.x segment without one would read as initial).
  const fresh = skeleton === null || opts.rewriteSources === true;
  if (fresh) for (const slot of slots) rewriteSource.add(slot.source);
  return writeInto(xml, version, slots, doc, rewriteSource, fresh);
}

/**
 * For the k-th slot's side: whether a paired code's other half is in another segment of the same unit, on the
 * right side of it (2.x sc and ec may pair across the segments of a unit: they are not isolated then).
 */
function acrossSegments(slots: SegmentSlot[], doc: ExportDocument, k: number, side: 'source' | 'target') {
  const unit = slots[k]!.unit;
  const codes = doc.segments[k]!.codes ?? {};
  return (ch: string): boolean => {
    const code = codes[ch];
    if (!code?.pair) return false;
    for (let j = code.kind === 'open' ? k + 1 : k - 1; j >= 0 && j < slots.length; j += code.kind === 'open' ? 1 : -1) {
      if (slots[j]!.unit !== unit) return false;
      // The same character in another segment may stand for another code: the same code has the same key.
      const other = doc.segments[j]!;
      if (other[side].includes(code.pair) && other.codes?.[code.pair]?.key === codes[code.pair]?.key) return true;
    }
    return false;
  };
}

function writeInto(
  xml: Document,
  version: XliffVersion,
  slots: SegmentSlot[],
  doc: ExportDocument,
  rewriteSource: ReadonlySet<Element> = new Set(),
  fresh = false,
): string {
  const root = xml.documentElement!;
  const flagsBySegment = new Map<string, Flag[]>();
  for (const f of doc.flags) flagsBySegment.set(f.segmentId, [...(flagsBySegment.get(f.segmentId) ?? []), f]);
  const anyFlag = doc.flags.some((f) => !f.orphaned);
  if (anyFlag) {
    root.setAttributeNS(NS.xmlns, 'xmlns:its', NS.its);
    root.setAttributeNS(NS.xmlns, 'xmlns:vv', NS.vv);
    root.setAttributeNS(NS.its, 'its:version', '2.0');
  }
  ensureTargetLang(root, version, doc.targetLang);
  const touchedUnits = new Set<Element>();
  const unitStatuses = new Map<Element, SegmentStatus[]>();
  slots.forEach((slot, k) => {
    const seg = doc.segments[k]!;
    const flags = (flagsBySegment.get(seg.id) ?? []).filter((f) => !f.orphaned);
    if (!touchedUnits.has(slot.unit)) {
      touchedUnits.add(slot.unit);
      removeOurStandoff(slot.unit);
    }
    writeSlot(xml, slot, seg, flags, version, rewriteSource.has(slot.source), (side) =>
      acrossSegments(slots, doc, k, side),
    );
    unitStatuses.set(slot.unit, [...(unitStatuses.get(slot.unit) ?? []), seg.status]);
    if (version !== '1.2') setState2(slot, seg, doc.status === 'approved', fresh);
    else setSdlConf(slot, seg.status, doc.status === 'approved');
  });
  if (version !== '1.2') for (const unit of touchedUnits) uniqueTargetIds(unit);
  if (version === '1.2') {
    for (const [unit, statuses] of unitStatuses) setState12(unit, docNs(xml), statuses, fresh);
    strictify12(root, (unit) => toXliff12State(leastAdvanced(unitStatuses.get(unit) ?? ['translated'])).state);
  }
  return serializeDocument(xml);
}

function ensureTargetLang(root: Element, version: XliffVersion, targetLang: string) {
  if (version !== '1.2') {
    if (!root.hasAttribute('trgLang')) root.setAttribute('trgLang', targetLang);
    return;
  }
  for (const file of childElements(root, root.namespaceURI, 'file'))
    if (!file.hasAttribute('target-language')) file.setAttribute('target-language', targetLang);
}

/** Standoff issue lists of a unit: they became flags on import and are written again from the flags. */
function removeOurStandoff(unit: Element) {
  for (const list of childElements(unit, NS.its, 'locQualityIssues')) unit.removeChild(list);
}

function writeSlot(
  xml: Document,
  slot: SegmentSlot,
  seg: ExportSegment,
  flags: Flag[],
  version: XliffVersion,
  rewriteSource: boolean,
  across: (side: 'source' | 'target') => (ch: string) => boolean,
) {
  const ns = slot.source.namespaceURI;
  const sourceFlags = flags.filter((f) => f.side === 'source');
  const targetFlags = flags.filter((f) => f.side === 'target');
  if (sourceFlags.length > 0 || rewriteSource) {
    const out = marksOf(xml, slot.unit, sourceFlags, version);
    removeChildren(slot.source);
    writeContent(xml, slot.source, seg.source, seg.codes, out, version, across('source'));
  }
  if (seg.readOnly && targetFlags.length === 0) return;
  let target = targetOf(xml, slot, ns, version);
  if (!target) {
    if (seg.target === '' && seg.status === 'draft') return;
    target = createTarget(xml, slot, ns, version);
  }
  const out = marksOf(xml, slot.unit, targetFlags, version);
  removeChildren(target);
  writeContent(xml, target, seg.target, seg.codes, out, version, across('target'));
}

/** The slot's target content element, after making sure a segmented 1.2 unit's target has every segment. */
function targetOf(xml: Document, slot: SegmentSlot, ns: string | null, version: XliffVersion): Element | null {
  if (version !== '1.2' || slot.mid === undefined) return slot.target;
  const segSource = firstChild(slot.unit, ns, 'seg-source')!;
  let target = firstChild(slot.unit, ns, 'target');
  const mids = (el: Element) => new Set(segMrks(el, ns).map((m) => attr(m, 'mid')));
  if (!target) {
    target = xml.createElementNS(ns, 'target');
    insertAfter(slot.unit, target, segSource);
  }
  const have = mids(target);
  if ([...mids(segSource)].some((m) => !have.has(m))) {
    // Missing segments: the target takes the seg-source's shape (its mrk, codes and spaces), then is filled.
    removeChildren(target);
    for (let n = segSource.firstChild; n; n = n.nextSibling) target.appendChild(n.cloneNode(true));
  }
  return segMrks(target, ns).find((m) => attr(m, 'mid') === slot.mid) ?? null;
}

function createTarget(xml: Document, slot: SegmentSlot, ns: string | null, version: XliffVersion): Element {
  const target = xml.createElementNS(ns, 'target');
  const after = version === '1.2' ? (firstChild(slot.unit, ns, 'seg-source') ?? slot.source) : slot.source;
  insertAfter(after.parentNode as Element, target, after);
  return target;
}

function insertAfter(parent: Element, node: Element, ref: Element) {
  parent.insertBefore(node, ref.nextSibling);
}

/** 2.x: state and subState from the status, unless the file's already say that status (kept as they were). */
function setState2(slot: SegmentSlot, seg: ExportSegment, documentApproved: boolean, fresh: boolean) {
  const el = slot.segment;
  const hasTarget = firstChild(el, el.namespaceURI, 'target') !== null;
  const asRead = fromXliff2State(attr(el, 'state'), attr(el, 'subState'), hasTarget);
  if (!fresh && asRead === seg.status && !(seg.status === 'approved' && documentApproved)) return;
  if (!fresh && seg.readOnly && asRead === seg.status) return;
  const { state, subState } = toXliff2State(seg.status, documentApproved);
  el.setAttribute('state', hasTarget ? state : 'initial');
  if (subState && hasTarget) el.setAttribute('subState', subState);
  else el.removeAttribute('subState');
}

/** Trados files: the segment's sdl:seg conf too (Trados reads that, not the target's state). */
function setSdlConf(slot: SegmentSlot, status: SegmentStatus, documentApproved: boolean) {
  const seg = sdlSegOf(slot.unit, slot.mid);
  if (!seg || fromSdlConf(seg) === status) return;
  seg.setAttribute('conf', toSdlConf(status, documentApproved));
}

const RANK: Record<SegmentStatus, number> = {
  draft: 0,
  translated: 1,
  'changes-requested': 2,
  'in-review': 3,
  approved: 4,
};

const leastAdvanced = (statuses: SegmentStatus[]) => statuses.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));

/** 1.2: the target's state and the trans-unit's approved, from the least advanced status of its segments. */
function setState12(unit: Element, ns: string | null, statuses: SegmentStatus[], fresh: boolean) {
  const status = leastAdvanced(statuses);
  const target = firstChild(unit, ns, 'target');
  const asRead = fromXliff12State(
    target ? attr(target, 'state') : undefined,
    attr(unit, 'approved') === 'yes',
    target ? attrNS(target, NS.vv, 'status') : undefined,
    target !== null,
  );
  if (!target || (asRead === status && !fresh)) return;
  const { state, approved } = toXliff12State(status);
  target.setAttribute('state', state);
  if (status === 'changes-requested' || status === 'in-review') target.setAttributeNS(NS.vv, 'vv:status', status);
  else if (target.hasAttributeNS(NS.vv, 'status')) target.removeAttributeNS(NS.vv, 'status');
  if (approved) unit.setAttribute('approved', 'yes');
  else if (unit.hasAttribute('approved')) unit.setAttribute('approved', 'no');
}

function serializeDocument(xml: Document): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  for (let n = xml.firstChild; n; n = n.nextSibling) {
    // The original declaration may name another encoding: ours is written above.
    if ((n.nodeType === 7 && n.nodeName === 'xml') || n.nodeType === 3) continue;
    out += serializeXml(n) + (isElement(n) ? '\n' : '');
  }
  return out;
}
