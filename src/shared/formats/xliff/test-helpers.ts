// Test support: an XLIFF file → its document (the events folded as the server would) → the exported file.
import type { DocumentEvent, NewEvent } from '../../events';
import { foldAll, toDocumentState } from '../../reducer';
import type { DocumentState } from '../../schemas';
import type { XliffImport } from './model';
import { readXliff } from './read';
import { xliffDocumentEvents } from './to-document';
import { writeXliff } from './write';

export function readOk(text: string): XliffImport {
  const r = readXliff(text);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problem)}`);
  return r.value;
}

export function importEvents(text: string): DocumentEvent[] {
  const read = readOk(text);
  const { created, flags } = xliffDocumentEvents(read, {
    title: 't',
    sourceLang: 'en',
    targetLang: 'fr',
    fileName: 'x.xlf',
    hash: 'h',
    skeleton: text,
    actor: 'importer',
  });
  const at = '2026-01-01T00:00:00.000Z';
  let seq = 0;
  const events: DocumentEvent[] = [{ seq: ++seq, at, actor: 'importer', type: 'DocumentCreated', payload: created }];
  for (const run of flags)
    for (const e of run.events) events.push({ ...(e as NewEvent), seq: ++seq, at, actor: run.actor } as DocumentEvent);
  return events;
}

export function importDocument(text: string): DocumentState {
  return toDocumentState(foldAll(importEvents(text)));
}

/** Events after import, then the export. */
export function exportAfter(text: string, more: (doc: DocumentState) => NewEvent[] = () => []): string {
  const events = importEvents(text);
  const doc = toDocumentState(foldAll(events));
  const at = '2026-01-02T00:00:00.000Z';
  let seq = events.length;
  const extra = more(doc).map((e) => ({ ...e, seq: ++seq, at, actor: 'reviewer' }) as DocumentEvent);
  const after = toDocumentState(foldAll([...events, ...extra]));
  const created = events[0]!.type === 'DocumentCreated' ? events[0]!.payload.segments.map((s) => s.id) : [];
  return writeXliff({ ...after, importedSegmentIds: created }, text);
}
