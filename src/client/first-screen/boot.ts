import type { QueryClient } from '@tanstack/react-query';
import type { DocumentState } from '../../shared/schemas';
import type { SessionResponse } from '../../shared/users';
import { documentQueries } from '../lib/document-queries';
import { loaded } from '../lib/live-document';
import { setSession } from '../lib/session';

/**
 * The answers the server put in the workspace's page (server/first-screen.ts) — GET /api/session and, when not
 * too large, GET /api/documents/:id — into the query cache before the app's first render: it starts without
 * asking for them. Each block is read once and removed; one that does not parse is ignored (the app asks).
 */
function readBlock(id: string, doc: Document): unknown {
  const el = doc.getElementById(id);
  if (!el) return undefined;
  el.remove();
  try {
    return JSON.parse(el.textContent ?? '') as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function primeFromPage(qc: QueryClient, doc: Document = document): void {
  const session = readBlock('visavis-session', doc);
  if (isObject(session) && isObject(session.user)) setSession(qc, session as unknown as SessionResponse);
  const answer = readBlock('visavis-document', doc);
  const state = isObject(answer) && isObject(answer.document) ? (answer.document as unknown as DocumentState) : null;
  if (state && typeof state.id === 'string' && Array.isArray(state.segments))
    qc.setQueryData(documentQueries.detail(state.id).queryKey, loaded(state));
}
