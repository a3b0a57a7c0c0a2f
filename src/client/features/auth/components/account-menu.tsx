import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../lib/session';
import { useSignOut } from '../api';
import { elisionContext } from '../../../lib/elision';
import { isolated } from '../../../lib/isolated';
import { useListFormat } from '../../../lib/use-list-format';

/** The header's account part: who is signed in, with which roles; password change; sign out. */
export function AccountMenu() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const user = useCurrentUser();
  const signOut = useSignOut();
  const list = useListFormat();
  if (!user) return null;
  const roles = list(user.roles.map((r) => t(`roles.${r}`)));
  return (
    <div className="account">
      <span className="actor">
        <span>
          {isolated((slot) =>
            tc('actor.signedAs', { name: slot(user.displayName), context: elisionContext(user.displayName) }),
          )}
        </span>{' '}
        <span className="roles">({t('account.roles', { roles })})</span>
      </span>
      <Link to="/account/password">{t('account.changePassword')}</Link>
      <Link to="/account/tokens">{t('tokens.nav')}</Link>
      <button
        type="button"
        className="link-button"
        disabled={signOut.isPending}
        // With the session gone, the page's guard sends the user to /login.
        onClick={() => signOut.mutate()}
      >
        {t('signOut')}
      </button>
    </div>
  );
}
