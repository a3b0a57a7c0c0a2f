import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_TAGS } from '../../../../shared/lang/direction';
import { useLangName } from '../../../lib/use-lang-name';
import { fold, foldedNames, knownLanguageTag } from './language-search';

interface Props {
  label: string;
  value: string;
  onChange: (tag: string) => void;
}

/** At most this many options are in the list at once: typing narrows it (679 tags in all). */
const SHOWN = 80;

/**
 * A language, chosen from CLDR's tags (ISO 639-1 and common regional variants) by name (in the interface
 * language, in English or its own: language-search.ts) or by code, or typed as any valid BCP 47 tag of a
 * known language ("gsw", "sr-Latn-ME"). The WAI-ARIA combobox pattern: arrows move through the list, Enter
 * picks, Escape closes; a name typed in full comes first. Text that is no language is never taken: it stays,
 * with a message, on Enter, and the value stays the last valid one.
 */
export function LanguageCombobox({ label, value, onChange }: Props) {
  const { t, i18n } = useTranslation('documents');
  const langName = useLangName();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<string | null>(null); // null: not editing, the input shows the value
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = (tag: string) => `${langName(tag)} (${tag})`;

  const typedTag = text === null ? value : knownLanguageTag(text);

  const options = useMemo(() => {
    const q = fold(text ?? '');
    const all = LANGUAGE_TAGS.map((tag) => ({ tag, name: langName(tag) }));
    if (!q) return all.slice(0, SHOWN).map((o) => ({ ...o, rank: 1 }));
    const names = (o: { tag: string; name: string }) => foldedNames(o.tag, i18n.language, o.name);
    const code = (o: { tag: string }) => o.tag.toLowerCase();
    // A name or code typed in full first, then those that start with the text ("ar" → Arabic before "bg-…").
    const rank = (o: { tag: string; name: string }) =>
      code(o) === q || names(o).includes(q)
        ? 0
        : code(o).startsWith(q) || names(o).some((n) => n.startsWith(q))
          ? 1
          : names(o).some((n) => n.includes(q))
            ? 2
            : 3;
    const ranked = all.map((o) => ({ ...o, rank: rank(o) })).filter((o) => o.rank < 3);
    // Any valid tag of a known language typed in full is offered, listed or not ("gsw", "sr-Latn-ME").
    if (typedTag && !ranked.some((o) => o.tag === typedTag))
      ranked.push({ tag: typedTag, name: langName(typedTag), rank: 0 });
    return ranked.sort((a, b) => a.rank - b.rank).slice(0, SHOWN);
  }, [text, typedTag, langName, i18n.language]);

  const invalid = text !== null && text.trim() !== '' && options.length === 0;

  function pick(tag: string) {
    onChange(tag);
    setText(null);
    setOpen(false);
  }

  /** Leaving the field: a name or tag typed in full is taken; anything else returns to the last value. */
  function commit() {
    if (text === null) return;
    const exact = options.find((o) => o.rank === 0);
    if (exact) pick(exact.tag);
    else {
      setText(null);
      setOpen(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length ? (a + step + options.length) % options.length : 0));
    } else if (e.key === 'Enter') {
      if (invalid) {
        e.preventDefault(); // not a language: the text and its message stay, nothing is taken
        setOpen(false);
      } else if (open && options[active]) {
        e.preventDefault();
        pick(options[active].tag);
      } else if (text !== null) {
        e.preventDefault();
        commit();
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setText(null);
    }
  }

  const activeId = open && options[active] ? `${id}-o-${options[active].tag}` : undefined;
  return (
    <div className="field language-combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-err` : undefined}
        value={text ?? shown(value)}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!open || options.length === 0}>
        {open &&
          options.map((o, i) => (
            <li
              key={o.tag}
              id={`${id}-o-${o.tag}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o.tag);
              }}
            >
              {o.name} <span className="code">({o.tag})</span>
            </li>
          ))}
      </ul>
      {invalid && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {t('create.invalidLanguage')}
        </p>
      )}
    </div>
  );
}
