import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentListEntry } from '../../../../shared/schemas';
import { documentQueries } from '../../../lib/document-queries';
import { useCan } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { DocumentTable } from './document-table';
import { ImportForm } from './import-form';
import { MqmImportForm } from './mqm-import-form';

export function DocumentsPage() {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const list = useQuery(documentQueries.list());
  const canCreate = useCan('document.create');
  // The list answer is DocumentListEntrySchema: a document the server cannot read comes with `available: false`.
  const entries = (list.data ?? []) as DocumentListEntry[];

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
      {canCreate && <ImportForm />}
      {canCreate && <MqmImportForm />}
    </div>
  );
}
