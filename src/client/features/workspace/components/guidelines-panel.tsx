import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GuidelinesSchema } from '../../../../shared/guidelines';
import { MQM_CATEGORIES, SEVERITIES } from '../../../../shared/mqm';
import type { DocumentState } from '../../../../shared/schemas';
import { useErrorText } from '../../../lib/use-error-text';
import { useSetGuidelines } from '../api';
import { useGuidance } from '../hooks/use-guidance';

/**
 * The Guidelines tab: the project's guidelines an editor attached (a JSON file: `text`, and definitions that
 * replace the defaults for some categories or severities), then every definition as the flag forms show it.
 */
export function GuidelinesPanel({ doc, canEdit }: { doc: DocumentState; canEdit: boolean }) {
  const { t } = useTranslation('guidelines');
  const { t: tw } = useTranslation('workspace');
  const errorText = useErrorText();
  const guidance = useGuidance(doc.id);
  const set = useSetGuidelines(doc.id);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  async function attach(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setProblem(null);
    let parsed;
    try {
      parsed = GuidelinesSchema.safeParse(JSON.parse(await file.text()));
    } catch (err) {
      return setProblem(t('invalid', { message: (err as Error).message }));
    }
    if (!parsed.success) return setProblem(t('invalid', { message: parsed.error.issues[0]?.message ?? '' }));
    set.mutate({ guidelines: parsed.data, fileName: file.name });
  }

  return (
    <section className="guidelines-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('project')}</h2>
      {doc.guidelines ? (
        <>
          {doc.guidelinesFile && <p className="muted">{t('file', { name: doc.guidelinesFile })}</p>}
          <div className="guidelines-text" dir="auto">
            {doc.guidelines.text}
          </div>
        </>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      {canEdit && (
        <div className="guidelines-actions">
          <label htmlFor={`${id}-file`}>{t('attach')}</label>
          <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void attach(e)} />
          {doc.guidelines && (
            <button type="button" onClick={() => set.mutate({ guidelines: null, fileName: null })}>
              {t('remove')}
            </button>
          )}
        </div>
      )}
      {(problem || set.isError) && (
        <p className="form-error" role="alert">
          {problem ?? errorText(set.error)}
        </p>
      )}
      <h3>{t('defaults')}</h3>
      <p className="muted">{t('default')}</p>
      <dl className="guidance-list">
        {MQM_CATEGORIES.map((c) => {
          const g = guidance({ category: c });
          return (
            <div key={c}>
              <dt>{tw(`categories.${c}`)}</dt>
              <dd>
                {g.definition}
                {g.example && <span className="muted"> {t('example', { text: g.example })}</span>}
              </dd>
            </div>
          );
        })}
        {SEVERITIES.map((s) => {
          const g = guidance({ severity: s });
          return (
            <div key={s}>
              <dt>{tw(`severity.${s}`)}</dt>
              <dd>
                {g.definition}
                {g.example && <span className="muted"> {t('example', { text: g.example })}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
