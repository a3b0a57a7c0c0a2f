import type { Document, Element } from '@xmldom/xmldom';
import type { Flag } from '../../schemas';
import { childElements } from '../xml-dom';
import type { MarkOut } from './inline-write';
import { categoryOfIts, itsSeverityOf, itsTypeOf, severityOfIts } from './mapping';
import { NS, type XliffVersion } from './model';

/*
 * Flags → ITS 2.0 Localization Quality Issues (https://www.w3.org/TR/its20/#lqissue), with our exact fields
 * in our namespace beside them. Two or more flags on the same span share one mark pointing at a standoff
 * its:locQualityIssues in the unit (2.x); XLIFF 1.2 gets nested marks instead.
 */

/** The ITS type: the one the file had when the flag came from it and its category was not changed. */
function itsType(flag: Flag): string {
  const original = flag.original?.category;
  return original !== undefined && categoryOfIts(original) === flag.category ? original : itsTypeOf(flag.category);
}

function itsSeverity(flag: Flag): string {
  const original = flag.original ? Number(flag.original.severity) : NaN;
  if (Number.isFinite(original) && severityOfIts(original) === flag.severity) return String(original);
  return String(itsSeverityOf(flag.severity));
}

/** The ITS comment: the reviewer's comment and the proposed correction. */
export function itsComment(flag: Flag): string {
  const correction = flag.correction !== '' ? `→ ${flag.correction}` : '';
  return [flag.comment.trim(), correction].filter(Boolean).join(' ');
}

const DISABLED = new Set(['rejected', 'withdrawn']);

/** [namespace, qualified name, value] of a flag: ITS (prefixed or not) and ours. */
function issueAttributes(flag: Flag, itsPrefix: string): [string, string, string][] {
  const its = (name: string, value: string): [string, string, string] =>
    itsPrefix ? [NS.its, `${itsPrefix}:${name}`, value] : ['', name, value];
  const out: [string, string, string][] = [
    its('locQualityIssueType', itsType(flag)),
    its('locQualityIssueSeverity', itsSeverity(flag)),
  ];
  const comment = itsComment(flag);
  if (comment) out.push(its('locQualityIssueComment', comment));
  if (DISABLED.has(flag.status)) out.push(its('locQualityIssueEnabled', 'no'));
  out.push(
    [NS.vv, 'vv:category', flag.category],
    [NS.vv, 'vv:severity', flag.severity],
    [NS.vv, 'vv:status', flag.status],
    [NS.vv, 'vv:author', flag.createdBy],
  );
  if (flag.correction !== '') out.push([NS.vv, 'vv:correction', flag.correction]);
  if (flag.comment !== '') out.push([NS.vv, 'vv:comment', flag.comment]);
  return out;
}

export function marksOf(xml: Document, unit: Element, flags: readonly Flag[], version: XliffVersion): MarkOut[] {
  const bySpan = new Map<string, Flag[]>();
  for (const f of flags) {
    const key = `${f.anchor.start}:${f.anchor.end}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), f]);
  }
  const out: MarkOut[] = [];
  for (const group of bySpan.values()) {
    const { start, end } = group[0]!.anchor;
    if (group.length === 1 || version === '1.2') {
      for (const f of group) out.push({ start, end, id: `vv-${f.id}`, attributes: issueAttributes(f, 'its') });
      continue;
    }
    const listId = `vv-lqi-${group[0]!.id}`;
    const list = xml.createElementNS(NS.its, 'its:locQualityIssues');
    list.setAttributeNS(NS.xml, 'xml:id', listId);
    for (const f of group) {
      const issue = xml.createElementNS(NS.its, 'its:locQualityIssue');
      for (const [uri, name, value] of issueAttributes(f, '')) {
        if (uri) issue.setAttributeNS(uri, name, value);
        else issue.setAttribute(name, value);
      }
      list.appendChild(issue);
    }
    // Extensions come first in a unit (before notes, originalData and segments).
    const firstCore = childElements(unit).find((e) => e.namespaceURI === unit.namespaceURI) ?? null;
    unit.insertBefore(list, firstCore);
    out.push({ start, end, id: `vv-${group[0]!.id}`, attributes: [[NS.its, 'its:locQualityIssuesRef', `#${listId}`]] });
  }
  return out;
}
