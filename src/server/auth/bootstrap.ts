import { randomBytes } from 'node:crypto';
import { NewPasswordSchema } from '../../shared/users';
import type { UserDirectory } from './auth-store';

export interface FirstAdmin {
  login: string;
  password: string;
  /** True when the password was made up here (print it once; it must be changed at first sign-in). */
  generated: boolean;
}

/**
 * First start (no users at all): creates `admin` with ADMIN_PASSWORD, or with a random one-time password
 * for the console. Once any user exists this does nothing, whatever ADMIN_PASSWORD says.
 */
export async function ensureFirstAdmin(
  users: UserDirectory,
  adminPassword: string | undefined,
): Promise<FirstAdmin | null> {
  if ((await users.count()) > 0) return null;
  const given = adminPassword !== undefined && adminPassword !== '';
  if (given && !NewPasswordSchema.safeParse(adminPassword).success) {
    throw new Error('ADMIN_PASSWORD is too short: use at least 8 characters (or leave it unset for a generated one).');
  }
  const password = given ? adminPassword : randomBytes(15).toString('base64url');
  await users.create({
    login: 'admin',
    displayName: 'Administrator',
    password,
    roles: ['admin'],
    mustChangePassword: !given,
  });
  return { login: 'admin', password, generated: !given };
}
