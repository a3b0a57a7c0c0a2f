import { useTranslation } from 'react-i18next';

/** What goes back to the client (issue #14): TMX, clean text, the glossary as TBX, the LQA report. */
const EXPORTS = [
  { key: 'exportTmx', path: 'export.tmx', ext: 'tmx' },
  { key: 'exportText', path: 'export.txt', ext: 'txt' },
  { key: 'exportTbx', path: 'glossary.tbx', ext: 'tbx', glossary: true },
  { key: 'exportReportCsv', path: 'report.csv', ext: 'csv' },
] as const;

// A file name the way the server names it: the title, characters file systems refuse replaced.
const fileName = (title: string, ext: string) => `${title.replace(/[\\/:*?"<>|]/g, '_').trim() || 'document'}.${ext}`;

export function ExportMenu({ id, title, hasGlossary }: { id: string; title: string; hasGlossary: boolean }) {
  const { t } = useTranslation('workspace');
  const base = `/api/documents/${encodeURIComponent(id)}`;
  return (
    <details className="export-menu">
      <summary className="button">{t('toolbar.moreExports')}</summary>
      <ul aria-label={t('toolbar.moreExports')}>
        {EXPORTS.filter((e) => !('glossary' in e) || hasGlossary).map((e) => (
          <li key={e.key}>
            <a href={`${base}/${e.path}`} download={fileName(title, e.ext)}>
              {t(`toolbar.${e.key}`)}
            </a>
          </li>
        ))}
        <li>
          <a href={`${base}/report.html`} target="_blank" rel="noopener">
            {t('toolbar.openReport')}
          </a>
        </li>
      </ul>
    </details>
  );
}
