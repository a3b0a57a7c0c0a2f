import type { Element, Node } from '@xmldom/xmldom';
import type { CodeAllocator, InlineCode, InlineCodes } from '../../inline-codes';
import type { FlagSide } from '../../schemas';
import { attr, attrNS, CDATA_SECTION_NODE, isElement, serializeXml, shallowXml, TEXT_NODE } from '../xml-dom';
import { categoryOfIts, parseCategory, parseFlagStatus, parseSeverity, severityOfIts } from './mapping';
import { NS, type XliffMark, type XliffVersion } from './model';

/*
 * A source or target's content → plain text with one private-use character per inline code, and the review
 * marks (ITS Localization Quality Issues) found on mrk, or sm…em, as spans of that text.
 */

/** What the reader shares between a unit's source and target (so one code has one character). */
export interface InlineContext {
  version: XliffVersion;
  ns: string | null;
  alloc: CodeAllocator;
  codes: InlineCodes;
  keys: Map<string, string>;
  /** Standoff issues by xml:id (its:locQualityIssues), for its:locQualityIssuesRef. */
  standoff: ReadonlyMap<string, Element[]>;
  /** Set when the private-use area ran out for this unit. */
  overflow: boolean;
}

export interface ReadContent {
  text: string;
  marks: XliffMark[];
}

const PAIRED_2 = new Set(['pc', 'mrk']);
const PAIRED_12 = new Set(['g', 'mrk']);

const hasIts = (el: Element): boolean =>
  ['locQualityIssueType', 'locQualityIssueComment', 'locQualityIssueSeverity', 'locQualityIssuesRef'].some((a) =>
    el.hasAttributeNS(NS.its, a),
  ) || el.hasAttributeNS(NS.vv, 'category');

/** The issues an element carries: its own ITS attributes, or those of the standoff list it refers to. */
function issuesOf(el: Element, ctx: InlineContext): Omit<XliffMark, 'side' | 'start' | 'end'>[] {
  const ref = attrNS(el, NS.its, 'locQualityIssuesRef');
  if (ref !== undefined) {
    const list = ctx.standoff.get(ref.replace(/^#/, '')) ?? [];
    return list.map((issue) => issueFrom(issue, true));
  }
  return [issueFrom(el, false)];
}

function issueFrom(el: Element, standoff: boolean): Omit<XliffMark, 'side' | 'start' | 'end'> {
  // In a standoff list the attributes have no prefix (ITS 2.0 §8.2.2); on a mrk they are its:…
  const its = (name: string) =>
    standoff ? (attr(el, name) ?? attrNS(el, NS.its, name)) : attrNS(el, NS.its, `locQualityIssue${name}`);
  const type = standoff ? its('locQualityIssueType') : its('Type');
  const comment = standoff ? its('locQualityIssueComment') : its('Comment');
  const severityText = standoff ? its('locQualityIssueSeverity') : its('Severity');
  const severity = severityText !== undefined ? Number(severityText) : undefined;
  const vv = (name: string) => attrNS(el, NS.vv, name);
  const category = parseCategory(vv('category'));
  return {
    ...(type !== undefined ? { itsType: type } : {}),
    ...(severity !== undefined && Number.isFinite(severity) ? { itsSeverity: severity } : {}),
    ...(comment !== undefined ? { itsComment: comment } : {}),
    category: category ?? categoryOfIts(type),
    severity: parseSeverity(vv('severity')) ?? severityOfIts(severity),
    ...(vv('correction') !== undefined ? { correction: vv('correction') } : {}),
    // Our own flags (vv:category) leave vv:comment out when it is empty: the ITS comment is then only the
    // correction ("→ …") written for other tools, not a comment.
    comment: vv('comment') ?? (category !== undefined ? '' : (comment ?? '')),
    ...(parseFlagStatus(vv('status')) ? { status: parseFlagStatus(vv('status')) } : {}),
    ...(vv('author') ? { author: vv('author') } : {}),
  };
}

export function readContent(el: Element, side: FlagSide, ctx: InlineContext): ReadContent {
  let text = '';
  const marks: XliffMark[] = [];
  const seen = new Map<string, number>();
  const openSm = new Map<string, { start: number; issues: Omit<XliffMark, 'side' | 'start' | 'end'>[] }>();
  const paired = ctx.version === '1.2' ? PAIRED_12 : PAIRED_2;

  const code = (node: Element, kind: InlineCode['kind'], xml: string, baseKey: string, pair?: string): string => {
    const n = (seen.get(baseKey) ?? 0) + 1;
    seen.set(baseKey, n);
    const key = n === 1 ? baseKey : `${baseKey}~${n}`;
    let ch = ctx.keys.get(key);
    if (ch === undefined) {
      const fresh = ctx.alloc.take();
      if (fresh === null) {
        ctx.overflow = true;
        return '';
      }
      ch = fresh;
      ctx.keys.set(key, ch);
      const id = attr(node, 'id') ?? attr(node, 'startRef') ?? attr(node, 'rid');
      ctx.codes[ch] = { kind, xml, key, name: node.localName ?? node.nodeName, ...(id !== undefined ? { id } : {}) };
    }
    if (pair !== undefined && ctx.codes[ch]) ctx.codes[ch] = { ...ctx.codes[ch], pair };
    text += ch;
    return ch;
  };

  const visit = (parent: Node) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
        text += n.nodeValue ?? '';
        continue;
      }
      if (!isElement(n)) continue;
      const name = n.localName ?? '';
      const id = attr(n, 'id') ?? attr(n, 'mid') ?? '';
      const inCore = n.namespaceURI === ctx.ns;
      if (inCore && name === 'mrk' && hasIts(n)) {
        const start = text.length;
        visit(n);
        for (const issue of issuesOf(n, ctx)) marks.push({ side, start, end: text.length, ...issue });
      } else if (inCore && ctx.version !== '1.2' && name === 'sm' && hasIts(n)) {
        openSm.set(id, { start: text.length, issues: issuesOf(n, ctx) });
      } else if (inCore && ctx.version !== '1.2' && name === 'em' && openSm.has(attr(n, 'startRef') ?? '')) {
        const sm = openSm.get(attr(n, 'startRef') ?? '')!;
        openSm.delete(attr(n, 'startRef') ?? '');
        for (const issue of sm.issues) marks.push({ side, start: sm.start, end: text.length, ...issue });
      } else if (inCore && paired.has(name)) {
        const key = `${name}#${id}`;
        const open = code(n, 'open', shallowXml(n), key);
        visit(n);
        const close = code(n, 'close', `</${n.nodeName}>`, `${key}/`, open || undefined);
        if (open && close) ctx.codes[open] = { ...ctx.codes[open]!, pair: close };
      } else {
        // ph, sc, ec, sm, em, cp (2.x); x, bx, ex, ph, bpt, ept, it (1.2); anything else: whole, as one code.
        code(n, 'standalone', serializeXml(n), `${name}#${id || (attr(n, 'startRef') ?? '')}`);
      }
    }
  };
  visit(el);
  return { text, marks };
}
