import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from '../../../lib/use-modal';
import { numberFormat } from '../../../lib/number-format';

interface Props {
  open: boolean;
  total: number;
  onGo: (n: number) => void;
  onClose: () => void;
}

/** Ctrl+G: go to segment N (its translation, focused). */
export function GoToDialog({ open, ...rest }: Props) {
  const ref = useModal(open);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="goto-title" onClose={rest.onClose}>
      {open && <GoToForm {...rest} />}
    </dialog>
  );
}

function GoToForm({ total, onGo, onClose }: Omit<Props, 'open'>) {
  const { t, i18n } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const num = numberFormat(i18n.language);
  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > total) {
      setInvalid(true);
      return;
    }
    onGo(n);
  }
  return (
    // Our own check and message (the browser's would stop the form silently for a screen reader).
    <form onSubmit={submit} noValidate>
      <h2 id="goto-title">{t('goTo.title')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('goTo.label', { total: num.format(total) })}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={total}
          value={value}
          autoFocus
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {t('goTo.invalid', { total: num.format(total) })}
          </span>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('goTo.go')}
        </button>
      </div>
    </form>
  );
}
