import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inMemoryPresence, PRESENCE_TTL_MS, type Presence } from './presence';

const amina = { id: 'u1', login: 'amina', displayName: 'Amina' };
const youssef = { id: 'u2', login: 'youssef', displayName: 'Youssef' };

describe('in-memory presence', () => {
  let presence: Presence;
  let changes: number;
  beforeEach(() => {
    vi.useFakeTimers();
    presence = inMemoryPresence();
    changes = 0;
    presence.subscribe('d1', () => changes++);
  });
  afterEach(() => {
    presence.close();
    vi.useRealTimers();
  });
  const list = () => presence.list('d1');

  it('present while a stream is open, whatever the time; gone at once when the last one closes', async () => {
    await presence.connect('d1', amina, 'c1');
    await presence.connect('d1', amina, 'c2'); // a second tab: no change
    await presence.focus('d1', amina, 's3');
    expect(await list()).toEqual([{ login: 'amina', displayName: 'Amina', segmentId: 's3' }]);
    expect(changes).toBe(2);
    vi.advanceTimersByTime(10 * PRESENCE_TTL_MS);
    expect(await list()).toHaveLength(1);
    await presence.disconnect('d1', 'c1');
    expect(await list()).toHaveLength(1);
    await presence.disconnect('d1', 'c2');
    expect(await list()).toEqual([]);
    expect(changes).toBe(3);
  });

  it('a PUT without a stream shows its user for PRESENCE_TTL_MS after the last one', async () => {
    await presence.focus('d1', youssef, 's1');
    await presence.connect('d1', amina, 'c1');
    expect((await list()).map((u) => u.login)).toEqual(['amina', 'youssef']);
    vi.advanceTimersByTime(PRESENCE_TTL_MS - 1000);
    await presence.focus('d1', youssef, 's1'); // same segment: no change, but the clock restarts
    expect(changes).toBe(2);
    vi.advanceTimersByTime(PRESENCE_TTL_MS - 1000);
    expect((await list()).map((u) => u.login)).toEqual(['amina', 'youssef']);
    vi.advanceTimersByTime(1000);
    expect((await list()).map((u) => u.login)).toEqual(['amina']);
    expect(changes).toBe(3);
  });

  it('a stream opened after a PUT keeps the segment and stops the expiry', async () => {
    await presence.focus('d1', youssef, 's2');
    await presence.connect('d1', youssef, 'c9');
    vi.advanceTimersByTime(2 * PRESENCE_TTL_MS);
    expect(await list()).toEqual([{ login: 'youssef', displayName: 'Youssef', segmentId: 's2' }]);
    expect(await presence.list('d2')).toEqual([]);
  });
});
