import { z } from 'zod';

// Leaf schemas with no imports of their own, so formats/glossary.ts and qa/types.ts can use them while schemas.ts
// uses those modules (no import cycle).

export const LangSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "ar" or "fr-FR"');

export const FlagSideSchema = z.enum(['source', 'target']);
export type FlagSide = z.infer<typeof FlagSideSchema>;
