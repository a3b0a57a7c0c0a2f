import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countOpenFlags, type DocumentState } from '../../../../shared/schemas';
import { numberFormat } from '../../../lib/number-format';

/** How far the document is: segments approved out of all, open flags, automatic findings. */
export const DocumentProgress = memo(function DocumentProgress({
  doc,
  findings,
  me,
}: {
  doc: DocumentState;
  findings: number | undefined;
  /** The signed-in user, for "reviewed by me" (absent: reading progress not shown). */
  me?: string | undefined;
}) {
  const { t, i18n } = useTranslation('workspace');
  const id = useId();
  const num = numberFormat(i18n.language);
  const approved = doc.segments.filter((s) => s.status === 'approved').length;
  const open = countOpenFlags(doc.flags);
  const total = doc.segments.length;
  return (
    <p className="progress-line">
      <span id={id}>
        {t('progress.approved', { approved: num.format(approved), total: num.format(total), count: total })}
      </span>{' '}
      <progress max={Math.max(1, total)} value={approved} aria-labelledby={id} />{' '}
      <span>{t('progress.openFlags', { count: open, n: num.format(open) })}</span>
      {me !== undefined && <ReviewProgress doc={doc} me={me} />}
      {findings !== undefined && (
        <>
          {' · '}
          <span>{t('progress.findings', { count: findings, n: num.format(findings) })}</span>
        </>
      )}
    </p>
  );
});

/** "% reviewed by me" and "% reviewed by anyone", from the fold's running counts (no pass over the rows). */
function ReviewProgress({ doc, me }: { doc: DocumentState; me: string }) {
  const { t, i18n } = useTranslation('workspace');
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const total = Math.max(1, doc.segments.length);
  const mine = doc.reviewers?.[me]?.reviewed ?? 0;
  const anyone = doc.reviewedCount ?? 0;
  return (
    <>
      {' · '}
      <span className="review-progress">
        {t('review.byMe', { pct: pct.format(mine / total) })} ·{' '}
        {t('review.byAnyone', { pct: pct.format(anyone / total) })}
      </span>
    </>
  );
}
