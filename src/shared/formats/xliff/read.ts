import type { Document, Element } from '@xmldom/xmldom';
import { CodeAllocator, type InlineCodes } from '../../inline-codes';
import type { SegmentStatus } from '../../schemas';
import { attr, attrNS, childElements, firstChild, isElement, lineOf, parseXml } from '../xml-dom';
import { readContent, type InlineContext } from './inline-read';
import { fromXliff12State, fromXliff2State } from './mapping';
import { NS, type XliffImport, type XliffReadResult, type XliffSegment, type XliffVersion } from './model';
import { checkXliff2 } from './requirements';
import { gapBefore } from './gaps';
import { fromSdlConf, sdlSegOf } from './trados';
import { docNs, walkSegments, xliffVersionOf, type SegmentSlot } from './walk';

/*
 * Reads XLIFF 2.0/2.1/2.2 (refusing a file that breaks a processing requirement) and XLIFF 1.2 (leniently:
 * real files break its schema and must still open). Inline codes become private-use characters
 * (inline-read.ts); ITS quality issues become review marks.
 */

export function readXliff(text: string): XliffReadResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, problem: { rule: 'well-formed', ...parsed.problem } };
  const doc = parsed.doc;
  const root = doc.documentElement;
  const version = xliffVersionOf(doc);
  if (!root || !version) {
    return {
      ok: false,
      problem: {
        rule: 'xliff-root',
        line: root ? lineOf(root) : 1,
        message: 'the root element is not <xliff> in the XLIFF 1.2, 2.0 or 2.2 namespace',
      },
    };
  }
  if (version !== '1.2') {
    const problem = checkXliff2(root, docNs(doc)!);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, value: readDocument(doc, version, text) };
}

const PUA = /[\uE000-\uF8FF]/;

/** The languages: 2.x on the root, 1.2 on the first file. */
function languagesOf(root: Element, ns: string | null, version: XliffVersion) {
  if (version !== '1.2') return { sourceLang: attr(root, 'srcLang') ?? '', targetLang: attr(root, 'trgLang') ?? null };
  const file = firstChild(root, ns, 'file');
  return {
    sourceLang: (file && attr(file, 'source-language')) ?? '',
    targetLang: (file && attr(file, 'target-language')) ?? null,
  };
}

/** Standoff quality issues (its:locQualityIssues xml:id="…"), by id. */
function standoffIssues(doc: Document, text: string): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  // A walk of the whole tree: only when the file has such a list at all.
  if (!text.includes('locQualityIssues')) return out;
  const lists = doc.getElementsByTagNameNS(NS.its, 'locQualityIssues');
  for (let i = 0; i < lists.length; i++) {
    const list = lists.item(i)!;
    const id = attrNS(list, NS.xml, 'id') ?? attr(list, 'xml:id');
    if (id) out.set(id, childElements(list, NS.its, 'locQualityIssue'));
  }
  return out;
}

function readDocument(doc: Document, version: XliffVersion, text: string): XliffImport {
  const root = doc.documentElement!;
  const ns = docNs(doc);
  const standoff = standoffIssues(doc, text);
  // Private-use characters already in the file must not be handed out as codes; a file without any (nearly all)
  // spares reading every source and target's text twice.
  const hasPua = PUA.test(text) || text.includes('&#');
  const slots = walkSegments(doc, version);
  const units = new Set<Element>();
  const segments: XliffSegment[] = [];
  let marks = 0;
  let notes = 0;
  const noted = new Set<Element>();
  for (const slot of slots) {
    const segment = readSlot(slot, version, ns, standoff, hasPua);
    // A file's or group's notes go with its first segment (shown under its source, like the unit's own).
    if (slot.indexInUnit === 0) segment.notes = [...outerNotes(slot.unit, ns, version, noted), ...segment.notes];
    if (!units.has(slot.unit)) notes += segment.notes.length;
    units.add(slot.unit);
    marks += segment.marks.length;
    segments.push(segment);
  }
  return {
    version,
    ...languagesOf(root, ns, version),
    segments,
    counts: {
      files: childElements(root, ns, 'file').length,
      units: units.size,
      segments: segments.length,
      marks,
      notes,
    },
  };
}

