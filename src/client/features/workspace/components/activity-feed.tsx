import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentEvent } from '../../../../shared/events';
import type { DocumentState } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';
import { useDisplayName } from '../../../lib/user-directory';
import { useErrorText } from '../../../lib/use-error-text';
import { activityQueries } from '../api';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { UndoStructureButton } from './structure-tools';

/** Changes of which segments there are, each undone by the opposite change (an event too). */
const STRUCTURAL = new Set<DocumentEvent['type']>(['SegmentSplit', 'SegmentsMerged', 'SegmentDeleted']);

const PAGE = 50;

/** The document's activity feed, newest first: every event of the log, who and when. */
export function ActivityFeed({
  doc,
  onGoToSegment,
  canUndoStructure = false,
}: {
  doc: DocumentState;
  onGoToSegment: (segmentId: string) => void;
  /** Editors: an Undo beside each split, merge and deletion (the only way back to a deleted segment). */
  canUndoStructure?: boolean;
}) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const displayName = useDisplayName();
  const q = useQuery(activityQueries.document(doc.id));
  const [shown, setShown] = useState(PAGE);
  const when = useDateTimeFormat();

  function segmentOf(e: DocumentEvent): string | undefined {
    if ('payload' in e && e.payload && 'segmentId' in e.payload) return e.payload.segmentId;
    if ('payload' in e && e.payload && 'flagId' in e.payload) return byId(doc.flags, e.payload.flagId)?.segmentId;
    return undefined;
  }

  function describe(e: DocumentEvent): string {
    switch (e.type) {
      case 'FlagCreated':
        // First-strong isolates: Arabic words quoted in an English (or French) sentence keep their own
        // direction without reordering the words around them, as <bdi> does in markup.
        return t('activity.type.FlagCreated', { quote: `\u2068${e.payload.anchor.quote}\u2069` });
      case 'SegmentStatusChanged':
        return t('activity.type.SegmentStatusChanged', { status: t(`status.${e.payload.status}`) });
      case 'DocumentStatusChanged':
        return t('activity.type.DocumentStatusChanged', { status: t(`document.status.${e.payload.status}`) });
      default:
        return t(`activity.type.${e.type}`);
    }
  }

  if (q.isPending) return <p className="page-state">{tc('state.loading')}</p>;
  if (q.isError) {
    return (
      <p role="alert" className="panel-state">
        {errorText(q.error)}{' '}
        <button type="button" onClick={() => void q.refetch()}>
          {tc('actions.retry')}
        </button>
      </p>
    );
  }
  const events = [...q.data.events].reverse();
  return (
    <section className="activity" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      {events.length === 0 ? (
        <p className="empty">{t('activity.empty')}</p>
      ) : (
        <ol className="activity-list">
          {events.slice(0, shown).map((e) => {
            const segmentId = segmentOf(e);
            const segment = segmentId ? byId(doc.segments, segmentId) : undefined;
            return (
              <li key={e.seq}>
                <strong>
                  <bdi>{displayName(e.actor)}</bdi>
                </strong>{' '}
                {e.token && <span className="muted">({t('activity.viaToken', { name: e.token })}) </span>}
                {describe(e)}
                {segment && (
                  <>
                    {' · '}
                    <button type="button" className="link-button" onClick={() => onGoToSegment(segment.id)}>
                      {t('activity.segment', { n: segment.index + 1 })}
                    </button>
                  </>
                )}
                {'reason' in e.payload && e.payload.reason ? (
                  <span className="muted">
                    {' '}
                    — <bdi dir="auto">{e.payload.reason}</bdi>
                  </span>
                ) : null}
                {canUndoStructure && STRUCTURAL.has(e.type) && (
                  <>
                    {' '}
                    <UndoStructureButton docId={doc.id} seq={e.seq} />
                  </>
                )}
                <br />
                <time className="muted" dateTime={e.at}>
                  {when.format(new Date(e.at))}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {events.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('activity.more')}
        </button>
      )}
    </section>
  );
}
