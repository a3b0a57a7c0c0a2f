import type { FastifyInstance } from 'fastify';
import { WebhookBodySchema, WebhookPatchSchema } from '../../shared/webhooks';
import type { AuthStore } from '../auth/auth-store';
import { AppError } from '../errors';
import { actorOf, parseWith, requirePermission } from '../http';
import type { WebhookDispatcher } from './dispatcher';
import { hookInfo } from './webhook-store';

const notFound = () => new AppError(404, 'WEBHOOK_NOT_FOUND', 'There is no such webhook.');

/** Admins' webhooks: register, change, delete, read the delivery log and send a delivery again. */
export async function webhookRoutes(app: FastifyInstance, opts: { auth: AuthStore; dispatcher: WebhookDispatcher }) {
  const store = opts.auth.webhooks;

  app.get('/api/webhooks', async (req) => {
    requirePermission(req, 'users.manage');
    return { webhooks: (await store.hooks()).map(hookInfo) };
  });

  app.post('/api/webhooks', async (req, reply) => {
    requirePermission(req, 'users.manage');
    const body = parseWith(WebhookBodySchema, req.body);
    const hook = await store.createHook(body, actorOf(req));
    opts.dispatcher.hooksChanged();
    return reply.code(201).send({ webhook: hookInfo(hook) });
  });

  app.patch<{ Params: { id: string } }>('/api/webhooks/:id', async (req) => {
    requirePermission(req, 'users.manage');
    const changes = parseWith(WebhookPatchSchema, req.body);
    const hook = await store.updateHook(req.params.id, changes);
    if (!hook) throw notFound();
    opts.dispatcher.hooksChanged();
    return { webhook: hookInfo(hook) };
  });

  app.delete<{ Params: { id: string } }>('/api/webhooks/:id', async (req, reply) => {
    requirePermission(req, 'users.manage');
    if (!(await store.deleteHook(req.params.id))) throw notFound();
    opts.dispatcher.hooksChanged();
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/webhooks/:id/deliveries', async (req) => {
    requirePermission(req, 'users.manage');
    if (!(await store.hooks()).some((h) => h.id === req.params.id)) throw notFound();
    return { deliveries: await store.deliveries(req.params.id) };
  });

  /** Sends a delivery's body again, as a new delivery (the old one stays in the log as it was). */
  app.post<{ Params: { id: string; deliveryId: string } }>(
    '/api/webhooks/:id/deliveries/:deliveryId/resend',
    async (req, reply) => {
      requirePermission(req, 'users.manage');
      const old = await store.delivery(req.params.deliveryId);
      if (!old || old.hookId !== req.params.id) {
        throw new AppError(404, 'DELIVERY_NOT_FOUND', 'There is no such delivery.');
      }
      const [delivery] = await store.enqueue([{ hookId: old.hookId, event: old.event, body: old.body }]);
      opts.dispatcher.kick();
      return reply.code(201).send({ delivery });
    },
  );
}
