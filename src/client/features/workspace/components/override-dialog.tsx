import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from '../../../lib/use-modal';

interface Props {
  /** Number of unsettled major/critical flags; null when closed. */
  count: number | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Approving over open major or critical flags needs a written reason, kept in the history. */
export function OverrideDialog({ count, onConfirm, onClose }: Props) {
  const ref = useModal(count !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="override-title" onClose={onClose}>
      {count !== null && <OverrideForm count={count} onConfirm={onConfirm} onClose={onClose} />}
    </dialog>
  );
}

function OverrideForm({ count, onConfirm, onClose }: Props & { count: number }) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  }
  return (
    <form onSubmit={submit}>
      <h2 id="override-title">{t('override.title')}</h2>
      <p>{t('override.explain', { count })}</p>
      <div className="field">
        <label htmlFor={id}>{t('override.reason')}</label>
        <textarea
          id={id}
          rows={3}
          dir="auto"
          autoFocus
          required
          value={reason}
          aria-invalid={missing || undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {missing && (
          <span className="field-error" role="alert">
            {t('reasonDialog.required')}
          </span>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('override.confirm')}
        </button>
      </div>
    </form>
  );
}
