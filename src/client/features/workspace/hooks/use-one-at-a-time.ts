import { useCallback, useRef, useState } from 'react';

/**
 * Runs one task at a time: a call made while a task runs is dropped (a double-click, a second Enter).
 * `running` is the key of the running task, for busy states; the guard itself is a ref, so it holds
 * between the click and the next render too.
 */
export function useOneAtATime<K extends string | boolean>() {
  const [running, setRunning] = useState<K>();
  const busy = useRef(false);
  const run = useCallback(async (key: K, task: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(() => key);
    try {
      await task();
    } finally {
      busy.current = false;
      setRunning(undefined);
    }
  }, []);
  return [running, run] as const;
}
