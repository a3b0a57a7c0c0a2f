import { useEffect, type RefObject } from 'react';
import { codeLabel, type InlineCodes } from '../../../../shared/inline-codes';

/*
 * Inline codes in a cell (issue #13): each is one private-use character of the text (shared/inline-codes.ts).
 * The backdrop draws it as a chip under that character (same glyph, same width: the layers stay aligned), and
 * hovering it shows the original markup as the textarea's tooltip. Being one character, a code is selected,
 * copied, moved and deleted only whole.
 */

/** The markup as the file had it, without the namespace declarations the stored copy carries. */
export const codeMarkup = (xml: string): string => xml.replace(/\s+xmlns(:[\w.-]+)?="[^"]*"/g, '');

/**
 * A backdrop piece's text with its codes wrapped as chips. `titled`: each chip names its markup itself (outside a
 * cell, where no textarea above it shows the tooltip: the history and replace diffs).
 */
export function ChipText({ text, codes, titled }: { text: string; codes: InlineCodes | undefined; titled?: boolean }) {
  if (!codes) return <>{text}</>;
  const out: (string | React.JSX.Element)[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = Object.hasOwn(codes, ch) ? codes[ch]! : null;
    if (!code) {
      run += ch;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(
      <span
        key={i}
        className="code-chip"
        data-code-kind={code.kind}
        data-code={codeLabel(code)}
        title={titled ? codeMarkup(code.xml) : undefined}
      >
        {ch}
      </span>,
    );
  }
  if (run) out.push(run);
  return <>{out}</>;
}

/** Shows a code's markup as the cell's tooltip while the pointer is over its chip. */
export function useCodeTooltip(textarea: RefObject<HTMLTextAreaElement | null>, codes: InlineCodes | undefined): void {
  useEffect(() => {
    const el = textarea.current;
    if (!el || !codes) return;
    const chips = () => Array.from(el.parentElement?.querySelectorAll<HTMLElement>('.code-chip') ?? []);
    const onMove = (e: MouseEvent) => {
      const chip = chips().find((c) =>
        Array.from(c.getClientRects()).some(
          (r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom,
        ),
      );
      const code = chip ? codes[chip.textContent ?? ''] : undefined;
      const title = code ? codeMarkup(code.xml) : '';
      if (el.title !== title) el.title = title;
    };
    el.addEventListener('mousemove', onMove);
    return () => el.removeEventListener('mousemove', onMove);
  }, [textarea, codes]);
}
