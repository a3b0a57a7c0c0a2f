import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentQueries } from '../../../lib/document-queries';
import { useCan } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { useLangName } from '../../../lib/use-lang-name';
import { ImportForm } from './import-form';
import { MqmImportForm } from './mqm-import-form';

export function DocumentsPage() {
  const { t, i18n } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const list = useQuery(documentQueries.list());
  const canCreate = useCan('document.create');
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const langName = useLangName();

  return (
    <div className="documents-page">
      <h1>{t('title')}</h1>
      {list.isPending ? (
        <p>{tc('state.loading')}</p>
      ) : list.isError ? (
        <p role="alert">
          {t('loadFailed')} {errorText(list.error)}
        </p>
      ) : list.data.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="doc-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.title')}</th>
                <th scope="col">{t('columns.languages')}</th>
                <th scope="col" className="num">
                  {t('columns.segments')}
                </th>
                <th scope="col" className="num">
                  {t('columns.openFlags')}
                </th>
                <th scope="col">{t('columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/documents/${encodeURIComponent(d.id)}`} dir="auto">
                      {d.title}
                    </Link>
                  </td>
                  <td>{t('languagePair', { source: langName(d.sourceLang), target: langName(d.targetLang) })}</td>
                  <td className="num">{d.segmentCount}</td>
                  <td className="num">{d.openFlagCount}</td>
                  <td>
                    <time dateTime={d.updatedAt}>{dateFormat.format(new Date(d.updatedAt))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCreate && <ImportForm />}
      {canCreate && <MqmImportForm />}
    </div>
  );
}
