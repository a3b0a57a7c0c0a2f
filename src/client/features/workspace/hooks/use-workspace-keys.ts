import { useEffect, useRef } from 'react';
import { singleKeyShortcutsOn } from '../lib/shortcut-settings';

export interface WorkspaceKeyHandlers {
  /** F3 / Shift+F3: next or previous search match. */
  findStep: (delta: 1 | -1) => void;
  /** Ctrl+F, or / outside text fields: the search box. */
  focusFind: () => void;
  /** Ctrl+G: go to segment N. */
  goTo: () => void;
  /** F1, or ? outside text fields: the shortcut help. */
  help: () => void;
  /** Alt+↓ / Alt+↑: next or previous segment. */
  segment: (delta: 1 | -1) => void;
  /** Alt+Shift+↓ / Alt+Shift+↑: next or previous segment with open flags or findings. */
  unsettled: (delta: 1 | -1) => void;
  /** Alt+Shift+S / Alt+Shift+M / Alt+Shift+Delete in a segment's cell: split it at the caret, merge it with the next, delete it. */
  structure?: (kind: 'split' | 'merge' | 'delete', segmentId: string) => void;
}

/** The segment whose cell holds the focus (its row carries the id). */
const segmentOf = (el: EventTarget | null) =>
  el instanceof Element ? el.closest('tr[data-segment-id]')?.getAttribute('data-segment-id') : null;

const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' &&
      (el as HTMLInputElement).type !== 'checkbox' &&
      (el as HTMLInputElement).type !== 'radio'));

/**
 * The workspace's keyboard shortcuts (the help dialog lists them all: shortcut-help.tsx). Not while a dialog
 * is open: its keys are its own. Single-character keys only outside text fields, and only while switched on.
 */
export function useWorkspaceKeys(handlers: WorkspaceKeyHandlers) {
  const h = useRef(handlers);
  h.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const run = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (e.key === 'F3' && !ctrl && !e.altKey) return run(() => h.current.findStep(e.shiftKey ? -1 : 1));
      if (e.key === 'F1' && !ctrl && !e.altKey && !e.shiftKey) return run(h.current.help);
      if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') return run(h.current.focusFind);
      if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'g') return run(h.current.goTo);
      if (e.altKey && !ctrl && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        if (e.target instanceof HTMLSelectElement) return;
        const delta = e.key === 'ArrowDown' ? 1 : -1;
        return run(() => (e.shiftKey ? h.current.unsettled(delta) : h.current.segment(delta)));
      }
      // By physical key (e.code): Alt+Shift+letter types another character on some layouts (macOS).
      const kind =
        e.code === 'KeyS' ? 'split' : e.code === 'KeyM' ? 'merge' : e.key === 'Delete' ? 'delete' : undefined;
      if (e.altKey && e.shiftKey && !ctrl && kind && h.current.structure) {
        const segmentId = segmentOf(e.target);
        const structure = h.current.structure;
        if (segmentId) return run(() => structure(kind, segmentId));
      }
      if (ctrl || e.altKey || isTextField(e.target) || !singleKeyShortcutsOn()) return;
      if (e.key === '?') return run(h.current.help);
      if (e.key === '/') return run(h.current.focusFind);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
