import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../../../shared/permissions';
import { signedOutByUser, useCan, useSession } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';

const PASSWORD_PAGE = '/account/password';

/**
 * Routes inside need a session: without one, /login?next=<here>. A user whose password an admin set
 * goes to the password page first.
 */
export function RequireSession() {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (session.isPending) return <p className="page-state">{t('state.loading')}</p>;
  if (session.isError) {
    return (
      <p className="page-state" role="alert">
        {errorText(session.error)}
      </p>
    );
  }
  if (!session.data)
    return <Navigate to={signedOutByUser() ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  if (session.data.user.mustChangePassword && location.pathname !== PASSWORD_PAGE) {
    return <Navigate to={`${PASSWORD_PAGE}?next=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}

/** Routes inside need a permission (the server checks again); others see "not allowed". */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation('common');
  const allowed = useCan(permission);
  if (!allowed) {
    return (
      <p className="page-state" role="alert">
        {t('errors.FORBIDDEN')}
      </p>
    );
  }
  return <Outlet />;
}
