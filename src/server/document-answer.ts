import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { toDocumentState, type FoldState } from '../shared/reducer';
import { COMPRESS_ABOVE_BYTES } from './http';

/**
 * `GET /api/documents/:id`, the whole document (issue #10): serialised and compressed once per state of the
 * document, not once per request.
 *
 * A 10,000-paragraph document is ~8 MB of JSON; brotli takes a quarter to half a second of CPU on it and gzip
 * almost as long, which was most of the time to open such a document (and was paid again by every reviewer
 * who opened it). A state of the document never changes (every change folds into a new state object), so the
 * answer is kept beside the state in a WeakMap: it lives exactly as long as the store keeps that state, and
 * the next write makes a new one. Compression runs in libuv's thread pool, off the event loop, and requests
 * that arrive while it runs share it.
 *
 * The answer carries an ETag made of the document's id and sequence number, and `Cache-Control: private,
 * no-cache`: a browser that has the document already asks again (permissions are checked every time) and,
 * when nothing changed, gets a 304 with no body — on a slow network, reopening a large document costs one
 * round trip instead of megabytes.
 */

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const BROTLI = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
};
const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number];

interface Answer {
  etag: string;
  json: Buffer;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

const answers = new WeakMap<FoldState, Answer>();

function answerOf(state: FoldState): Answer {
  let answer = answers.get(state);
  if (!answer) {
    answer = {
      // The sequence number changes with every event; the creation time tells apart a document deleted and
      // imported again under the same id.
      etag: `"${state.id}.${state.seq}.${Date.parse(state.createdAt).toString(36)}"`,
      json: Buffer.from(JSON.stringify({ document: toDocumentState(state) })),
      encoded: {},
    };
    answers.set(state, answer);
  }
  return answer;
}

/** The JSON of `GET /api/documents/:id` for this state (`{"document":…}`), serialised once per state. */
export function documentAnswerJson(state: FoldState): Buffer {
  return answerOf(state).json;
}

function encode(answer: Answer, encoding: Encoding): Promise<Buffer> {
  let body = answer.encoded[encoding];
  if (!body) {
    body = encoding === 'br' ? brotli(answer.json, BROTLI) : gzip(answer.json);
    // A failure is not kept: the next request tries again.
    body.catch(() => delete answer.encoded[encoding]);
    answer.encoded[encoding] = body;
  }
  return body;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/** Sends the document's state as `{document}`: 304 when the client has it, else compressed as accepted. */
export async function sendDocument(req: FastifyRequest, reply: FastifyReply, state: FoldState) {
  const answer = answerOf(state);
  reply.header('etag', answer.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
  if (matches(req.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  // The same negotiation library as the shell's language hints (preload.ts).
  const accept = req.headers['accept-encoding'];
  const encoding =
    answer.json.length >= COMPRESS_ABOVE_BYTES && accept
      ? (new Negotiator({ headers: { 'accept-encoding': accept } }).encoding([...ENCODINGS]) as Encoding | undefined)
      : undefined;
  if (!encoding) return reply.send(answer.json);
  const body = await encode(answer, encoding);
  return reply.header('content-encoding', encoding).send(body);
}
