import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from '../../../lib/use-modal';
import type { PanelAction } from './flag-panel';

/** Decisions that ask why; some must say why. `override`: approving over unsettled major/critical flags. */
export type ReasonAction = PanelAction | 'request-changes' | 'dismiss' | 'override';
const REQUIRED: readonly ReasonAction[] = ['dispute', 'maintain', 'request-changes', 'override', 'dismiss'];

interface Props {
  action: ReasonAction | null;
  /** For `override`: how many major or critical flags are unsettled. */
  count?: number;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why (a flag decision, a return, a dismissal, an override); the answer goes into the history. */
export function ReasonDialog({ action, ...rest }: Props) {
  const ref = useModal(action !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="reason-dialog-title" onClose={rest.onClose}>
      {action && <ReasonForm key={action} action={action} {...rest} />}
    </dialog>
  );
}

function ReasonForm({ action, count = 0, onConfirm, onClose }: Props & { action: ReasonAction }) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const [reason, setReason] = useState('');
  const id = useId();
  const [missing, setMissing] = useState(false);
  const required = REQUIRED.includes(action);
  const override = action === 'override';
  function submit(e: FormEvent) {
    e.preventDefault();
    if (required && !reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  }
  return (
    <form onSubmit={submit}>
      <h2 id="reason-dialog-title">{override ? t('override.title') : t(`reasonDialog.${action}`)}</h2>
      {override && <p>{t('override.explain', { count })}</p>}
      <div className="field">
        <label htmlFor={id}>{override ? t('override.reason') : t('reasonDialog.label')}</label>
        <textarea
          id={id}
          value={reason}
          rows={3}
          dir="auto"
          autoFocus
          required={required}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {missing && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {t('reasonDialog.required')}
          </span>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button type="submit" className="primary">
          {override ? t('override.confirm') : t('reasonDialog.confirm')}
        </button>
      </div>
    </form>
  );
}
