import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/use-error-text';
import { overallState, type Draft } from '../lib/save-queue';

/** Saving…, Saved, Failed — Retry: always visible, announced politely to screen readers. */
export function SaveStatus({ drafts, onRetry }: { drafts: readonly Draft[]; onRetry: () => void }) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const state = overallState(drafts);
  const failed = drafts.find((d) => d.state === 'failed');
  return (
    <div className={`save-status save-${state}`}>
      <span role="status" aria-live="polite">
        {state === 'saving' && t('save.saving')}
        {state === 'pending' && t('save.pending')}
        {(state === 'saved' || state === 'idle') && t('save.saved')}
        {state === 'conflict' && t('save.conflict')}
        {state === 'failed' && t('save.failed')}
      </span>
      {failed && (
        <>
          <span className="save-error"> — {errorText(failed.error)} </span>
          <button type="button" onClick={onRetry}>
            {t('save.retry')}
          </button>
        </>
      )}
    </div>
  );
}
