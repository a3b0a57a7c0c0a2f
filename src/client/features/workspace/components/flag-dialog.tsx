import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORY_GROUPS, SEVERITIES, type MqmCategory, type Severity } from '../../../../shared/mqm';
import type { FlagSide } from '../../../../shared/schemas';
import { useModal } from '../../../lib/use-modal';
import { useGuidance } from '../hooks/use-guidance';
import { GuidanceNote } from './guidance-note';

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
  docId: string;
  draft: FlagDraft | null;
  busy: boolean;
  error: string | null;
  onSubmit: (values: FlagFormValues) => void;
  onClose: () => void;
  /** What the inline panel had chosen when the reviewer asked for the full dialog. */
  initial?: Partial<FlagFormValues> | undefined;
}

export function FlagDialog({ draft, ...props }: Props) {
  const ref = useModal(draft !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="flag-dialog-title" onClose={props.onClose}>
      {/* Keyed by the selection so every opening starts from a fresh form. */}
      {draft && (
        <FlagForm
          key={`${draft.segmentId}:${draft.side}:${draft.start}:${draft.end}`}
          {...props}
          draft={draft}
          onSubmit={(values) => props.onSubmit(values)}
        />
      )}
    </dialog>
  );
}

export interface FlagFormProps {
  docId: string;
  draft: FlagDraft;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  initial?: Partial<FlagFormValues> | undefined;
  /** Editing an existing flag: its title, and the words can be reselected in its text. */
  title?: string | undefined;
  editing?: boolean;
  /** `span`: the words selected in the text when editing (the same as the draft's when unchanged). */
  onSubmit: (values: FlagFormValues, span: { start: number; end: number; quote: string }) => void;
}

export function FlagForm({ docId, draft, busy, error, onSubmit, onClose, initial, title, editing }: FlagFormProps) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const [category, setCategory] = useState<MqmCategory | ''>(
    initial?.category ?? (draft.side === 'source' ? 'accuracy/omission' : ''),
  );
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? 'minor');
  const [correction, setCorrection] = useState(initial?.correction ?? (draft.side === 'target' ? draft.quote : ''));
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const [noteMissing, setNoteMissing] = useState(false);
  const id = useId();
  const categoryField = useRef<HTMLSelectElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  const spanField = useRef<HTMLTextAreaElement>(null);
  const guidance = useGuidance(docId);
  useEffect(() => {
    // The flag's words, selected in its text: the reviewer moves the selection to move the flag.
    spanField.current?.setSelectionRange(draft.start, draft.end);
  }, [draft.start, draft.end]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!category) {
      setMissing(true);
      categoryField.current?.focus(); // where the problem is, with its error as description
      return;
    }
    if (category === 'other' && !comment.trim()) {
      setNoteMissing(true);
      commentField.current?.focus();
      return;
    }
    const el = spanField.current;
    let span = { start: draft.start, end: draft.end, quote: draft.quote };
    if (el && el.selectionEnd > el.selectionStart) {
      let { selectionStart: start, selectionEnd: end } = el;
      while (start < end && /\s/.test(draft.text[start]!)) start++;
      while (end > start && /\s/.test(draft.text[end - 1]!)) end--;
      if (end > start) span = { start, end, quote: draft.text.slice(start, end) };
    }
    onSubmit({ category, severity, correction, comment }, span);
  }

  return (
    <form method="dialog" onSubmit={submit} noValidate>
      <h2 id="flag-dialog-title">{title ?? t('flagDialog.title')}</h2>
      <p className="dialog-context">
        {t('flagDialog.selected', {
          n: draft.segmentNumber,
          side: t(draft.side === 'source' ? 'flagDialog.sideSource' : 'flagDialog.sideTarget'),
        })}
      </p>
      {editing ? (
        <div className="field">
          <label htmlFor={`${id}-span`}>{t('flagDialog.span')}</label>
          <textarea
            id={`${id}-span`}
            ref={spanField}
            readOnly
            rows={3}
            value={draft.text}
            lang={draft.lang}
            dir={draft.dir}
          />
        </div>
      ) : (
        <blockquote className="dialog-quote" lang={draft.lang} dir={draft.dir}>
          {draft.quote}
        </blockquote>
      )}

      <div className="field">
        <label htmlFor={`${id}-category`}>{t('flagDialog.category')}</label>
        <select
          id={`${id}-category`}
          ref={categoryField}
          value={category}
          autoFocus
          aria-invalid={missing && !category}
          aria-describedby={missing && !category ? 'flag-category-error' : category ? `${id}-cat-guide` : undefined}
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
        {category && <GuidanceNote id={`${id}-cat-guide`} guidance={guidance({ category })} />}
      </div>

      <fieldset className="field severity-field" aria-describedby={`${id}-sev-guide`}>
        <legend>{t('severity.label')}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className={`severity-option severity-${s}`}>
            <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
            {t(`severity.${s}`)}
          </label>
        ))}
        <GuidanceNote id={`${id}-sev-guide`} guidance={guidance({ severity })} />
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
          ref={commentField}
          value={comment}
          dir="auto"
          rows={3}
          aria-invalid={noteMissing && category === 'other' && !comment.trim()}
          aria-describedby={noteMissing ? `${id}-note-error` : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
        {noteMissing && category === 'other' && !comment.trim() && (
          <span id={`${id}-note-error`} className="field-error" role="alert">
            {t('flagDialog.noteRequired')}
          </span>
        )}
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
          {busy ? t('flagDialog.submitting') : t(editing ? 'flagDialog.save' : 'flagDialog.submit')}
        </button>
      </div>
    </form>
  );
}
