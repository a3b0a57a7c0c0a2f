import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliverableFileName } from '../../../../shared/formats/file-name';

/** What goes back to the client (issue #14): TMX, clean text, the glossary as TBX, the LQA report. */
const EXPORTS = [
  { key: 'exportTmx', path: 'export.tmx', ext: 'tmx' },
  { key: 'exportText', path: 'export.txt', ext: 'txt' },
  { key: 'exportTbx', path: 'glossary.tbx', ext: 'tbx', glossary: true },
  { key: 'exportReportCsv', path: 'report.csv', ext: 'csv' },
  { key: 'exportReportHtml', path: 'report.html?download=1', ext: 'html' },
] as const;

/**
 * "More exports": a disclosure button and its list of links (WAI-ARIA disclosure pattern). Escape or a click
 * elsewhere closes it; so does choosing a file.
 */
export function ExportMenu({ id, title, hasGlossary }: { id: string; title: string; hasGlossary: boolean }) {
  const { t } = useTranslation('workspace');
  const [open, setOpen] = useState(false);
  const listId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const base = `/api/documents/${encodeURIComponent(id)}`;
  return (
    <div
      className="export-menu"
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button ref={button} type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {t('toolbar.moreExports')}
      </button>
      <ul id={listId} hidden={!open} aria-label={t('toolbar.moreExports')}>
        {EXPORTS.filter((e) => !('glossary' in e) || hasGlossary).map((e) => (
          <li key={e.key}>
            <a href={`${base}/${e.path}`} download={deliverableFileName(title, e.ext)} onClick={() => setOpen(false)}>
              {t(`toolbar.${e.key}`)}
            </a>
          </li>
        ))}
        <li>
          <a href={`${base}/report.html`} target="_blank" rel="noopener" onClick={() => setOpen(false)}>
            {t('toolbar.openReport')}
          </a>
        </li>
      </ul>
    </div>
  );
}
