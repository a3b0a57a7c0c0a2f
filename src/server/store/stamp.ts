import { z } from 'zod';
import { DocumentEventSchema, type DocumentEvent, type NewEvent } from '../../shared/events';

/**
 * Who writes: a login, or a login and the name of the API token the request came with (events record both,
 * so the history says "amina, through token ci-gate").
 */
export type Actor = string | { login: string; token?: string | undefined };

export const loginOf = (actor: Actor) => (typeof actor === 'string' ? actor : actor.login);

/** Gives decided events their envelope and checks them: an invalid event is a bug in the command. */
export function stamp(events: readonly NewEvent[], afterSeq: number, actor: Actor): DocumentEvent[] {
  const at = new Date().toISOString();
  const who =
    typeof actor === 'string' ? { actor } : { actor: actor.login, ...(actor.token ? { token: actor.token } : {}) };
  return events.map((e, i) => {
    const parsed = DocumentEventSchema.safeParse({ ...e, seq: afterSeq + i + 1, at, ...who });
    if (!parsed.success) throw new Error(`invalid ${e.type} event: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}
