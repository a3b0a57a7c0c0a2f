import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flag, PatchFlagBody } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';
import { documentQueries } from '../../../lib/document-queries';
import { useErrorText } from '../../../lib/use-error-text';
import { useModal } from '../../../lib/use-modal';
import { usePatchFlag } from '../api';
import { FlagForm, type FlagFormValues } from './flag-dialog';
import { languageDirection } from '../../../../shared/lang/direction';

interface Props {
  docId: string;
  flag: Flag;
  /** The flag's number in the panel. */
  n: number;
  onClose: () => void;
}

/**
 * Editing a flag in place: the same form as creating one, filled with its values, and its text with the
 * flagged words selected (select others to move it). Only what changed is sent; the flag keeps its id and thread.
 */
export function FlagEditDialog({ docId, flag, n, onClose }: Props) {
  const ref = useModal(true);
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const patch = usePatchFlag(docId);
  const [error, setError] = useState<string | null>(null);
  const { data: doc } = useQuery({ ...documentQueries.detail(docId), enabled: false });
  const segment = doc ? byId(doc.segments, flag.segmentId) : undefined;
  const text = segment ? (flag.side === 'source' ? segment.source : segment.target) : flag.quote;
  const lang = (flag.side === 'source' ? doc?.sourceLang : doc?.targetLang) ?? 'und';
  // An orphaned flag's words are gone: it can be moved onto words that exist, its old offsets cannot be shown.
  const inText = !flag.orphaned && text.slice(flag.anchor.start, flag.anchor.end) === flag.anchor.quote;

  function submit(values: FlagFormValues, span: { start: number; end: number; quote: string }) {
    const changes: Partial<Extract<PatchFlagBody, { action: 'edit' }>> = {};
    for (const k of ['category', 'severity', 'correction', 'comment'] as const) {
      if (values[k] !== flag[k]) Object.assign(changes, { [k]: values[k] });
    }
    const moved = span.start !== flag.anchor.start || span.end !== flag.anchor.end || !inText;
    if (moved && span.end > span.start) changes.span = span;
    if (Object.keys(changes).length === 0) return setError(t('flagDialog.noChange'));
    setError(null);
    patch.mutate(
      { flagId: flag.id, body: { action: 'edit', baseVersion: flag.version, ...changes } },
      { onSuccess: onClose, onError: (err) => setError(errorText(err)) },
    );
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="flag-dialog-title" onClose={onClose}>
      <FlagForm
        docId={docId}
        editing
        title={t('flagDialog.editTitle', { n })}
        draft={{
          segmentId: flag.segmentId,
          segmentNumber: (segment?.index ?? 0) + 1,
          side: flag.side,
          start: inText ? flag.anchor.start : 0,
          end: inText ? flag.anchor.end : 0,
          quote: flag.quote,
          text,
          lang,
          dir: languageDirection(lang),
        }}
        initial={flag}
        busy={patch.isPending}
        error={error}
        onSubmit={submit}
        onClose={onClose}
      />
    </dialog>
  );
}
