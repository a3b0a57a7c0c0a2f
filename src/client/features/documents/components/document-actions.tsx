import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentListEntry } from '../../../../shared/schemas';
import { useCan } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { useModal } from '../../../lib/use-modal';
import { useDeleteDocument, usePatchDocument } from '../api';
import { isolated } from '../../../lib/isolated';

type Open = 'rename' | 'delete' | null;

/** A document's actions in the list: rename and archive or restore (editors), delete (admins, after asking). */
export function DocumentActions({ doc }: { doc: DocumentListEntry }) {
  const { t } = useTranslation('documents');
  const canRename = useCan('document.rename');
  const canArchive = useCan('document.archive');
  const canDelete = useCan('document.delete');
  const patch = usePatchDocument();
  const errorText = useErrorText();
  const [open, setOpen] = useState<Open>(null);
  if (!canRename && !canArchive && !canDelete) return <td />;
  const title = doc.title;
  return (
    <td className="doc-actions">
      {canRename && (
        <button type="button" className="small" onClick={() => setOpen('rename')}>
          {t('manage.rename')}
          <span className="visually-hidden"> {title}</span>
        </button>
      )}
      {canArchive && (
        <button
          type="button"
          className="small"
          disabled={patch.isPending}
          onClick={() => patch.mutate({ id: doc.id, archived: !doc.archived })}
        >
          {doc.archived ? t('manage.restore') : t('manage.archive')}
          <span className="visually-hidden"> {title}</span>
        </button>
      )}
      {canDelete && (
        <button type="button" className="small danger" onClick={() => setOpen('delete')}>
          {t('manage.delete')}
          <span className="visually-hidden"> {title}</span>
        </button>
      )}
      {patch.isError && (
        <span className="form-error" role="alert">
          {errorText(patch.error)}
        </span>
      )}
      <RenameDialog doc={doc} open={open === 'rename'} onClose={() => setOpen(null)} />
      <DeleteDialog doc={doc} open={open === 'delete'} onClose={() => setOpen(null)} />
    </td>
  );
}

function RenameDialog({ doc, open, onClose }: { doc: DocumentListEntry; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const ref = useModal(open);
  const id = useId();
  const patch = usePatchDocument();
  const errorText = useErrorText();
  const [title, setTitle] = useState(doc.title);
  function submit(e: FormEvent) {
    e.preventDefault();
    patch.mutate({ id: doc.id, title }, { onSuccess: onClose });
  }
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`} onClose={onClose}>
      {open && (
        <form onSubmit={submit}>
          <h2 id={`${id}-h`}>{t('manage.renameTitle')}</h2>
          <div className="field">
            <label htmlFor={`${id}-t`}>{t('manage.newTitle')}</label>
            <input
              id={`${id}-t`}
              type="text"
              dir="auto"
              required
              maxLength={300}
              autoFocus
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          {patch.isError && (
            <p className="form-error" role="alert">
              {errorText(patch.error)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {tc('actions.cancel')}
            </button>
            <button type="submit" className="primary" disabled={patch.isPending}>
              {tc('actions.save')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function DeleteDialog({ doc, open, onClose }: { doc: DocumentListEntry; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const ref = useModal(open);
  const id = useId();
  const remove = useDeleteDocument();
  const errorText = useErrorText();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`} onClose={onClose}>
      {open && (
        <>
          <h2 id={`${id}-h`}>{isolated((slot) => t('manage.deleteTitle', { title: slot(doc.title) }))}</h2>
          <p>{t('manage.deleteExplain')}</p>
          {remove.isError && (
            <p className="form-error" role="alert">
              {errorText(remove.error)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={onClose}>
              {tc('actions.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(doc.id, { onSuccess: onClose })}
            >
              {t('manage.deleteConfirm')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
