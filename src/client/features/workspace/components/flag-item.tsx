import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../../shared/permissions';
import { proposesCorrection, type DocumentState, type Flag, type Segment } from '../../../../shared/schemas';
import { useDisplayName } from '../../../lib/user-directory';
import type { FlagWithDispute } from '../lib/notices';
import { DisputeNote } from './dispute-note';
import { flagActions, mayChange, type PanelAction } from '../lib/flag-actions';
import { FlagEditDialog } from './flag-edit-dialog';
import { FlagHistory } from './flag-history';
import { FlagThread } from './flag-thread';
import { isolated } from '../../../lib/isolated';

/** Statuses someone's decision ended: the card names who took it. */
const SETTLED = ['accepted', 'rejected', 'resolved', 'withdrawn'] as const;
type Settled = (typeof SETTLED)[number];
const settledStatus = (status: Flag['status']): Settled | null =>
  (SETTLED as readonly string[]).includes(status) ? (status as Settled) : null;

interface Props {
  docId: string;
  flag: Flag;
  /** The flag's number in the list, and its segment's. */
  n: number;
  segNo: number;
  lang: string;
  active: boolean;
  busy: boolean;
  segmentStatus: Segment['status'] | undefined;
  documentStatus: DocumentState['status'] | undefined;
  me: string;
  can: (p: Permission) => boolean;
  onGoTo: (flag: Flag) => void;
  onAction: (flag: Flag, action: PanelAction) => void;
}

/**
 * One flag of the panel: what, where, its status, the actions it offers and its thread. Memoised: an edit
 * elsewhere in the document re-renders no flag whose own data did not change.
 */
export const FlagItem = memo(function FlagItem({ docId, flag, n, segNo, lang, active, busy, me, can, ...p }: Props) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const displayName = useDisplayName();
  // The dispute and its answer, when the server records them (they are shown as an exchange).
  const dispute = (flag as FlagWithDispute).dispute;
  const settled = settledStatus(flag.status);
  const { actions, lock } = flagActions(flag, p.segmentStatus, p.documentStatus, can, me);
  const [editing, setEditing] = useState(false);
  const editable =
    (flag.status === 'open' || flag.status === 'disputed') &&
    p.documentStatus !== 'approved' &&
    mayChange(flag, me, can, 'edit');
  const { onGoTo, onAction } = p;
  return (
    <li
      className={`flag-item severity-${flag.severity} status-${flag.status}`}
      data-active={active ? 'true' : undefined}
      aria-label={t('panel.goTo', { n, segment: segNo })}
    >
      <button type="button" className="flag-goto" onClick={() => onGoTo(flag)}>
        <span className="flag-meta">
          <span className={`sev-chip sev-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>{' '}
          {t(`categories.${flag.category}`)} · {t('panel.segment', { n: segNo })}
        </span>
        <span className="flag-quote">
          {t('panel.openQuote')}
          <bdi lang={lang}>{flag.quote}</bdi>
          {t('panel.closeQuote')}
          {flag.side === 'target' && flag.correction !== flag.quote && proposesCorrection(flag) && (
            <>
              {' '}
              {t('panel.correctedTo')}{' '}
              {flag.correction === '' ? (
                t('panel.deleted')
              ) : (
                <>
                  {t('panel.openQuote')}
                  <bdi lang={lang}>{flag.correction}</bdi>
                  {t('panel.closeQuote')}
                </>
              )}
            </>
          )}
        </span>
      </button>
      {flag.comment && (
        <p className="flag-comment" dir="auto">
          {flag.comment}
        </p>
      )}
      <p className="flag-status-line">
        <span className={`flag-status flag-status-${flag.status}`}>
          {settled
            ? // Who settled it (the last action's actor), not who flagged it (F6).
              isolated((slot) => t(`flagSettledBy.${settled}`, { name: slot(displayName(flag.updatedBy)) }))
            : t(`flagStatus.${flag.status}`)}
        </span>
        {flag.orphaned && flag.status === 'open' && <span className="orphaned"> · {t('panel.orphaned')}</span>}
        <span className="by">
          {' · '}
          {isolated((slot) => t('panel.flaggedBy', { name: slot(displayName(flag.createdBy)) }))}
        </span>
      </p>
      {dispute && <DisputeNote dispute={dispute} />}
      {flag.reason && flag.reason !== dispute?.reason && flag.reason !== dispute?.response?.reason && (
        <p className="flag-reason">{isolated((slot) => t('panel.reason', { reason: slot(flag.reason!) }))}</p>
      )}
      {lock && <p className="flag-locked muted">{tc(`errors.${lock}`)}</p>}
      <FlagHistory flag={flag} />
      <div className="flag-actions">
        {editable && (
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            {t('panel.edit')}
            <span className="visually-hidden"> {t('panel.goTo', { n, segment: segNo })}</span>
          </button>
        )}
        {actions.map((a) => (
          <button key={a} type="button" disabled={busy} onClick={() => onAction(flag, a)}>
            {t(`panel.${a}`)}
          </button>
        ))}
      </div>
      {editing && <FlagEditDialog docId={docId} flag={flag} n={n} onClose={() => setEditing(false)} />}
      <FlagThread docId={docId} flag={flag} n={n} me={me} canAdd={can('comment.add')} canEdit={can('comment.edit')} />
    </li>
  );
});
