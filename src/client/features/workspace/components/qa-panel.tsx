import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/qa/types';
import { QA_CHECK_IDS } from '../../../../shared/qa/types';
import type { DocumentState } from '../../../../shared/schemas';
import { isolated } from '../../../lib/isolated';
import { DismissedList } from './dismissed-list';
import { QaSettingsForm } from './qa-settings-form';

interface Props {
  doc: DocumentState;
  findings: readonly Finding[];
  /** The findings of the chosen check (all when check is ''). */
  shown: readonly Finding[];
  check: string;
  onCheck: (checkId: string) => void;
  /** Previous / next shown finding (also F8 / Shift+F8, handled by the workspace). */
  onStep: (delta: 1 | -1) => void;
  activeId: string | undefined;
  canConfirm: boolean;
  canDismiss: boolean;
  canFix: boolean;
  canConfigure: boolean;
  busy: boolean;
  /** The server's dictionary checks (spelling) could not be had: say so rather than show nothing. */
  dictionaryFailed?: boolean;
  onGoTo: (finding: Finding) => void;
  onConfirm: (finding: Finding) => void;
  onDismiss: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

/**
 * The message's words from the document (a quote, a name, a dictionary's name) each in its own <bdi>: a German
 * word at the end of an Arabic sentence keeps the sentence's full stop where Arabic puts it.
 */
function isolatedParams(f: Finding, slot: (text: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.message.params)) out[k] = typeof v === 'string' ? slot(v) : v;
  return out;
}

/** Findings counted by check, stepped through with the keyboard (F8 / Shift+F8), confirmed or dismissed. */
export function QaPanel(props: Props) {
  const { doc, findings, shown, check, activeId } = props;
  const setCheck = props.onCheck;
  const step = props.onStep;
  const { t } = useTranslation('workspace');
  const { t: tq } = useTranslation('qa');
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of findings) m.set(f.checkId, (m.get(f.checkId) ?? 0) + 1);
    return m;
  }, [findings]);
  const index = shown.findIndex((f) => f.id === activeId);

  return (
    <section className="qa-panel" aria-labelledby="qa-title">
      <h2 id="qa-title">
        {t('qa.title')} <span className="count">({t('qa.count', { count: findings.length })})</span>
      </h2>
      <div className="qa-checks" role="group" aria-label={t('qa.byCheck')}>
        <button type="button" aria-pressed={check === ''} onClick={() => setCheck('')}>
          {t('qa.all')} ({findings.length})
        </button>
        {QA_CHECK_IDS.filter((id) => counts.has(id)).map((id) => (
          <button key={id} type="button" aria-pressed={check === id} onClick={() => setCheck(id)}>
            {t(`qa.checks.${id}`)} ({counts.get(id)})
          </button>
        ))}
      </div>
      <div className="qa-step">
        <button type="button" onClick={() => step(-1)} disabled={shown.length === 0} aria-keyshortcuts="Shift+F8">
          <span className="dir-icon" aria-hidden="true">
            ←
          </span>{' '}
          {t('qa.previous')}
        </button>
        <span aria-live="polite">{index >= 0 ? t('qa.position', { n: index + 1, count: shown.length }) : ''}</span>
        <button type="button" onClick={() => step(1)} disabled={shown.length === 0} aria-keyshortcuts="F8">
          {t('qa.next')}{' '}
          <span className="dir-icon" aria-hidden="true">
            →
          </span>
        </button>
      </div>
      <p className="muted small-print">{t('qa.stepHint')}</p>
      {props.dictionaryFailed && <p role="status">{t('qa.dictionaryFailed')}</p>}
      {shown.length === 0 ? (
        <p className="empty">{t('qa.none')}</p>
      ) : (
        <ol className="finding-list" aria-labelledby="qa-title">
          {shown.map((f) => (
            <li
              key={f.id}
              className={`finding severity-${f.severity}`}
              data-active={f.id === activeId ? 'true' : undefined}
            >
              <button type="button" className="flag-goto" onClick={() => props.onGoTo(f)}>
                <span className="flag-meta">
                  <span className={`sev-chip sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
                  {t(`qa.checks.${f.checkId}`)} · {t('qa.segment', { n: f.segmentIndex + 1 })}
                </span>
                <span className="finding-message">
                  {isolated((slot) =>
                    tq(f.message.key.replace(/^qa\./, '') as 'identical.default', isolatedParams(f, slot)),
                  )}
                </span>
                {f.covered && <span className="finding-covered">{t('qa.covered')}</span>}
              </button>
              <div className="flag-actions">
                {props.canFix && f.fix && f.side === 'target' && (
                  <button type="button" disabled={props.busy} onClick={() => props.onFix(f)}>
                    {t('qa.applyFix', { fix: f.fix.replacement.replace(/[\u00a0\u202f]/g, '⍽') })}
                  </button>
                )}
                {props.canConfirm && !f.covered && (
                  <button type="button" disabled={props.busy} onClick={() => props.onConfirm(f)}>
                    {t('qa.confirm')}
                  </button>
                )}
                {props.canDismiss && (
                  <button type="button" disabled={props.busy} onClick={() => props.onDismiss(f)}>
                    {t('qa.dismiss')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <DismissedList doc={doc} canRestore={props.canDismiss} />
      {props.canConfigure && <QaSettingsForm doc={doc} />}
    </section>
  );
}
