import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentListEntry } from '../../../../shared/schemas';
import { documentQueries } from '../../../lib/document-queries';
import { useCan } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { useLangName } from '../../../lib/use-lang-name';
import { useState } from 'react';
import { DocumentActions } from './document-actions';
import { FileImport } from './file-import';
import { ImportForm } from './import-form';
import { OriginCell } from './origin-cell';
import { MqmImportForm } from './mqm-import-form';
import { useDateTimeFormat } from '../../../lib/use-date-format';

export function DocumentsPage() {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const list = useQuery(documentQueries.list());
  const canCreate = useCan('document.create');
  const dateFormat = useDateTimeFormat('medium', 'short');
  const langName = useLangName();
  // The list answer is DocumentListEntrySchema: a document the server cannot read comes with `available: false`.
  const all = (list.data ?? []) as DocumentListEntry[];
  const [showArchived, setShowArchived] = useState(false);
  const archivedCount = all.filter((d) => d.archived).length;
  const entries = showArchived ? all : all.filter((d) => !d.archived);
  const known = (lang: string) => (lang === 'und' ? '—' : langName(lang));

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
                <th scope="col">{t('origin.column')}</th>
                <th scope="col" className="num">
                  {t('columns.segments')}
                </th>
                <th scope="col" className="num">
                  {t('columns.openFlags')}
                </th>
                <th scope="col">{t('columns.updated')}</th>
                <th scope="col">{t('manage.column')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((d) =>
                d.available === false ? (
                  // Greyed and not a link: it cannot be opened until someone repairs its files.
                  <tr key={d.id} className="unavailable" aria-disabled="true">
                    <td>
                      <span dir="auto">{d.title}</span> <span className="badge">{t('unavailable.badge')}</span>
                      <p className="unavailable-reason">
                        {t('unavailable.reason')} <span dir="ltr">{d.error?.message}</span>
                      </p>
                    </td>
                    <td>{t('languagePair', { source: known(d.sourceLang), target: known(d.targetLang) })}</td>
                    <OriginCell origin={d.origin} />
                    <td className="num">—</td>
                    <td className="num">—</td>
                    <td>
                      {d.seq > 0 ? <time dateTime={d.updatedAt}>{dateFormat.format(new Date(d.updatedAt))}</time> : '—'}
                    </td>
                    <td />
                  </tr>
                ) : (
                  <tr key={d.id} className={d.archived ? 'archived' : undefined}>
                    <td>
                      <Link to={`/documents/${encodeURIComponent(d.id)}`} dir="auto">
                        {d.title}
                      </Link>
                      {d.archived && <span className="badge">{t('manage.archivedBadge')}</span>}
                    </td>
                    <td>{t('languagePair', { source: langName(d.sourceLang), target: langName(d.targetLang) })}</td>
                    <OriginCell origin={d.origin} />
                    <td className="num">{d.segmentCount}</td>
                    <td className="num">{d.openFlagCount}</td>
                    <td>
                      <time dateTime={d.updatedAt}>{dateFormat.format(new Date(d.updatedAt))}</time>
                    </td>
                    <DocumentActions doc={d} />
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {archivedCount > 0 && (
        <label className="show-archived">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{' '}
          {t('manage.showArchived')} ({archivedCount})
        </label>
      )}
      {canCreate && <FileImport />}
      {canCreate && <ImportForm />}
      {canCreate && <MqmImportForm />}
    </div>
  );
}
