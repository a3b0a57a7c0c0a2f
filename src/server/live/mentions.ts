import path from 'node:path';
import { z } from 'zod';
import type { DocumentEvent } from '../../shared/events';
import type { Mention } from '../../shared/schemas';
import { byId } from '../../shared/state-index';
import { JsonStateFile } from '../auth/json-state-file';
import type { MentionReadStore } from '../auth/auth-store';
import { AppError } from '../errors';
import type { DocumentStore } from '../store/document-store';
import type { StoreLogger } from '../store/logger';

/** The mentioned users must exist: the ids, each once, in the order given; unknown ones are a 400. */
export async function checkMentions(
  users: { byId(id: string): Promise<unknown> },
  mentions: readonly string[] | undefined,
): Promise<string[] | undefined> {
  if (mentions === undefined) return undefined;
  const unique = [...new Set(mentions)];
  const found = await Promise.all(unique.map((id) => users.byId(id)));
  const unknown = unique.filter((_, i) => !found[i]);
  if (unknown.length > 0) {
    throw new AppError(
      400,
      'USER_NOT_FOUND',
      `No user has the id ${unknown.map((u) => JSON.stringify(u)).join(', ')}.`,
      {
        unknown,
      },
    );
  }
  return unique;
}

interface MentioningComment {
  flagId: string;
  by: string;
  text: string;
  /** userId → when the comment started mentioning them. */
  mentioned: Map<string, string>;
}

interface IndexedDocument {
  /** Events up to this seq are in `comments`. */
  seq: number;
  comments: Map<string, MentioningComment>;
}

/**
 * Who is mentioned where, derived from the events: each document's comments that mention someone. Kept up
 * to date by reading "events after seq" when asked (like the streams, so it works with several servers).
 */
export class MentionIndex {
  private readonly docs = new Map<string, IndexedDocument>();

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: StoreLogger,
  ) {}

  /** Mentions of `userId`, newest first, without their read state. */
  async of(userId: string): Promise<Omit<Mention, 'read'>[]> {
    const out: Omit<Mention, 'read'>[] = [];
    const listed = (await this.store.list()) as readonly {
      id: string;
      title: string;
      seq: number;
      available?: boolean;
    }[];
    const present = new Set(listed.map((d) => d.id));
    for (const id of this.docs.keys()) if (!present.has(id)) this.docs.delete(id);
    for (const summary of listed) {
      if (summary.available === false) continue;
      let doc: IndexedDocument;
      try {
        doc = await this.catchUp(summary.id, summary.seq);
      } catch (err) {
        this.logger.warn(`mentions in document ${summary.id}: ${(err as Error).message}`);
        continue;
      }
      let state: Awaited<ReturnType<DocumentStore['get']>> | undefined;
      for (const [commentId, c] of doc.comments) {
        const at = c.mentioned.get(userId);
        if (at === undefined) continue;
        state ??= await this.store.get(summary.id).catch(() => undefined);
        const flag = state ? byId(state.flags, c.flagId) : undefined;
        out.push({
          id: `${summary.id}.${commentId}`,
          documentId: summary.id,
          documentTitle: summary.title,
          segmentId: flag?.segmentId ?? null,
          flagId: c.flagId,
          commentId,
          by: c.by,
          at,
          text: c.text,
        });
      }
    }
    return out.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
  }

  private async catchUp(documentId: string, seq: number): Promise<IndexedDocument> {
    let doc = this.docs.get(documentId);
    if (!doc) this.docs.set(documentId, (doc = { seq: 0, comments: new Map() }));
    if (doc.seq >= seq) return doc;
    for (const event of await this.store.events(documentId, doc.seq)) {
      if (event.seq <= doc.seq) continue; // another request caught up meanwhile
      apply(doc, event);
      doc.seq = event.seq;
    }
    return doc;
  }
}

function apply(doc: IndexedDocument, event: DocumentEvent): void {
  if (event.type === 'CommentAdded') {
    const p = event.payload;
    if (!p.mentions?.length) return;
    const mentioned = new Map(p.mentions.map((id) => [id, event.at] as const));
    doc.comments.set(p.commentId, { flagId: p.flagId, by: event.actor, text: p.text, mentioned });
  } else if (event.type === 'CommentEdited') {
    const p = event.payload;
    const c = doc.comments.get(p.commentId);
    if (c) c.text = p.text;
    if (p.mentions === undefined) return;
    const before = c?.mentioned ?? new Map<string, string>();
    const mentioned = new Map(p.mentions.map((id) => [id, before.get(id) ?? event.at] as const));
    if (mentioned.size === 0) doc.comments.delete(p.commentId);
    else doc.comments.set(p.commentId, { flagId: p.flagId, by: c?.by ?? event.actor, text: p.text, mentioned });
  }
}

const ReadFileSchema = z.object({
  version: z.literal(1),
  /** userId → ids of the mentions they have read. */
  read: z.record(z.string(), z.array(z.string())),
});

/** Which mentions each user has read: DATA_DIR/mentions-read.json (pretty JSON, atomic rename). */
export class MentionReads implements MentionReadStore {
  private read = new Map<string, Set<string>>();

  private constructor(private readonly file: JsonStateFile<typeof ReadFileSchema>) {}

  static async open(dataDir: string, logger: StoreLogger): Promise<MentionReads> {
    const reads = new MentionReads(new JsonStateFile(path.join(dataDir, 'mentions-read.json'), ReadFileSchema));
    const data = await reads.file.read(logger);
    for (const [userId, ids] of Object.entries(data?.read ?? {})) reads.read.set(userId, new Set(ids));
    return reads;
  }

  async readBy(userId: string): Promise<ReadonlySet<string>> {
    return new Set(this.read.get(userId));
  }

  /** Marks them read (durably: resolves once the file is written). `known`: the user's mention ids now. */
  async mark(userId: string, ids: readonly string[], known: ReadonlySet<string>): Promise<void> {
    const mine = this.read.get(userId) ?? new Set<string>();
    // Only ids that are the user's mentions; ids of mentions gone since (edited away) are dropped.
    const next = new Set([...mine, ...ids].filter((id) => known.has(id)));
    if (next.size === mine.size && [...next].every((id) => mine.has(id))) return;
    await this.file.exclusive(() => {
      const read = Object.fromEntries([...this.read].map(([u, s]) => [u, [...s]]));
      read[userId] = [...next];
      return { data: { version: 1 as const, read }, result: undefined, commit: () => this.read.set(userId, next) };
    });
  }

  async flush(): Promise<void> {
    await this.file.flush();
  }
}
