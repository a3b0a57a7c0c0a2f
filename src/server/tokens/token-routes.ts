import type { FastifyInstance } from 'fastify';
import { CreateTokenBodySchema } from '../../shared/api-tokens';
import { can } from '../../shared/permissions';
import type { AuthStore } from '../auth/auth-store';
import { AppError } from '../errors';
import { currentUser, parseWith } from '../http';
import { tokenInfo } from './api-token';

/**
 * Personal API tokens, from the account page (a session: bearer requests cannot reach /api/tokens).
 * GET lists mine (`?all=1`: everyone's, admins); POST makes one and answers its secret once; DELETE revokes
 * mine, or anyone's for an admin.
 */
export async function tokenRoutes(app: FastifyInstance, opts: { auth: AuthStore }) {
  const { auth } = opts;

  app.get<{ Querystring: { all?: string } }>('/api/tokens', async (req) => {
    const me = currentUser(req);
    const all = req.query.all === '1';
    if (all && !can(me.roles, 'users.manage')) {
      throw new AppError(403, 'FORBIDDEN', 'Only admins may list everyone’s tokens.', { permission: 'users.manage' });
    }
    const tokens = await auth.tokens.list(all ? undefined : me.id);
    const logins = new Map((await auth.users.list()).map((u) => [u.id, u.login]));
    return { tokens: tokens.map((t) => tokenInfo(t, logins.get(t.userId))) };
  });

  app.post('/api/tokens', async (req, reply) => {
    const me = currentUser(req);
    const body = parseWith(CreateTokenBodySchema, req.body);
    const beyond = body.permissions.filter((p) => !can(me.roles, p));
    if (beyond.length > 0) {
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        `A token gets a subset of your permissions; you lack ${beyond.join(', ')}.`,
        {
          permissions: beyond,
        },
      );
    }
    const { secret, token } = await auth.tokens.create(me.id, body);
    // The secret is in this answer only: it is kept hashed.
    return reply
      .code(201)
      .header('cache-control', 'no-store')
      .send({ token: tokenInfo(token, me.login), secret });
  });

  app.delete<{ Params: { id: string } }>('/api/tokens/:id', async (req, reply) => {
    const me = currentUser(req);
    const token = (await auth.tokens.list()).find((t) => t.id === req.params.id);
    if (!token || (token.userId !== me.id && !can(me.roles, 'users.manage'))) {
      throw new AppError(404, 'TOKEN_NOT_FOUND', 'There is no such API token.');
    }
    await auth.tokens.revoke(token.id);
    return reply.code(204).send();
  });
}
