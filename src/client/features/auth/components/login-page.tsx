import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useErrorText } from '../../../lib/use-error-text';
import { useSession } from '../../../lib/session';
import { safeNext, useSignIn } from '../api';

/** /login: the only page (with the language switch) that needs no session. */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const signIn = useSignIn();
  const id = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  if (session.data && !signIn.isPending) return <Navigate to={next} replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    // Once the session is in the cache, the <Navigate> above takes the user on.
    signIn.mutate({ login, password });
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
        <h1 id={`${id}-h`}>{t('signIn.title')}</h1>
        <p className="help">{t('signIn.intro')}</p>
        {signIn.isError && (
          <p role="alert" className="form-error">
            {errorText(signIn.error)}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-login`}>{t('signIn.login')}</label>
          <input
            id={`${id}-login`}
            type="text"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            dir="auto"
            required
            autoFocus
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={signIn.isPending || !login.trim() || !password}>
          {t('signIn.submit')}
        </button>
        {signIn.isPending && <p role="status">{t('signIn.submitting')}</p>}
        {session.isError && <p className="form-error">{tc('errors.NETWORK')}</p>}
      </form>
    </div>
  );
}
