import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/*
 * JSON.stringify(value), byte for byte, as a stream of chunks with the event loop free between them (issue #8).
 * A big document's export is tens of MB of JSON: stringified in one go it held every other request for a
 * second or more. A worker thread would not help here: the document and its events live in this thread, and
 * copying them to a worker costs about as much as stringifying them.
 */

/** About this many characters per chunk (one large element may make a chunk larger). */
const CHUNK_CHARS = 64 * 1024;
/** Arrays longer than this are written element by element. */
const SPLIT_LENGTH = 16;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
};

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
const isSkipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Is there a long array in there (through plain objects and short arrays)? Only those are split. */
function isLarge(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > SPLIT_LENGTH || v.some(isLarge);
  if (isPlainObject(v)) return Object.values(v).some(isLarge);
  return false;
}

/** The text of JSON.stringify(value), in pieces: long arrays element by element, and the objects around them. */
export function* jsonPieces(value: unknown): Generator<string> {
  if (!isLarge(value)) {
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) yield text;
  } else if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const v: unknown = value[i];
      if (isSkipped(v)) yield 'null';
      else yield* jsonPieces(v);
    }
    yield ']';
  } else {
    let first = true;
    yield '{';
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (isSkipped(v)) continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* jsonPieces(v);
    }
    yield '}';
  }
}

async function* chunks(value: unknown): AsyncGenerator<string> {
  let buffer = '';
  for (const piece of jsonPieces(value)) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
      await nextTurn(); // let I/O and other requests run
    }
  }
  if (buffer) yield buffer;
}

/** A byte stream of JSON.stringify(value), written a chunk per event-loop turn. */
export function jsonStream(value: unknown): Readable {
  return Readable.from(chunks(value), { objectMode: false });
}
