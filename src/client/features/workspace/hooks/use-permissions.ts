import { useCallback } from 'react';
import type { Permission } from '../../../../shared/permissions';
import { sessionCan, useSession } from '../../../lib/session';

/**
 * Who is working and what they may do: the session's user (and API token) and the shared table the server enforces. `can` is
 * the same function while the user's roles are the same, so memoised rows and flags keep their memo.
 */
export function usePermissions(): { me: string; can: (p: Permission) => boolean } {
  const session = useSession().data;
  // An API token's permissions limit the roles' (a read-only token gives a read-only workspace).
  const key = `${session?.user.roles.join(' ')}|${session?.token?.permissions.join(' ') ?? '*'}`;
  // Keyed on the roles' and token's names: a refetched session with the same ones keeps the same function.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const can = useCallback((p: Permission) => sessionCan(session, p), [key]);
  return { me: session?.user.login ?? '', can };
}
