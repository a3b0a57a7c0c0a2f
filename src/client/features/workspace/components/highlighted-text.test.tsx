import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HighlightedText } from './highlighted-text';

describe('HighlightedText', () => {
  it('paints flagged spans behind the words, most severe first, with lang and dir on the text', () => {
    const { container } = render(
      <HighlightedText
        text="Lafetet discute avec son homologue"
        lang="fr"
        dir="ltr"
        label="Translation of segment 1"
        highlights={[
          { id: 'a', start: 0, end: 7, severity: 'major' },
          { id: 'b', start: 0, end: 15, severity: 'minor' },
        ]}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Translation of segment 1' });
    expect(box).toHaveAttribute('lang', 'fr');
    expect(box).toHaveAttribute('dir', 'ltr');
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => [m.textContent, m.dataset.severity, m.dataset.overlap])).toEqual([
      ['Lafetet', 'major', 'true'],
      [' discute', 'minor', undefined],
    ]);
    expect(container.querySelector('.cell-backdrop')).toHaveAttribute('aria-hidden', 'true');
  });

  it('reports selections made by script or keyboard', () => {
    const onSelectionChange = vi.fn();
    render(
      <HighlightedText
        text="Sahel et du désert"
        lang="fr"
        dir="ltr"
        label="t"
        highlights={[]}
        onSelectionChange={onSelectionChange}
      />,
    );
    const box = screen.getByRole('textbox', { name: 't' }) as HTMLTextAreaElement;
    box.setSelectionRange(12, 18);
    fireEvent(box, new Event('select'));
    expect(onSelectionChange).toHaveBeenLastCalledWith(12, 18);
  });

  it('opens the flag dialog on Ctrl+Shift+F', () => {
    const onFlagShortcut = vi.fn();
    render(<HighlightedText text="x" lang="fr" dir="ltr" label="t" highlights={[]} onFlagShortcut={onFlagShortcut} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 't' }), { key: 'F', ctrlKey: true, shiftKey: true });
    expect(onFlagShortcut).toHaveBeenCalledOnce();
  });

  it('a read-only cell says so and refuses input, but keeps a caret for keyboard selection', () => {
    const onChange = vi.fn();
    render(<HighlightedText text="لفتيت" lang="ar" dir="rtl" label="s" readOnly highlights={[]} onChange={onChange} />);
    const box = screen.getByRole('textbox', { name: 's' });
    expect(box).toHaveAttribute('aria-readonly', 'true');
    expect(box).not.toHaveAttribute('readonly');
    fireEvent.change(box, { target: { value: 'x' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(box).toHaveValue('لفتيت');
  });
});
