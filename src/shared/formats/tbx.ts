import { DOMImplementation } from '@xmldom/xmldom';
import type { Glossary } from './glossary';
import { serializeXml } from './xml-dom';

/*
 * A document's glossary out as TBX (ISO 30042:2019, the TBX-Basic dialect, DCA style): one conceptEntry per entry,
 * a langSec per language, a termSec per term; each forbidden variant carries administrativeStatus
 * "deprecatedTerm-admn-sts", each accepted target form "preferredTerm-admn-sts" (the first) or
 * "admittedTerm-admn-sts", the entry's note a note. glossary.ts's parseTbx reads it back (and TBX 2008 martif),
 * so CSV → TBX → CSV loses nothing.
 */

export const TBX_NS = 'urn:iso:std:iso:30042:ed-2';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const FORBIDDEN_STATUS_OUT = 'deprecatedTerm-admn-sts';

export function writeTbx(glossary: Glossary, title = 'Vis-à-vis glossary'): string {
  const xml = new DOMImplementation().createDocument(TBX_NS, 'tbx', null);
  const root = xml.documentElement!;
  const el = (name: string, text?: string) => {
    const e = xml.createElementNS(TBX_NS, name);
    if (text !== undefined) e.appendChild(xml.createTextNode(text));
    return e;
  };
  root.setAttribute('type', 'TBX-Basic');
  root.setAttribute('style', 'dca');
  root.setAttributeNS(XML_NS, 'xml:lang', glossary.sourceLang);
  const header = el('tbxHeader');
  const fileDesc = el('fileDesc');
  const sourceDesc = el('sourceDesc');
  sourceDesc.appendChild(el('p', title));
  fileDesc.appendChild(sourceDesc);
  header.appendChild(fileDesc);
  root.appendChild(header);
  const text = el('text');
  const body = el('body');
  text.appendChild(body);
  root.appendChild(text);
  glossary.entries.forEach((entry, i) => {
    const concept = el('conceptEntry');
    concept.setAttribute('id', `c${i + 1}`);
    if (entry.note) concept.appendChild(el('note', entry.note));
    const langSec = (lang: string, terms: [string, string | null][]) => {
      if (terms.length === 0) return;
      const sec = el('langSec');
      sec.setAttributeNS(XML_NS, 'xml:lang', lang);
      for (const [term, status] of terms) {
        const termSec = el('termSec');
        termSec.appendChild(el('term', term));
        if (status) {
          const note = el('termNote', status);
          note.setAttribute('type', 'administrativeStatus');
          termSec.appendChild(note);
        }
        sec.appendChild(termSec);
      }
      concept.appendChild(sec);
    };
    langSec(
      glossary.sourceLang,
      entry.source.map((t) => [t, null]),
    );
    langSec(glossary.targetLang, [
      ...entry.target.map((t, k): [string, string] => [
        t,
        k === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts',
      ]),
      ...entry.forbidden.map((t): [string, string] => [t, FORBIDDEN_STATUS_OUT]),
    ]);
    body.appendChild(concept);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(xml)}\n`;
}
