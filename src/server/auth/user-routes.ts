import type { FastifyInstance } from 'fastify';
import { can } from '../../shared/permissions';
import { CreateUserBodySchema, PatchUserBodySchema, type DirectoryEntry } from '../../shared/users';
import { currentUser, idParam, parseWith, requirePermission } from '../http';
import type { AuthStore } from './auth-store';
import { publicUser } from './user-store';

/** Accounts: admins list, create and change them; everyone else sees a directory of names. */
export async function userRoutes(app: FastifyInstance, opts: { auth: AuthStore }) {
  const { auth } = opts;
  const byLogin = <T extends { login: string }>(a: T, b: T) => a.login.localeCompare(b.login);

  app.get('/api/users', async (req) => {
    const me = currentUser(req);
    const users = await auth.users.list();
    if (can(me.roles, 'users.manage')) return { users: users.map(publicUser).sort(byLogin) };
    // Logins are what the history records: this lets everyone show the names beside them.
    // Ids too: an @mention records the mentioned user's id.
    const entry = (u: (typeof users)[number]): DirectoryEntry => ({
      id: u.id,
      login: u.login,
      displayName: u.displayName,
    });
    return { users: users.map(entry).sort(byLogin) };
  });

  app.post('/api/users', async (req, reply) => {
    requirePermission(req, 'users.manage');
    const body = parseWith(CreateUserBodySchema, req.body);
    const user = await auth.users.create(body);
    return reply.code(201).send({ user: publicUser(user) });
  });

  app.patch<{ Params: { id: string } }>('/api/users/:id', async (req) => {
    const me = requirePermission(req, 'users.manage');
    const id = idParam(req.params.id, 'user');
    const body = parseWith(PatchUserBodySchema, req.body);
    // A reset password is one the admin knows: ask for a new one, unless told otherwise.
    const mustChangePassword =
      body.password !== undefined ? (body.mustChangePassword ?? id !== me.id) : body.mustChangePassword;
    const user = await auth.users.update(id, { ...body, mustChangePassword });
    if (body.password !== undefined || body.disabled === true) {
      await auth.sessions.deleteForUser(id, id === me.id ? req.session?.id : undefined);
    }
    return { user: publicUser(user) };
  });
}
