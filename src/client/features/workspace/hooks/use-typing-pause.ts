import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing must pause before a conflict dialog opens (it would take the next keystrokes). */
const CONFLICT_AFTER_PAUSE_MS = 1500;

/**
 * Whether the user is typing: true from a keystroke until typing pauses. A conflict dialog is modal: opened
 * mid-word it would take the next keystrokes, so it waits for this to turn false.
 */
export function useTypingPause() {
  const [typing, setTyping] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const typed = useCallback(() => {
    setTyping(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTyping(false), CONFLICT_AFTER_PAUSE_MS);
  }, []);
  return { typing, typed };
}
