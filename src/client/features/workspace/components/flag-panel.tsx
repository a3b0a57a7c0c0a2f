import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORY_GROUPS, SEVERITIES } from '../../../../shared/mqm';
import type { Permission } from '../../../../shared/permissions';
import {
  FlagStatusSchema,
  proposesCorrection,
  type DocumentState,
  type Flag,
  type FlagAction,
  type Segment,
} from '../../../../shared/schemas';
import { documentQueries } from '../../../lib/document-queries';
import { useDisplayName } from '../../../lib/user-directory';
import type { FlagWithDispute } from '../lib/notices';
import { DisputeNote } from './dispute-note';
import { FlagThread } from './flag-thread';

/** Which actions a flag in this status offers, in display order. */
export type PanelAction = Exclude<FlagAction, 'edit'>;
const ACTIONS_BY_STATUS: Partial<Record<Flag['status'], PanelAction[]>> = {
  open: ['accept', 'dispute', 'resolve', 'reject', 'withdraw'],
  disputed: ['maintain', 'withdraw', 'accept', 'resolve', 'reject'],
};

/** Why a flag offers fewer actions than its status and the user's roles would: the text is locked. */
export type FlagLock = 'DOCUMENT_LOCKED' | 'SEGMENT_LOCKED';

/**
 * The actions offered on a flag: those its status allows, the user may take, and the server would accept
 * now (src/server/domain/commands.ts). An approved document takes no flag action at all; an approved segment
 * takes no Accept that would change its text; Accept needs words to replace and a correction to put there
 * (imported flags propose none). `lock` names the lock that hid something the user could otherwise do.
 */
export function flagActions(
  flag: Flag,
  segmentStatus: Segment['status'] | undefined,
  documentStatus: DocumentState['status'] | undefined,
  can: (p: Permission) => boolean,
): { actions: PanelAction[]; lock: FlagLock | undefined } {
  const permitted = (ACTIONS_BY_STATUS[flag.status] ?? []).filter(
    (a) =>
      can(`flag.${a}`) && !(a === 'accept' && flag.side === 'target' && (flag.orphaned || !proposesCorrection(flag))),
  );
  if (documentStatus === 'approved') return { actions: [], lock: permitted.length > 0 ? 'DOCUMENT_LOCKED' : undefined };
  const changesText = (a: PanelAction) => a === 'accept' && flag.side === 'target';
  if (segmentStatus === 'approved' && permitted.some(changesText)) {
    return { actions: permitted.filter((a) => !changesText(a)), lock: 'SEGMENT_LOCKED' };
  }
  return { actions: permitted, lock: undefined };
}

interface Props {
  docId: string;
  me: string;
  can: (p: Permission) => boolean;
  flags: readonly Flag[];
  segments: readonly Segment[];
  targetLang: string;
  sourceLang: string;
  activeFlagId: string | undefined;
  busyFlagId: string | undefined;
  onGoTo: (flag: Flag) => void;
  onAction: (flag: Flag, action: PanelAction) => void;
}

