import { can as allowed, type Permission } from '../../../../shared/permissions';
import { useCurrentUser } from '../../../lib/session';

/** Who is working and what they may do: the session's user and the shared table the server enforces. */
export function usePermissions(): { me: string; can: (p: Permission) => boolean } {
  const user = useCurrentUser();
  return { me: user?.login ?? '', can: (p) => !!user && allowed(user.roles, p) };
}
