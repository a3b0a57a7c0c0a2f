import type { Permission } from '../../../../shared/permissions';
import {
  proposesCorrection,
  type DocumentState,
  type Flag,
  type FlagAction,
  type Segment,
} from '../../../../shared/schemas';

/** Which actions a flag in this status offers, in display order. */
export type PanelAction = Exclude<FlagAction, 'edit'>;
const ACTIONS_BY_STATUS: Partial<Record<Flag['status'], PanelAction[]>> = {
  open: ['accept', 'dispute', 'resolve', 'reject', 'withdraw'],
  disputed: ['maintain', 'withdraw', 'accept', 'resolve', 'reject'],
  withdrawn: ['restore'],
};

/** Editing and restoring a flag: its author, or whoever may change anyone's (editors). */
export function mayChange(flag: Flag, me: string, can: (p: Permission) => boolean, action: 'edit' | 'restore') {
  return can(`flag.${action}`) && (flag.createdBy === me || can('flag.editAny'));
}

/** Why a flag offers fewer actions than its status and the user's roles would: the text is locked. */
export type FlagLock = 'DOCUMENT_LOCKED' | 'SEGMENT_LOCKED';

/**
 * The actions offered on a flag: those its status allows, the user may take, and the server would accept
 * now (src/server/domain/commands.ts). An approved document takes no flag action at all; an approved segment
 * takes no Accept that would change its text; Accept needs words to replace and a correction to put there
 * (imported flags propose none). `lock` names the lock that hid something the user could otherwise do.
 */
export function flagActions(
  flag: Flag,
  segmentStatus: Segment['status'] | undefined,
  documentStatus: DocumentState['status'] | undefined,
  can: (p: Permission) => boolean,
  me = '',
): { actions: PanelAction[]; lock: FlagLock | undefined } {
  const permitted = (ACTIONS_BY_STATUS[flag.status] ?? []).filter((a) =>
    a === 'restore'
      ? mayChange(flag, me, can, 'restore')
      : can(`flag.${a}`) && !(a === 'accept' && flag.side === 'target' && (flag.orphaned || !proposesCorrection(flag))),
  );
  if (documentStatus === 'approved') return { actions: [], lock: permitted.length > 0 ? 'DOCUMENT_LOCKED' : undefined };
  const changesText = (a: PanelAction) => a === 'accept' && flag.side === 'target';
  if (segmentStatus === 'approved' && permitted.some(changesText)) {
    return { actions: permitted.filter((a) => !changesText(a)), lock: 'SEGMENT_LOCKED' };
  }
  return { actions: permitted, lock: undefined };
}
