import { useTranslation } from 'react-i18next';
import type { ReviewerTotals } from '../../../../shared/timing';
import { useDisplayName } from '../../../lib/user-directory';
import { duration } from './flag-history';

/** The scorecard's per-reviewer totals: flags, reading, time per 1,000 words, flags per 1,000 words. */
export function ReviewerTable({ rows }: { rows: readonly ReviewerTotals[] }) {
  const { t, i18n } = useTranslation('workspace');
  const displayName = useDisplayName();
  const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const time = (ms: number | null) => (ms === null ? '—' : duration(ms, i18n.language));
  return (
    <section aria-labelledby="reviewer-table-title">
      <h3 id="reviewer-table-title">{t('review.perReviewer')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('review.noReviewers')}</p>
      ) : (
        <div className="table-scroll">
          <table className="reviewer-table">
            <thead>
              <tr>
                <th scope="col">{t('review.reviewer')}</th>
                <th scope="col">{t('review.flags')}</th>
                <th scope="col">{t('review.segments')}</th>
                <th scope="col">{t('review.time')}</th>
                <th scope="col">{t('review.timePer1000')}</th>
                <th scope="col">{t('review.flagsPer1000')}</th>
                <th scope="col">{t('review.flagTime')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reviewer}>
                  <th scope="row">
                    <bdi>{displayName(r.reviewer)}</bdi>
                  </th>
                  <td>{num.format(r.flags)}</td>
                  <td>{num.format(r.reviewed)}</td>
                  <td>{time(r.activeMs)}</td>
                  <td>{time(r.msPer1000Words)}</td>
                  <td>{r.flagsPer1000Words === null ? '—' : num.format(r.flagsPer1000Words)}</td>
                  <td>{time(r.flagCreationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
