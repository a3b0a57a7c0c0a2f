import { z } from 'zod';

/*
 * Inline codes (XLIFF ph/pc/sc/ec/mrk…, 1.2 g/x/bx/ex/bpt/ept/it/ph) stand in a segment's text as one
 * character each from the Unicode private-use area (U+E000–U+F8FF), so offsets, anchors, diffs, word counts
 * and QA work on plain text. The segment maps each such character to the markup it stands for.
 * A paired code (pc, g, a kept mrk) is two characters, its opening and its closing, which name each other.
 */

export const PUA_FIRST = 0xe000;
export const PUA_LAST = 0xf8ff;

export const InlineCodeSchema = z.object({
  /** open: starts a paired code; close: ends one; standalone: a code on its own (ph, x, sc, ec, bpt…). */
  kind: z.enum(['open', 'close', 'standalone']),
  /** The element as the file had it, without its content (what hovering the chip shows; what export writes). */
  xml: z.string().max(10_000),
  /** Its identity in the file (element name and id): the same code in source and target has the same one. */
  key: z.string().max(300),
  /** The element's name (pc, ph, g, x…) and id, for the chip's label. */
  name: z.string().max(100),
  id: z.string().max(200).optional(),
  /** For open and close: the character of the other half. */
  pair: z.string().length(1).optional(),
});
export type InlineCode = z.infer<typeof InlineCodeSchema>;

/** Character → code; present only on segments that have codes. */
export const InlineCodesSchema = z.record(z.string().length(1), InlineCodeSchema);
export type InlineCodes = z.infer<typeof InlineCodesSchema>;

export const isPua = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= PUA_FIRST && c <= PUA_LAST;
};

/** The code characters of `text`, in order (characters that are in `codes`). */
export function codesIn(text: string, codes: InlineCodes | undefined): string[] {
  if (!codes) return [];
  const out: string[] = [];
  for (const ch of text) if (Object.hasOwn(codes, ch)) out.push(ch);
  return out;
}

/** Hands out private-use characters that do not occur in the texts they will be mixed with. */
export class CodeAllocator {
  private next = PUA_FIRST;
  private readonly taken = new Set<number>();
  constructor(texts: readonly string[]) {
    for (const t of texts)
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c >= PUA_FIRST && c <= PUA_LAST) this.taken.add(c);
      }
  }
  /** A fresh character, or null when the private-use area is used up (6,400 codes in one segment). */
  take(): string | null {
    while (this.next <= PUA_LAST && this.taken.has(this.next)) this.next++;
    if (this.next > PUA_LAST) return null;
    this.taken.add(this.next);
    return String.fromCharCode(this.next++);
  }
}

/** A short label for a chip: `<pc 1>`, `</pc>`, `<ph 2/>`. */
export function codeLabel(code: InlineCode): string {
  if (code.kind === 'close') return `</${code.name}>`;
  const idPart = code.id !== undefined ? ` ${code.id}` : '';
  return code.kind === 'open' ? `<${code.name}${idPart}>` : `<${code.name}${idPart}/>`;
}
