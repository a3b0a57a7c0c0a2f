import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/schemas';

/** Format names as people say them. */
function formatName(origin: NonNullable<DocumentSummary['origin']>): string {
  if (origin.format === 'xliff') return `XLIFF ${origin.version ?? ''}`.trim();
  if (origin.format === 'wmt-mqm-tsv') return 'WMT MQM TSV';
  return origin.format;
}

/** Where a document came from: the file's name and format. */
export function OriginCell({ origin }: { origin: DocumentSummary['origin'] }) {
  const { t } = useTranslation('documents');
  if (!origin?.file) return <td>{origin ? formatName(origin) : t('origin.none')}</td>;
  return (
    <td>
      <bdi>{t('origin.file', { file: origin.file, format: formatName(origin) })}</bdi>
    </td>
  );
}
