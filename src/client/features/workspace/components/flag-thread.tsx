import { memo, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../../shared/schemas';
import { useDirectory, useDisplayName, type Person } from '../../../lib/user-directory';
import { useErrorText } from '../../../lib/use-error-text';
import { useAddComment, useEditComment } from '../api';
import { MentionInput, mentionedIds } from './mention-input';
import { useDateTimeFormat } from '../../../lib/use-date-format';

interface Props {
  docId: string;
  flag: Flag;
  n: number;
  me: string;
  canAdd: boolean;
  canEdit: boolean;
}

/** A flag's discussion: author and time on each comment, "edited" when it was changed. Memoised with its flag. */
export const FlagThread = memo(function FlagThread({ docId, flag, n, me, canAdd, canEdit }: Props) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const add = useAddComment(docId);
  const edit = useEditComment(docId);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Person[]>([]);
  const people = useDirectory();
  const displayName = useDisplayName();
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const id = useId();
  const when = useDateTimeFormat();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const mentions = mentionedIds(text, chosen);
    add.mutate(
      { flagId: flag.id, text: text.trim(), mentions },
      {
        onSuccess: () => {
          setText('');
          setChosen([]);
        },
      },
    );
  }

  function saveEdit(e: FormEvent) {
    e.preventDefault();
    if (!editing || !editing.text.trim()) return;
    edit.mutate(
      { flagId: flag.id, commentId: editing.id, text: editing.text.trim() },
      { onSuccess: () => setEditing(null) },
    );
  }

  if (flag.comments.length === 0 && !canAdd) return null;
  return (
    <details className="flag-thread" open={flag.comments.length > 0}>
      <summary>{t('panel.comments', { count: flag.comments.length })}</summary>
      <ul>
        {flag.comments.map((c) => (
          <li key={c.id}>
            <p className="comment-meta">
              <strong>
                <bdi>{displayName(c.author)}</bdi>
              </strong>{' '}
              · <time dateTime={c.at}>{when.format(new Date(c.at))}</time>
              {c.editedAt && <> · {t('panel.edited')}</>}
            </p>
            {editing?.id === c.id ? (
              <form onSubmit={saveEdit}>
                <label htmlFor={`${id}-edit`} className="visually-hidden">
                  {t('panel.editLabel')}
                </label>
                <textarea
                  id={`${id}-edit`}
                  rows={2}
                  dir="auto"
                  value={editing.text}
                  onChange={(e) => setEditing({ id: c.id, text: e.target.value })}
                />
                <button type="submit" disabled={edit.isPending}>
                  {t('panel.saveComment')}
                </button>
              </form>
            ) : (
              <p className="comment-text" dir="auto">
                {c.text}
              </p>
            )}
            {canEdit && c.author === me && editing?.id !== c.id && (
              <button type="button" className="link-button" onClick={() => setEditing({ id: c.id, text: c.text })}>
                {t('panel.editComment')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canAdd && (
        <form onSubmit={submit} className="comment-form">
          <MentionInput
            id={`${id}-new`}
            label={t('panel.commentLabel', { n })}
            value={text}
            people={people}
            chosen={chosen}
            onChange={(next, who) => {
              setText(next);
              setChosen(who);
            }}
          />
          <button type="submit" disabled={add.isPending || !text.trim()}>
            {t('panel.send')}
          </button>
        </form>
      )}
      {(add.isError || edit.isError) && (
        <p className="form-error" role="alert">
          {errorText(add.error ?? edit.error)}
        </p>
      )}
    </details>
  );
});
