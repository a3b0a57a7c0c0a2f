import { z } from 'zod';
import { DocumentEventSchema, type DocumentEvent, type NewEvent } from '../../shared/events';

/** Gives decided events their envelope and checks them: an invalid event is a bug in the command. */
export function stamp(events: readonly NewEvent[], afterSeq: number, actor: string): DocumentEvent[] {
  const at = new Date().toISOString();
  return events.map((e, i) => {
    const parsed = DocumentEventSchema.safeParse({ ...e, seq: afterSeq + i + 1, at, actor });
    if (!parsed.success) throw new Error(`invalid ${e.type} event: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}
