import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { USER_LIMITS } from '../../../../shared/users';
import { ApiError } from '../../../lib/api';
import { useCurrentUser } from '../../../lib/session';
import { useErrorText } from '../../../lib/use-error-text';
import { safeNext, useChangePassword } from '../api';

/** /account/password: change one's own password; the guard sends users here when an admin set theirs. */
export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const change = useChangePassword();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const min = USER_LIMITS.passwordMinChars;
  const forced = !!user?.mustChangePassword;

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next.length < min) return setProblem(t('password.tooShort', { min }));
    if (next !== repeat) return setProblem(t('password.mismatch'));
    if (next === current) return setProblem(t('password.same'));
    setProblem(null);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          setDone(true);
          if (forced) void navigate(safeNext(params.get('next')), { replace: true });
        },
        onError: (err) =>
          setProblem(
            err instanceof ApiError && err.code === 'INVALID_CREDENTIALS' ? t('password.wrongCurrent') : errorText(err),
          ),
      },
    );
  }

  const field = (key: 'current' | 'new' | 'repeat', value: string, set: (v: string) => void, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`password.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type="password"
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-describedby={key === 'new' ? `${id}-help` : undefined}
      />
      {key === 'new' && <small id={`${id}-help`}>{t('password.help', { min })}</small>}
    </div>
  );

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
        <h1 id={`${id}-h`}>{t('password.title')}</h1>
        {forced && <p className="help">{t('password.mustChange')}</p>}
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        {done && <p role="status">{t('password.done')}</p>}
        {/* Lets password managers store the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user?.login ?? ''} readOnly hidden />
        {field('current', current, setCurrent, 'current-password')}
        {field('new', next, setNext, 'new-password')}
        {field('repeat', repeat, setRepeat, 'new-password')}
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}
