import { CORRECTIONS, revisedTarget, spanToFlag } from './corpus';
import type { PlannedWrite, SegmentRef } from './load';
import type { Child } from './processes';

// What both servers under test provide, and the write bodies they share.

export type Workload = 'segment edits' | 'flag creations';
export const WORKLOADS: Workload[] = ['segment edits', 'flag creations'];

export interface Target {
  name: string;
  url: string;
  /** Sent with every request (JSON content type, who is writing). */
  headers: Record<string, string>;
  child: Child;
  segments: SegmentRef[];
  edit(seg: SegmentRef): PlannedWrite;
  flag(seg: SegmentRef): PlannedWrite;
  /** Re-reads versions and texts: a write in flight when a run stopped may still have been applied. */
  resync(): Promise<void>;
}

/** GET/POST on loopback, JSON back; any other status than `expect` throws. */
export async function http<T>(url: string, init: RequestInit & { expect?: number } = {}): Promise<T> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (res.status !== (init.expect ?? 200))
    throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let flagCounter = 0;

/** A reviewer's spelling flag on a word of the segment's current text, at its current version. */
export function flagBody(seg: SegmentRef) {
  const n = ++flagCounter;
  const span = spanToFlag(seg.target, n);
  const comment = `Orthographe à vérifier (relecture automatique n° ${n})`;
  const body = {
    segmentId: seg.id,
    side: 'target' as const,
    start: span.start,
    end: span.end,
    quote: span.quote,
    category: 'fluency/spelling',
    severity: 'minor',
    correction: CORRECTIONS[n % CORRECTIONS.length]!,
    comment,
    baseVersion: seg.version,
  };
  return { body: JSON.stringify(body), key: `flag:${comment}` };
}

/** The next text of a segment, different from every earlier one. */
export function nextRevision(seg: SegmentRef) {
  const target = revisedTarget(seg.original, ++seg.rev);
  return { target, key: `edit:${seg.id}:${target}` };
}
