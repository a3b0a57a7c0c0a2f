import type { QueryClient } from '@tanstack/react-query';
import { EVENT_TYPES, type DocumentEvent } from '../../shared/events';
import type { FoldState } from '../../shared/reducer';
import { api } from './api';
import { documentQueries, reloadDocument } from './document-queries';
import { applyEvent, GapError, lastSeq } from './live-document';

export interface PresenceEntry {
  login: string;
  displayName: string;
  segmentId: string | null;
}

export interface StreamHandlers {
  /** After an event was folded into the cache: the states before and after it. */
  onEvent?: (event: DocumentEvent, before: FoldState, after: FoldState) => void;
  onPresence?: (users: PresenceEntry[]) => void;
  /** The stream is open (true) or trying to reconnect (false). */
  onConnected?: (connected: boolean) => void;
}

const base = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;
/** Waits before opening a new stream after the server refused or ended one (a browser retries network errors itself). */
const REOPEN_MS = [1000, 2000, 5000, 10000, 30000];

/**
 * One live stream for one open document (GET …/stream, Server-Sent Events): every event is folded into the
 * cached document in seq order, whoever made it. A gap is filled from GET …/events first; `reset` reloads
 * the document. The browser's EventSource resumes by itself with Last-Event-ID after a network error; when
 * the server refuses or ends a stream, a new one opens from the cache's last seq.
 */
export function openDocumentStream(qc: QueryClient, docId: string, on: StreamHandlers): () => void {
  const key = documentQueries.detail(docId).queryKey;
  let source: EventSource | null = null;
  let closed = false;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Events are applied one at a time, in arrival order (a gap fetch must finish before the next event).
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void> | void) => {
    chain = chain.then(task).catch(() => reloadDocument(qc, docId).catch(() => undefined));
  };

  function fold(event: DocumentEvent) {
    const before = qc.getQueryData(key);
    if (!before) return;
    const after = applyEvent(before, event);
    if (after === before) return;
    qc.setQueryData(key, after);
    on.onEvent?.(event, before, after);
  }

  async function receive(event: DocumentEvent) {
    const state = qc.getQueryData(key);
    if (!state || closed) return;
    try {
      fold(event);
    } catch (err) {
      if (!(err instanceof GapError)) throw err;
      const r = await api<{ events: DocumentEvent[] }>(`${base(docId)}/events?after=${err.after}`);
      for (const e of r.events) fold(e);
      fold(event);
    }
  }

  function open() {
    const state = qc.getQueryData(key);
    if (closed || !state) return;
    const es = new EventSource(`${base(docId)}/stream?after=${lastSeq(state)}`);
    source = es;
    const onMessage = (m: MessageEvent<string>) => {
      attempts = 0;
      const event = JSON.parse(m.data) as DocumentEvent;
      enqueue(() => receive(event));
    };
    for (const type of EVENT_TYPES) es.addEventListener(type, onMessage);
    es.addEventListener('reset', () => enqueue(() => reloadDocument(qc, docId)));
    es.addEventListener('presence', (m: MessageEvent<string>) => {
      on.onPresence?.((JSON.parse(m.data) as { users: PresenceEntry[] }).users);
    });
    es.addEventListener('closed', (m: MessageEvent<string>) => {
      const { reason } = JSON.parse(m.data) as { reason?: string };
      es.close();
      on.onConnected?.(false);
      // Signed out: the next request sends the user to the sign-in page; nothing to reopen.
      if (reason !== 'signed-out') reopen();
    });
    es.onopen = () => on.onConnected?.(true);
    es.onerror = () => {
      on.onConnected?.(false);
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up (an HTTP error).
      if (es.readyState === EventSource.CLOSED) reopen();
    };
  }

  function reopen() {
    source?.close();
    source = null;
    if (closed) return;
    const delay = REOPEN_MS[Math.min(attempts++, REOPEN_MS.length - 1)];
    clearTimeout(timer);
    // Catch up on what was missed while no stream was open, then listen again.
    timer = setTimeout(() => enqueue(open), delay);
  }

  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
