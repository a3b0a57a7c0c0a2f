import { fireEvent, render, screen } from '@testing-library/react';
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

  it('? opens the help outside text fields only; F1 anywhere; switched off, ? and / do nothing', () => {
    const h = handlers();
    render(<Harness {...h} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Translation of segment 1' }), { key: '?' });
    expect(helpOpen()).toBe(false);
    fireEvent.keyDown(document.body, { key: '?' });
    expect(helpOpen()).toBe(true);
    // Every shortcut listed, with the switch for single-key ones.
    expect(screen.getAllByRole('row')).toHaveLength(SHORTCUTS.length + 1);
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
