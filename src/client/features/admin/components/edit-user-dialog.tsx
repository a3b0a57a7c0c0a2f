import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/permissions';
import { PatchUserBodySchema, USER_LIMITS, type User } from '../../../../shared/users';
import { useErrorText } from '../../../lib/use-error-text';
import { useModal } from '../../../lib/use-modal';
import { useUpdateUser } from '../api';
import { RoleCheckboxes } from './role-checkboxes';
import { validationMessage } from './validation';
import { isolated } from '../../../lib/isolated';

/** Name and roles, a password reset, and disabling: everything an admin changes about a user. */
export function EditUserDialog({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const ref = useModal(true);
  const update = useUpdateUser();
  const id = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  function patch(body: Parameters<typeof update.mutate>[0]['body'], done: string) {
    const parsed = PatchUserBodySchema.safeParse(body);
    if (!parsed.success) return setProblem(validationMessage(t, parsed.error.issues[0]?.path[0]));
    setProblem(null);
    setNote(null);
    update.mutate(
      { id: user.id, body: parsed.data },
      { onSuccess: () => setNote(done), onError: (err) => setProblem(errorText(err)) },
    );
  }

  function save(e: FormEvent) {
    e.preventDefault();
    patch({ displayName, roles }, t('edit.saved'));
  }

  function reset(e: FormEvent) {
    e.preventDefault();
    patch({ password, mustChangePassword: !isSelf }, t('edit.resetDone', { name: user.displayName }));
    setPassword('');
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`} onCancel={onClose} onClose={onClose}>
      <h2 id={`${id}-h`}>{isolated((slot) => t('edit.title', { name: slot(user.displayName) }))}</h2>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      {note && <p role="status">{note}</p>}
      <form onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('create.displayName')}</label>
          <input
            id={`${id}-name`}
            type="text"
            dir="auto"
            required
            maxLength={USER_LIMITS.displayNameChars}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        {/* An admin cannot take their own admin role away (the server also keeps one admin at least). */}
        <RoleCheckboxes value={roles} onChange={setRoles} disabled={(r) => isSelf && r === 'admin'} />
        {isSelf && <p className="help">{t('edit.self')}</p>}
        <button type="submit" className="primary" disabled={update.isPending}>
          {t('edit.save')}
        </button>
      </form>
      <form onSubmit={reset} noValidate className="dialog-section">
        <h3>{t('edit.resetHeading')}</h3>
        <div className="field">
          <label htmlFor={`${id}-pw`}>{t('edit.newPassword')}</label>
          <input
            id={`${id}-pw`}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" disabled={update.isPending || password === ''}>
          {t('edit.reset')}
        </button>
      </form>
      {!isSelf && (
        <div className="dialog-section">
          <h3>{t('edit.access')}</h3>
          <p className="help">{t('edit.disabledNote')}</p>
          <button
            type="button"
            disabled={update.isPending}
            onClick={() =>
              patch({ disabled: !user.disabled }, user.disabled ? t('status.active') : t('status.disabled'))
            }
          >
            {user.disabled ? t('edit.enable') : t('edit.disable')}
          </button>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.close')}
        </button>
      </div>
    </dialog>
  );
}
