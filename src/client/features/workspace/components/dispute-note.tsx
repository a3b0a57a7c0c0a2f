import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../lib/user-directory';
import type { Dispute } from '../lib/notices';
import { isolated } from '../../../lib/isolated';

/**
 * A flag's dispute as a short exchange: who disputed it and why, then the reviewer's answer (maintained or
 * withdrawn, by whom, why) kept beside it, or that the answer is awaited.
 */
export function DisputeNote({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('workspace');
  const displayName = useDisplayName();
  const r = dispute.response;
  return (
    <div className="dispute" role="group" aria-label={t('dispute.label')}>
      <p>
        <strong>{isolated((slot) => t('dispute.by', { name: slot(displayName(dispute.by)) }))}</strong>
        <br />
        <span>
          {dispute.reason
            ? isolated((slot) => t('dispute.reason', { reason: slot(dispute.reason!) }))
            : t('dispute.noReason')}
        </span>
      </p>
      {r ? (
        <p className="dispute-response">
          <strong>{isolated((slot) => t(`dispute.${r.action}`, { name: slot(displayName(r.by)) }))}</strong>
          {r.reason && (
            <>
              <br />
              <span>{isolated((slot) => t('dispute.reason', { reason: slot(r.reason!) }))}</span>
            </>
          )}
        </p>
      ) : (
        <p className="dispute-response muted">{t('dispute.awaiting')}</p>
      )}
    </div>
  );
}
