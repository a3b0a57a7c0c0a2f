import type { TFunction } from 'i18next';
import { USER_LIMITS } from '../../../../shared/users';

/** The admin form's message for the first field the shared schema refused. */
export function validationMessage(t: TFunction<'admin'>, field: PropertyKey | undefined): string {
  switch (field) {
    case 'login':
      return t('validation.login');
    case 'displayName':
      return t('validation.displayName');
    case 'roles':
      return t('validation.roles');
    default:
      return t('validation.password', { min: USER_LIMITS.passwordMinChars });
  }
}
