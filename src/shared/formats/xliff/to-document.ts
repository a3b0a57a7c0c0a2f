import { makeAnchor } from '../../anchor';
import type { EventPayloadSchemas, NewEvent } from '../../events';
import { newId } from '../../ids';
import type { FlagStatus } from '../../schemas';
import type { z } from 'zod';
import { XLIFF_FORMAT, type XliffImport, type XliffMark } from './model';

/*
 * An XLIFF file as read → the events that create its document: DocumentCreated (segments with their codes,
 * notes, translate="no" and statuses; the file kept as the export's skeleton), then each review mark as a
 * flag, created by its author and brought to its status.
 */

type Created = z.infer<(typeof EventPayloadSchemas)['DocumentCreated']>;

export interface XliffDocumentEvents {
  created: Created;
  /** Flag events, each with who made it (the mark's author, else the importer). */
  flags: { actor: string; events: NewEvent[] }[];
}

const STATUS_EVENT: Partial<Record<FlagStatus, NewEvent['type']>> = {
  accepted: 'FlagAccepted',
  rejected: 'FlagRejected',
  resolved: 'FlagResolved',
  disputed: 'FlagDisputed',
  withdrawn: 'FlagWithdrawn',
};

function flagEvents(flagId: string, segmentId: string, text: string, mark: XliffMark): NewEvent[] {
  const anchor = makeAnchor(text, Math.min(mark.start, text.length), Math.min(mark.end, text.length));
  const fromIts = mark.status === undefined && mark.itsType !== undefined;
  const events: NewEvent[] = [
    {
      type: 'FlagCreated',
      payload: {
        flagId,
        segmentId,
        side: mark.side,
        anchor,
        category: mark.category ?? 'other',
        severity: mark.severity ?? 'minor',
        correction: mark.correction ?? '',
        comment: (mark.comment ?? '').slice(0, 10_000),
        ...(fromIts
          ? {
              original: {
                category: mark.itsType!,
                severity: mark.itsSeverity !== undefined ? String(mark.itsSeverity) : '',
              },
            }
          : {}),
      },
    },
  ];
  const then = mark.status ? STATUS_EVENT[mark.status] : undefined;
  if (then === 'FlagAccepted') events.push({ type: 'FlagAccepted', payload: { flagId, reason: null, target: null } });
  else if (then) events.push({ type: then, payload: { flagId, reason: null } } as NewEvent);
  return events;
}

export function xliffDocumentEvents(
  read: XliffImport,
  opts: {
    id?: string;
    title: string;
    sourceLang: string;
    targetLang: string;
    fileName: string;
    hash: string;
    skeleton: string;
    actor: string;
  },
): XliffDocumentEvents {
  const id = opts.id ?? newId('d');
  const flags: XliffDocumentEvents['flags'] = [];
  const segments = read.segments.map((s) => {
    const segmentId = newId('s');
    for (const mark of s.marks) {
      const text = mark.side === 'source' ? s.source : s.target;
      const actor = mark.author ?? opts.actor;
      const events = flagEvents(newId('f'), segmentId, text, mark);
      const last = flags[flags.length - 1];
      if (last && last.actor === actor) last.events.push(...events);
      else flags.push({ actor, events });
    }
    return {
      id: segmentId,
      source: s.source,
      target: s.target,
      status: s.status,
      ...(s.codes ? { codes: s.codes } : {}),
      ...(s.readOnly ? { readOnly: true } : {}),
      // The schema's bounds (a file's notes join its first segment's).
      ...(s.notes.length > 0 ? { notes: s.notes.slice(0, 100).map((n) => n.slice(0, 10_000)) } : {}),
      ...(s.gap ? { gap: s.gap } : {}),
      ...(Object.keys(s.meta).length > 0 ? { meta: s.meta } : {}),
    };
  });
  return {
    created: {
      id,
      title: opts.title,
      sourceLang: opts.sourceLang,
      targetLang: opts.targetLang,
      segments,
      origin: { format: XLIFF_FORMAT, version: read.version, file: opts.fileName, hash: opts.hash },
      skeleton: opts.skeleton,
    },
    flags,
  };
}
