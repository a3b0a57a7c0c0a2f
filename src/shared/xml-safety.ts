/*
 * The rule for every XML reader (TBX now, XLIFF and TMX to come; issue #8): no DTD, no entity.
 * - An internal DTD subset (`<!DOCTYPE x [ … ]>`) or any entity declaration is refused: that is where external
 *   entities (XXE), parameter entities and exponential or huge entities ("billion laughs") come from.
 * - No entity is ever expanded beyond the five predefined ones (&lt; &gt; &amp; &apos; &quot;) and numeric
 *   character references; any other reference is refused (XML calls it an undeclared entity anyway).
 * - Nothing external is ever loaded: a DOCTYPE that only names an external DTD, as real TBX and TMX files do
 *   (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`), is accepted and blanked out before parsing.
 * - Elements nested deeper than a limit are refused: parsers and tree walkers recurse.
 * Call prepareXml on the text, then parse its `xml` with SAFE_XML_PARSER_OPTIONS (fast-xml-parser).
 * One pass over the text, no allocation per character.
 */

export interface XmlProblem {
  /** 1-based line of the offending markup. */
  line: number;
  message: string;
}

export type PreparedXml = { ok: true; xml: string } | { ok: false; problem: XmlProblem };

export interface XmlSafetyOptions {
  /** Deepest element nesting accepted (the root is depth 1). */
  maxDepth?: number;
}

/** TBX nests about 10 deep, XLIFF inline markup a few more; 100 is fast-xml-parser's own default. */
export const DEFAULT_MAX_XML_DEPTH = 100;

/**
 * fast-xml-parser options for text from prepareXml. processEntities decodes the five predefined entities;
 * htmlEntities adds numeric character references (&#233; → é): any other named reference was refused, and
 * the DOCTYPE blanked out, so its HTML table and its DTD reader have nothing to act on. maxNestedTags is a
 * backstop above our own limit (it throws rather than answering).
 */
export const SAFE_XML_PARSER_OPTIONS = {
  processEntities: true,
  htmlEntities: true,
  maxNestedTags: DEFAULT_MAX_XML_DEPTH + 10,
} as const;

const PREDEFINED = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);
const REFERENCE = /&(?:#(\d+)|#x([0-9a-fA-F]+)|([A-Za-z_:][-\w.:]*));/y;

/** Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets). */
const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The first "&" at or after `from`, for positions that only move forward: the last answer is reused while it
 * is still ahead, so a file with few "&" is not searched to its end once per tag (that was quadratic).
 */
function ampersands(text: string): (from: number) => number {
  let last = -2;
  return (from) => {
    if (last === -1 || last >= from) return last;
    last = text.indexOf('&', from);
    return last;
  };
}

/** A refused reference in text[from, to) (character data or a start tag's attributes), or null. */
function badReference(
  text: string,
  from: number,
  to: number,
  nextAmp: (from: number) => number,
): { at: number; message: string } | null {
  for (let at = nextAmp(from); at !== -1 && at < to; at = nextAmp(at + 1)) {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(text);
    if (!m) continue; // a bare "&" is no reference: the well-formedness check reports it
    const [ref, dec, hex, name] = m;
    if (name !== undefined) {
      if (PREDEFINED.has(name)) continue;
      return {
        at,
        message: `the entity reference ${ref} is not allowed: entities are never expanded (only &lt; &gt; &amp; &apos; &quot; and numeric character references)`,
      };
    }
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!isXmlChar(code)) return { at, message: `the character reference ${ref} is not a character XML allows` };
  }
  return null;
}

/** Index just past `end` searched from `from`, or the end of the text (the well-formedness check reports it). */
function skipPast(text: string, end: string, from: number): number {
  const i = text.indexOf(end, from);
  return i === -1 ? text.length : i + end.length;
}

