import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../../shared/schemas';
import { useModal } from '../../../lib/use-modal';
import { isolated } from '../../../lib/isolated';

export interface ConflictInfo {
  segmentNumber: number;
  mine: string;
  theirs: Segment;
  lang: string;
  dir: 'ltr' | 'rtl';
}

interface Props {
  conflict: ConflictInfo | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onSaveMerged: (text: string) => void;
}

/** A 409 shows both versions side by side; the user keeps one or merges. Never a silent overwrite. */
export function ConflictDialog({ conflict, ...actions }: Props) {
  const ref = useModal(conflict !== null);
  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide"
      aria-labelledby="conflict-title"
      // Esc must not dismiss the choice: the edit would sit unsaved with no way back to this dialog.
      onCancel={(e) => e.preventDefault()}
    >
      {conflict && (
        <ConflictForm key={`${conflict.theirs.id}:${conflict.theirs.version}`} conflict={conflict} {...actions} />
      )}
    </dialog>
  );
}

function ConflictForm({ conflict, onKeepMine, onTakeTheirs, onSaveMerged }: Props & { conflict: ConflictInfo }) {
  const { t } = useTranslation('workspace');
  const [merged, setMerged] = useState(conflict.mine);
  const id = useId();
  return (
    <div>
      <h2 id="conflict-title">{t('conflict.title', { n: conflict.segmentNumber })}</h2>
      <p>{t('conflict.explain')}</p>
      <div className="conflict-columns">
        <section aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">
            {isolated((slot) => t('conflict.theirs', { name: slot(conflict.theirs.updatedBy) }))}
          </h3>
          <p className="conflict-text" lang={conflict.lang} dir={conflict.dir}>
            {conflict.theirs.target}
          </p>
        </section>
        <section aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">{t('conflict.mine')}</h3>
          <p className="conflict-text" lang={conflict.lang} dir={conflict.dir}>
            {conflict.mine}
          </p>
        </section>
      </div>
      <div className="field">
        <label htmlFor={id}>{t('conflict.merged')}</label>
        <textarea
          id={id}
          value={merged}
          rows={5}
          lang={conflict.lang}
          dir={conflict.dir}
          onChange={(e) => setMerged(e.target.value)}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
        <button type="button" onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" className="primary" onClick={() => onSaveMerged(merged)}>
          {t('conflict.saveMerged')}
        </button>
      </div>
    </div>
  );
}
