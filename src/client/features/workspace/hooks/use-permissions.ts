import type { Permission } from '../../../../shared/permissions';
import { getActor } from '../../../lib/actor';

/** Who is working and what they may do (the server enforces the same table). */
export function usePermissions(): { me: string; can: (p: Permission) => boolean } {
  return { me: getActor(), can: () => true };
}
