import { useQuery } from '@tanstack/react-query';
import { useListFormat } from '../../../lib/use-list-format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { userQueries } from '../api';
import { CreateUserForm } from './create-user-form';
import { EditUserDialog } from './edit-user-dialog';

/** /admin/users: every account, and the form to create one. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('auth');
  const list = useListFormat();
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const me = useCurrentUser();
  const users = useQuery(userQueries.list());
  const [editing, setEditing] = useState<string | null>(null);
  const edited = users.data?.find((u) => u.id === editing);

  return (
    <div className="admin-page">
      <h1>{t('title')}</h1>
      {users.isPending ? (
        <p>{tc('state.loading')}</p>
      ) : users.isError ? (
        <p role="alert">
          {t('loadFailed')} {errorText(users.error)}
        </p>
      ) : (
        <table className="doc-table users-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.displayName')}</th>
              <th scope="col">{t('columns.login')}</th>
              <th scope="col">{t('columns.roles')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} className={u.disabled ? 'user-disabled' : undefined}>
                <td>
                  <bdi>{u.displayName}</bdi> {u.id === me?.id && <span className="muted">{t('you')}</span>}
                </td>
                <td dir="auto">{u.login}</td>
                <td>{list(u.roles.map((r) => ta(`roles.${r}`)))}</td>
                <td>
                  {u.disabled ? t('status.disabled') : t('status.active')}
                  {u.mustChangePassword && !u.disabled && <> — {t('status.mustChange')}</>}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('edit.buttonLabel', { name: u.displayName })}
                    onClick={() => setEditing(u.id)}
                  >
                    {t('edit.button')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateUserForm />
      {edited && (
        <EditUserDialog key={edited.id} user={edited} isSelf={edited.id === me?.id} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