/** Index just past the `>` of the tag opened at `lt` (quoted attribute values may hold `>`), or -1. */
function tagEnd(text: string, lt: number): number {
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

/** Why an internal subset is refused, naming the worst thing in it. */
function subsetProblem(subset: string): string {
  if (/<!ENTITY\s+%/.test(subset))
    return 'the DOCTYPE declares a parameter entity (<!ENTITY % …>): DTDs and entities are not allowed';
  if (/<!ENTITY\s+[^\s>]+\s+(SYSTEM|PUBLIC)\b/.test(subset))
    return 'the DOCTYPE declares an external entity (SYSTEM or PUBLIC): nothing external is ever loaded';
  if (/<!ENTITY\b/.test(subset)) return 'the DOCTYPE declares an entity (<!ENTITY …>): entities are never expanded';
  if (/%[A-Za-z_:][-\w.:]*;/.test(subset))
    return 'the DOCTYPE uses a parameter entity (%…;): DTDs and entities are not allowed';
  return 'the DOCTYPE has an internal subset ([…]): only a DOCTYPE naming an external DTD is accepted, and it is never loaded';
}

const DOCTYPE_HEAD =
  /<!DOCTYPE\s+[^\s[>]+(?:\s+(?:SYSTEM\s*(?:"[^"]*"|'[^']*')|PUBLIC\s*(?:"[^"]*"|'[^']*')\s*(?:"[^"]*"|'[^']*')))?\s*/iy;

/** The end of the DOCTYPE at `lt` (just past its `>`), or why it is refused. */
function readDoctype(text: string, lt: number): number | { message: string } {
  DOCTYPE_HEAD.lastIndex = lt;
  if (!DOCTYPE_HEAD.exec(text)) return { message: 'a malformed DOCTYPE' };
  const next = text[DOCTYPE_HEAD.lastIndex];
  if (next === '>') return DOCTYPE_HEAD.lastIndex + 1;
  if (next === '[') {
    // Refused whatever it holds; only the message depends on where it ends (the first "]", or a bounded stretch).
    const from = DOCTYPE_HEAD.lastIndex;
    const close = text.indexOf(']', from);
    return { message: subsetProblem(text.slice(from, close === -1 ? from + 100_000 : close)) };
  }
  return { message: 'a malformed DOCTYPE' };
}

/** Spaces instead of text[from, to), line breaks kept: the parser's line and column numbers stay right. */
const blank = (text: string, from: number, to: number) =>
  text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);

/**
 * Checks XML text against the rule above and returns it ready for the parser (no byte-order mark, an
 * external-DTD-only DOCTYPE blanked out), or the first problem with its line.
 */
export function prepareXml(text: string, opts: XmlSafetyOptions = {}): PreparedXml {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
  const xml = text.replace(/^\uFEFF/, '');
  const refuse = (at: number, message: string): PreparedXml => ({
    ok: false,
    problem: { line: lineOf(xml, at), message },
  });
  const nextAmp = ampersands(xml);
  let depth = 0;
  let rootSeen = false;
  let doctype: [number, number] | null = null;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const bad = badReference(xml, i, lt === -1 ? xml.length : lt, nextAmp);
    if (bad) return refuse(bad.at, bad.message);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, '-->', lt + 4);
    else if (xml.startsWith('<![CDATA[', lt)) i = skipPast(xml, ']]>', lt + 9);
    else if (xml.startsWith('<?', lt)) i = skipPast(xml, '?>', lt + 2);
    else if (/^<!DOCTYPE/i.test(xml.slice(lt, lt + 9))) {
      if (doctype || rootSeen) return refuse(lt, 'a DOCTYPE is allowed only once, before the root element');
      const end = readDoctype(xml, lt);
      if (typeof end !== 'number') return refuse(lt, end.message);
      doctype = [lt, end];
      i = end;
    } else if (xml.startsWith('<!', lt)) {
      const what = /^<!([A-Za-z]*)/.exec(xml.slice(lt, lt + 12))![1]!.toUpperCase();
      return refuse(
        lt,
        what === 'ENTITY'
          ? 'an entity declaration (<!ENTITY …>) is not allowed: entities are never expanded'
          : `a markup declaration (<!${what || '…'}) outside a DOCTYPE is not allowed`,
      );
    } else {
      const end = tagEnd(xml, lt);
      if (end === -1) break; // an unterminated tag: the well-formedness check says where
      if (xml[lt + 1] === '/') depth--;
      else {
        const ref = badReference(xml, lt, end, nextAmp);
        if (ref) return refuse(ref.at, ref.message);
        rootSeen = true;
        if (depth + 1 > maxDepth) return refuse(lt, `elements are nested more than ${maxDepth} deep`);
        if (xml[end - 2] !== '/') depth++;
      }
      i = end;
    }
  }
  return { ok: true, xml: doctype ? blank(xml, doctype[0], doctype[1]) : xml };
}