export function FlagPanel(props: Props) {
  const { docId, me, can, flags, segments, sourceLang, targetLang, activeFlagId, busyFlagId, onGoTo, onAction } = props;
  const { t } = useTranslation('workspace');
  const displayName = useDisplayName();
  const { t: tc } = useTranslation('common');
  // The document's status, read from the cache the workspace filled (no request of its own).
  const { data: documentStatus } = useQuery({
    ...documentQueries.detail(docId),
    select: (d) => d.status,
    enabled: false,
  });
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();
  const indexOf = useMemo(() => new Map(segments.map((s) => [s.id, s.index])), [segments]);
  const statusOf = useMemo(() => new Map(segments.map((s) => [s.id, s.status])), [segments]);
  const sorted = useMemo(
    () =>
      [...flags].sort(
        (a, b) =>
          (indexOf.get(a.segmentId) ?? 0) - (indexOf.get(b.segmentId) ?? 0) ||
          (a.side === b.side ? 0 : a.side === 'source' ? -1 : 1) ||
          a.anchor.start - b.anchor.start,
      ),
    [flags, indexOf],
  );
  const shown = sorted.filter(
    (f) =>
      (!category || f.category === category) &&
      (!severity || f.severity === severity) &&
      (!status || f.status === status),
  );

  return (
    <aside className="flag-panel" aria-labelledby="flag-panel-title">
      <h2 id="flag-panel-title">
        {t('panel.title')} <span className="count">({t('panel.count', { count: flags.length })})</span>
      </h2>
      <div className="filters" role="group" aria-label={t('panel.filters')}>
        <div className="filter">
          <label htmlFor={`${id}-category`}>{t('panel.filterCategory')}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('panel.allCategories')}</option>
            {MQM_CATEGORY_GROUPS.flatMap((g) => g.categories).map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-severity`}>{t('panel.filterSeverity')}</label>
          <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">{t('panel.allSeverities')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-status`}>{t('panel.filterStatus')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('panel.allStatuses')}</option>
            {FlagStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`flagStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {flags.length === 0 ? (
        <p className="empty">{t('panel.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('panel.noMatch')}</p>
      ) : (
        <ol className="flag-list">
          {shown.map((f) => {
            const segNo = (indexOf.get(f.segmentId) ?? 0) + 1;
            const n = sorted.indexOf(f) + 1;
            const lang = f.side === 'source' ? sourceLang : targetLang;
            const busy = busyFlagId === f.id;
            // The dispute and its answer, when the server records them (they are shown as an exchange).
            const dispute = (f as FlagWithDispute).dispute;
            const { actions, lock } = flagActions(f, statusOf.get(f.segmentId), documentStatus, can);
            return (
              <li
                key={f.id}
                className={`flag-item severity-${f.severity} status-${f.status}`}
                data-active={f.id === activeFlagId ? 'true' : undefined}
                aria-label={t('panel.goTo', { n, segment: segNo })}
              >
                <button type="button" className="flag-goto" onClick={() => onGoTo(f)}>
                  <span className="flag-meta">
                    <span className={`sev-chip sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
                    {t(`categories.${f.category}`)} · {t('panel.segment', { n: segNo })}
                  </span>
                  <span className="flag-quote">
                    {t('panel.openQuote')}
                    <bdi lang={lang}>{f.quote}</bdi>
                    {t('panel.closeQuote')}
                    {f.side === 'target' && f.correction !== f.quote && proposesCorrection(f) && (
                      <>
                        {' '}
                        {t('panel.correctedTo')}{' '}
                        {f.correction === '' ? (
                          t('panel.deleted')
                        ) : (
                          <>
                            {t('panel.openQuote')}
                            <bdi lang={lang}>{f.correction}</bdi>
                            {t('panel.closeQuote')}
                          </>
                        )}
                      </>
                    )}
                  </span>
                </button>
                {f.comment && (
                  <p className="flag-comment" dir="auto">
                    {f.comment}
                  </p>
                )}
                <p className="flag-status-line">
                  <span className={`flag-status flag-status-${f.status}`}>{t(`flagStatus.${f.status}`)}</span>
                  {f.orphaned && f.status === 'open' && <span className="orphaned"> · {t('panel.orphaned')}</span>}
                  <span className="by"> · {t('panel.by', { name: displayName(f.createdBy) })}</span>
                </p>
                {dispute && <DisputeNote dispute={dispute} />}
                {f.reason && f.reason !== dispute?.reason && f.reason !== dispute?.response?.reason && (
                  <p className="flag-reason" dir="auto">
                    {t('panel.reason', { reason: f.reason })}
                  </p>
                )}
                {lock && <p className="flag-locked muted">{tc(`errors.${lock}`)}</p>}
                <div className="flag-actions">
                  {actions.map((a) => (
                    <button key={a} type="button" disabled={busy} onClick={() => onAction(f, a)}>
                      {t(`panel.${a}`)}
                    </button>
                  ))}
                </div>
                <FlagThread
                  docId={docId}
                  flag={f}
                  n={n}
                  me={me}
                  canAdd={can('comment.add')}
                  canEdit={can('comment.edit')}
                />
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
