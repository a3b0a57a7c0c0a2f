import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isValidId } from '../shared/ids';
import { ActorSchema } from '../shared/schemas';
import { AppError } from './errors';

/** Parses a body or query with a shared schema; a mismatch is a 400 that says which field is wrong. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    const where = first && first.path ? `${first.path}: ` : '';
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid request: ${where}${first?.message ?? 'invalid'}.`, {
      issues,
    });
  }
  return result.data;
}

/** Route ids are checked before they reach the store or a path. */
export function idParam(value: unknown, what: string): string {
  if (!isValidId(value)) throw new AppError(400, 'INVALID_ID', `That is not a valid ${what} id.`);
  return value;
}

/** Until accounts exist the actor is the name the user typed, sent URI-encoded in X-Actor. */
export function actorOf(req: FastifyRequest): string {
  const raw = req.headers['x-actor'];
  let decoded: string | undefined;
  try {
    decoded = typeof raw === 'string' ? decodeURIComponent(raw) : undefined;
  } catch {
    decoded = undefined;
  }
  const parsed = ActorSchema.safeParse(decoded);
  if (!parsed.success) {
    throw new AppError(400, 'ACTOR_REQUIRED', 'Say who you are: send your name in the X-Actor header.');
  }
  return parsed.data;
}
