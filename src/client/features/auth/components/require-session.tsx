import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../../../shared/permissions';
import { ApiError } from '../../../lib/api';
import { sessionQueries, signedOutByUser, useCan, useSession } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';

const PASSWORD_PAGE = '/account/password';

const needsNewPassword = (err: unknown) => err instanceof ApiError && err.code === 'PASSWORD_CHANGE_REQUIRED';

/**
 * An admin may reset the password of someone already signed in: the server then answers their next request
 * 403 PASSWORD_CHANGE_REQUIRED. Reload the session, so that the guard below sends them to the password page.
 */
function useRecheckSessionOnPasswordReset() {
  const qc = useQueryClient();
  useEffect(() => {
    // cancelRefetch: false — several refused requests share one reload instead of cancelling each other's.
    const recheck = () =>
      void qc.invalidateQueries({ queryKey: sessionQueries.current().queryKey }, { cancelRefetch: false });
    const offQueries = qc.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && needsNewPassword(e.action.error)) recheck();
    });
    const offMutations = qc.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && needsNewPassword(e.action.error)) recheck();
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [qc]);
}

/**
 * Routes inside need a session: without one, /login?next=<here>. A user whose password an admin set
 * goes to the password page first.
 */
export function RequireSession() {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  const session = useSession();
  const location = useLocation();
  useRecheckSessionOnPasswordReset();
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
