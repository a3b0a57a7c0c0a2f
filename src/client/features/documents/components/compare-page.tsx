import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useErrorText } from '../../../lib/use-error-text';
import { comparisonQueries } from '../api';
import { numberFormat } from '../../../lib/number-format';

/** Systems imported from one WMT file, ranked by MQM score with the same scoring code as the scorecard. */
export function ComparePage() {
  const { t, i18n } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const file = params.get('file') ?? '';
  const q = useQuery(comparisonQueries.file(file));
  const num = numberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className="documents-page">
      <Link to="/">
        <span className="dir-icon" aria-hidden="true">
          ←
        </span>{' '}
        {t('compare.back')}
      </Link>
      <h1>{t('compare.title', { file })}</h1>
      <p className="muted">{t('compare.explain')}</p>
      {q.isPending ? (
        <p>{tc('state.loading')}</p>
      ) : q.isError ? (
        <p role="alert">{errorText(q.error)}</p>
      ) : q.data.systems.length === 0 ? (
        <p className="empty">{t('compare.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="doc-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('compare.rank')}
                </th>
                <th scope="col">{t('compare.system')}</th>
                <th scope="col" className="num">
                  {t('compare.mqm')}
                </th>
                <th scope="col" className="num">
                  {t('compare.segments')}
                </th>
                <th scope="col" className="num">
                  {t('compare.items')}
                </th>
                <th scope="col" className="num">
                  {t('compare.flags')}
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.systems.map((s, i) => (
                <tr key={s.id}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <Link to={`/documents/${encodeURIComponent(s.id)}`}>{s.system}</Link>
                  </td>
                  <td className="num">{s.mqm === null ? '—' : num.format(s.mqm)}</td>
                  <td className="num">{s.segments}</td>
                  <td className="num">{s.items}</td>
                  <td className="num">{s.flags}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