/** Notes of the groups and file around a unit (outermost first) that no earlier segment showed. */
function outerNotes(unit: Element, ns: string | null, version: XliffVersion, noted: Set<Element>): string[] {
  const around: Element[] = [];
  for (let el = unit.parentNode; el && isElement(el) && el.localName !== 'xliff'; el = el.parentNode)
    around.unshift(el);
  const out: string[] = [];
  for (const el of around) {
    if (noted.has(el)) continue;
    noted.add(el);
    // 1.2: a file's notes are in its header.
    const holder = version === '1.2' && el.localName === 'file' ? firstChild(el, ns, 'header') : el;
    if (holder) out.push(...ownNotes(holder, ns, version));
  }
  return out;
}

function ownNotes(el: Element, ns: string | null, version: XliffVersion): string[] {
  const text = (e: Element) => (e.textContent ?? '').trim();
  const list = version === '1.2' ? el : firstChild(el, ns, 'notes');
  return list ? childElements(list, ns, 'note').map(text).filter(Boolean) : [];
}

/** The unit's notes (2.x notes/note, 1.2 note) and, for 1.2, its context-group contexts. */
function notesOf(unit: Element, ns: string | null, version: XliffVersion): string[] {
  const text = (e: Element) => (e.textContent ?? '').trim();
  if (version !== '1.2') {
    const list = firstChild(unit, ns, 'notes');
    return list ? childElements(list, ns, 'note').map(text).filter(Boolean) : [];
  }
  const out = childElements(unit, ns, 'note').map(text).filter(Boolean);
  for (const group of childElements(unit, ns, 'context-group')) {
    for (const c of childElements(group, ns, 'context')) {
      const type = attr(c, 'context-type');
      const value = text(c);
      if (value) out.push(type ? `${type}: ${value}` : value);
    }
  }
  return out;
}

function readSlot(
  slot: SegmentSlot,
  version: XliffVersion,
  ns: string | null,
  standoff: ReadonlyMap<string, Element[]>,
  hasPua: boolean,
): XliffSegment {
  const codes: InlineCodes = {};
  const ctx: InlineContext = {
    version,
    ns,
    alloc: new CodeAllocator(hasPua ? [slot.source.textContent ?? '', slot.target?.textContent ?? ''] : []),
    codes,
    keys: new Map(),
    standoff,
    overflow: false,
  };
  const source = readContent(slot.source, 'source', ctx);
  const target = slot.target ? readContent(slot.target, 'target', ctx) : { text: '', marks: [] };
  const meta: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined) meta[k] = v;
  };
  put('file', attr(slot.file, 'id') ?? attr(slot.file, 'original'));
  put('unit', attr(slot.unit, 'id'));
  put('resname', attr(slot.unit, 'resname') ?? attr(slot.unit, 'name'));
  let status: SegmentStatus;
  if (version === '1.2') {
    const targetEl = slot.mid !== undefined ? firstChild(slot.unit, ns, 'target') : slot.target;
    const state = targetEl ? attr(targetEl, 'state') : undefined;
    put('mid', slot.mid);
    put('state', state);
    put('approved', attr(slot.unit, 'approved'));
    const approved = attr(slot.unit, 'approved') === 'yes';
    const ours = targetEl ? attrNS(targetEl, NS.vv, 'status') : undefined;
    status =
      fromSdlConf(sdlSegOf(slot.unit, slot.mid)) ??
      fromXliff12State(state, approved, ours, slot.target !== null && target.text !== '');
  } else {
    const state = attr(slot.segment, 'state');
    const subState = attr(slot.segment, 'subState');
    put('segment', attr(slot.segment, 'id'));
    put('state', state);
    put('subState', subState);
    status = fromXliff2State(state, subState, slot.target !== null);
  }
  if (slot.target === null && status !== 'draft') status = 'draft';
  const gap = gapBefore(slot);
  return {
    ...(gap ? { gap } : {}),
    source: source.text,
    target: target.text,
    ...(Object.keys(codes).length > 0 ? { codes } : {}),
    status,
    readOnly: !slot.translate,
    notes: slot.indexInUnit === 0 ? notesOf(slot.unit, ns, version) : [],
    meta,
    marks: [...source.marks, ...target.marks],
    line: lineOf(slot.segment),
  };
}
