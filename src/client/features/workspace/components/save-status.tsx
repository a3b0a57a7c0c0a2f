import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/use-error-text';
import { overallState, type Draft } from '../lib/save-queue';

const LABELS = {
  saving: 'save.saving',
  pending: 'save.pending',
  saved: 'save.saved',
  idle: 'save.saved',
  conflict: 'save.conflict',
  failed: 'save.failed',
} as const;

/** Saving…, Saved, Failed — Retry: always visible, announced politely to screen readers. */
export function SaveStatus({ drafts, onRetry }: { drafts: readonly Draft[]; onRetry: () => void }) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const state = overallState(drafts);
  const failed = drafts.find((d) => d.state === 'failed');
  return (
    <div className={`save-status save-${state}`}>
      {/* One text node whose text changes: removing DOM nodes while someone types ends the browser's
          current undo step (Chromium), so the first keystroke would be undone apart from the rest. */}
      <span role="status" aria-live="polite">
        {t(LABELS[state])}
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
