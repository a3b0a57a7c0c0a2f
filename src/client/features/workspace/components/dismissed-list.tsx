import { useTranslation } from 'react-i18next';
import type { DocumentState } from '../../../../shared/schemas';
import { isolated } from '../../../lib/isolated';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { useErrorText } from '../../../lib/use-error-text';
import { useDisplayName } from '../../../lib/user-directory';
import { useRestoreDismissal } from '../api';

interface Props {
  doc: DocumentState;
  canRestore: boolean;
}

/** The dismissed findings (which check, where, why, who, when), newest first; each can be restored. */
export function DismissedList({ doc, canRestore }: Props) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const displayName = useDisplayName();
  const when = useDateTimeFormat();
  const restore = useRestoreDismissal(doc.id);
  const dismissed = [...(doc.dismissed ?? [])].reverse();
  const segmentNo = (id: string) => {
    const s = doc.segments.find((x) => x.id === id);
    return s ? s.index + 1 : null;
  };
  return (
    <details className="dismissed">
      <summary>{t('qa.dismissed.title', { count: dismissed.length })}</summary>
      {dismissed.length === 0 ? (
        <p className="empty">{t('qa.dismissed.empty')}</p>
      ) : (
        <ul className="dismissed-list" aria-label={t('qa.dismissed.list')}>
          {dismissed.map((d) => {
            const n = segmentNo(d.segmentId);
            const check = t(`qa.checks.${d.checkId}` as 'qa.checks.identical', { defaultValue: d.checkId });
            return (
              <li key={d.findingId}>
                <p className="flag-meta">
                  {check}
                  {n !== null && <> · {t('qa.segment', { n })}</>}
                </p>
                <p>
                  {d.reason
                    ? isolated((slot) => t('panel.reason', { reason: slot(d.reason!) }))
                    : t('dispute.noReason')}
                </p>
                <p className="muted">
                  {isolated((slot) => t('qa.dismissed.by', { name: slot(displayName(d.by)) }))} ·{' '}
                  <time dateTime={d.at}>{when.format(new Date(d.at))}</time>
                </p>
                {canRestore && (
                  <button
                    type="button"
                    disabled={restore.isPending}
                    aria-label={t('qa.dismissed.restoreLabel', { check, n: n ?? '—' })}
                    onClick={() => restore.mutate(d.findingId)}
                  >
                    {t('qa.dismissed.restore')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {restore.isError && (
        <p className="form-error" role="alert">
          {errorText(restore.error)}
        </p>
      )}
    </details>
  );
}
