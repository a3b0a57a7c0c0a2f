import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { InlineCodes } from '../../../../shared/inline-codes';
import { splitForHighlights, type Highlight } from '../lib/highlight';
import { ChipText, useCodeTooltip } from './code-chips';

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
  onFocus?: () => void;
  /** Ctrl+Shift+F: the flag dialog; Alt+M: the classification panel beside the segment. */
  onFlagShortcut?: (how: 'dialog' | 'inline') => void;
  /** The segment's inline codes, drawn as chips (code-chips.tsx). */
  codes?: InlineCodes | undefined;
}

/** Search matches are painted whatever else covers the words: 'current' for the one gone to. */
function searchMark(marks: readonly Highlight[]): 'current' | 'match' | undefined {
  if (marks.some((m) => m.kind === 'search-current')) return 'current';
  return marks.some((m) => m.kind === 'search') ? 'match' : undefined;
}

/**
 * Scrolls a cell so that the words starting at `start` are centred (in a long paragraph, centring the whole
 * cell can leave them off screen). The backdrop has a piece starting at every highlight (flags, findings),
 * laid out exactly like the text; without one there, the cell itself is centred.
 */
export function scrollSpanIntoView(textarea: HTMLTextAreaElement, start: number | undefined) {
  const piece =
    start === undefined
      ? null
      : textarea.parentElement?.querySelector<HTMLElement>(`.cell-backdrop > [data-start="${start}"]`);
  (piece ?? textarea).scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * A textarea over a backdrop that paints the flagged spans: the text stays a native, editable,
 * keyboard-selectable control while flags show behind the words. Both layers share font, padding and
 * wrapping, and sit in one grid cell so the textarea grows with its text.
 */
export const HighlightedText = memo(
  forwardRef<HTMLTextAreaElement, HighlightedTextProps>(function HighlightedText(props, ref) {
    const { text, lang, dir, label, readOnly, highlights, activeId, placeholder, codes } = props;
    const pieces = splitForHighlights(text, highlights);
    const inner = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => inner.current!, []);
    useCodeTooltip(inner, codes);
    const onSelectionChange = useRef(props.onSelectionChange);
    onSelectionChange.current = props.onSelectionChange;

    // Not a React-controlled textarea: React rewrote a controlled textarea's defaultValue (its child text
    // node) on every keystroke, and Chromium ends the current undo step whenever DOM nodes are removed while
    // someone types, so Ctrl+Z took back one character at a time. The value is written only when the text
    // changes from outside (an accepted flag, a conflict resolved, someone else's edit), never while typing.
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

    function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        props.onFlagShortcut?.('dialog');
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyM') {
        // By the key's place: Alt+M types "µ" on some keyboards.
        e.preventDefault();
        props.onFlagShortcut?.('inline');
      }
    }

    return (
      <div className="cell-editor">
        <div className="cell-backdrop" aria-hidden="true" lang={lang} dir={dir}>
          {pieces.map((p) =>
            p.marks.length === 0 ? (
              <span key={p.start} data-start={p.start}>
                <ChipText text={p.text} codes={codes} />
              </span>
            ) : (
              <mark
                key={p.start}
                data-start={p.start}
                data-severity={p.marks[0]!.severity}
                data-kind={p.marks[0]!.kind ?? 'flag'}
                data-active={p.marks.some((m) => m.id === activeId) ? 'true' : undefined}
                data-overlap={p.marks.length > 1 ? 'true' : undefined}
                data-search={searchMark(p.marks)}
              >
                <ChipText text={p.text} codes={codes} />
              </mark>
            ),
          )}
          {/* A trailing line break would otherwise collapse and the textarea would be one line short. */}
          {'\u200b'}
        </div>
        {/* No value prop: see the layout effect above. */}
        <textarea
          ref={inner}
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
          onChange={(e) => {
            // Read-only cells put back anything that slipped past beforeinput (IME composition).
            if (readOnly) {
              e.target.value = text;
              return;
            }
            // Pasted HTML arrives as plain text in a textarea; normalise line ends only.
            props.onChange?.(e.target.value.replace(/\r\n?/g, '\n'));
          }}
          onKeyDown={onKeyDown}
          onBlur={props.onBlur}
          onFocus={props.onFocus}
        />
      </div>
    );
  }),
);
