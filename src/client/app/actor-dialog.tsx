import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setActor } from '../lib/actor';
import { useModal } from '../lib/use-modal';

/** Asks once for the name recorded on every change (until accounts exist). */
export function ActorDialog({ open, onDone }: { open: boolean; onDone: () => void }) {
  const ref = useModal(open);
  const { t } = useTranslation('common');
  const [name, setName] = useState('');
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setActor(name);
    onDone();
  }
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="actor-title" onCancel={(e) => e.preventDefault()}>
      <form onSubmit={submit}>
        <h2 id="actor-title">{t('actor.title')}</h2>
        <p>{t('actor.explain')}</p>
        <div className="field">
          <label htmlFor={id}>{t('actor.label')}</label>
          <input id={id} type="text" required maxLength={80} autoFocus dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('actor.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
