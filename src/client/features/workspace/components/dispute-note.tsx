import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../lib/user-directory';
import type { Dispute } from '../lib/notices';

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
        <strong>{t('dispute.by', { name: displayName(dispute.by) })}</strong>
        <br />
        <span dir="auto">
          {dispute.reason ? t('dispute.reason', { reason: dispute.reason }) : t('dispute.noReason')}
        </span>
      </p>
      {r ? (
        <p className="dispute-response">
          <strong>{t(`dispute.${r.action}`, { name: displayName(r.by) })}</strong>
          {r.reason && (
            <>
              <br />
              <span dir="auto">{t('dispute.reason', { reason: r.reason })}</span>
            </>
          )}
        </p>
      ) : (
        <p className="dispute-response muted">{t('dispute.awaiting')}</p>
      )}
    </div>
  );
}
