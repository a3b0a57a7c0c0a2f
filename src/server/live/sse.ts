import type { DocumentEvent } from '../../shared/events';

/**
 * Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html). Our data is
 * always one line of JSON: JSON.stringify escapes CR and LF, the only line breaks SSE knows.
 */

/** One message per event is the same for every stream of the document: built once per event object. */
const eventMessages = new WeakMap<DocumentEvent, string>();

/** `id: <seq>`, `event: <type>`, `data: <the event as GET …/events returns it>`. */
export function eventMessage(event: DocumentEvent): string {
  let msg = eventMessages.get(event);
  if (msg === undefined) {
    msg = `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    eventMessages.set(event, msg);
  }
  return msg;
}

/** A message without an id (presence, reset, closed): it does not move the client's Last-Event-ID… */
export function namedMessage(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * …except `reset`, which names the seq the stream goes on from: a browser that reconnects on its own then
 * resumes from there instead of asking for the same impossible place again.
 */
export function resetMessage(seq: number): string {
  return `id: ${seq}\nevent: reset\ndata: ${JSON.stringify({ seq })}\n\n`;
}

/** A comment line: ignored by clients, keeps proxies from closing an idle connection. */
export const PING = ': ping\n\n';

/** How long a browser waits before reconnecting (ms), sent once when a stream opens. */
export const RETRY_MS = 2000;

export type ResumePoint = { from: number } | { invalid: string } | null;

/**
 * Where the client wants to resume: the Last-Event-ID header (sent by browsers when they reconnect) wins
 * over `?after=SEQ` (what a page that just loaded the document at SEQ asks for). null: neither was given.
 */
export function resumePoint(lastEventId: string | string[] | undefined, after: unknown): ResumePoint {
  const raw = Array.isArray(lastEventId) ? lastEventId[0] : lastEventId;
  const given = raw !== undefined && raw !== '' ? raw : typeof after === 'string' && after !== '' ? after : undefined;
  if (given === undefined) return null;
  const trimmed = given.trim();
  if (!/^\d{1,15}$/.test(trimmed)) return { invalid: given };
  return { from: Number(trimmed) };
}
