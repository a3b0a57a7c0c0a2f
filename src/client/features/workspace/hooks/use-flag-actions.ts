import { useCallback, useRef, useState } from 'react';
import type { Flag, PatchFlagBody } from '../../../../shared/schemas';
import { useErrorText } from '../../../lib/use-error-text';
import { usePatchFlag } from '../api';
import type { PanelAction } from '../components/flag-panel';
import type { SaveQueue } from '../lib/save-queue';
import { useOneAtATime } from './use-one-at-a-time';

/** Accept, dispute, reject…: actions on a flag from the panel, those that need a reason asking for it first. */
export function useFlagActions(docId: string, queue: SaveQueue) {
  const errorText = useErrorText();
  const patchFlag = usePatchFlag(docId);
  const [pendingAction, setPendingAction] = useState<{ flag: Flag; action: PanelAction } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // The guard covers both steps (save the cell's text, then the request): a double-click sends it once.
  const [actingOn, runExclusive] = useOneAtATime<string>();

  function runAction(flag: Flag, action: PanelAction, reason?: string) {
    void runExclusive(flag.id, async () => {
      setActionError(null);
      try {
        if (action === 'accept' && flag.side === 'target') await queue.flush(flag.segmentId);
        await patchFlag.mutateAsync({
          flagId: flag.id,
          // A panel action with its reason: the union member is picked by `action`.
          body: { action, baseVersion: flag.version, ...(reason ? { reason } : {}) } as PatchFlagBody,
        });
      } catch (err) {
        setActionError(errorText(err));
      }
    });
  }

  // The same function from render to render (the flag list's items are memoised), calling the latest runAction.
  const run = useRef(runAction);
  run.current = runAction;
  const onAction = useCallback((flag: Flag, action: PanelAction) => {
    // Accepting and undoing a withdrawal need no reason: one click.
    if (action === 'accept' || action === 'restore') run.current(flag, action);
    else setPendingAction({ flag, action });
  }, []);

  return {
    actingOn,
    actionError,
    pendingAction,
    onAction,
    /** The reason dialog answered: run the action waiting for it. */
    confirmPending: (reason: string) => {
      if (pendingAction) runAction(pendingAction.flag, pendingAction.action, reason);
      setPendingAction(null);
    },
    cancelPending: () => setPendingAction(null),
  };
}
