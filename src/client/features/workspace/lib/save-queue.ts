import type { Segment } from '../../../../shared/schemas';
import { ApiError } from '../../../lib/api';

/** Where one segment's edit stands. */
export type SaveState = 'pending' | 'saving' | 'saved' | 'failed' | 'conflict';

export interface Draft {
  segmentId: string;
  /** What the user typed last. */
  text: string;
  /** The server version the text is based on. */
  baseVersion: number;
  state: SaveState;
  error?: ApiError | undefined;
  /** On a conflict: the segment as it now is on the server. */
  theirs?: Segment | undefined;
  /**
   * The last save sent and not yet answered (kept after a network failure, which may have reached the
   * server): its echo on the live stream can arrive before the answer and is recognised by it.
   */
  sent?: { text: string; baseVersion: number } | undefined;
}

/**
 * Who saved the segment since the draft's base version, if that was someone else (or this user elsewhere):
 * null when nothing changed or the change is the echo of this draft's own save (the version right after the
 * save's base, with its text and by this user), which the live stream may deliver before the save's answer.
 */
export function changedByOther(segment: Segment, draft: Draft, me: string | undefined): string | null {
  if (segment.version <= draft.baseVersion) return null;
  const s = draft.sent;
  const ownEcho =
    !!s &&
    segment.version === s.baseVersion + 1 &&
    segment.target === s.text &&
    (me === undefined || segment.updatedBy === me);
  return ownEcho ? null : segment.updatedBy;
}

export interface SaveQueueOptions {
  save: (segmentId: string, target: string, baseVersion: number) => Promise<Segment>;
  onSaved?: (segment: Segment, draft: Draft) => void;
  /** Persist unsaved drafts (e.g. localStorage) so a closed tab loses nothing. */
  persist?: (drafts: Draft[]) => void;
  debounceMs?: number;
  retryDelaysMs?: number[];
}

/**
 * The autosave queue: coalesces keystrokes per segment, sends one request per segment at a time,
 * retries network failures with backoff, and stops on a version conflict until the user chooses.
 */
export class SaveQueue {
  private drafts = new Map<string, Draft>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each segment was last typed in (Date.now()). */
  private lastEdit = new Map<string, number>();
  private inFlight = new Map<string, Promise<void>>();
  private attempts = new Map<string, number>();
  private listeners = new Set<() => void>();
  private snapshot: Draft[] = [];
  private readonly debounceMs: number;
  private readonly retryDelaysMs: number[];

  constructor(private readonly opts: SaveQueueOptions) {
    this.debounceMs = opts.debounceMs ?? 500;
    this.retryDelaysMs = opts.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000];
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A stable array for useSyncExternalStore. */
  getSnapshot = () => this.snapshot;

  get(segmentId: string): Draft | undefined {
    return this.drafts.get(segmentId);
  }

  hasUnsaved(): boolean {
    return [...this.drafts.values()].some((d) => d.state !== 'saved');
  }

  /** The user typed: remember the text, save it after a pause. */
  edit(segmentId: string, text: string, baseVersion: number) {
    const existing = this.drafts.get(segmentId);
    // An unsaved draft keeps its base version. Otherwise the text is based on what the caller shows,
    // or on our own last save if the caller has not seen it yet (versions only grow).
    const draft: Draft =
      existing && existing.state !== 'saved'
        ? { ...existing, text }
        : { segmentId, text, baseVersion: Math.max(baseVersion, existing?.baseVersion ?? 0), state: 'pending' };
    if (draft.state === 'failed') draft.state = 'pending';
    this.lastEdit.set(segmentId, Date.now());
    this.set(draft);
    if (draft.state === 'pending') this.schedule(segmentId, this.debounceMs);
  }

