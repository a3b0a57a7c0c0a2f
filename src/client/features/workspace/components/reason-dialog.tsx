import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from '../../../lib/use-modal';
import type { FlagAction } from './flag-panel';

interface Props {
  action: FlagAction | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why a flag is rejected or resolved; the answer goes into the history. */
export function ReasonDialog({ action, onConfirm, onClose }: Props) {
  const ref = useModal(action !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="reason-dialog-title" onClose={onClose}>
      {action && <ReasonForm key={action} action={action} onConfirm={onConfirm} onClose={onClose} />}
    </dialog>
  );
}

function ReasonForm({ action, onConfirm, onClose }: Props & { action: FlagAction }) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const [reason, setReason] = useState('');
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm(reason.trim());
  }
  return (
    <form onSubmit={submit}>
      <h2 id="reason-dialog-title">{t(`reasonDialog.${action}`)}</h2>
      <div className="field">
        <label htmlFor={id}>{t('reasonDialog.label')}</label>
        <textarea id={id} value={reason} rows={3} dir="auto" autoFocus onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('reasonDialog.confirm')}
        </button>
      </div>
    </form>
  );
}
