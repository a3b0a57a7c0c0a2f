import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../../shared/schemas';
import { useErrorText } from '../../../lib/use-error-text';
import { useStructureChange } from '../structure-api';

interface Props {
  docId: string;
  segment: Segment;
  next: Segment | undefined;
  sourceLang: string;
  targetLang: string;
  sourceDir: 'ltr' | 'rtl';
  targetDir: 'ltr' | 'rtl';
  onDone: () => void;
}

/**
 * Split a segment where the cursor is (on both sides or one: a side without a cursor stays whole in the
 * first part), merge it with the next, or delete it when a side is empty. Editors only; each is an event.
 */
export function StructureTools({ docId, segment, next, onDone, ...p }: Props) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const change = useStructureChange(docId);
  const source = useRef<HTMLTextAreaElement>(null);
  const target = useRef<HTMLTextAreaElement>(null);
  // Where the user put the cursor on each side (null: not placed, the side stays whole).
  const [cut, setCut] = useState<{ source: number | null; target: number | null }>({ source: null, target: null });
  const place = (side: 'source' | 'target') => (e: { currentTarget: HTMLTextAreaElement }) => {
    const at = e.currentTarget.selectionStart;
    setCut((c) => ({ ...c, [side]: at }));
  };
  const deletable = segment.source.trim() === '' || segment.target.trim() === '';
  const run = (c: Parameters<typeof change.mutate>[0]) => change.mutate(c, { onSuccess: onDone });

  return (
    <section className="structure-tools" aria-labelledby="structure-title">
      <h3 id="structure-title">{t('structure.title')}</h3>
      <p className="muted">{t('structure.help')}</p>
      <label>
        {t('structure.source')}
        <textarea
          ref={source}
          // Not readOnly: Chromium moves no caret in a read-only textarea, and keyboard users place the cut
          // with the arrows. Typing changes nothing (the value is controlled).
          aria-readonly="true"
          onChange={() => {}}
          rows={3}
          value={segment.source}
          lang={p.sourceLang}
          dir={p.sourceDir}
          onSelect={place('source')}
          onClick={place('source')}
          onKeyUp={place('source')}
        />
      </label>
      <label>
        {t('structure.target')}
        <textarea
          ref={target}
          // Not readOnly: Chromium moves no caret in a read-only textarea, and keyboard users place the cut
          // with the arrows. Typing changes nothing (the value is controlled).
          aria-readonly="true"
          onChange={() => {}}
          rows={3}
          value={segment.target}
          lang={p.targetLang}
          dir={p.targetDir}
          onSelect={place('target')}
          onClick={place('target')}
          onKeyUp={place('target')}
        />
      </label>
      <div className="dialog-actions structure-actions">
        <button
          type="button"
          disabled={change.isPending || (cut.source === null && cut.target === null)}
          onClick={() =>
            run({
              kind: 'split',
              segmentId: segment.id,
              sourceAt: cut.source ?? segment.source.length,
              targetAt: cut.target ?? segment.target.length,
              baseVersion: segment.version,
            })
          }
        >
          {t('structure.split')}
        </button>
        <button
          type="button"
          disabled={change.isPending || !next}
          onClick={() =>
            next &&
            run({ kind: 'merge', segmentId: segment.id, baseVersion: segment.version, nextBaseVersion: next.version })
          }
        >
          {t('structure.merge')}
        </button>
        {deletable && (
          <button
            type="button"
            disabled={change.isPending}
            onClick={() => run({ kind: 'delete', segmentId: segment.id, baseVersion: segment.version })}
          >
            {t('structure.delete')}
          </button>
        )}
      </div>
      {change.isError && (
        <p className="form-error" role="alert">
          {errorText(change.error)}
        </p>
      )}
    </section>
  );
}

/** Undo for a split or a merge shown in the history. */
export function UndoStructureButton({ docId, seq }: { docId: string; seq: number }) {
  const { t } = useTranslation('workspace');
  const errorText = useErrorText();
  const change = useStructureChange(docId);
  return (
    <>
      <button type="button" disabled={change.isPending} onClick={() => change.mutate({ kind: 'undo', seq })}>
        {t('structure.undo')}
      </button>
      {change.isError && (
        <span className="form-error" role="alert">
          {errorText(change.error)}
        </span>
      )}
    </>
  );
}
