import { useTranslation } from 'react-i18next';
import type { DocumentState } from '../../../../shared/schemas';
import { numberFormat } from '../../../lib/number-format';
import { useModal } from '../../../lib/use-modal';

/** What approving the document would leave unsettled (the dialog asks first only when something is). */
export function stillOpen(doc: DocumentState): { notApproved: number; open: number; disputed: number } {
  let notApproved = 0;
  for (const s of doc.segments) if (s.status !== 'approved') notApproved++;
  let open = 0;
  let disputed = 0;
  for (const f of doc.flags) {
    if (f.status === 'open') open++;
    else if (f.status === 'disputed') disputed++;
  }
  return { notApproved, open, disputed };
}

interface Props {
  doc: DocumentState;
  open: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Approve the whole document?": says what is still open, since approval locks the text. */
export function ApproveDocumentDialog({ doc, open, onConfirm, onClose }: Props) {
  const ref = useModal(open);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="approve-document-title"
      aria-describedby="approve-document-open"
      onClose={onClose}
    >
      {open && <Body doc={doc} onConfirm={onConfirm} onClose={onClose} />}
    </dialog>
  );
}

function Body({ doc, onConfirm, onClose }: Omit<Props, 'open'>) {
  const { t, i18n } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const num = numberFormat(i18n.language);
  const { notApproved, open, disputed } = stillOpen(doc);
  const total = doc.segments.length;
  return (
    <form
      method="dialog"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm();
      }}
    >
      <h2 id="approve-document-title">{t('approveDocument.title')}</h2>
      <div id="approve-document-open">
        <p>{t('approveDocument.intro')}</p>
        <ul>
          {notApproved > 0 && (
            <li>
              {t('approveDocument.notApproved', {
                count: notApproved,
                n: num.format(notApproved),
                total: num.format(total),
              })}
            </li>
          )}
          {open > 0 && <li>{t('approveDocument.open', { count: open, n: num.format(open) })}</li>}
          {disputed > 0 && <li>{t('approveDocument.disputed', { count: disputed, n: num.format(disputed) })}</li>}
        </ul>
        <p>{t('approveDocument.locks')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('approveDocument.confirm')}
        </button>
      </div>
    </form>
  );
}
