import { codeLabel, codesIn, type InlineCodes } from '../inline-codes';
import type { QaSegment, RawFinding } from './types';

/*
 * Inline codes (inline-codes.ts) compared between source and target: a code of the source missing from the
 * translation, a code in the translation that the source does not have (or has fewer times), and paired codes
 * out of order (a closing before its opening, or pairs that cross), since then the markup cannot be rebuilt.
 * Standalone codes may move freely: word order differs between languages.
 */

export type CodedSegment = QaSegment & { codes?: InlineCodes | undefined };

const count = (chars: readonly string[]) => {
  const m = new Map<string, number>();
  for (const c of chars) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
};

export function checkCodes(segment: CodedSegment): RawFinding[] {
  const codes = segment.codes;
  if (!codes || segment.target === '') return [];
  const source = count(codesIn(segment.source, codes));
  const targetChars = codesIn(segment.target, codes);
  const target = count(targetChars);
  const out: RawFinding[] = [];
  const label = (ch: string) => codeLabel(codes[ch]!);
  for (const [ch, n] of source) {
    if ((target.get(ch) ?? 0) < n) {
      // Missing from the target: the finding sits at the code in the source.
      const at = segment.source.indexOf(ch);
      out.push({
        checkId: 'code-mismatch',
        side: 'source',
        start: at,
        end: at + 1,
        variant: 'missing',
        params: { code: label(ch) },
      });
    }
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < segment.target.length; i++) {
    const ch = segment.target[i]!;
    if (!Object.hasOwn(codes, ch)) continue;
    const k = (seen.get(ch) ?? 0) + 1;
    seen.set(ch, k);
    if (k > (source.get(ch) ?? 0)) {
      out.push({
        checkId: 'code-mismatch',
        side: 'target',
        start: i,
        end: i + 1,
        variant: 'extra',
        params: { code: label(ch) },
      });
    }
  }
  out.push(...misordered(segment.target, codes));
  return out;
}

/** Paired codes in the target whose close comes before their open, or that cross another pair. */
function misordered(text: string, codes: InlineCodes): RawFinding[] {
  const out: RawFinding[] = [];
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = codes[text[i]!];
    if (!code || code.kind === 'standalone' || !Object.hasOwn(codes, text[i]!)) continue;
    if (code.kind === 'open') {
      stack.push({ ch: text[i]!, at: i });
      continue;
    }
    const opener = code.pair;
    const k = stack.map((s) => s.ch).lastIndexOf(opener ?? '');
    if (k === -1) {
      // Closed before it is opened (when the opening is there at all: a missing one is reported as missing).
      if (opener !== undefined && text.includes(opener, i + 1)) {
        out.push({
          checkId: 'code-mismatch',
          side: 'target',
          start: i,
          end: i + 1,
          variant: 'reordered',
          params: { code: codeLabel(code) },
        });
      }
      continue;
    }
    for (const crossed of stack.splice(k).slice(1)) {
      out.push({
        checkId: 'code-mismatch',
        side: 'target',
        start: crossed.at,
        end: i + 1,
        variant: 'crossed',
        params: { code: codeLabel(codes[crossed.ch]!), other: codeLabel(code) },
      });
    }
  }
  return out;
}
