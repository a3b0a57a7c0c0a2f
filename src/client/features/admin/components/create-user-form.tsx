import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/permissions';
import { CreateUserBodySchema, USER_LIMITS } from '../../../../shared/users';
import { useErrorText } from '../../../lib/use-error-text';
import { useCreateUser } from '../api';
import { RoleCheckboxes } from './role-checkboxes';
import { validationMessage } from './validation';

export function CreateUserForm() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const create = useCreateUser();
  const id = useId();
  const [displayName, setDisplayName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [mustChangePassword, setMustChangePassword] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    // The server's own schema checks the form first, so the messages come before the round trip.
    const parsed = CreateUserBodySchema.safeParse({ displayName, login, password, roles, mustChangePassword });
    if (!parsed.success) return setProblem(validationMessage(t, parsed.error.issues[0]?.path[0]));
    setProblem(null);
    create.mutate(parsed.data, {
      onSuccess: ({ user }) => {
        setCreated(t('create.created', { name: user.displayName, login: user.login }));
        setDisplayName('');
        setLogin('');
        setPassword('');
        setRoles([]);
        setMustChangePassword(true);
      },
      onError: (err) => setProblem(errorText(err)),
    });
  }

  return (
    <section className="admin-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('create.heading')}</h2>
      <form onSubmit={submit} noValidate>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        {created && <p role="status">{created}</p>}
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('create.displayName')}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            dir="auto"
            maxLength={USER_LIMITS.displayNameChars}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-login`}>{t('create.login')}</label>
          <input
            id={`${id}-login`}
            type="text"
            required
            dir="auto"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={USER_LIMITS.loginChars}
            aria-describedby={`${id}-login-help`}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
          <small id={`${id}-login-help`}>{t('create.loginHelp')}</small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('create.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            required
            autoComplete="new-password"
            aria-describedby={`${id}-password-help`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <small id={`${id}-password-help`}>{t('create.passwordHelp', { min: USER_LIMITS.passwordMinChars })}</small>
        </div>
        <RoleCheckboxes value={roles} onChange={setRoles} />
        <div className="checkbox">
          <input
            id={`${id}-must`}
            type="checkbox"
            checked={mustChangePassword}
            onChange={(e) => setMustChangePassword(e.target.checked)}
          />
          <label htmlFor={`${id}-must`}>{t('create.mustChange')}</label>
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('create.submit')}
        </button>
      </form>
    </section>
  );
}
