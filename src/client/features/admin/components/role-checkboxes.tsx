import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/permissions';

/** One checkbox per role, each with what the role may do. */
export function RoleCheckboxes({
  value,
  onChange,
  disabled,
}: {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  disabled?: (role: Role) => boolean;
}) {
  const { t } = useTranslation('auth');
  const id = useId();
  return (
    <fieldset className="roles-field">
      <legend>{t('roles.label')}</legend>
      {ROLES.map((role) => (
        <div className="checkbox" key={role}>
          <input
            id={`${id}-${role}`}
            type="checkbox"
            checked={value.includes(role)}
            disabled={disabled?.(role)}
            aria-describedby={`${id}-${role}-help`}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          <label htmlFor={`${id}-${role}`}>{t(`roles.${role}`)}</label>
          <small id={`${id}-${role}-help`} className="role-help">
            {t(`roleHelp.${role}`)}
          </small>
        </div>
      ))}
    </fieldset>
  );
}
