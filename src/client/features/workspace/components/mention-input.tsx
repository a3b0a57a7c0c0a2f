import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../lib/user-directory';

/** The `@words` being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, query: m[2]! } : null;
}

/** The ids of the people whose `@Display Name` is in the text (chosen from the list while typing). */
export function mentionedIds(text: string, chosen: readonly Person[]): string[] {
  return [...new Set(chosen.filter((p) => p.id && text.includes(`@${p.displayName}`)).map((p) => p.id!))];
}

interface Props {
  id: string;
  label: string;
  value: string;
  people: readonly Person[];
  onChange: (text: string, chosen: Person[]) => void;
  chosen: readonly Person[];
}

/**
 * A comment box where `@` offers the users by display name (a combobox: arrows choose, Enter or Tab takes,
 * Escape closes). What is taken is written as `@Display Name`; the caller sends the ids of those still in
 * the text.
 */
export function MentionInput({ id, label, value, people, onChange, chosen }: Props) {
  const { t } = useTranslation('workspace');
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    if (!query) return [];
    const q = query.query.toLocaleLowerCase();
    return people
      .filter(
        (p) => p.id && (p.displayName.toLocaleLowerCase().includes(q) || p.login.toLocaleLowerCase().startsWith(q)),
      )
      .slice(0, 8);
  }, [people, query]);
  const open = matches.length > 0;

  function update(text: string, caret: number) {
    setQuery(mentionQuery(text, caret));
    setActive(0);
  }

  function take(p: Person) {
    if (!query) return;
    const caret = box.current?.selectionStart ?? value.length;
    const inserted = `@${p.displayName} `;
    const text = value.slice(0, query.start) + inserted + value.slice(caret);
    onChange(text, [...chosen.filter((c) => c.id !== p.id), p]);
    setQuery(null);
    caretAfter.current = { text, at: query.start + inserted.length };
  }
  // The caret goes after the name as soon as the new text is in the box, in the same task: set a frame later, it
  // moved keys typed meanwhile ("Merci @Amina egarde.r" for "regarde.").
  const caretAfter = useRef<{ text: string; at: number } | null>(null);
  useLayoutEffect(() => {
    const pending = caretAfter.current;
    if (!pending || pending.text !== value) return;
    caretAfter.current = null;
    box.current?.setSelectionRange(pending.at, pending.at);
  }, [value]);

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = matches.length;
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      take(matches[active]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery(null);
    }
  }

  return (
    <div className="mention-input">
      <textarea
        ref={box}
        id={id}
        rows={2}
        dir="auto"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        placeholder={`${label} — ${t('mentions.hint')}`}
        value={value}
        onChange={(e) => {
          onChange(e.target.value, [...chosen]);
          update(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <ul id={listId} role="listbox" aria-label={t('mentions.suggestions')} className="mention-list" hidden={!open}>
        {matches.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the textarea must keep the focus (its blur closes the list).
            onMouseDown={(e) => {
              e.preventDefault();
              take(p);
            }}
          >
            {p.displayName}
          </li>
        ))}
      </ul>
    </div>
  );
}
