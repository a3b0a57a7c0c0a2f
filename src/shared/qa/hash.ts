/** cyrb53 (public domain, https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js): a fast 53-bit string hash. */
export function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A finding's id: the same check, segment, side, span and words always give the same id. */
export function findingId(parts: {
  checkId: string;
  segmentId: string;
  side: string;
  start: number;
  end: number;
  quote: string;
}): string {
  const key = [parts.checkId, parts.segmentId, parts.side, parts.start, parts.end, parts.quote].join('\u0000');
  return 'qa_' + cyrb53(key).toString(36).padStart(11, '0');
}
