import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentState } from '../../../../shared/schemas';
import { useLangName } from '../../../lib/use-lang-name';
import type { Draft } from '../lib/save-queue';
import { SaveStatus } from './save-status';

interface Props {
  doc: DocumentState;
  drafts: readonly Draft[];
  canFlag: boolean;
  hasSelection: boolean;
  panelOpen: boolean;
  onFlag: () => void;
  onTogglePanel: () => void;
  onRetryAll: () => void;
  /** Shown under the title (who else has the document open). */
  children?: ReactNode;
}

/** The document's title and languages, and the toolbar: flag the selection, show the panel, export, save state. */
export function WorkspaceHeader({ doc, drafts, canFlag, hasSelection, panelOpen, children, ...on }: Props) {
  const { t } = useTranslation('workspace');
  const langName = useLangName();
  return (
    <div className="ws-header">
      <div className="ws-title">
        <Link to="/" className="back-link">
          <span className="dir-icon" aria-hidden="true">
            ←
          </span>{' '}
          {t('back')}
        </Link>
        <h1>
          <bdi>{doc.title}</bdi>
        </h1>
        <p className="ws-meta">
          {t('meta', {
            source: langName(doc.sourceLang),
            target: langName(doc.targetLang),
            count: doc.segments.length,
          })}
        </p>
        {children}
      </div>
      <div className="ws-toolbar" role="toolbar" aria-label={t('table.label')}>
        <button
          type="button"
          className="primary"
          hidden={!canFlag}
          disabled={!hasSelection || doc.status === 'approved'}
          onClick={on.onFlag}
          aria-keyshortcuts="Control+Shift+F"
          title={t('toolbar.flagHint')}
        >
          {t('toolbar.flagSelection')}
        </button>
        <button type="button" aria-expanded={panelOpen} onClick={on.onTogglePanel}>
          {panelOpen ? t('toolbar.hidePanel') : t('toolbar.showPanel')}
        </button>
        <a className="button" href={`/api/documents/${encodeURIComponent(doc.id)}/export`} download>
          {t('toolbar.export')}
        </a>
        <a className="button" href={`/api/documents/${encodeURIComponent(doc.id)}/export.xlf`} download>
          {t('toolbar.exportXliff')}
        </a>
        <SaveStatus drafts={drafts} onRetry={on.onRetryAll} />
      </div>
    </div>
  );
}
