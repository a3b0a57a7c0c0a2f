import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORY_GROUPS, SEVERITIES, type MqmCategory, type Severity } from '../../../../shared/mqm';
import type { FlagSide } from '../../../../shared/schemas';
import { useModal } from '../../../lib/use-modal';

export interface FlagDraft {
  segmentId: string;
  segmentNumber: number;
  side: FlagSide;
  start: number;
  end: number;
  quote: string;
  /** The whole text the words were selected in (to follow them if someone else edits it meanwhile). */
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

export interface FlagFormValues {
  category: MqmCategory;
  severity: Severity;
  correction: string;
  comment: string;
}

interface Props {
  draft: FlagDraft | null;
  busy: boolean;
  error: string | null;
  onSubmit: (values: FlagFormValues) => void;
  onClose: () => void;
}

export function FlagDialog({ draft, busy, error, onSubmit, onClose }: Props) {
  const ref = useModal(draft !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="flag-dialog-title" onClose={onClose}>
      {/* Keyed by the selection so every opening starts from a fresh form. */}
      {draft && (
        <FlagForm
          key={`${draft.segmentId}:${draft.side}:${draft.start}:${draft.end}`}
          draft={draft}
          busy={busy}
          error={error}
          onSubmit={onSubmit}
          onClose={onClose}
        />
      )}
    </dialog>
  );
}

function FlagForm({ draft, busy, error, onSubmit, onClose }: Props & { draft: FlagDraft }) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const [category, setCategory] = useState<MqmCategory | ''>(draft.side === 'source' ? 'accuracy/omission' : '');
  const [severity, setSeverity] = useState<Severity>('minor');
  const [correction, setCorrection] = useState(draft.side === 'target' ? draft.quote : '');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const categoryField = useRef<HTMLSelectElement>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!category) {
      setMissing(true);
      categoryField.current?.focus(); // where the problem is, with its error as description
      return;
    }
    onSubmit({ category, severity, correction, comment });
  }

  return (
    <form method="dialog" onSubmit={submit} noValidate>
      <h2 id="flag-dialog-title">{t('flagDialog.title')}</h2>
      <p className="dialog-context">
        {t('flagDialog.selected', {
          n: draft.segmentNumber,
          side: t(draft.side === 'source' ? 'flagDialog.sideSource' : 'flagDialog.sideTarget'),
        })}
      </p>
      <blockquote className="dialog-quote" lang={draft.lang} dir={draft.dir}>
        {draft.quote}
      </blockquote>

      <div className="field">
        <label htmlFor={`${id}-category`}>{t('flagDialog.category')}</label>
        <select
          id={`${id}-category`}
          ref={categoryField}
          value={category}
          autoFocus
          aria-invalid={missing && !category}
          aria-describedby={missing && !category ? 'flag-category-error' : undefined}
          onChange={(e) => setCategory(e.target.value as MqmCategory)}
        >
          <option value="">{t('flagDialog.chooseCategory')}</option>
          {MQM_CATEGORY_GROUPS.map((g) => (
            <optgroup key={g.group} label={t(`categories.group.${g.group}`)}>
              {g.categories.map((c) => (
                <option key={c} value={c}>
                  {g.categories.length > 1
                    ? `${t(`categories.group.${g.group}`)} — ${t(`categories.${c}`)}`
                    : t(`categories.${c}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {missing && !category && (
          <span id="flag-category-error" className="field-error" role="alert">
            {t('flagDialog.needCategory')}
          </span>
        )}
      </div>

      <fieldset className="field severity-field">
        <legend>{t('severity.label')}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className={`severity-option severity-${s}`}>
            <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
            {t(`severity.${s}`)}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-correction`}>{t('flagDialog.correction')}</label>
        <input
          id={`${id}-correction`}
          type="text"
          value={correction}
          lang={draft.side === 'target' ? draft.lang : undefined}
          dir="auto"
          aria-describedby="flag-correction-help"
          onChange={(e) => setCorrection(e.target.value)}
        />
        <small id="flag-correction-help">{t('flagDialog.correctionHelp')}</small>
      </div>

      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('flagDialog.comment')}</label>
        <textarea
          id={`${id}-comment`}
          value={comment}
          dir="auto"
          rows={3}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('flagDialog.submitting') : t('flagDialog.submit')}
        </button>
      </div>
    </form>
  );
}
