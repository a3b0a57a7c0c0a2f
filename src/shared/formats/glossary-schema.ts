import { z } from 'zod';
import { LangSchema } from '../primitives';

/** A project termbase as events and documents carry it (its readers and writers are in glossary.ts). */

export const GlossaryEntrySchema = z
  .object({
    /** Source-language forms of the concept (synonyms); empty only for a forbidden-everywhere entry. */
    source: z.array(z.string().min(1)),
    /** Accepted target forms: any one of them satisfies the check. */
    target: z.array(z.string().min(1)),
    /** Target forms that must not be used for this concept. */
    forbidden: z.array(z.string().min(1)),
    note: z.string().default(''),
  })
  .refine((e) => e.source.length > 0 || e.forbidden.length > 0, {
    message: 'an entry needs a source term or a forbidden form',
  });
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

const isTerms = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

/** GlossaryEntrySchema's rules by hand: the entry as zod would give it, or null. */
function plainEntry(v: unknown): GlossaryEntry | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const { source, target, forbidden, note } = v as Record<string, unknown>;
  if (!isTerms(source) || !isTerms(target) || !isTerms(forbidden)) return null;
  if (note !== undefined && typeof note !== 'string') return null;
  if (source.length === 0 && forbidden.length === 0) return null;
  return { source, target, forbidden, note: note ?? '' };
}

/**
 * The entries, checked by hand first: zod takes 2–4 µs an entry, so an 80,000-term glossary held the event
 * loop ~0.3 s wherever it is validated (the upload, the store's check of every event, start-up). An entry the
 * hand check refuses goes through GlossaryEntrySchema, for its exact issues.
 */
const GlossaryEntriesSchema = z.array(z.unknown()).transform((items, ctx) => {
  const out: GlossaryEntry[] = [];
  items.forEach((item, i) => {
    const entry = plainEntry(item);
    if (entry) return void out.push(entry);
    const checked = GlossaryEntrySchema.safeParse(item);
    if (checked.success) out.push(checked.data);
    else for (const issue of checked.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] });
  });
  return out;
});

export const GlossarySchema = z.object({
  sourceLang: LangSchema,
  targetLang: LangSchema,
  entries: GlossaryEntriesSchema,
});
export type Glossary = z.infer<typeof GlossarySchema>;
