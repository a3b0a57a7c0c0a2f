import path from 'node:path';
import { z } from 'zod';
import { IdSchema, newId } from '../../shared/ids';
import { RoleSchema, type Role } from '../../shared/permissions';
import { IsoDateSchema } from '../../shared/schemas';
import { loginKey, type User } from '../../shared/users';
import { AppError } from '../errors';
import type { StoreLogger } from '../store/logger';
import type { UserDirectory } from './auth-store';
import { JsonStateFile, StateFileCorruptError } from './json-state-file';
import { findConfusable } from './login-skeleton';
import { DEFAULT_SCRYPT, hashPassword, isPasswordHash, verifyPassword, type ScryptParams } from './password';

export const StoredUserSchema = z.object({
  id: IdSchema,
  login: z.string().min(1),
  displayName: z.string().min(1),
  roles: z.array(RoleSchema),
  /** PHC string: `$scrypt$ln=…,r=…,p=…$salt$hash` (see password.ts). */
  passwordHash: z.string().refine(isPasswordHash, 'not a scrypt PHC string'),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema.optional(),
  disabled: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
});
export type StoredUser = z.infer<typeof StoredUserSchema>;

const UsersFileSchema = z.object({ version: z.literal(1), users: z.array(StoredUserSchema) }).superRefine((f, ctx) => {
  const seen = new Set<string>();
  for (const u of f.users) {
    // NFC here, as logins were compared before NFKC: a file that was valid stays valid.
    for (const key of [`id ${u.id}`, `login ${u.login.trim().normalize('NFC').toLowerCase()}`]) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `two users have the ${key}` });
      seen.add(key);
    }
  }
});

export interface NewUser {
  login: string;
  displayName: string;
  password: string;
  roles: Role[];
  mustChangePassword?: boolean;
}

export interface UserChanges {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  password?: string | undefined;
  disabled?: boolean | undefined;
  mustChangePassword?: boolean | undefined;
}

/** The user without the password hash. */
export function publicUser(u: StoredUser): User {
  return {
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    roles: u.roles,
    createdAt: u.createdAt,
    disabled: u.disabled ?? false,
    mustChangePassword: u.mustChangePassword ?? false,
  };
}

const isActiveAdmin = (u: StoredUser) => !u.disabled && u.roles.includes('admin');

/** The new account, checked against every existing one (same login, or one that looks alike: 409). */
export function newUserRecord(users: readonly StoredUser[], input: NewUser, passwordHash: string): StoredUser {
  const key = loginKey(input.login);
  if (users.some((u) => loginKey(u.login) === key))
    throw new AppError(409, 'USER_EXISTS', `There is already a user with the login "${input.login}".`);
  const lookalike = findConfusable(
    input.login,
    users.map((u) => u.login),
  );
  if (lookalike !== undefined) {
    throw new AppError(
      409,
      'LOGIN_CONFUSABLE',
      `The login "${input.login}" looks like the existing login "${lookalike}" (letters that look alike). Choose another.`,
      { existing: lookalike },
    );
  }
  return {
    id: newId('u'),
    login: input.login,
    displayName: input.displayName,
    roles: input.roles,
    passwordHash,
    createdAt: new Date().toISOString(),
    ...(input.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

/** The account after `changes` (the password already hashed), refused when no active admin would remain. */
export function changedUser(
  users: readonly StoredUser[],
  id: string,
  changes: UserChanges,
  passwordHash: string | undefined,
): StoredUser {
  const current = users.find((u) => u.id === id);
  if (!current) throw new AppError(404, 'USER_NOT_FOUND', `There is no user ${id}.`);
  const next: StoredUser = { ...current, updatedAt: new Date().toISOString() };
  if (changes.displayName !== undefined) next.displayName = changes.displayName;
  if (changes.roles !== undefined) next.roles = changes.roles;
  if (passwordHash !== undefined) next.passwordHash = passwordHash;
  if (changes.disabled !== undefined) next.disabled = changes.disabled;
  if (changes.mustChangePassword !== undefined) next.mustChangePassword = changes.mustChangePassword;
  const after = users.map((u) => (u.id === id ? next : u));
  // Somebody must still be able to manage users (and to fix this).
  if (users.some(isActiveAdmin) && !after.some(isActiveAdmin)) {
    throw new AppError(400, 'VALIDATION_FAILED', 'At least one active admin must remain.');
  }
  return next;
}

/** DATA_DIR/users.json: every account, read once at start, rewritten whole on each change. */
export class UserStore implements UserDirectory {
  private users: StoredUser[] = [];
  private readonly file: JsonStateFile<typeof UsersFileSchema>;
  /** Verified against when a login is unknown, so that unknown and known logins take the same time. */
  private dummyHash: Promise<string> | undefined;

  private constructor(
    dataDir: string,
    private readonly scrypt: ScryptParams,
  ) {
    this.file = new JsonStateFile(path.join(dataDir, 'users.json'), UsersFileSchema);
  }

  static async open(dataDir: string, logger: StoreLogger, scrypt: ScryptParams = DEFAULT_SCRYPT): Promise<UserStore> {
    const store = new UserStore(dataDir, scrypt);
    try {
      store.users = (await store.file.read(logger))?.users ?? [];
    } catch (err) {
      // Accounts are not disposable: never start without them (nobody could sign in, or a new admin appears).
      if (!(err instanceof StateFileCorruptError)) throw err;
      throw new Error(
        `the accounts file ${err.file} ${err.problem}. Restore it from a backup, or fix it by hand ` +
          `(pretty JSON: {"version": 1, "users": [...]}). To start over with no accounts instead, move it ` +
          `away: the next start creates "admin" with a one-time password (documents are kept).`,
      );
    }
    return store;
  }

  async count(): Promise<number> {
    return this.users.length;
  }

  async list(): Promise<StoredUser[]> {
    return [...this.users];
  }

  async byId(id: string): Promise<StoredUser | undefined> {
    return this.findById(id);
  }

  async byLogin(login: string): Promise<StoredUser | undefined> {
    return this.findByLogin(login);
  }

  private findById(id: string): StoredUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  private findByLogin(login: string): StoredUser | undefined {
    const key = loginKey(login);
    return this.users.find((u) => loginKey(u.login) === key);
  }

  /**
   * The user whose login and password these are, or undefined — after the same amount of work whether the
   * login exists, is disabled or the password is wrong.
   */
  async authenticate(login: string, password: string): Promise<StoredUser | undefined> {
    const user = this.findByLogin(login);
    this.dummyHash ??= hashPassword('not anyone’s password', this.scrypt);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    return ok && user && !user.disabled ? user : undefined;
  }

  async create(input: NewUser): Promise<StoredUser> {
    const passwordHash = await hashPassword(input.password, this.scrypt);
    return this.change(() => {
      const user = newUserRecord(this.users, input, passwordHash);
      return { users: [...this.users, user], result: user };
    });
  }

  async update(id: string, changes: UserChanges): Promise<StoredUser> {
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password, this.scrypt);
    return this.change(() => {
      const next = changedUser(this.users, id, changes, passwordHash);
      return { users: this.users.map((u) => (u.id === id ? next : u)), result: next };
    });
  }

  async flush(): Promise<void> {
    await this.file.flush();
  }

  /** Decides the new list against the latest one, writes it, and only then makes it current. */
  private change(decide: () => { users: StoredUser[]; result: StoredUser }): Promise<StoredUser> {
    return this.file.exclusive(() => {
      const { users, result } = decide();
      return { data: { version: 1 as const, users }, result, commit: () => (this.users = users) };
    });
  }
}
