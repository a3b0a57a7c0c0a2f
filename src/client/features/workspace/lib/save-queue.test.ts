import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../../../shared/schemas';
import { ApiError } from '../../../lib/api';
import { changedByOther, overallState, SaveQueue, type Draft } from './save-queue';

function segment(version: number, target: string): Segment {
  return {
    id: 's1',
    index: 0,
    source: 'src',
    target,
    version,
    status: 'translated',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'x',
  };
}

/** A fake server: one segment, optimistic versions, and a switch to go offline. */
function fakeServer() {
  const server = {
    version: 1,
    target: 'old',
    offline: false,
    calls: [] as { target: string; base: number }[],
    /** While set, requests hang until it resolves (a slow network). */
    gate: undefined as Promise<void> | undefined,
  };
  const save = vi.fn(async (_id: string, target: string, base: number) => {
    server.calls.push({ target, base });
    await (server.gate ?? Promise.resolve());
    if (server.offline) throw new ApiError(0, 'NETWORK', 'offline');
    if (base !== server.version) {
      throw new ApiError(409, 'SEGMENT_VERSION_CONFLICT', 'conflict', {
        current: segment(server.version, server.target),
      });
    }
    server.version += 1;
    server.target = target;
    return segment(server.version, target);
  });
  return { server, save };
}

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces keystrokes into one save after the pause', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 500 });
    q.edit('s1', 'n', 1);
    q.edit('s1', 'ne', 1);
    q.edit('s1', 'new', 1);
    expect(q.get('s1')?.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toEqual([{ target: 'new', base: 1 }]);
    expect(q.get('s1')?.state).toBe('saved');
    expect(q.hasUnsaved()).toBe(false);
  });

  it('keeps typing during a slow save and sends the rest on the new version', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 100 });
    let open!: () => void;
    server.gate = new Promise((r) => (open = r));
    q.edit('s1', 'a', 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(q.get('s1')?.state).toBe('saving');
    q.edit('s1', 'ab', 1); // typed while the first request is in flight
    server.gate = undefined;
    open();
    await vi.runAllTimersAsync();
    expect(server.calls).toEqual([
      { target: 'a', base: 1 },
      { target: 'ab', base: 2 },
    ]);
    expect(server.target).toBe('ab');
    expect(q.get('s1')?.state).toBe('saved');
  });

  it('on a slow network, text typed during a save waits for a pause in typing before the next save', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 500 });
    let open!: () => void;
    server.gate = new Promise((r) => (open = r));
    q.edit('s1', 'a', 1);
    await vi.advanceTimersByTimeAsync(500);
    expect(server.calls).toHaveLength(1);
    // Still typing when the answer comes back (every 100 ms).
    for (const text of ['ab', 'abc', 'abcd']) {
      q.edit('s1', text, 1);
      await vi.advanceTimersByTimeAsync(100);
      if (text === 'abc') {
        server.gate = undefined;
        open();
      }
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(server.calls).toHaveLength(1); // answered, but the typist has not paused yet
    await vi.advanceTimersByTimeAsync(400);
    expect(server.calls).toEqual([
      { target: 'a', base: 1 },
      { target: 'abcd', base: 2 },
    ]);
    expect(q.get('s1')?.state).toBe('saved');
  });

  it('loses nothing offline: fails visibly, retries with backoff, saves when back', async () => {
    const { server, save } = fakeServer();
    const persisted: unknown[] = [];
    const q = new SaveQueue({ save, debounceMs: 10, retryDelaysMs: [1000], persist: (d) => persisted.push(d) });
    server.offline = true;
    q.edit('s1', 'typed offline', 1);
    await vi.advanceTimersByTimeAsync(10);
    expect(q.get('s1')?.state).toBe('failed');
    expect(q.get('s1')?.error?.code).toBe('NETWORK');
    expect(overallState(q.getSnapshot())).toBe('failed');
    expect(persisted.at(-1)).toEqual([expect.objectContaining({ text: 'typed offline', baseVersion: 1 })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    server.offline = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(q.get('s1')?.state).toBe('saved');
    expect(server.target).toBe('typed offline');
    expect(persisted.at(-1)).toEqual([]);
  });

  it('an edit right after a save builds on the saved version even if the caller has not seen it', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 10 });
    q.edit('s1', 'a', 1);
    await vi.runAllTimersAsync();
    q.edit('s1', 'ab', 1);
    await vi.runAllTimersAsync();
    expect(server.calls.at(-1)).toEqual({ target: 'ab', base: 2 });
    expect(q.get('s1')?.state).toBe('saved');
  });

  it('Retry sends at once', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 10, retryDelaysMs: [60_000] });
    server.offline = true;
    q.edit('s1', 'x', 1);
    await vi.advanceTimersByTimeAsync(10);
    server.offline = false;
    q.retry('s1');
    await vi.advanceTimersByTimeAsync(0);
    expect(q.get('s1')?.state).toBe('saved');
  });

  it('stops on a conflict with both versions, never overwriting', async () => {
    const { server, save } = fakeServer();
    server.version = 3;
    server.target = 'theirs';
    const q = new SaveQueue({ save, debounceMs: 10 });
    q.edit('s1', 'mine', 1);
    await vi.runAllTimersAsync();
    const d = q.get('s1');
    expect(d?.state).toBe('conflict');
    expect(d?.theirs?.target).toBe('theirs');
    expect(d?.text).toBe('mine');
    expect(server.target).toBe('theirs');
    expect(overallState(q.getSnapshot())).toBe('conflict');
    // The user merges: saved on top of their version.
    q.resolveConflict('s1', 'mine + theirs', d!.theirs!);
    await vi.runAllTimersAsync();
    expect(server.target).toBe('mine + theirs');
    expect(server.calls.at(-1)).toEqual({ target: 'mine + theirs', base: 3 });
    expect(q.get('s1')?.state).toBe('saved');
  });

  it('does not retry a request the server refused', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'too long');
    });
    const q = new SaveQueue({ save, debounceMs: 10, retryDelaysMs: [100] });
    q.edit('s1', 'x', 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(q.get('s1')?.state).toBe('failed');
  });

  it('flush waits for the save (used before flagging)', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 10_000 });
    q.edit('s1', 'now', 1);
    await q.flush('s1');
    expect(server.target).toBe('now');
    expect(q.get('s1')?.baseVersion).toBe(2);
  });

  it('restores drafts from before a reload, or shows a conflict when the server moved on', async () => {
    const { server, save } = fakeServer();
    const q = new SaveQueue({ save, debounceMs: 10 });
    q.restore([{ segmentId: 's1', text: 'unsaved', baseVersion: 1 }], [segment(1, 'old')]);
    await vi.runAllTimersAsync();
    expect(server.target).toBe('unsaved');

    const q2 = new SaveQueue({ save, debounceMs: 10 });
    q2.restore([{ segmentId: 's1', text: 'stale', baseVersion: 1 }], [segment(server.version, server.target)]);
    expect(q2.get('s1')?.state).toBe('conflict');
  });
});

