import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../../shared/schemas';
import { useDisplayName } from '../../../lib/user-directory';
import { useErrorText } from '../../../lib/use-error-text';
import { useModal } from '../../../lib/use-modal';
import { historyQueries, useRevert } from '../api';
import { ChipText } from './code-chips';
import { DiffView } from './diff-view';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { StructureTools, UndoStructureButton } from './structure-tools';
import { isolated } from '../../../lib/isolated';

interface Props {
  docId: string;
  segment: Segment | null;
  lang: string;
  dir: 'ltr' | 'rtl';
  canRevert: boolean;
  onClose: () => void;
  /** Editors: split, merge with the next, delete; and undo a split or a merge from the history. */
  structure?: {
    next: Segment | undefined;
    sourceLang: string;
    sourceDir: 'ltr' | 'rtl';
  };
}

type Compare = 'revisions' | 'original' | 'approved';

/** Every revision of a segment (who, when, why, before → after), diffs against the original and the last approval, and revert. */
export function HistoryDialog({ segment, onClose, ...rest }: Props) {
  const ref = useModal(segment !== null);
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="history-title" onClose={onClose}>
      {segment && <HistoryBody key={segment.id} segment={segment} onClose={onClose} {...rest} />}
    </dialog>
  );
}

function HistoryBody({ docId, segment, lang, dir, canRevert, onClose, structure }: Props & { segment: Segment }) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const displayName = useDisplayName();
  const history = useQuery(historyQueries.segment(docId, segment.id));
  const revert = useRevert(docId);
  const [compare, setCompare] = useState<Compare>('revisions');
  const when = useDateTimeFormat();

  return (
    <div>
      <h2 id="history-title">{t('history.title', { n: segment.index + 1 })}</h2>
      <fieldset className="compare-choice">
        <legend>{t('history.show')}</legend>
        {(['revisions', 'original', 'approved'] as const).map((c) => (
          <label key={c}>
            <input type="radio" name="compare" checked={compare === c} onChange={() => setCompare(c)} />
            {t(`history.compare.${c}`)}
          </label>
        ))}
      </fieldset>
      {history.isPending ? (
        <p>{tc('state.loading')}</p>
      ) : history.isError ? (
        <p role="alert">{errorText(history.error)}</p>
      ) : compare === 'original' ? (
        <DiffView before={history.data.original} after={segment.target} lang={lang} dir={dir} codes={segment.codes} />
      ) : compare === 'approved' ? (
        history.data.lastApproved ? (
          <>
            <p className="muted">
              {isolated((slot) =>
                t('history.approvedBy', {
                  name: slot(displayName(history.data.lastApproved!.actor)),
                  when: when.format(new Date(history.data.lastApproved!.at)),
                }),
              )}
            </p>
            <DiffView
              before={history.data.lastApproved.text}
              after={segment.target}
              lang={lang}
              dir={dir}
              codes={segment.codes}
            />
          </>
        ) : (
          <p className="empty">{t('history.neverApproved')}</p>
        )
      ) : (
        <ol className="revisions" reversed>
          {[...history.data.revisions].reverse().map((r, i) => (
            <li key={r.seq}>
              <p className="revision-meta">
                <strong>{t(`history.cause.${r.cause}`)}</strong> · <bdi>{displayName(r.actor)}</bdi> ·{' '}
                <time dateTime={r.at}>{when.format(new Date(r.at))}</time>
                {r.revertOf ? ` · ${t('history.revertOf', { seq: r.revertOf })}` : ''}
              </p>
              {r.cause === 'original' ? (
                <p className="diff" lang={lang} dir={dir}>
                  <ChipText text={r.after} codes={segment.codes} titled />
                </p>
              ) : (
                <DiffView before={r.before} after={r.after} lang={lang} dir={dir} codes={segment.codes} />
              )}
              {structure && (r.cause === 'split' || r.cause === 'joined') && (
                <UndoStructureButton docId={docId} seq={r.seq} />
              )}
              {canRevert && i > 0 && r.after !== segment.target && r.cause !== 'split' && (
                <button
                  type="button"
                  disabled={revert.isPending}
                  onClick={() => revert.mutate({ segmentId: segment.id, toSeq: r.seq, baseVersion: segment.version })}
                >
                  {t('history.revert')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {revert.isError && (
        <p className="form-error" role="alert">
          {errorText(revert.error)}
        </p>
      )}
      {structure && (
        <StructureTools
          docId={docId}
          segment={segment}
          next={structure.next}
          sourceLang={structure.sourceLang}
          targetLang={lang}
          sourceDir={structure.sourceDir}
          targetDir={dir}
          onDone={onClose}
        />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.close')}
        </button>
      </div>
    </div>
  );
}