  /** Send now (blur, Retry, before flagging). Resolves when this segment has nothing unsent. */
  async flush(segmentId: string): Promise<void> {
    for (;;) {
      const running = this.inFlight.get(segmentId);
      if (running) {
        await running;
        continue;
      }
      const draft = this.drafts.get(segmentId);
      if (!draft || draft.state === 'saved' || draft.state === 'conflict') return;
      this.clearTimer(segmentId);
      await this.send(segmentId);
      const after = this.drafts.get(segmentId);
      if (after && after.state === 'failed') return;
    }
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.drafts.keys()].map((id) => this.flush(id)));
  }

  retry(segmentId: string) {
    const draft = this.drafts.get(segmentId);
    if (!draft || draft.state !== 'failed') return;
    this.attempts.set(segmentId, 0);
    this.set({ ...draft, state: 'pending', error: undefined });
    void this.flush(segmentId);
  }

  retryAll() {
    for (const d of this.drafts.values()) if (d.state === 'failed') this.retry(d.segmentId);
  }

  /** Conflict resolved: save `text` on top of the server's current version. */
  resolveConflict(segmentId: string, text: string, theirs: Segment) {
    if (text === theirs.target) {
      this.discard(segmentId);
      return;
    }
    this.set({ segmentId, text, baseVersion: theirs.version, state: 'pending' });
    void this.flush(segmentId);
  }

  /** Forget the draft (e.g. the user took the server's version). */
  discard(segmentId: string) {
    this.clearTimer(segmentId);
    this.drafts.delete(segmentId);
    this.emit();
  }

  /** Bring back drafts saved before a reload, checked against the server's current segments. */
  restore(drafts: Pick<Draft, 'segmentId' | 'text' | 'baseVersion'>[], segments: Segment[]) {
    for (const d of drafts) {
      const seg = segments.find((s) => s.id === d.segmentId);
      if (!seg || seg.target === d.text) continue;
      if (seg.version === d.baseVersion) {
        this.set({ segmentId: d.segmentId, text: d.text, baseVersion: d.baseVersion, state: 'pending' });
        this.schedule(d.segmentId, 0);
      } else {
        this.set({ segmentId: d.segmentId, text: d.text, baseVersion: d.baseVersion, state: 'conflict', theirs: seg });
      }
    }
  }

  dispose() {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(segmentId: string, delay: number) {
    this.clearTimer(segmentId);
    this.timers.set(
      segmentId,
      setTimeout(() => {
        this.timers.delete(segmentId);
        // One save per timer (flush() would also send what is typed while it is out): the answer of a
        // request in flight schedules what follows.
        if (this.inFlight.has(segmentId)) return;
        const draft = this.drafts.get(segmentId);
        if (draft && (draft.state === 'pending' || draft.state === 'failed')) void this.send(segmentId);
      }, delay),
    );
  }

  private clearTimer(segmentId: string) {
    const t = this.timers.get(segmentId);
    if (t) clearTimeout(t);
    this.timers.delete(segmentId);
  }

  private send(segmentId: string): Promise<void> {
    const draft = this.drafts.get(segmentId);
    if (!draft) return Promise.resolve();
    const sent = draft.text;
    this.set({ ...draft, state: 'saving', error: undefined, sent: { text: sent, baseVersion: draft.baseVersion } });
    const run = this.opts
      .save(segmentId, sent, draft.baseVersion)
      .then((segment) => {
        this.attempts.set(segmentId, 0);
        const now = this.drafts.get(segmentId) ?? draft;
        const next: Draft = {
          ...now,
          baseVersion: segment.version,
          error: undefined,
          theirs: undefined,
          sent: undefined,
        };
        // Typed more while the request was out: keep going from the new version, once typing pauses (on a
        // slow network, sending at every answer would save, and record a revision, twice a second).
        next.state = now.text === sent ? 'saved' : 'pending';
        this.set(next);
        this.opts.onSaved?.(segment, next);
        if (next.state === 'pending') {
          const quiet = Date.now() - (this.lastEdit.get(segmentId) ?? 0);
          this.schedule(segmentId, Math.max(0, this.debounceMs - quiet));
        }
      })
      .catch((err: unknown) => {
        const now = this.drafts.get(segmentId) ?? draft;
        const error = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
        if (error.code === 'SEGMENT_VERSION_CONFLICT') {
          const theirs = (error.details as { current?: Segment } | undefined)?.current;
          this.set({ ...now, state: 'conflict', error, theirs, sent: undefined });
          return;
        }
        this.set({ ...now, state: 'failed', error });
        // Network trouble and server hiccups are retried; a request the server refused is not.
        if (error.status === 0 || error.status >= 500 || error.status === 429) {
          const n = this.attempts.get(segmentId) ?? 0;
          this.attempts.set(segmentId, n + 1);
          const delay = this.retryDelaysMs[Math.min(n, this.retryDelaysMs.length - 1)] ?? 30000;
          this.schedule(segmentId, delay);
        }
      })
      .finally(() => this.inFlight.delete(segmentId));
    this.inFlight.set(segmentId, run);
    return run;
  }

  private set(draft: Draft) {
    this.drafts.set(draft.segmentId, draft);
    this.emit();
  }

  private emit() {
    this.snapshot = [...this.drafts.values()];
    this.opts.persist?.(this.snapshot.filter((d) => d.state !== 'saved'));
    this.listeners.forEach((l) => l());
  }
}

/** The one state the header shows: the most urgent of all segments'. */
export function overallState(drafts: readonly Draft[]): SaveState | 'idle' {
  const order: SaveState[] = ['conflict', 'failed', 'saving', 'pending', 'saved'];
  for (const s of order) if (drafts.some((d) => d.state === s)) return s;
  return 'idle';
}
