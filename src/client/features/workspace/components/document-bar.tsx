import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentState, StatusAction } from '../../../../shared/schemas';
import { isolated } from '../../../lib/isolated';
import { ApproveDocumentDialog, stillOpen } from './approve-document-dialog';

interface Props {
  doc: DocumentState;
  canDecide: boolean;
  busy: boolean;
  approvedCount: number | null;
  onStatus: (action: StatusAction) => void;
  onApproveClean: () => void;
}

/** The document's workflow status and the editor's decisions on it. */
export function DocumentBar({ doc, canDecide, busy, approvedCount, onStatus, onApproveClean }: Props) {
  const { t } = useTranslation('workspace');
  const [confirming, setConfirming] = useState(false);
  const s = doc.status;
  // Approval locks the text: with segments unapproved or flags unsettled, say so and ask first.
  const decide = (action: StatusAction) => {
    const left = stillOpen(doc);
    if (action === 'approve' && left.notApproved + left.open + left.disputed > 0) setConfirming(true);
    else onStatus(action);
  };
  const actions: { action: StatusAction; label: string }[] = [];
  if (s === 'in-translation' || s === 'returned') actions.push({ action: 'submit', label: t('document.submit') });
  if (s !== 'approved') actions.push({ action: 'approve', label: t('document.approve') });
  if (s === 'in-review') actions.push({ action: 'request-changes', label: t('document.return') });
  if (s === 'approved') actions.push({ action: 'reopen', label: t('document.reopen') });
  return (
    <div className="document-bar" role="group" aria-label={t('document.statusLabel')}>
      <span className={`doc-status doc-status-${s}`}>
        {t('document.statusIs')} <strong>{t(`document.status.${s}`)}</strong>
      </span>
      {s === 'approved' && <span className="muted">{t('document.locked')}</span>}
      {s === 'returned' && doc.statusReason && (
        <span className="muted">
          {isolated((slot) => t('document.returnedBecause', { reason: slot(doc.statusReason!) }))}
        </span>
      )}
      {canDecide && (
        <>
          {actions.map((a) => (
            <button key={a.action} type="button" disabled={busy} onClick={() => decide(a.action)}>
              {a.label}
            </button>
          ))}
          {s !== 'approved' && (
            <button type="button" disabled={busy} onClick={onApproveClean}>
              {t('document.approveClean')}
            </button>
          )}
        </>
      )}
      <ApproveDocumentDialog
        doc={doc}
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onStatus('approve');
        }}
      />
      {approvedCount !== null && (
        <span role="status" className="muted">
          {t('document.approvedCount', { count: approvedCount })}
        </span>
      )}
    </div>
  );
}
