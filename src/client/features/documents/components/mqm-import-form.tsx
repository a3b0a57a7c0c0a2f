import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../../../lib/use-error-text';
import { useImportMqm } from '../api';

/** Upload a WMT MQM TSV: one document per system; malformed rows are listed with their line numbers. */
export function MqmImportForm() {
  const { t } = useTranslation('documents');
  const errorText = useErrorText();
  const importMqm = useImportMqm();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('de');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    importMqm.mutate({ file: file.name, tsv: await file.text(), sourceLang, targetLang });
  }

  const r = importMqm.data;
  return (
    <section className="import-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('mqmImport.heading')}</h2>
      <p className="help">{t('mqmImport.help')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('mqmImport.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".tsv,text/tab-separated-values,text/plain"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="lang-row">
          <div className="field">
            <label htmlFor={`${id}-sl`}>{t('create.sourceLang')}</label>
            <input id={`${id}-sl`} type="text" value={sourceLang} onChange={(e) => setSourceLang(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-tl`}>{t('create.targetLang')}</label>
            <input id={`${id}-tl`} type="text" value={targetLang} onChange={(e) => setTargetLang(e.target.value)} />
          </div>
        </div>
        <button type="submit" className="primary" disabled={importMqm.isPending || !file}>
          {importMqm.isPending ? t('mqmImport.submitting') : t('mqmImport.submit')}
        </button>
      </form>
      {importMqm.isError && (
        <p className="form-error" role="alert">
          {errorText(importMqm.error)}
        </p>
      )}
      {r && (
        <div role="status">
          <p>
            {t('mqmImport.result', { count: r.documents.length, rows: r.rows })}{' '}
            <Link to={`/compare?file=${encodeURIComponent(importMqm.variables?.file ?? '')}`}>
              {t('mqmImport.compare')}
            </Link>
          </p>
          {r.skipped.length > 0 && (
            <>
              <p>{t('mqmImport.skipped', { count: r.skipped.length })}</p>
              <ul>
                {r.skipped.map((s) => (
                  <li key={s.line}>{t('mqmImport.line', { line: s.line, message: s.message })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
