import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Severity } from '../../../../shared/mqm';
import { DEFAULT_QA_SETTINGS, QA_CHECK_IDS, type CheckId, type QaSettings } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';
import { useErrorText } from '../../../lib/use-error-text';
import { useQaSettings, useRemoveGlossary, useUploadGlossary } from '../api';

/** Bad glossary lines listed after an upload (the count says how many more). */
const MAX_ERRORS_SHOWN = 10;

/** The document's glossary (CSV or TBX upload) and which checks run at which severity. */
export function QaSettingsForm({ doc }: { doc: DocumentState }) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const upload = useUploadGlossary(doc.id);
  const remove = useRemoveGlossary(doc.id);
  const save = useQaSettings(doc.id);
  const [draft, setDraft] = useState<QaSettings>(doc.qaSettings ?? DEFAULT_QA_SETTINGS);
  const id = useId();

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    const format = /\.(tbx|xml)$/i.test(file.name) ? 'tbx' : 'csv';
    upload.mutate({ format, text: await file.text(), fileName: file.name });
    e.target.value = '';
  }

  const setCheck = (c: CheckId, change: Partial<{ enabled: boolean; severity: Severity }>) =>
    setDraft({ ...draft, checks: { ...draft.checks, [c]: { ...draft.checks[c], ...change } } });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(draft);
  }

  const error = upload.error ?? remove.error ?? save.error;
  return (
    <details className="score-settings">
      <summary>{t('qa.settings')}</summary>
      <p>
        {doc.glossary
          ? t('qa.glossaryFile', { file: doc.glossaryFile ?? '—', count: doc.glossary.entries.length })
          : t('qa.noGlossary')}
      </p>
      {upload.data && upload.data.errors.length > 0 && (
        <div role="status">
          <p className="muted">{t('qa.glossaryErrors', { count: upload.data.errors.length })}</p>
          {/* Which lines, and why: enough to fix the file in a spreadsheet. */}
          <ul className="muted small-print">
            {upload.data.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
              <li key={`${e.line}:${e.message}`}>{t('qa.glossaryErrorLine', { line: e.line, message: e.message })}</li>
            ))}
            {upload.data.errors.length > MAX_ERRORS_SHOWN && (
              <li>{t('qa.glossaryErrorsMore', { count: upload.data.errors.length - MAX_ERRORS_SHOWN })}</li>
            )}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-glossary`}>{t('qa.uploadGlossary')}</label>
        <input id={`${id}-glossary`} type="file" accept=".csv,.tbx,.xml,text/csv" onChange={(e) => void onFile(e)} />
      </div>
      {doc.glossary && (
        <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {t('qa.removeGlossary')}
        </button>
      )}
      <form onSubmit={submit}>
        <table className="breakdown">
          <caption>{t('qa.settings')}</caption>
          <tbody>
            {QA_CHECK_IDS.map((c) => (
              <tr key={c}>
                <th scope="row">
                  <label>
                    <input
                      type="checkbox"
                      checked={draft.checks[c].enabled}
                      onChange={(e) => setCheck(c, { enabled: e.target.checked })}
                    />{' '}
                    {t(`qa.checks.${c}`)}
                  </label>
                </th>
                <td>
                  <select
                    aria-label={`${t('qa.severity')} — ${t(`qa.checks.${c}`)}`}
                    value={draft.checks[c].severity}
                    onChange={(e) => setCheck(c, { severity: e.target.value as Severity })}
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {t(`severity.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.accentInsensitive}
            onChange={(e) => setDraft({ ...draft, accentInsensitive: e.target.checked })}
          />
          {t('qa.accentInsensitive')}
        </label>
        <button type="submit" disabled={save.isPending}>
          {t('qa.saveSettings')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </details>
  );
}
