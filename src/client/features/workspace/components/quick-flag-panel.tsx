import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MqmCategory, Severity } from '../../../../shared/mqm';
import { useGuidance } from '../hooks/use-guidance';
import { categoryOptions, searchCategories } from '../lib/category-search';
import { placePanel, type Place } from '../lib/panel-place';
import { SEVERITY_KEYS, severityForKey, type PanelSpot } from '../lib/severity-keys';
import { useSingleKeyShortcuts } from '../lib/shortcut-settings';
import type { FlagDraft, FlagFormValues } from './flag-dialog';
import { GuidanceNote } from './guidance-note';

interface Props {
  docId: string;
  draft: FlagDraft;
  busy: boolean;
  error: string | null;
  onSubmit: (values: FlagFormValues) => void;
  onCancel: () => void;
  /** The full dialog, with what was chosen here. */
  onMore: (values: Partial<FlagFormValues>) => void;
}

/**
 * Classifying the selected words without a modal: a compact panel beside the segment. The focus starts in the
 * category search; every choice has a key shown on the panel; Enter creates, Esc cancels and returns to the words.
 */
export function QuickFlagPanel({ docId, draft, busy, error, onSubmit, onCancel, onMore }: Props) {
  const { t } = useTranslation('workspace');
  const singleKeys = useSingleKeyShortcuts();
  const guidance = useGuidance(docId);
  const id = useId();
  const options = useMemo(() => categoryOptions((k) => t(k as 'categories.other')), [t]);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [severity, setSeverity] = useState<Severity>('minor');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const noteField = useRef<HTMLInputElement>(null);
  const searchField = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const matches = useMemo(() => searchCategories(options, typed), [options, typed]);
  const chosen: MqmCategory | undefined =
    draft.side === 'source' && typed === ''
      ? 'accuracy/omission'
      : typed === ''
        ? undefined
        : matches[active]?.category;

  // Beside the words, hiding neither them nor the other side's text (lib/panel-place.ts); placed again
  // whenever what it shows grows or shrinks (matches, a definition, the note's error), to keep all of it in view.
  const [place, setPlace] = useState<Place | null>(null);
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const row = document.querySelector(`tr[data-segment-id="${CSS.escape(draft.segmentId)}"]`);
    const cell = row?.querySelector(`.seg-${draft.side}`);
    const box = panel.current;
    if (!row || !cell || !box || !content.current) return;
    const width = box.offsetWidth; // as the stylesheet sizes it, before any placing narrows it
    const placeIt = () =>
      setPlace(
        placePanel(
          cell.getBoundingClientRect(),
          row.getBoundingClientRect(),
          { width, height: box.scrollHeight },
          { width: document.documentElement.clientWidth, height: window.innerHeight },
        ),
      );
    placeIt();
    if (typeof ResizeObserver === 'undefined') return; // (jsdom)
    const observer = new ResizeObserver(placeIt);
    observer.observe(content.current);
    return () => observer.disconnect();
  }, [draft.segmentId, draft.side]);

  function create() {
    if (!chosen) return;
    if (chosen === 'other' && !note.trim()) {
      setNoteMissing(true);
      noteField.current?.focus();
      return;
    }
    onSubmit({
      category: chosen,
      severity,
      correction: draft.side === 'target' ? draft.quote : '',
      comment: note.trim(),
    });
  }

  /** Where a key was pressed: severity keys never take a letter (or, in the note, anything) from a text box. */
  function spotOf(target: EventTarget): PanelSpot {
    if (target === searchField.current) return 'search';
    return target instanceof HTMLInputElement && target.type !== 'radio' ? 'note' : 'other';
  }

  function chooseSeverity(s: Severity, target: EventTarget) {
    setSeverity(s);
    // On the severity buttons, the focus follows the choice (as arrows move it), for the next Tab or arrow.
    if (target instanceof HTMLInputElement && target.type === 'radio') {
      panel.current?.querySelector<HTMLInputElement>(`input[type="radio"][value="${s}"]`)?.focus();
    }
  }

  function onPanelKey(e: KeyboardEvent) {
    const s = singleKeys ? severityForKey(e, spotOf(e.target)) : undefined;
    if (s) {
      e.preventDefault();
      chooseSeverity(s, e.target);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      create();
    }
  }

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = Math.max(1, matches.length);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      if (typed === '') setTyped(' '); // arrows over the whole list choose from it
    }
  }

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const showList = typed !== '';
  return (
    <section
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      className="quick-flag"
      style={place ?? undefined}
      onKeyDown={onPanelKey}
    >
      <div ref={content}>
        <h2 id={`${id}-title`} className="quick-title">
          {t('quick.title', { quote: draft.quote, n: draft.segmentNumber })}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('quick.category')}</label>
          <input
            id={`${id}-search`}
            ref={searchField}
            type="text"
            role="combobox"
            autoFocus
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && matches[active] ? optionId(active) : undefined}
            aria-describedby={`${id}-keys${chosen ? ` ${id}-cat-guide` : ''}`}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setActive(0);
            }}
            onKeyDown={onSearchKey}
          />
          {showList && (
            <ul
              id={listId}
              role="listbox"
              aria-label={t('quick.matches', { count: matches.length })}
              className="quick-list"
            >
              {matches.map((o, i) => (
                <li
                  key={o.category}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    setActive(i);
                  }}
                >
                  {o.label}
                </li>
              ))}
            </ul>
          )}
          {showList && matches.length === 0 && (
            <p className="field-error" role="status">
              {t('quick.noMatch', { text: typed.trim() })}
            </p>
          )}
          {chosen && <GuidanceNote id={`${id}-cat-guide`} guidance={guidance({ category: chosen })} />}
        </div>
        <fieldset className="field quick-severity" aria-describedby={`${id}-sev-guide`}>
          <legend>{t('quick.severity')}</legend>
          {SEVERITY_KEYS.map(({ severity: s, digit, letter }) => (
            <label key={s} className={`severity-option severity-${s}`}>
              <input
                type="radio"
                name={`${id}-severity`}
                value={s}
                checked={severity === s}
                onChange={() => setSeverity(s)}
              />
              {singleKeys && (
                <span className="quick-sev-keys" aria-hidden="true">
                  <kbd>{digit}</kbd>
                  <kbd>{letter}</kbd>
                </span>
              )}{' '}
              {t(`severity.${s}`)}
            </label>
          ))}
          <GuidanceNote id={`${id}-sev-guide`} guidance={guidance({ severity })} />
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('quick.note')}</label>
          <input
            id={`${id}-note`}
            ref={noteField}
            type="text"
            dir="auto"
            value={note}
            aria-invalid={noteMissing && !note.trim()}
            aria-describedby={noteMissing ? `${id}-note-error` : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
          {noteMissing && !note.trim() && (
            <span id={`${id}-note-error`} className="field-error" role="alert">
              {t('quick.noteRequired')}
            </span>
          )}
        </div>
        <p id={`${id}-keys`} className="quick-keys muted">
          {t(singleKeys ? 'quick.keys' : 'quick.keysNoSingle')}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('quick.cancel')}
          </button>
          <button
            type="button"
            onClick={() => onMore({ severity, comment: note, ...(chosen ? { category: chosen } : {}) })}
          >
            {t('quick.more')}
          </button>
          <button type="button" className="primary" disabled={busy || !chosen} onClick={create}>
            {t('quick.create')}
          </button>
        </div>
      </div>
    </section>
  );
}
