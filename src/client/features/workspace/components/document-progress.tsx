import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UNSETTLED_FLAG_STATUSES, type DocumentState } from '../../../../shared/schemas';
import { numberFormat } from '../../../lib/number-format';

/** How far the document is: segments approved out of all, open flags, automatic findings. */
export const DocumentProgress = memo(function DocumentProgress({
  doc,
  findings,
}: {
  doc: DocumentState;
  findings: number | undefined;
}) {
  const { t, i18n } = useTranslation('workspace');
  const id = useId();
  const num = numberFormat(i18n.language);
  const approved = doc.segments.filter((s) => s.status === 'approved').length;
  const open = doc.flags.filter((f) => UNSETTLED_FLAG_STATUSES.includes(f.status)).length;
  const total = doc.segments.length;
  return (
    <p className="progress-line">
      <span id={id}>
        {t('progress.approved', { approved: num.format(approved), total: num.format(total), count: total })}
      </span>{' '}
      <progress max={Math.max(1, total)} value={approved} aria-labelledby={id} />{' '}
      <span>{t('progress.openFlags', { count: open, n: num.format(open) })}</span>
      {findings !== undefined && (
        <>
          {' · '}
          <span>{t('progress.findings', { count: findings, n: num.format(findings) })}</span>
        </>
      )}
    </p>
  );
});
