import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DocumentState } from '../../../../shared/schemas';
import { patchDocument } from '../../../lib/document-queries';
import { saveSegment } from '../api';
import { SaveQueue, type Draft } from '../lib/save-queue';

const draftsKey = (docId: string) => `visavis.drafts.${docId}`;

function readStoredDrafts(docId: string): Pick<Draft, 'segmentId' | 'text' | 'baseVersion'>[] {
  try {
    const raw = localStorage.getItem(draftsKey(docId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as Pick<Draft, 'segmentId' | 'text' | 'baseVersion'>[]) : [];
  } catch {
    return [];
  }
}

/** One autosave queue per open document; unsaved drafts are mirrored to localStorage. */
export function useSaveQueue(docId: string, doc: DocumentState | undefined) {
  const qc = useQueryClient();
  const [queue] = useState(
    () =>
      new SaveQueue({
        save: async (segmentId, target, baseVersion) => {
          const r = await saveSegment(docId, segmentId, target, baseVersion);
          patchDocument(qc, docId, r);
          return r.segment;
        },
        persist: (drafts) => {
          const keep = drafts.map(({ segmentId, text, baseVersion }) => ({ segmentId, text, baseVersion }));
          if (keep.length === 0) localStorage.removeItem(draftsKey(docId));
          else localStorage.setItem(draftsKey(docId), JSON.stringify(keep));
        },
      }),
  );

  // Keystrokes typed before a reload or crash come back (or surface as a conflict).
  const loaded = doc !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const stored = readStoredDrafts(docId);
    if (stored.length > 0) queue.restore(stored, doc.segments);
    // Only once, when the document first arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, docId, queue]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!queue.hasUnsaved()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onOnline = () => queue.retryAll();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('online', onOnline);
      queue.dispose();
    };
  }, [queue]);

  return { queue };
}