describe('changedByOther (F12: my own save echoed by the live stream before its answer)', () => {
  const by = (version: number, target: string, updatedBy: string): Segment => ({
    ...segment(version, target),
    updatedBy,
  });
  const saving: Draft = {
    segmentId: 's1',
    text: 'new and more',
    baseVersion: 1,
    state: 'saving',
    sent: { text: 'new', baseVersion: 1 },
  };
  it.each([
    ['nothing changed', by(1, 'old', 'bob'), saving, null],
    ['the echo of my save', by(2, 'new', 'tina'), saving, null],
    ['someone else saved first', by(2, 'theirs', 'bob'), saving, 'bob'],
    ['I saved other words in another tab', by(2, 'other tab', 'tina'), saving, 'tina'],
    ['someone saved after my save', by(3, 'later', 'bob'), saving, 'bob'],
    ['a pending draft (nothing sent)', by(2, 'new', 'tina'), { ...saving, state: 'pending', sent: undefined }, 'tina'],
  ] as const)('%s', (_name, seg, draft, expected) => {
    expect(changedByOther(seg, draft, 'tina')).toBe(expected);
  });

  it('the queue remembers the save in flight until it is answered', async () => {
    vi.useFakeTimers();
    const { server, save } = fakeServer();
    let open: () => void = () => undefined;
    server.gate = new Promise((r) => (open = r));
    const q = new SaveQueue({ save, debounceMs: 10 });
    q.edit('s1', 'new', 1);
    await vi.advanceTimersByTimeAsync(10);
    expect(q.get('s1')).toMatchObject({ state: 'saving', sent: { text: 'new', baseVersion: 1 } });
    open();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.get('s1')).toMatchObject({ state: 'saved', baseVersion: 2 });
    expect(q.get('s1')?.sent).toBeUndefined();
    vi.useRealTimers();
  });
});
