import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api';
import { documentQueries } from '../../../lib/document-queries';
import { useErrorText } from '../../../lib/use-error-text';
import { uploadFile, type ImportFileResponse } from '../upload-file';
import { elisionContext } from '../../../lib/elision';
import { isolated } from '../../../lib/isolated';
import { numberFormat } from '../../../lib/number-format';
import { useListFormat } from '../../../lib/use-list-format';

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; name: string; progress: number }
  | { state: 'done'; name: string; result: ImportFileResponse }
  | { state: 'duplicate'; file: File; title: string }
  | { state: 'failed'; name: string; error: unknown };

/** Import a file (XLIFF) by dropping it or choosing it: progress, then what was read, with a link to the document. */
export function FileImport() {
  const { t, i18n } = useTranslation('documents');
  const errorText = useErrorText();
  const qc = useQueryClient();
  const id = useId();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [targetLang, setTargetLang] = useState('');
  const [over, setOver] = useState(false);
  const n = (v: number) => numberFormat(i18n.language).format(v);
  const list = useListFormat();

  async function send(file: File, force = false) {
    setUpload({ state: 'sending', name: file.name, progress: 0 });
    try {
      const result = await uploadFile(file, {
        force,
        fields: { targetLang: targetLang.trim() },
        onProgress: (progress) => setUpload({ state: 'sending', name: file.name, progress }),
      });
      setUpload({ state: 'done', name: file.name, result });
      void qc.invalidateQueries({ queryKey: documentQueries.list().queryKey });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE_IMPORT') {
        const title = (error.details as { title?: string } | undefined)?.title ?? file.name;
        setUpload({ state: 'duplicate', file, title });
      } else setUpload({ state: 'failed', name: file.name, error });
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void send(file);
  }

  return (
    // The whole section takes a dropped file; the dashed zone shows where.
    <section
      className="import-form file-import"
      aria-labelledby={`${id}-h`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id={`${id}-h`}>{t('fileImport.heading')}</h2>
      <p className="help">{t('fileImport.help')}</p>
      <div className={`drop-zone${over ? ' over' : ''}`}>
        <p>{t('fileImport.drop')}</p>
        <label htmlFor={`${id}-file`} className="button">
          {t('fileImport.choose')}
        </label>
        <input
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept=".xlf,.xliff,.sdlxliff,.mqxliff,.xml,application/xliff+xml"
          aria-label={t('fileImport.file')}
          disabled={upload.state === 'sending'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tl`}>{t('fileImport.targetLang')}</label>
        <input id={`${id}-tl`} type="text" value={targetLang} onChange={(e) => setTargetLang(e.target.value)} />
      </div>
      {upload.state === 'sending' && (
        <p role="status">
          <progress
            value={upload.progress}
            max={1}
            aria-label={t('fileImport.progress', { name: upload.name, context: elisionContext(upload.name) })}
          />{' '}
          {upload.progress < 1
            ? t('fileImport.sending', {
                name: upload.name,
                context: elisionContext(upload.name),
                percent: Math.round(upload.progress * 100),
              })
            : t('fileImport.reading', { name: upload.name, context: elisionContext(upload.name) })}
        </p>
      )}
      {upload.state === 'done' && (
        <p role="status">
          {t('fileImport.read', {
            name: upload.name,
            // Each count with its own plural ("1 review mark", was "1 review marks").
            parts: list(
              (['units', 'segments', 'marks', 'notes'] as const).map((k) =>
                t(`fileImport.${k}`, { count: upload.result.read[k], n: n(upload.result.read[k]) }),
              ),
            ),
          })}{' '}
          <Link to={`/documents/${encodeURIComponent(upload.result.document.id)}`}>{t('fileImport.open')}</Link>
        </p>
      )}
      {upload.state === 'duplicate' && (
        <div role="alert">
          <p>{isolated((slot) => t('fileImport.duplicate', { title: slot(upload.title) }))}</p>
          <button type="button" onClick={() => void send(upload.file, true)}>
            {t('fileImport.importAgain')}
          </button>{' '}
          <button type="button" onClick={() => setUpload({ state: 'idle' })}>
            {t('fileImport.cancel')}
          </button>
        </div>
      )}
      {upload.state === 'failed' && (
        <p className="form-error" role="alert">
          {upload.name}: {errorText(upload.error)}
        </p>
      )}
    </section>
  );
}
