import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { jsonPieces, jsonStream } from './json-stream';

const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

describe('jsonStream: the same text as JSON.stringify', () => {
  it.each([
    ['a string', 'a "quoted" \u2028 string'],
    ['null', null],
    ['a small object', { a: 1, b: [1, 2], c: { d: 'e' } }],
    ['a long array of objects', many(100, (i) => ({ i, s: `s${i}`, tags: ['x'] }))],
    [
      'undefined, functions and symbols (left out of objects, null in arrays)',
      { a: undefined, b: () => 1, c: Symbol('c'), d: many(20, (i) => (i % 2 ? undefined : i)), e: 1 },
    ],
    [
      'objects with toJSON and non-plain objects',
      { at: new Date(0), m: new Map([[1, 2]]), list: many(20, () => new Date(0)) },
    ],
    [
      'nested long arrays',
      { format: 'x', events: many(50, (i) => ({ seq: i, payload: { segments: many(30, (j) => ({ j })) } })) },
    ],
    ['empty containers', { a: [], b: {}, c: many(20, () => []) }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { a: many(20, (i) => i) })],
  ])('%s', async (_what, value) => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
    expect(await text(jsonStream(value))).toBe(JSON.stringify(value));
  });

  it('a big export: the same bytes, in many chunks, with other callbacks run between them', async () => {
    const segments = many(5_000, (i) => ({
      id: `s${i}`,
      index: i,
      source: `Source ${i} `.repeat(20),
      target: `Cible ${i}`,
    }));
    const value = {
      format: 'visavis-document',
      document: { segments, flags: many(5_000, (i) => ({ id: `f${i}`, anchor: { start: 0, end: 3 } })) },
      events: [{ seq: 1, payload: { segments } }, ...many(5_000, (i) => ({ seq: i + 2, type: 'FlagCreated' }))],
    };
    const order: string[] = [];
    const stream = jsonStream(value);
    let chunkCount = 0;
    setImmediate(() => order.push('another callback'));
    let out = '';
    for await (const chunk of stream) {
      out += String(chunk);
      if (chunkCount++ === 0) order.push('first chunk');
    }
    order.push('end');
    expect(out).toBe(JSON.stringify(value));
    expect(chunkCount).toBeGreaterThan(10);
    expect(order).toEqual(['first chunk', 'another callback', 'end']);
  });
});
