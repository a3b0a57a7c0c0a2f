import { z } from 'zod';

// Ids end up in file paths (data/<docId>/journal.jsonl): only this alphabet, never dots or slashes.
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const IdSchema = z.string().regex(ID_PATTERN, 'must be 1–64 letters, digits, "_" or "-"');
export type Id = z.infer<typeof IdSchema>;

export function isValidId(value: unknown): value is Id {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A short random id (crypto.randomUUID exists in browsers and in Node ≥ 19). */
export function newId(prefix = ''): Id {
  return prefix + globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}
