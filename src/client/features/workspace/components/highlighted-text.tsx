import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { splitForHighlights, type Highlight } from '../lib/highlight';

export interface HighlightedTextProps {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  label: string;
  readOnly?: boolean;
  highlights: readonly Highlight[];
  activeId?: string | undefined;
  placeholder?: string | undefined;
  onChange?: (text: string) => void;
  onSelectionChange?: (start: number, end: number) => void;
  onBlur?: () => void;
  onFlagShortcut?: () => void;
}

/**
 * A textarea over a backdrop that paints the flagged spans: the text stays a native, editable,
 * keyboard-selectable control while flags show behind the words. Both layers share font, padding and
 * wrapping, and sit in one grid cell so the textarea grows with its text.
 */
export const HighlightedText = memo(
  forwardRef<HTMLTextAreaElement, HighlightedTextProps>(function HighlightedText(props, ref) {
    const { text, lang, dir, label, readOnly, highlights, activeId, placeholder } = props;
    const pieces = splitForHighlights(text, highlights);
    const inner = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => inner.current!, []);
    const onSelectionChange = useRef(props.onSelectionChange);
    onSelectionChange.current = props.onSelectionChange;

    // Not a React-controlled textarea (see CellTextarea): the value is written only when the text changes
    // from outside (an accepted flag, a conflict resolved, someone else's edit), never while typing.
    useLayoutEffect(() => {
      const el = inner.current;
      if (el && el.value !== text) el.value = text;
    }, [text]);

    // Native listeners: React's onSelect misses selections made by script (setSelectionRange) and
    // some keyboard paths; 'select' and 'selectionchange' fire on the textarea for all of them.
    useEffect(() => {
      const el = inner.current;
      if (!el) return;
      const report = () => onSelectionChange.current?.(el.selectionStart, el.selectionEnd);
      const events = ['select', 'selectionchange', 'keyup', 'mouseup'] as const;
      events.forEach((e) => el.addEventListener(e, report));
      return () => events.forEach((e) => el.removeEventListener(e, report));
    }, []);

    // The textarea's handlers read the latest props through this ref, so its own props stay the same while
    // typing and React leaves it alone (see CellTextarea).
    const events = useRef<CellEvents>(null!);
    events.current = {
      onChange(value, el) {
        // Read-only cells put back anything that slipped past beforeinput (IME composition).
        if (readOnly) {
          el.value = text;
          return;
        }
        // Pasted HTML arrives as plain text in a textarea; normalise line ends only.
        props.onChange?.(value.replace(/\r\n?/g, '\n'));
      },
      onKeyDown(e) {
        if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'f') {
          e.preventDefault();
          props.onFlagShortcut?.();
        }
      },
      onBlur() {
        props.onBlur?.();
      },
    };

    return (
      <div className="cell-editor">
        <div className="cell-backdrop" aria-hidden="true" lang={lang} dir={dir}>
          {pieces.map((p) =>
            p.marks.length === 0 ? (
              <span key={p.start} data-start={p.start}>
                {p.text}
              </span>
            ) : (
              <mark
                key={p.start}
                data-start={p.start}
                data-severity={p.marks[0]!.severity}
                data-kind={p.marks[0]!.kind ?? 'flag'}
                data-active={p.marks.some((m) => m.id === activeId) ? 'true' : undefined}
                data-overlap={p.marks.length > 1 ? 'true' : undefined}
              >
                {p.text}
              </mark>
            ),
          )}
          {/* A trailing line break would otherwise collapse and the textarea would be one line short. */}
          {'\u200b'}
        </div>
        <CellTextarea ref={inner} lang={lang} dir={dir} label={label} readOnly={readOnly} placeholder={placeholder} events={events} />
      </div>
    );
  }),
);

interface CellEvents {
  onChange(value: string, el: HTMLTextAreaElement): void;
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void;
  onBlur(): void;
}

interface CellTextareaProps {
  lang: string;
  dir: 'ltr' | 'rtl';
  label: string;
  readOnly: boolean | undefined;
  placeholder: string | undefined;
  events: RefObject<CellEvents>;
}

/**
 * The editable text. Its props do not change while typing (the text is not one of them: HighlightedText
 * writes it only when it changes from outside), so React does not re-render it per keystroke. React
 * re-renders a textarea by assigning its defaultValue, a DOM change that ends the browser's current undo
 * step: Ctrl+Z then took back one character at a time instead of the whole typed run.
 */
const CellTextarea = memo(
  forwardRef<HTMLTextAreaElement, CellTextareaProps>(function CellTextarea({ lang, dir, label, readOnly, placeholder, events }, ref) {
    return (
      <textarea
        ref={ref}
        className="cell-text"
        lang={lang}
        dir={dir}
        aria-label={label}
        // A readonly textarea has no caret in Chromium, so keyboard users could not select in it:
        // it stays editable for the caret, refuses every input, and says it is read-only.
        aria-readonly={readOnly || undefined}
        onBeforeInput={readOnly ? (e) => e.preventDefault() : undefined}
        onPaste={readOnly ? (e) => e.preventDefault() : undefined}
        onCut={readOnly ? (e) => e.preventDefault() : undefined}
        onDrop={readOnly ? (e) => e.preventDefault() : undefined}
        placeholder={placeholder}
        spellCheck={!readOnly}
        rows={1}
        aria-keyshortcuts="Control+Shift+F"
        onChange={(e) => events.current.onChange(e.target.value, e.target)}
        onKeyDown={(e) => events.current.onKeyDown(e)}
        onBlur={() => events.current.onBlur()}
      />
    );
  }),
);
