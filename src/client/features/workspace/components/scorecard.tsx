import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORIES, SEVERITIES, type Severity } from '../../../../shared/mqm';
import type { DocumentScore } from '../../../../shared/mqm-score';
import { DEFAULT_SCORING, WMT_SCORING, type ScoringSettings } from '../../../../shared/scoring-settings';
import { useErrorText } from '../../../lib/use-error-text';
import { useScoringSettings } from '../api';
import { numberFormat } from '../../../lib/number-format';

interface Props {
  docId: string;
  score: DocumentScore;
  settings: ScoringSettings;
  canEdit: boolean;
}

/** Live MQM scorecard: penalty per 1,000 words, quality, pass/fail, and a category × severity chart. */
export function Scorecard({ docId, score, settings, canEdit }: Props) {
  const { t, i18n } = useTranslation('workspace');
  const num = numberFormat(i18n.language, { maximumFractionDigits: 2 });
  const rows = MQM_CATEGORIES.map((c) => ({
    category: c,
    cells: SEVERITIES.map((s) => ({ severity: s, ...score.breakdown[c][s] })),
    points: SEVERITIES.reduce((n, s) => n + score.breakdown[c][s].points, 0),
    count: SEVERITIES.reduce((n, s) => n + score.breakdown[c][s].count, 0),
  })).filter((r) => r.count > 0);
  const max = Math.max(1, ...rows.map((r) => r.points));

  return (
    <section className="scorecard" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">{t('score.title')}</h2>
      {score.penaltyPer1000 === null ? (
        <p className="empty">{t('score.noWords')}</p>
      ) : (
        <dl className="score-figures">
          <div>
            <dt>{t('score.quality')}</dt>
            <dd className="big">{num.format(score.qualityScore ?? 0)}</dd>
          </div>
          <div>
            <dt>{t('score.penalty')}</dt>
            <dd>{num.format(score.penaltyPer1000)}</dd>
          </div>
          <div>
            <dt className="visually-hidden">{t('score.pass')}</dt>
            <dd className={score.pass ? 'verdict pass' : 'verdict fail'}>
              {score.pass ? `✓ ${t('score.pass')}` : `✗ ${t('score.fail')}`} (
              {t('score.cut', { cut: num.format(score.cutScore) })})
            </dd>
          </div>
        </dl>
      )}
      <p className="muted">
        {t('score.words', {
          count: score.evaluatedWords,
          basis: t(score.wordBasis === 'source' ? 'score.basisSource' : 'score.basisTarget'),
        })}{' '}
        · {t('score.flags', { count: score.flagCount })}. {t('score.excluded')}
      </p>
      {settings.preset === 'wmt' && score.wmtScore !== null && (
        <p>
          {t('score.wmt')}: <strong>{num.format(score.wmtScore)}</strong>
        </p>
      )}
      {rows.length > 0 && (
        <table className="breakdown">
          <caption>{t('score.breakdown')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('score.category')}</th>
              <th scope="col">{t('score.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.category}>
                <th scope="row">{t(`categories.${r.category}`)}</th>
                <td>
                  <div className="bar" aria-hidden="true">
                    {r.cells
                      .filter((c) => c.points > 0)
                      .map((c) => (
                        <span
                          key={c.severity}
                          className={`bar-part sev-${c.severity}`}
                          style={{ width: `${(c.points / max) * 100}%` }}
                        />
                      ))}
                  </div>
                  <span className="bar-label">
                    {num.format(r.points)}
                    <span className="muted">
                      {' '}
                      (
                      {r.cells
                        .filter((c) => c.count > 0)
                        .map((c) =>
                          t('score.cell', {
                            count: c.count,
                            severity: t(`severity.${c.severity}`),
                            points: t('score.points', { count: c.points, value: num.format(c.points) }),
                          }),
                        )
                        .join('; ')}
                      )
                    </span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <SettingsForm key={JSON.stringify(settings)} docId={docId} settings={settings} />}
    </section>
  );
}

function SettingsForm({ docId, settings }: { docId: string; settings: ScoringSettings }) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const save = useScoringSettings(docId);
  const [draft, setDraft] = useState(settings);
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(draft);
  }
  const setWeight = (s: Severity, v: number) => setDraft({ ...draft, weights: { ...draft.weights, [s]: v } });
  return (
    <details className="score-settings">
      <summary>{t('score.settings')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('score.preset')}</label>
          <select
            id={`${id}-preset`}
            value={draft.preset}
            onChange={(e) =>
              setDraft(
                e.target.value === 'wmt'
                  ? { ...WMT_SCORING, cutScore: draft.cutScore }
                  : { ...DEFAULT_SCORING, cutScore: draft.cutScore },
              )
            }
          >
            <option value="mqm">{t('score.presetMqm')}</option>
            <option value="wmt">{t('score.presetWmt')}</option>
          </select>
        </div>
        <fieldset className="weights">
          <legend>{t('score.weights')}</legend>
          {SEVERITIES.map((s) => (
            <div key={s} className="field">
              <label htmlFor={`${id}-${s}`}>{t(`severity.${s}`)}</label>
              <input
                id={`${id}-${s}`}
                type="number"
                min={0}
                max={1000}
                step="any"
                value={draft.weights[s]}
                onChange={(e) => setWeight(s, Number(e.target.value))}
              />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-cut`}>{t('score.cutScore')}</label>
          <input
            id={`${id}-cut`}
            type="number"
            max={100}
            step="any"
            value={draft.cutScore}
            onChange={(e) => setDraft({ ...draft, cutScore: Number(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-basis`}>{t('score.wordBasis')}</label>
          <select
            id={`${id}-basis`}
            value={draft.wordBasis}
            onChange={(e) => setDraft({ ...draft, wordBasis: e.target.value as ScoringSettings['wordBasis'] })}
          >
            <option value="source">{t('score.basisSource')}</option>
            <option value="target">{t('score.basisTarget')}</option>
          </select>
        </div>
        <button type="submit" disabled={save.isPending}>
          {t('score.save')}
        </button>
        {save.isSuccess && <span role="status"> {t('score.saved')}</span>}
        {save.isError && (
          <p className="form-error" role="alert">
            {errorText(save.error)}
          </p>
        )}
      </form>
    </details>
  );
}
