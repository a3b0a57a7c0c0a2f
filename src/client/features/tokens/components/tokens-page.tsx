import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { READ_ONLY_PERMISSIONS, TOKEN_NAME_MAX, type ApiTokenInfo } from '../../../../shared/api-tokens';
import { can, PERMISSIONS, type Permission } from '../../../../shared/permissions';
import { useCan, useSession } from '../../../lib/session';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { useErrorText } from '../../../lib/use-error-text';
import { tokenQueries, useCreateToken, useRevokeToken } from '../api';

const EXPIRIES = ['7', '30', '90', '365', 'never'] as const;

/** /account/tokens: personal API tokens (create, shown once; list; revoke). Admins see everyone's. */
export function TokensPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const session = useSession().data;
  const me = session?.user;
  // A browser sent with an API token: tokens are made and revoked from a signed-in session only.
  const viaToken = session?.token;
  const isAdmin = useCan('users.manage');
  const tokens = useQuery({ ...tokenQueries.list(isAdmin), enabled: !viaToken });
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const format = useDateTimeFormat();
  const id = useId();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<(typeof EXPIRIES)[number]>('30');
  const [scope, setScope] = useState<'read' | 'all'>('read');
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  if (!me) return null;
  if (viaToken) {
    return (
      <div className="admin-page">
        <h1>{t('tokens.title')}</h1>
        <p role="alert">{t('tokens.needsSession', { name: viaToken.name })}</p>
      </div>
    );
  }
  const mine = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(me.roles, p));

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      {
        name,
        expiresInDays: expiry === 'never' ? null : Number(expiry),
        permissions: scope === 'read' ? [...READ_ONLY_PERMISSIONS] : mine,
      },
      {
        onSuccess: (r) => {
          setSecret({ name: r.token.name, value: r.secret });
          setName('');
        },
      },
    );
  }

  const when = (iso: string | null, none: string) => (iso ? format.format(new Date(iso)) : none);
  const row = (tk: ApiTokenInfo) => (
    <tr key={tk.id}>
      <td dir="auto">{tk.name}</td>
      {isAdmin && <td dir="auto">{tk.login ?? ''}</td>}
      <td>
        {tk.permissions.length === mine.length && tk.userId === me.id
          ? t('tokens.scopeAll')
          : tk.permissions.join(', ')}
      </td>
      <td>{when(tk.createdAt, '')}</td>
      <td>{when(tk.lastUsedAt, t('tokens.never'))}</td>
      <td>{when(tk.expiresAt, t('tokens.noExpiry'))}</td>
      <td>
        <button
          type="button"
          disabled={revoke.isPending}
          aria-label={t('tokens.revokeNamed', { name: tk.name })}
          onClick={() => {
            if (window.confirm(t('tokens.confirmRevoke', { name: tk.name }))) revoke.mutate(tk.id);
          }}
        >
          {t('tokens.revoke')}
        </button>
      </td>
    </tr>
  );

  return (
    <div className="admin-page">
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      <form onSubmit={submit} aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('tokens.new')}</h2>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={TOKEN_NAME_MAX}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`}>{t('tokens.expiry')}</label>
          <select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value as typeof expiry)}>
            {EXPIRIES.map((d) => (
              <option key={d} value={d}>
                {d === 'never' ? t('tokens.noExpiry') : t('tokens.days', { count: Number(d) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('tokens.scope')}</label>
          <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
            <option value="read">{t('tokens.scopeRead')}</option>
            <option value="all">{t('tokens.scopeAll')}</option>
          </select>
        </div>
        <button type="submit" disabled={create.isPending}>
          {t('tokens.create')}
        </button>
        {create.isError && <p role="alert">{errorText(create.error)}</p>}
      </form>
      {secret && (
        <section aria-labelledby={`${id}-secret`} className="token-secret">
          <h2 id={`${id}-secret`}>{t('tokens.shownOnce', { name: secret.name })}</h2>
          <label htmlFor={`${id}-value`}>{t('tokens.value')}</label>
          <input id={`${id}-value`} readOnly value={secret.value} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => setSecret(null)}>
            {t('tokens.done')}
          </button>
        </section>
      )}
      <h2>{isAdmin ? t('tokens.everyone') : t('tokens.mine')}</h2>
      {tokens.isPending ? (
        <p>{tc('state.loading')}</p>
      ) : tokens.isError ? (
        <p role="alert">{errorText(tokens.error)}</p>
      ) : tokens.data.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <table className="doc-table">
          <caption className="visually-hidden">{t('tokens.mine')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              {isAdmin && <th scope="col">{t('tokens.owner')}</th>}
              <th scope="col">{t('tokens.scope')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('tokens.expires')}</th>
              <th scope="col">{t('tokens.actions')}</th>
            </tr>
          </thead>
          <tbody>{tokens.data.map(row)}</tbody>
        </table>
      )}
      {revoke.isError && <p role="alert">{errorText(revoke.error)}</p>}
    </div>
  );
}
