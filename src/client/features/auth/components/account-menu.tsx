import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { READ_ONLY_PERMISSIONS } from '../../../../shared/api-tokens';
import { useSession } from '../../../lib/session';
import { useSignOut } from '../api';
import { elisionContext } from '../../../lib/elision';
import { isolated } from '../../../lib/isolated';
import { useListFormat } from '../../../lib/use-list-format';

/** The header's account part: who is signed in, with which roles (and API token); password change; sign out. */
export function AccountMenu() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const session = useSession().data;
  const signOut = useSignOut();
  const list = useListFormat();
  if (!session) return null;
  const { user, token } = session;
  const roles = list(user.roles.map((r) => t(`roles.${r}`)));
  const readOnly = token?.permissions.every((p) => READ_ONLY_PERMISSIONS.includes(p));
  return (
    <div className="account">
      <span className="actor">
        <span>
          {isolated((slot) =>
            tc('actor.signedAs', { name: slot(user.displayName), context: elisionContext(user.displayName) }),
          )}
        </span>{' '}
        <span className="roles">({t('account.roles', { roles })})</span>
        {token && (
          <>
            {' '}
            <span className="token-note" role="note">
              {t('account.viaToken', { name: token.name })}
              {readOnly && ` (${t('account.tokenReadOnly')})`}
            </span>
          </>
        )}
      </span>
      {/* A browser sent with an API token has no session to sign out of, and a token makes no tokens. */}
      {!token && <AccountLinks pending={signOut.isPending} onSignOut={() => signOut.mutate()} />}
    </div>
  );
}

function AccountLinks({ pending, onSignOut }: { pending: boolean; onSignOut: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <Link to="/account/password">{t('account.changePassword')}</Link>
      <Link to="/account/tokens">{t('tokens.nav')}</Link>
      <button
        type="button"
        className="link-button"
        disabled={pending}
        // With the session gone, the page's guard sends the user to /login.
        onClick={onSignOut}
      >
        {t('signOut')}
      </button>
    </>
  );
}
