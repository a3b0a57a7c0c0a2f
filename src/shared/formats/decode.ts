/*
 * Bytes of an uploaded text file → its text: UTF-8 or UTF-16 (little or big endian), told by the byte-order
 * mark, else by how the XML declaration's first characters are encoded, else by the declaration's
 * encoding="…"; anything else is read as UTF-8 and refused when it is not (no silent replacement characters).
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const LATIN1_NAMES = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'us-ascii', 'ascii']);

function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every ASCII-compatible encoding: read the first bytes as Latin-1.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  let encoding = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];
  else if (bytes[0] === 0x3c && bytes[1] === 0x00) encoding = 'utf-16le';
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c) encoding = 'utf-16be';
  else {
    const declared = declaredEncoding(bytes);
    if (declared && LATIN1_NAMES.has(declared)) encoding = 'windows-1252';
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(offset));
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, message: `the file is not valid ${encoding.toUpperCase()} text` };
  }
}

/** SHA-256 of the bytes, hex (Web Crypto: in Node and in browsers). */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
