import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from '../../../lib/use-modal';
import { setSingleKeyShortcuts, useSingleKeyShortcuts } from '../lib/shortcut-settings';
import { setReviewDwellSeconds, useReviewDwellSeconds } from '../lib/review-settings';

/** Every keyboard shortcut of the workspace, by where it works (keys written as aria-keyshortcuts spells them). */
export const SHORTCUTS = [
  { group: 'anywhere', keys: ['F1', '?'], action: 'help' },
  { group: 'anywhere', keys: ['Control+F', '/'], action: 'find' },
  { group: 'anywhere', keys: ['F3', 'Shift+F3'], action: 'findStep' },
  { group: 'anywhere', keys: ['Control+G'], action: 'goTo' },
  { group: 'anywhere', keys: ['Alt+ArrowDown', 'Alt+ArrowUp'], action: 'segment' },
  { group: 'anywhere', keys: ['Alt+Shift+ArrowDown', 'Alt+Shift+ArrowUp'], action: 'unsettled' },
  { group: 'anywhere', keys: ['F8', 'Shift+F8'], action: 'finding' },
  { group: 'search', keys: ['Enter', 'Shift+Enter'], action: 'searchStep' },
  { group: 'anywhere', keys: ['Alt+K'], action: 'reviewed' },
  { group: 'anywhere', keys: ['Alt+U', 'Alt+Shift+U'], action: 'unreviewed' },
  { group: 'cell', keys: ['Control+Shift+F'], action: 'flag' },
  { group: 'cell', keys: ['Alt+M'], action: 'classify' },
  { group: 'cell', keys: ['Control+Z', 'Control+Shift+Z'], action: 'undo' },
  { group: 'cell', keys: ['Alt+Shift+S'], action: 'split' },
  { group: 'cell', keys: ['Alt+Shift+M'], action: 'merge' },
  { group: 'cell', keys: ['Alt+Shift+Delete'], action: 'deleteSegment' },
  { group: 'panel', keys: ['ArrowLeft', 'ArrowRight', 'Home', 'End'], action: 'tabs' },
  { group: 'strip', keys: ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'], action: 'strip' },
  { group: 'reply', keys: ['@', 'ArrowUp', 'ArrowDown', 'Enter', 'Tab', 'Escape'], action: 'mention' },
  { group: 'classify', keys: ['0', '1', '2', '3', 'n', 'm', 'M', 'c'], action: 'panelSeverity' },
  { group: 'classify', keys: ['Letters', 'ArrowUp', 'ArrowDown'], action: 'panelCategory' },
  { group: 'classify', keys: ['Enter', 'Escape'], action: 'panelCreate' },
  { group: 'dialog', keys: ['Escape'], action: 'close' },
] as const;

/** Keys typed alone (no modifier) that count as single-character shortcuts (WCAG 2.1.4). */
export const SINGLE_KEYS: readonly string[] = ['?', '/', '0', '1', '2', '3', 'n', 'm', 'M', 'c'];

interface Props {
  open: boolean;
  onClose: () => void;
}

/** The shortcut help (F1, or ? outside text fields), with the switch for single-key shortcuts. */
export function ShortcutHelp({ open, onClose }: Props) {
  const ref = useModal(open);
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const singleKeys = useSingleKeyShortcuts();
  const dwell = useReviewDwellSeconds();
  const id = useId();
  const keyName = (k: string) =>
    k
      .split('+')
      .map((part) => t(`shortcuts.key.${part}` as 'shortcuts.key.Control', { defaultValue: part }))
      .join('+');
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      {open && (
        <div>
          <h2 id={`${id}-title`}>{t('shortcuts.title')}</h2>
          <table className="shortcut-table">
            <caption className="visually-hidden">{t('shortcuts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shortcuts.keys')}</th>
                <th scope="col">{t('shortcuts.action')}</th>
                <th scope="col">{t('shortcuts.where')}</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action}>
                  <td>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' '}
                        <kbd>{keyName(k)}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{t(`shortcuts.do.${s.action}`)}</td>
                  <td>{t(`shortcuts.in.${s.group}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="single-keys">
            <input type="checkbox" checked={singleKeys} onChange={(e) => setSingleKeyShortcuts(e.target.checked)} />
            {t('shortcuts.singleKeys')}
          </label>
          <div className="field">
            <label htmlFor={`${id}-dwell`}>{t('review.dwell')}</label>
            <input
              id={`${id}-dwell`}
              type="number"
              min={0}
              max={600}
              value={dwell}
              onChange={(e) => setReviewDwellSeconds(Number(e.target.value) || 0)}
            />
          </div>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {tc('actions.close')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
