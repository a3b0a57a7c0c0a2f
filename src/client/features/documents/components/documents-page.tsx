import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentListEntry } from '../../../../shared/schemas';
import { documentQueries } from '../../../lib/document-queries';
import { useCan } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { useState } from 'react';
import { DocumentTable } from './document-table';
import { FileImport } from './file-import';
import { ImportForm } from './import-form';
import { MqmImportForm } from './mqm-import-form';

export function DocumentsPage() {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const list = useQuery(documentQueries.list());
  const canCreate = useCan('document.create');
  // The list answer is DocumentListEntrySchema: a document the server cannot read comes with `available: false`.
  const all = (list.data ?? []) as DocumentListEntry[];
  const [showArchived, setShowArchived] = useState(false);
  const archivedCount = all.filter((d) => d.archived).length;
  const entries = showArchived ? all : all.filter((d) => !d.archived);

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
        <DocumentTable entries={entries} />
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
