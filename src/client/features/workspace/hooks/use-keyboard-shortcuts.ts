import { useEffect, useRef } from 'react';

/**
 * F8 / Shift+F8 anywhere in the workspace, as in IDEs and CAT tools: the next or previous finding, with
 * the QA tab brought up to say what it is. Not while a dialog is open (its keys are its own).
 */
export function useQaStepKeys(onStep: (delta: 1 | -1) => void) {
  const step = useRef(onStep);
  step.current = onStep;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      step.current(e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
