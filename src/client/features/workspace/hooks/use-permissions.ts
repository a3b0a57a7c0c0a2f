import { useCallback } from 'react';
import { can as allowed, type Permission } from '../../../../shared/permissions';
import { useCurrentUser } from '../../../lib/session';

/**
 * Who is working and what they may do: the session's user and the shared table the server enforces. `can` is
 * the same function while the user's roles are the same, so memoised rows and flags keep their memo.
 */
export function usePermissions(): { me: string; can: (p: Permission) => boolean } {
  const user = useCurrentUser();
  const roles = user?.roles;
  const rolesKey = roles?.join(' ');
  // Keyed on the roles' names: a refetched session with the same roles keeps the same function.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const can = useCallback((p: Permission) => !!roles && allowed(roles, p), [rolesKey]);
  return { me: user?.login ?? '', can };
}
