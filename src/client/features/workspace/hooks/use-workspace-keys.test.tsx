import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShortcutHelp, SHORTCUTS } from '../components/shortcut-help';
import { setSingleKeyShortcuts } from '../lib/shortcut-settings';
import { useWorkspaceKeys, type WorkspaceKeyHandlers } from './use-workspace-keys';

function Harness(props: Omit<WorkspaceKeyHandlers, 'help'>) {
  const [help, setHelp] = useState(false);
  useWorkspaceKeys({ ...props, help: () => setHelp(true) });
  return (
    <>
      <textarea aria-label="Translation of segment 1" />
      <table>
        <tbody>
          <tr data-segment-id="s7">
            <td>
              <textarea aria-label="Translation of segment 7" />
            </td>
          </tr>
        </tbody>
      </table>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}

const handlers = () => ({
  findStep: vi.fn(),
  focusFind: vi.fn(),
  goTo: vi.fn(),
  segment: vi.fn(),
  unsettled: vi.fn(),
});
const helpOpen = () => screen.queryByRole('heading', { name: 'Keyboard shortcuts' }) !== null;

describe('workspace keyboard shortcuts', () => {
  beforeEach(() => setSingleKeyShortcuts(true));

  it('F3, Ctrl+F, Ctrl+G and Alt+arrows call their actions, and prevent the browser’s own', () => {
    const h = handlers();
    render(<Harness {...h} />);
    const press = (init: KeyboardEventInit) => fireEvent.keyDown(document.body, init);
    expect(press({ key: 'F3' })).toBe(false);
    press({ key: 'F3', shiftKey: true });
    expect(h.findStep.mock.calls).toEqual([[1], [-1]]);
    expect(press({ key: 'f', ctrlKey: true })).toBe(false);
    expect(h.focusFind).toHaveBeenCalledTimes(1);
    press({ key: 'F', ctrlKey: true, shiftKey: true }); // flagging, not finding
    expect(h.focusFind).toHaveBeenCalledTimes(1);
    press({ key: 'g', ctrlKey: true });
    expect(h.goTo).toHaveBeenCalledTimes(1);
    press({ key: 'ArrowDown', altKey: true });
    press({ key: 'ArrowUp', altKey: true, shiftKey: true });
    expect(h.segment.mock.calls).toEqual([[1]]);
    expect(h.unsettled.mock.calls).toEqual([[-1]]);
  });

  it('Alt+Shift+S / M / Delete in a segment’s cell split, merge or delete that segment, by physical key', () => {
    const structure = vi.fn();
    render(<Harness {...handlers()} structure={structure} />);
    const cell = screen.getByRole('textbox', { name: 'Translation of segment 7' });
    expect(fireEvent.keyDown(cell, { key: 'Í', code: 'KeyS', altKey: true, shiftKey: true })).toBe(false);
    fireEvent.keyDown(cell, { key: 'M', code: 'KeyM', altKey: true, shiftKey: true });
    fireEvent.keyDown(cell, { key: 'Delete', code: 'Delete', altKey: true, shiftKey: true });
    fireEvent.keyDown(cell, { key: 'S', code: 'KeyS', shiftKey: true }); // typing a capital S
    // Outside a segment's row: nothing.
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Translation of segment 1' }), {
      key: 'S',
      code: 'KeyS',
      altKey: true,
      shiftKey: true,
    });
    expect(structure.mock.calls).toEqual([
      ['split', 's7'],
      ['merge', 's7'],
      ['delete', 's7'],
    ]);
  });

  it('? opens the help outside text fields only; F1 anywhere; switched off, ? and / do nothing', () => {
    const h = handlers();
    render(<Harness {...h} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Translation of segment 1' }), { key: '?' });
    expect(helpOpen()).toBe(false);
    fireEvent.keyDown(document.body, { key: '?' });
    expect(helpOpen()).toBe(true);
    // Every shortcut listed, with the switch for single-key ones.
    expect(within(screen.getByRole('table', { name: 'Keyboard shortcuts' })).getAllByRole('row')).toHaveLength(
      SHORTCUTS.length + 1,
    );
    expect(screen.getByRole('row', { name: /Ctrl\+G Go to segment N/ })).toBeInTheDocument();
    const singleKeys = screen.getByRole('checkbox', { name: /^Single-key shortcuts/ });
    expect(singleKeys).toBeChecked();
    fireEvent.click(singleKeys);
    expect(localStorage.getItem('visavis.singleKeyShortcuts')).toBe('off');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(helpOpen()).toBe(false);

    fireEvent.keyDown(document.body, { key: '?' });
    fireEvent.keyDown(document.body, { key: '/' });
    expect(helpOpen()).toBe(false);
    expect(h.focusFind).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'F1' });
    expect(helpOpen()).toBe(true);
  });
});
