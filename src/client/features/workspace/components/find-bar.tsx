import { forwardRef, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchOptions, SearchScope } from '../../../../shared/search/search';
import type { SearchState } from '../hooks/use-search';
import '../find.css';
import { numberFormat } from '../../../lib/number-format';

interface Props {
  search: SearchState;
  /** Replacing is offered to those who may edit, while the document is not approved. */
  canReplace: boolean;
  onReplace: (template: string) => void;
}

const TOGGLES = ['caseSensitive', 'wholeWord', 'regex', 'ignoreDiacritics', 'letterVariants'] as const;
/** Whether the options and the replace row are shown: kept, so a reviewer who uses them finds them open. */
const EXPANDED_KEY = 'visavis.find.expanded';

function storedExpanded(): boolean {
  try {
    return globalThis.localStorage?.getItem(EXPANDED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Find (and replace) in the document: the query, where to look, the options, "3 of 17", previous and next
 * (Enter / Shift+Enter here, F3 / Shift+F3 anywhere). The focus stays in the box while it steps.
 */
export const FindBar = forwardRef<HTMLInputElement, Props>(function FindBar({ search, canReplace, onReplace }, ref) {
  const { t, i18n } = useTranslation('workspace');
  const id = useId();
  const [template, setTemplate] = useState('');
  // Folded by default: the rows of the document, not the search options, should fill a laptop's screen.
  const [expanded, setExpanded] = useState(storedExpanded);
  const toggle = () => {
    setExpanded(!expanded);
    try {
      globalThis.localStorage?.setItem(EXPANDED_KEY, expanded ? '0' : '1');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  const num = numberFormat(i18n.language);
  const { options, matches, currentIndex } = search;
  const active = TOGGLES.filter((k) => options[k]).length;
  const set = (change: Partial<SearchOptions>) => search.setOptions({ ...options, ...change });
  const targetMatches = matches.some((m) => m.side === 'target');

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    search.step(e.shiftKey ? -1 : 1, false);
  }

  const count =
    search.query === ''
      ? ''
      : search.error
        ? t('find.badRegex', { message: search.error })
        : matches.length === 0
          ? t('find.none')
          : currentIndex >= 0
            ? t('find.position', { current: num.format(currentIndex + 1), total: num.format(matches.length) })
            : t('find.count', { count: matches.length, total: num.format(matches.length) });

  return (
    <form role="search" aria-label={t('find.label')} className="find-bar" onSubmit={(e) => e.preventDefault()}>
      <div className="find-row">
        <label htmlFor={`${id}-q`}>{t('find.query')}</label>
        <input
          ref={ref}
          id={`${id}-q`}
          type="search"
          dir="auto"
          value={search.query}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-count`}
          aria-invalid={search.error ? true : undefined}
          aria-keyshortcuts="Control+F"
        />
        <label htmlFor={`${id}-scope`} className="visually-hidden">
          {t('find.scope')}
        </label>
        <select
          id={`${id}-scope`}
          value={options.scope}
          onChange={(e) => set({ scope: e.target.value as SearchScope })}
        >
          {(['both', 'source', 'target'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`find.in.${s}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => search.step(-1, false)}
          disabled={matches.length === 0}
          aria-keyshortcuts="Shift+F3"
        >
          {t('find.previous')}
        </button>
        <button
          type="button"
          onClick={() => search.step(1, false)}
          disabled={matches.length === 0}
          aria-keyshortcuts="F3"
        >
          {t('find.next')}
        </button>
        <button type="button" aria-expanded={expanded} aria-controls={`${id}-more`} onClick={toggle}>
          {t(canReplace ? 'find.moreReplace' : 'find.more')}
          {active > 0 && ` (${num.format(active)})`}
        </button>
        <span id={`${id}-count`} className="find-count" role="status">
          {count}
        </span>
      </div>
      <div id={`${id}-more`} hidden={!expanded}>
        <div className="find-row find-options">
          {TOGGLES.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={options[k]} onChange={(e) => set({ [k]: e.target.checked })} />
              {t(`find.option.${k}`)}
            </label>
          ))}
        </div>
        {canReplace && (
          <div className="find-row">
            <label htmlFor={`${id}-r`}>{t('find.replaceWith')}</label>
            <input
              id={`${id}-r`}
              type="text"
              dir="auto"
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
            />
            <button type="button" disabled={!targetMatches} onClick={() => onReplace(template)}>
              {t('find.replace')}
            </button>
          </div>
        )}
      </div>
    </form>
  );
});
