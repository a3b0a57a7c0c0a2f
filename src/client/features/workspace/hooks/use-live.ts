import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentEvent } from '../../../../shared/events';
import type { FoldState } from '../../../../shared/reducer';
import { byId } from '../../../../shared/state-index';
import { api } from '../../../lib/api';
import { openDocumentStream, type PresenceEntry } from '../../../lib/live-stream';
import { activityQueries, historyQueries } from '../api';
import { noticeFor, type Notice } from '../lib/notices';

/** At most this many notices stay on screen; older ones give way. */
const MAX_NOTICES = 4;
/** Presence is sent at most this often (focus moves quickly through cells with the keyboard). */
const PRESENCE_EVERY_MS = 1000;

/**
 * The live side of an open document: its stream (every event folded into the cache, the activity feed and
 * histories kept current), who else has it open, and notices of what others did that concerns me.
 */
export function useLive(docId: string, loaded: boolean, me: { login: string; id: string }) {
  const qc = useQueryClient();
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [connected, setConnected] = useState(true);
  const meRef = useRef(me);
  meRef.current = me;

  useEffect(() => {
    if (!loaded) return;
    return openDocumentStream(qc, docId, {
      onEvent: (event, before) => {
        appendActivity(event);
        const segmentId = segmentOf(event, before);
        if (segmentId) void qc.invalidateQueries({ queryKey: historyQueries.segment(docId, segmentId).queryKey });
        const notice = noticeFor(event, before, meRef.current.login, meRef.current.id);
        if (notice) setNotices((all) => [...all.filter((n) => n.id !== notice.id), notice].slice(-MAX_NOTICES));
        // The header's Mentions count (features/mentions keys its list ['mentions']) follows at once.
        if (notice?.kind === 'mentioned') void qc.invalidateQueries({ queryKey: ['mentions'] });
      },
      onPresence: setPresence,
      onConnected: setConnected,
    });

    function appendActivity(event: DocumentEvent) {
      qc.setQueryData(activityQueries.document(docId).queryKey, (feed) =>
        feed && event.seq === feed.seq + 1 ? { events: [...feed.events, event], seq: event.seq } : feed,
      );
    }
  }, [qc, docId, loaded]);

  // Which segment I am in, for the others' presence lists: the latest value, at most once a second.
  const sent = useRef<{ at: number; value: string | null | undefined; timer?: ReturnType<typeof setTimeout> }>({
    at: 0,
    value: undefined,
  });
  const wanted = useRef<string | null>(null);
  const reportFocus = useCallback(
    (segmentId: string | null) => {
      wanted.current = segmentId;
      const s = sent.current;
      if (s.timer) return;
      const send = () => {
        s.timer = undefined;
        if (wanted.current === s.value) return;
        s.value = wanted.current;
        s.at = Date.now();
        void api(`/api/documents/${encodeURIComponent(docId)}/presence`, {
          method: 'PUT',
          body: { segmentId: wanted.current },
        }).catch(() => undefined);
      };
      const wait = Math.max(0, s.at + PRESENCE_EVERY_MS - Date.now());
      s.timer = setTimeout(send, wait);
    },
    [docId],
  );
  useEffect(() => () => clearTimeout(sent.current.timer), []);

  return {
    presence,
    connected,
    notices,
    dismissNotice: (id: number) => setNotices((all) => all.filter((n) => n.id !== id)),
    reportFocus,
  };
}

function segmentOf(event: DocumentEvent, before: FoldState): string | undefined {
  const p = event.payload as { segmentId?: string; flagId?: string };
  if (p.segmentId) return p.segmentId;
  return event.type === 'FlagAccepted' && p.flagId ? byId(before.flags, p.flagId)?.segmentId : undefined;
}
